using System;
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
    /// (a dropped connection, a read timeout, a SignatureNonceUsed replay) and the retries that followed ran out. One
    /// read of the resource tells: if none of the item's groups is attached any more, the unanswered attempt did the
    /// work and the item is reported as removed, so that the outcome matches what the service did. (The same inference
    /// the operations make when a retry hears "not a member".)
    /// </summary>
    internal static class UnknownOutcome
    {
        /// <summary>True when <paramref name="error"/> ended a change whose outcome is unknown.</summary>
        public static bool MayHaveApplied(Exception error) =>
            error is AlibabaCloudException e && e.Kind != ErrorKind.Configuration && !e.IsDryRunPassed
            && (e.OutcomeUnknown || (e.History != null && e.History.EarlierAttemptOutcomeUnknown));

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
                    var lb = await context.Services.Alb.GetLoadBalancerAttributeAsync(region, alb.LoadBalancerId, context.Cancellation).ConfigureAwait(false);
                    gone = !groups.Any(lb.SecurityGroupIds.Contains);
                    break;
                }
                case PrivateLinkDetachOperation endpoint:
                {
                    var attached = await context.Services.PrivateLink.ListAllSecurityGroupsAsync(region, endpoint.EndpointId, context.Cancellation).ConfigureAwait(false);
                    gone = !attached.Any(g => groups.Contains(g.SecurityGroupId));
                    break;
                }
                default:
                    return null;
            }
            if (!gone) return null;
            context.Verbose("An earlier " + operation.Action.ToLowerInvariant() + " attempt on " + operation.ResourceId +
                " got no answer and the retries that followed failed, but a read shows the change was made. Counted as removed.");
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
