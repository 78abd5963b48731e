using System;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Engine.Errors;
using AlibabaSecurityGroup.Model;

namespace AlibabaSecurityGroup.Engine
{
    /// <summary>
    /// One input item's removal, as the engine sees it. A subclass per API says how to validate, describe,
    /// rehearse (-WhatIf) and perform the change; the engine supplies everything else (concurrency, one change
    /// at a time per resource, errors, progress, cancellation).
    /// </summary>
    public abstract class RemovalOperation
    {
        protected RemovalOperation(object inputObject, string regionId)
        {
            InputObject = inputObject;
            RegionId = regionId;
        }

        /// <summary>What the user piped in (or the bound values); becomes the error record's TargetObject.</summary>
        public object InputObject { get; }

        /// <summary>The item's own region (by property name), or null for the run's default.</summary>
        public string RegionId { get; }

        /// <summary>Changes with the same key never overlap (one load balancer, one endpoint). Null: no constraint.</summary>
        public abstract string ResourceKey { get; }

        public abstract RemovalResourceType ResourceType { get; }
        public abstract string ResourceId { get; }
        public abstract string[] SecurityGroupIds { get; }

        /// <summary>"service DryRun" or "read-only preflight": how -WhatIf reaches its verdict.</summary>
        public abstract string WhatIfMethod { get; }

        /// <summary>Checks the input before any call; returns the problem or null.</summary>
        public abstract RemovalFailure Validate();

        /// <summary>The ShouldProcess target, e.g. "ECS instance i-123 (cn-hangzhou)".</summary>
        public abstract string Describe(string regionId);

        /// <summary>The ShouldProcess action, e.g. "Remove from security group sg-1".</summary>
        public abstract string Action { get; }

        /// <summary>Performs the change (or, when <see cref="ItemContext.WhatIf"/>, the rehearsal) and returns the result.</summary>
        public abstract Task<SecurityGroupRemovalResult> RunAsync(ItemContext context);

        /// <summary>The API action that makes the change, to tell a failed change from a failed follow-up read.</summary>
        public abstract string ChangeAction { get; }

        /// <summary>
        /// Reads the resource after an unknown outcome: true when none of the item's groups is attached any more (a change
        /// still under way is waited for, within -TimeoutSec). Throws what the read throws.
        /// </summary>
        protected internal abstract Task<bool> GroupsGoneAsync(ItemContext context);

        /// <summary>The result of an item whose removal a read has confirmed.</summary>
        internal SecurityGroupRemovalResult ConfirmedRemoval(ItemContext context) => Result(context, RemovalStatus.Removed, requestId: null);

        /// <summary>
        /// -WhatIf for APIs with DryRun: the service answers DryRunOperation when the real call would pass, or the
        /// real verdict as an error (which propagates).
        /// </summary>
        protected async Task<SecurityGroupRemovalResult> RehearseWithDryRunAsync(ItemContext context, Func<Task<string>> sendDryRun)
        {
            try
            {
                return Result(context, RemovalStatus.DryRunPassed, await sendDryRun().ConfigureAwait(false));
            }
            catch (AlibabaCloudException e) when (e.IsDryRunPassed)
            {
                return Result(context, RemovalStatus.DryRunPassed, e.RequestId);
            }
        }

        /// <summary>
        /// True when a retry after an unanswered attempt hears "not a member": the unanswered attempt did the work.
        /// Matters most for ECS, which has no ClientToken to make the retry idempotent.
        /// </summary>
        protected static bool EarlierAttemptDidIt(AlibabaCloudException e) =>
            ErrorCodes.IsNotMember(e.Code) && e.History != null && e.History.EarlierAttemptOutcomeUnknown;

        protected SecurityGroupRemovalResult RemovedByEarlierAttempt(ItemContext context, AlibabaCloudException e)
        {
            context.Verbose("An earlier " + Action.ToLowerInvariant() + " attempt on " + ResourceId + " got no answer and the retry says " +
                e.Code + ": the earlier attempt did it. Counted as removed.");
            return Result(context, RemovalStatus.Removed, e.RequestId);
        }

        public override string ToString() => Action + " on " + ResourceId;

        protected SecurityGroupRemovalResult Result(ItemContext context, RemovalStatus status, string requestId, string jobId = null) =>
            new SecurityGroupRemovalResult
            {
                ResourceType = ResourceType,
                ResourceId = ResourceId,
                SecurityGroupId = SecurityGroupIds,
                Region = context.RegionId,
                Status = status,
                RequestId = requestId,
                JobId = jobId,
                Elapsed = context.Elapsed,
            };
    }
}
