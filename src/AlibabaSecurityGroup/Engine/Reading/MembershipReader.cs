using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Engine.Session;
using AlibabaSecurityGroup.Model;
using AlibabaSecurityGroup.Services.Ecs;

namespace AlibabaSecurityGroup.Engine.Reading
{
    /// <summary>
    /// The read side: who is in a security group, which groups a load balancer or endpoint has. Every page is
    /// read; the objects it returns pipe straight into the Remove- cmdlets.
    /// </summary>
    public sealed class MembershipReader
    {
        private const int PageSize = 100;
        private readonly ServiceSession _session;

        public MembershipReader(ServiceSession session) { _session = session; }

        /// <summary>
        /// Instances (DescribeInstances) and secondary network interfaces (DescribeNetworkInterfaces, Type=Secondary)
        /// in <paramref name="securityGroupId"/>. Primary interfaces are left out: they belong to their instance, whose
        /// own entry is what to remove. A filter on one kind of id alone reads only that kind.
        /// </summary>
        public async Task<IReadOnlyList<object>> EcsMembersAsync(string regionId, string securityGroupId,
            IReadOnlyCollection<string> instanceIds, IReadOnlyCollection<string> networkInterfaceIds, CancellationToken cancellationToken)
        {
            bool wantInstances = instanceIds != null || networkInterfaceIds == null;
            bool wantInterfaces = networkInterfaceIds != null || instanceIds == null;
            var members = new List<object>();
            var filter = new EcsListFilter { RegionId = regionId, SecurityGroupId = securityGroupId, MaxResults = PageSize };

            if (wantInstances)
            {
                filter.NextToken = null;
                do
                {
                    var page = await _session.Ecs.DescribeInstancesAsync(filter, cancellationToken).ConfigureAwait(false);
                    members.AddRange(page.Items
                        .Where(i => instanceIds == null || instanceIds.Contains(i.InstanceId))
                        .Where(i => i.SecurityGroupIds.Contains(securityGroupId))
                        .Select(i => new EcsInstanceMembership
                        {
                            SecurityGroupId = securityGroupId,
                            InstanceId = i.InstanceId,
                            Status = i.Status,
                            Region = i.RegionId ?? regionId,
                            SecurityGroupCount = i.SecurityGroupIds.Length,
                        }));
                    filter.NextToken = page.NextToken;
                } while (filter.NextToken != null);
            }

            if (wantInterfaces)
            {
                filter.NextToken = null;
                filter.Type = "Secondary";
                do
                {
                    var page = await _session.Ecs.DescribeNetworkInterfacesAsync(filter, cancellationToken).ConfigureAwait(false);
                    members.AddRange(page.Items
                        .Where(n => n.Type != "Primary")
                        .Where(n => networkInterfaceIds == null || networkInterfaceIds.Contains(n.NetworkInterfaceId))
                        .Where(n => n.SecurityGroupIds.Contains(securityGroupId))
                        .Select(n => new EcsNetworkInterfaceMembership
                        {
                            SecurityGroupId = securityGroupId,
                            NetworkInterfaceId = n.NetworkInterfaceId,
                            AttachedInstanceId = n.InstanceId,
                            Type = n.Type,
                            Status = n.Status,
                            Region = regionId,
                            SecurityGroupCount = n.SecurityGroupIds.Length,
                        }));
                    filter.NextToken = page.NextToken;
                } while (filter.NextToken != null);
            }
            return members;
        }

        public async Task<IReadOnlyList<object>> LoadBalancerGroupsAsync(string regionId, string loadBalancerId, CancellationToken cancellationToken)
        {
            var lb = await _session.Alb.GetLoadBalancerAttributeAsync(regionId, loadBalancerId, cancellationToken).ConfigureAwait(false);
            return lb.SecurityGroupIds.Select(g => (object)new AlbSecurityGroupMembership
            {
                LoadBalancerId = loadBalancerId,
                SecurityGroupId = g,
                LoadBalancerStatus = lb.LoadBalancerStatus,
                Region = regionId,
            }).ToList();
        }

        public async Task<IReadOnlyList<object>> EndpointGroupsAsync(string regionId, string endpointId, CancellationToken cancellationToken)
        {
            var groups = await _session.PrivateLink.ListAllSecurityGroupsAsync(regionId, endpointId, cancellationToken).ConfigureAwait(false);
            return groups.Select(g => (object)new EndpointSecurityGroupMembership
            {
                EndpointId = endpointId,
                SecurityGroupId = g.SecurityGroupId,
                SecurityGroupStatus = g.SecurityGroupStatus,
                Region = regionId,
            }).ToList();
        }
    }
}
