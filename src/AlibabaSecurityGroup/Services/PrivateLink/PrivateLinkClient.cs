using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Endpoints;
using AlibabaSecurityGroup.Core.Json;

namespace AlibabaSecurityGroup.Services.PrivateLink
{
    /// <summary>Typed PrivateLink (2020-04-15) calls.</summary>
    public sealed class PrivateLinkClient
    {
        private readonly IOpenApiClient _api;

        public PrivateLinkClient(IOpenApiClient api) { _api = api; }

        /// <summary>DetachSecurityGroupFromVpcEndpoint: answers only a RequestId; the detach runs in the background.</summary>
        public async Task<string> DetachSecurityGroupAsync(string regionId, string endpointId, string securityGroupId,
            bool dryRun, string clientToken, CancellationToken cancellationToken)
        {
            var request = new OpenApiRequest(Product.PrivateLink, "DetachSecurityGroupFromVpcEndpoint") { RegionId = regionId }
                .Add("RegionId", regionId)
                .Add("EndpointId", endpointId)
                .Add("SecurityGroupId", securityGroupId)
                .Add("ClientToken", dryRun ? null : clientToken)
                .AddDryRun(dryRun);
            var response = await _api.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return response.RequestId;
        }

        public async Task<Page<EndpointSecurityGroup>> ListSecurityGroupsAsync(string regionId, string endpointId,
            string nextToken, CancellationToken cancellationToken, int maxResults = 50)
        {
            var request = new OpenApiRequest(Product.PrivateLink, "ListVpcEndpointSecurityGroups") { RegionId = regionId }
                .Add("RegionId", regionId)
                .Add("EndpointId", endpointId)
                .Add("MaxResults", maxResults.ToString(CultureInfo.InvariantCulture))
                .Add("NextToken", nextToken);
            var response = await _api.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var items = new List<EndpointSecurityGroup>();
            foreach (var node in response.Body["SecurityGroups"]?.AsList() ?? new JsonValue[0])
            {
                items.Add(new EndpointSecurityGroup
                {
                    SecurityGroupId = node.GetString("SecurityGroupId"),
                    SecurityGroupStatus = node.GetString("SecurityGroupStatus"),
                });
            }
            return new Page<EndpointSecurityGroup>(items, response.Body.GetString("NextToken"));
        }

        /// <summary>All pages of ListVpcEndpointSecurityGroups.</summary>
        public async Task<IReadOnlyList<EndpointSecurityGroup>> ListAllSecurityGroupsAsync(string regionId, string endpointId,
            CancellationToken cancellationToken)
        {
            var all = new List<EndpointSecurityGroup>();
            string token = null;
            do
            {
                var page = await ListSecurityGroupsAsync(regionId, endpointId, token, cancellationToken).ConfigureAwait(false);
                all.AddRange(page.Items);
                token = page.NextToken;
            } while (token != null);
            return all;
        }

        /// <summary>ListVpcEndpoints: the first page of endpoint ids in the region (for tab completion).</summary>
        public async Task<IReadOnlyList<string>> ListEndpointIdsAsync(string regionId, CancellationToken cancellationToken)
        {
            var request = new OpenApiRequest(Product.PrivateLink, "ListVpcEndpoints") { RegionId = regionId }
                .Add("RegionId", regionId)
                .Add("MaxResults", "50");
            var response = await _api.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var ids = new List<string>();
            foreach (var node in response.Body["Endpoints"]?.AsList() ?? new JsonValue[0])
            {
                var id = node.GetString("EndpointId");
                if (id != null) ids.Add(id);
            }
            return ids;
        }

        public async Task<VpcEndpoint> GetEndpointAsync(string regionId, string endpointId, CancellationToken cancellationToken)
        {
            var request = new OpenApiRequest(Product.PrivateLink, "GetVpcEndpointAttribute") { RegionId = regionId }
                .Add("RegionId", regionId)
                .Add("EndpointId", endpointId);
            var response = await _api.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return new VpcEndpoint
            {
                EndpointId = response.Body.GetString("EndpointId") ?? endpointId,
                EndpointStatus = response.Body.GetString("EndpointStatus"),
                EndpointBusinessStatus = response.Body.GetString("EndpointBusinessStatus"),
                EndpointType = response.Body.GetString("EndpointType"),
            };
        }
    }
}
