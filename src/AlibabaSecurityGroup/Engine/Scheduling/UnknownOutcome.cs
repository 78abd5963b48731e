using System;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Engine.Operations;
using AlibabaSecurityGroup.Model;
using AlibabaSecurityGroup.Services.Ecs;

namespace AlibabaSecurityGroup.Engine.Scheduling
{
    /// <summary>
    /// Settles an item whose change may have been applied although the item failed: one of its attempts got no answer
    /// (a dropped connection, a read timeout, a SignatureNonceUsed replay) and the retries that followed ran out, or the
    /// change was accepted and a later call (polling its job, reading the endpoint) ran out of retries. A read of the
    /// resource tells: if none of the item's groups is attached any more, the change was made and the item is reported
    /// as removed, so that the outcome matches what the service did. (The same inference the operations make when a
    /// retry hears "not a member".)
    /// </summary>
    internal static class UnknownOutcome
    {
        /// <summary>
        /// True when <paramref name="error"/> ended a change whose outcome is unknown: the change call (or an earlier
        /// attempt of it) got no answer, or the change was accepted and a later call (polling the job, reading the
        /// endpoint) failed.
        /// </summary>
        public static bool MayHaveApplied(RemovalOperation operation, Exception error) =>
            error is AlibabaCloudException e && e.Kind != ErrorKind.Configuration && !e.IsDryRunPassed
            && (e.OutcomeUnknown || (e.History != null && e.History.EarlierAttemptOutcomeUnknown)
                || (e.Action != null && ChangeAction(operation) != null && e.Action != ChangeAction(operation)));

        /// <summary>True when the call that failed was not the change itself, so the change had been accepted.</summary>
        public static bool FailedAfterTheChange(RemovalOperation operation, Exception error) =>
            error is AlibabaCloudException e && e.Action != null && ChangeAction(operation) != null && e.Action != ChangeAction(operation);

        private static string ChangeAction(RemovalOperation operation)
        {
            switch (operation)
            {
                case EcsLeaveOperation _: return "LeaveSecurityGroup";
                case AlbLeaveOperation _: return "LoadBalancerLeaveSecurityGroup";
                case PrivateLinkDetachOperation _: return "DetachSecurityGroupFromVpcEndpoint";
                default: return null;
            }
        }

        /// <summary>
        /// Reads the resource: a result when the groups are gone, null when they are not (or the state cannot tell,
        /// such as a load balancer still configuring). Throws what the read throws.
        /// </summary>
        public static async Task<SecurityGroupRemovalResult> ConfirmAsync(RemovalOperation operation, ItemContext context)
        {
            string region = context.RegionId;
            var groups = operation.SecurityGroupIds;
            bool gone;
            switch (operation)
            {
                case EcsLeaveOperation ecs when ecs.NetworkInterfaceId == null:
                {
                    var page = await context.Services.Ecs.DescribeInstancesAsync(
                        new EcsListFilter { RegionId = region, Ids = new[] { ecs.InstanceId } }, context.Cancellation).ConfigureAwait(false);
                    var instance = page.Items.FirstOrDefault(i => i.InstanceId == ecs.InstanceId);
                    gone = instance != null && !groups.Any(instance.SecurityGroupIds.Contains);
                    break;
                }
                case EcsLeaveOperation eni:
                {
                    var page = await context.Services.Ecs.DescribeNetworkInterfacesAsync(
                        new EcsListFilter { RegionId = region, Ids = new[] { eni.NetworkInterfaceId } }, context.Cancellation).ConfigureAwait(false);
                    var found = page.Items.FirstOrDefault(n => n.NetworkInterfaceId == eni.NetworkInterfaceId);
                    gone = found != null && !groups.Any(found.SecurityGroupIds.Contains);
                    break;
                }
                case AlbLeaveOperation alb:
                {
                    // A job may still be running (the load balancer says Configuring): wait for it, within -TimeoutSec.
                    var watch = Stopwatch.StartNew();
                    var interval = context.Settings.PollInitialInterval;
                    while (true)
                    {
                        var lb = await context.Services.Alb.GetLoadBalancerAttributeAsync(region, alb.LoadBalancerId, context.Cancellation).ConfigureAwait(false);
                        gone = !groups.Any(lb.SecurityGroupIds.Contains);
                        if (gone || lb.LoadBalancerStatus != "Configuring" || watch.Elapsed + interval > context.WaitTimeout) break;
                        await Task.Delay(interval, context.Cancellation).ConfigureAwait(false);
                        interval = TimeSpan.FromTicks(Math.Min(context.Settings.PollMaxInterval.Ticks, (long)(interval.Ticks * 1.5)));
                    }
                    break;
                }
                case PrivateLinkDetachOperation endpoint:
                {
                    // A detach may still be under way (the group says Detaching): wait for it, within -TimeoutSec.
                    var watch = Stopwatch.StartNew();
                    var interval = context.Settings.PollInitialInterval;
                    while (true)
                    {
                        var attached = await context.Services.PrivateLink.ListAllSecurityGroupsAsync(region, endpoint.EndpointId, context.Cancellation).ConfigureAwait(false);
                        var mine = attached.Where(g => groups.Contains(g.SecurityGroupId)).ToList();
                        gone = mine.Count == 0;
                        if (gone || mine.All(g => g.SecurityGroupStatus != "Detaching") || watch.Elapsed + interval > context.WaitTimeout) break;
                        await Task.Delay(interval, context.Cancellation).ConfigureAwait(false);
                        interval = TimeSpan.FromTicks(Math.Min(context.Settings.PollMaxInterval.Ticks, (long)(interval.Ticks * 1.5)));
                    }
                    break;
                }
                default:
                    return null;
            }
            if (!gone) return null;
            context.Verbose("The " + operation.Action.ToLowerInvariant() + " on " + operation.ResourceId + " ended in an error after " +
                "the change may have been made, and a read shows it was made. Counted as removed.");
            return new SecurityGroupRemovalResult
            {
                ResourceType = operation.ResourceType,
                ResourceId = operation.ResourceId,
                SecurityGroupId = groups,
                Region = region,
                Status = RemovalStatus.Removed,
                Elapsed = context.Elapsed,
            };
        }
    }
}
