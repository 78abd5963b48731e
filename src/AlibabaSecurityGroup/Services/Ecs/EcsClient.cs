using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Endpoints;
using AlibabaSecurityGroup.Core.Json;

namespace AlibabaSecurityGroup.Services.Ecs
{
    /// <summary>Typed ECS (2014-05-26) calls the module uses.</summary>
    public sealed class EcsClient
    {
        private readonly IOpenApiClient _api;

        public EcsClient(IOpenApiClient api) { _api = api; }

        /// <summary>
        /// LeaveSecurityGroup. Exactly one of <paramref name="instanceId"/> / <paramref name="networkInterfaceId"/>.
        /// RegionId is always sent: the service requires it for an ENI and it selects the endpoint anyway.
        /// </summary>
        public Task<OpenApiResponse> LeaveSecurityGroupAsync(string regionId, string securityGroupId,
            string instanceId, string networkInterfaceId, CancellationToken cancellationToken)
        {
            var request = new OpenApiRequest(Product.Ecs, "LeaveSecurityGroup") { RegionId = regionId }
                .Add("RegionId", regionId)
                .Add("SecurityGroupId", securityGroupId)
                .Add("InstanceId", instanceId)
                .Add("NetworkInterfaceId", networkInterfaceId);
            return _api.SendAsync(request, cancellationToken);
        }

        public async Task<Page<EcsInstance>> DescribeInstancesAsync(EcsListFilter filter, CancellationToken cancellationToken)
        {
            var request = new OpenApiRequest(Product.Ecs, "DescribeInstances") { RegionId = filter.RegionId }
                .Add("RegionId", filter.RegionId)
                .Add("SecurityGroupId", filter.SecurityGroupId)
                .Add("MaxResults", filter.MaxResults.ToString(CultureInfo.InvariantCulture))
                .Add("NextToken", filter.NextToken);
            if (filter.Ids != null && filter.Ids.Count > 0) request.Add("InstanceIds", JsonLists.ArrayParameter(filter.Ids));

            var response = await _api.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var items = new List<EcsInstance>();
            foreach (var node in response.Body.Path("Instances", "Instance")?.Items ?? new JsonValue[0])
            {
                var locks = new List<string>();
                foreach (var l in node.Path("OperationLocks", "LockReason")?.Items ?? new JsonValue[0])
                {
                    var reason = l.GetString("LockReason");
                    if (reason != null) locks.Add(reason);
                }
                items.Add(new EcsInstance
                {
                    InstanceId = node.GetString("InstanceId"),
                    RegionId = node.GetString("RegionId"),
                    Status = node.GetString("Status"),
                    SecurityGroupIds = JsonLists.Strings(node["SecurityGroupIds"]),
                    LockReasons = locks.ToArray(),
                });
            }
            return new Page<EcsInstance>(items, response.Body.GetString("NextToken"));
        }

        public async Task<Page<EcsNetworkInterface>> DescribeNetworkInterfacesAsync(EcsListFilter filter, CancellationToken cancellationToken)
        {
            var request = new OpenApiRequest(Product.Ecs, "DescribeNetworkInterfaces") { RegionId = filter.RegionId }
                .Add("RegionId", filter.RegionId)
                .Add("SecurityGroupId", filter.SecurityGroupId)
                .Add("InstanceId", filter.InstanceId)
                .Add("Type", filter.Type)
                .Add("MaxResults", filter.MaxResults.ToString(CultureInfo.InvariantCulture))
                .Add("NextToken", filter.NextToken);
            if (filter.Ids != null && filter.Ids.Count > 0) request.AddList("NetworkInterfaceId", filter.Ids);

            var response = await _api.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var items = new List<EcsNetworkInterface>();
            foreach (var node in response.Body.Path("NetworkInterfaceSets", "NetworkInterfaceSet")?.Items ?? new JsonValue[0])
            {
                items.Add(new EcsNetworkInterface
                {
                    NetworkInterfaceId = node.GetString("NetworkInterfaceId"),
                    InstanceId = node.GetString("InstanceId"),
                    Status = node.GetString("Status"),
                    Type = node.GetString("Type"),
                    ServiceManaged = node["ServiceManaged"]?.AsBool() ?? false,
                    SecurityGroupIds = JsonLists.Strings(node["SecurityGroupIds"]),
                });
            }
            return new Page<EcsNetworkInterface>(items, response.Body.GetString("NextToken"));
        }

        /// <summary>DescribeSecurityGroups: the given groups, or (ids null) the first 100 of the region.</summary>
        public async Task<IReadOnlyList<EcsSecurityGroup>> DescribeSecurityGroupsAsync(string regionId,
            IReadOnlyList<string> securityGroupIds, CancellationToken cancellationToken)
        {
            var request = new OpenApiRequest(Product.Ecs, "DescribeSecurityGroups") { RegionId = regionId }
                .Add("RegionId", regionId)
                .Add("SecurityGroupIds", securityGroupIds == null ? null : JsonLists.ArrayParameter(securityGroupIds))
                .Add("MaxResults", "100");
            var response = await _api.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var items = new List<EcsSecurityGroup>();
            foreach (var node in response.Body.Path("SecurityGroups", "SecurityGroup")?.Items ?? new JsonValue[0])
            {
                items.Add(new EcsSecurityGroup
                {
                    SecurityGroupId = node.GetString("SecurityGroupId"),
                    VpcId = node.GetString("VpcId"),
                    SecurityGroupName = node.GetString("SecurityGroupName"),
                });
            }
            return items;
        }
    }
}
