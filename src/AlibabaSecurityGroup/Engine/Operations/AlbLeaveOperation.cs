using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Engine.Errors;
using AlibabaSecurityGroup.Engine.Validation;
using AlibabaSecurityGroup.Engine.Waiting;
using AlibabaSecurityGroup.Model;
using AlibabaSecurityGroup.Services.Alb;

namespace AlibabaSecurityGroup.Engine.Operations
{
    /// <summary>
    /// ALB LoadBalancerLeaveSecurityGroup: an asynchronous job. -WhatIf sends DryRun=true. Each item has one
    /// ClientToken, reused by the core's retries, so a retried call cannot start a second job.
    /// </summary>
    public sealed class AlbLeaveOperation : RemovalOperation
    {
        public AlbLeaveOperation(object inputObject, string regionId, string loadBalancerId, string[] securityGroupIds)
            : base(inputObject, regionId)
        {
            LoadBalancerId = loadBalancerId;
            Groups = securityGroupIds;
        }

        public string LoadBalancerId { get; }
        private string[] Groups { get; }

        public override string ResourceKey => "alb:" + LoadBalancerId;
        public override RemovalResourceType ResourceType => RemovalResourceType.LoadBalancer;
        public override string ResourceId => LoadBalancerId;
        public override string[] SecurityGroupIds => Groups ?? new string[0];
        public override string WhatIfMethod => "service DryRun";
        public override string Action => "Remove from security group" + (SecurityGroupIds.Length > 1 ? "s " : " ") + string.Join(", ", SecurityGroupIds);
        public override string Describe(string regionId) => "ALB load balancer " + LoadBalancerId + " (" + regionId + ")";

        public override string ChangeAction => "LoadBalancerLeaveSecurityGroup";

        protected internal override async Task<bool> GroupsGoneAsync(ItemContext context)
        {
            // A job may still be running (the load balancer says Configuring): wait for it.
            var lb = await Settling.ReadAsync(context,
                () => context.Services.Alb.GetLoadBalancerAttributeAsync(context.RegionId, LoadBalancerId, context.Cancellation),
                state => state.LoadBalancerStatus == "Configuring" && SecurityGroupIds.Any(state.SecurityGroupIds.Contains)).ConfigureAwait(false);
            return !SecurityGroupIds.Any(lb.SecurityGroupIds.Contains);
        }

        public override RemovalFailure Validate()
        {
            var problem = IdRules.Problem(LoadBalancerId, IdKind.LoadBalancer);
            if (problem != null) return problem;
            try { IdRules.CheckSecurityGroupList(Groups); }
            catch (RemovalFailure failure) { return failure; }
            return null;
        }

        public override async Task<SecurityGroupRemovalResult> RunAsync(ItemContext context)
        {
            var alb = context.Services.Alb;
            if (context.WhatIf)
                return await RehearseWithDryRunAsync(context, async () => (await alb.LeaveSecurityGroupAsync(context.RegionId, LoadBalancerId, Groups, true, null, context.Cancellation).ConfigureAwait(false)).RequestId).ConfigureAwait(false);

            string what = "load balancer " + LoadBalancerId;
            AlbJobSubmission job;
            try
            {
                job = await CooldownRetry.RunAsync(context, ResourceKey, code => code == "IncorrectStatus.LoadBalancer", what,
                    () => alb.LeaveSecurityGroupAsync(context.RegionId, LoadBalancerId, Groups, false, Guid.NewGuid().ToString(), context.Cancellation)).ConfigureAwait(false);
            }
            catch (AlibabaCloudException e) when (EarlierAttemptDidIt(e))
            {
                return RemovedByEarlierAttempt(context, e);
            }
            context.MarkChanged(ResourceKey);

            if (!context.Wait)
            {
                // Reported now; the load balancer stays reserved until the job ends so the next change does not collide.
                context.HoldResourceUntil(token => WaitForJobAsync(context, job.JobId, token, showProgress: false));
                return Result(context, RemovalStatus.Submitted, job.RequestId, job.JobId);
            }

            var finished = await WaitForJobAsync(context, job.JobId, context.Cancellation, showProgress: true).ConfigureAwait(false);
            if (finished.Status == AlbAsyncJob.Failed)
                throw new RemovalFailure(string.IsNullOrEmpty(finished.ErrorCode) ? "JobFailed" : finished.ErrorCode,
                    ErrorClassifier.Categorize(finished.ErrorCode, 0),
                    "ALB job " + job.JobId + " failed: " + finished.ErrorCode + ": " + finished.ErrorMessage +
                    " (RequestId " + job.RequestId + ")");
            return Result(context, RemovalStatus.Removed, job.RequestId, job.JobId);
        }

        private Task<AlbAsyncJob> WaitForJobAsync(ItemContext context, string jobId, CancellationToken token, bool showProgress) =>
            Poller.UntilAsync(
                async ct => await context.Services.Alb.GetJobAsync(context.RegionId, jobId, ct).ConfigureAwait(false),
                j => j != null && j.IsFinished,
                context.Settings, context.WaitTimeout,
                () => "ALB job " + jobId + " on load balancer " + LoadBalancerId,
                (j, elapsed) =>
                {
                    if (showProgress)
                        context.Progress("Waiting for ALB job " + jobId, LoadBalancerId + ": " + (j?.Status ?? "not listed yet") + " (" + Poller.Seconds(elapsed) + ")");
                },
                token);
    }
}
