using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Engine.Errors;
using AlibabaSecurityGroup.Engine.Validation;
using AlibabaSecurityGroup.Engine.Waiting;
using AlibabaSecurityGroup.Model;
using AlibabaSecurityGroup.Services.PrivateLink;

namespace AlibabaSecurityGroup.Engine.Operations
{
    /// <summary>
    /// PrivateLink DetachSecurityGroupFromVpcEndpoint: asynchronous, answers only a RequestId. Done when the group
    /// is gone from ListVpcEndpointSecurityGroups and the endpoint is Active again. The endpoint refuses another
    /// detach for a cool-down period, which the engine waits out for endpoints it changed itself.
    /// </summary>
    public sealed class PrivateLinkDetachOperation : RemovalOperation
    {
        private static readonly string[] BusyCodes = { "EndpointOperationDenied", "ConcurrentCallNotSupported" };

        public PrivateLinkDetachOperation(object inputObject, string regionId, string endpointId, string securityGroupId)
            : base(inputObject, regionId)
        {
            EndpointId = endpointId;
            SecurityGroupId = securityGroupId;
        }

        public string EndpointId { get; }
        public string SecurityGroupId { get; }

        public override string ResourceKey => "ep:" + EndpointId;
        public override RemovalResourceType ResourceType => RemovalResourceType.VpcEndpoint;
        public override string ResourceId => EndpointId;
        public override string[] SecurityGroupIds => new[] { SecurityGroupId };
        public override string WhatIfMethod => "service DryRun";
        public override string Action => "Detach security group " + SecurityGroupId;
        public override string Describe(string regionId) => "VPC endpoint " + EndpointId + " (" + regionId + ")";

        public override string ChangeAction => "DetachSecurityGroupFromVpcEndpoint";

        protected internal override async Task<bool> GroupsGoneAsync(ItemContext context)
        {
            // A detach may still be under way (the group says Detaching): wait for it.
            var attached = await Settling.ReadAsync(context,
                () => context.Services.PrivateLink.ListAllSecurityGroupsAsync(context.RegionId, EndpointId, context.Cancellation),
                groups => groups.Any(g => g.SecurityGroupId == SecurityGroupId && g.SecurityGroupStatus == "Detaching")).ConfigureAwait(false);
            return !attached.Any(g => g.SecurityGroupId == SecurityGroupId);
        }

        public override RemovalFailure Validate() =>
            IdRules.Problem(EndpointId, IdKind.VpcEndpoint) ?? IdRules.Problem(SecurityGroupId, IdKind.SecurityGroup);

        public override async Task<SecurityGroupRemovalResult> RunAsync(ItemContext context)
        {
            var privateLink = context.Services.PrivateLink;
            if (context.WhatIf)
                return await RehearseWithDryRunAsync(context, async () => await privateLink.DetachSecurityGroupAsync(context.RegionId, EndpointId, SecurityGroupId, true, null, context.Cancellation).ConfigureAwait(false)).ConfigureAwait(false);

            string what = "endpoint " + EndpointId;
            string accepted;
            try
            {
                accepted = await CooldownRetry.RunAsync(context, ResourceKey, code => BusyCodes.Contains(code), what,
                    () => privateLink.DetachSecurityGroupAsync(context.RegionId, EndpointId, SecurityGroupId, false, Guid.NewGuid().ToString(), context.Cancellation)).ConfigureAwait(false);
            }
            catch (AlibabaCloudException e) when (EarlierAttemptDidIt(e))
            {
                return RemovedByEarlierAttempt(context, e);
            }
            context.MarkChanged(ResourceKey);

            if (!context.Wait)
            {
                context.HoldResourceUntil(token => WaitDetachedAsync(context, token, showProgress: false));
                return Result(context, RemovalStatus.Submitted, accepted);
            }
            await WaitDetachedAsync(context, context.Cancellation, showProgress: true).ConfigureAwait(false);
            return Result(context, RemovalStatus.Removed, accepted);
        }

        private Task<DetachState> WaitDetachedAsync(ItemContext context, CancellationToken token, bool showProgress) =>
            Poller.UntilAsync(
                async ct =>
                {
                    var groups = await context.Services.PrivateLink.ListAllSecurityGroupsAsync(context.RegionId, EndpointId, ct).ConfigureAwait(false);
                    var mine = groups.FirstOrDefault(g => g.SecurityGroupId == SecurityGroupId);
                    if (mine != null) return new DetachState(mine.SecurityGroupStatus, null);
                    var endpoint = await context.Services.PrivateLink.GetEndpointAsync(context.RegionId, EndpointId, ct).ConfigureAwait(false);
                    return new DetachState(null, endpoint.EndpointStatus);
                },
                s => s.GroupStatus == null && s.EndpointStatus == VpcEndpoint.Active,
                context.Settings, context.WaitTimeout,
                () => "security group " + SecurityGroupId + " to leave endpoint " + EndpointId,
                (s, elapsed) =>
                {
                    if (showProgress)
                        context.Progress("Waiting for endpoint " + EndpointId, SecurityGroupId + ": " +
                            (s.GroupStatus ?? "detached, endpoint " + s.EndpointStatus) + " (" + Poller.Seconds(elapsed) + ")");
                },
                token);

        private sealed class DetachState
        {
            public DetachState(string groupStatus, string endpointStatus)
            {
                GroupStatus = groupStatus;
                EndpointStatus = endpointStatus;
            }

            public string GroupStatus { get; }
            public string EndpointStatus { get; }
        }
    }
}
