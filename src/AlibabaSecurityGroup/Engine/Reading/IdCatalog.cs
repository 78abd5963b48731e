using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Engine.Session;
using AlibabaSecurityGroup.Engine.Validation;

namespace AlibabaSecurityGroup.Engine.Reading
{
    /// <summary>Ids that exist in a region, for tab completion: security groups, load balancers, endpoints.</summary>
    public static class IdCatalog
    {
        public static async Task<IReadOnlyList<string>> ListAsync(ServiceSession session, IdKind kind, string regionId, CancellationToken cancellationToken)
        {
            switch (kind)
            {
                case IdKind.SecurityGroup:
                    var groups = await session.Ecs.DescribeSecurityGroupsAsync(regionId, null, cancellationToken).ConfigureAwait(false);
                    return groups.Select(g => g.SecurityGroupId).ToList();
                case IdKind.LoadBalancer:
                    return await session.Alb.ListLoadBalancerIdsAsync(regionId, cancellationToken).ConfigureAwait(false);
                case IdKind.VpcEndpoint:
                    return await session.PrivateLink.ListEndpointIdsAsync(regionId, cancellationToken).ConfigureAwait(false);
                default:
                    return new string[0];
            }
        }
    }
}
