using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Endpoints;
using AlibabaSecurityGroup.Core.Json;

namespace AlibabaSecurityGroup.Services.Alb
{
    /// <summary>Typed ALB (2020-06-16) calls. ALB takes no RegionId parameter: the region is the endpoint's.</summary>
    public sealed class AlbClient
    {
        private readonly IOpenApiClient _api;

        public AlbClient(IOpenApiClient api) { _api = api; }

        /// <summary>
        /// LoadBalancerLeaveSecurityGroup. With <paramref name="dryRun"/> the service answers DryRunOperation (thrown as
        /// an AlibabaCloudException whose IsDryRunPassed is true) or the real verdict.
        /// </summary>
        public async Task<AlbJobSubmission> LeaveSecurityGroupAsync(string regionId, string loadBalancerId,
            IReadOnlyList<string> securityGroupIds, bool dryRun, string clientToken, CancellationToken cancellationToken)
        {
            var request = new OpenApiRequest(Product.Alb, "LoadBalancerLeaveSecurityGroup") { RegionId = regionId }
                .Add("LoadBalancerId", loadBalancerId)
                .AddList("SecurityGroupIds", securityGroupIds)
                .Add("ClientToken", dryRun ? null : clientToken)
                .AddDryRun(dryRun);
            var response = await _api.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return new AlbJobSubmission { RequestId = response.RequestId, JobId = response.Body.GetString("JobId") };
        }

        public async Task<AlbAsyncJob> GetJobAsync(string regionId, string jobId, CancellationToken cancellationToken)
        {
            var request = new OpenApiRequest(Product.Alb, "ListAsynJobs") { RegionId = regionId }
                .AddList("JobIds", new[] { jobId });
            var response = await _api.SendAsync(request, cancellationToken).ConfigureAwait(false);
            foreach (var node in response.Body["Jobs"]?.AsList() ?? new JsonValue[0])
            {
                if (node.GetString("Id") == jobId) return ReadJob(node);
            }
            return null;
        }

        public async Task<AlbLoadBalancer> GetLoadBalancerAttributeAsync(string regionId, string loadBalancerId,
            CancellationToken cancellationToken)
        {
            var request = new OpenApiRequest(Product.Alb, "GetLoadBalancerAttribute") { RegionId = regionId }
                .Add("LoadBalancerId", loadBalancerId);
            var response = await _api.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var body = response.Body;
            return new AlbLoadBalancer
            {
                LoadBalancerId = body.GetString("LoadBalancerId") ?? loadBalancerId,
                LoadBalancerStatus = body.GetString("LoadBalancerStatus"),
                RegionId = body.GetString("RegionId") ?? regionId,
                SecurityGroupIds = JsonLists.Strings(body["SecurityGroupIds"]),
            };
        }

        /// <summary>ListLoadBalancers: the first page of load balancer ids in the region (for tab completion).</summary>
        public async Task<IReadOnlyList<string>> ListLoadBalancerIdsAsync(string regionId, CancellationToken cancellationToken)
        {
            var request = new OpenApiRequest(Product.Alb, "ListLoadBalancers") { RegionId = regionId }.Add("MaxResults", "100");
            var response = await _api.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var ids = new List<string>();
            foreach (var node in response.Body["LoadBalancers"]?.AsList() ?? new JsonValue[0])
            {
                var id = node.GetString("LoadBalancerId");
                if (id != null) ids.Add(id);
            }
            return ids;
        }

        private static AlbAsyncJob ReadJob(JsonValue node) => new AlbAsyncJob
        {
            Id = node.GetString("Id"),
            ApiName = node.GetString("ApiName"),
            Status = node.GetString("Status"),
            ErrorCode = node.GetString("ErrorCode"),
            ErrorMessage = node.GetString("ErrorMessage"),
            ResourceId = node.GetString("ResourceId"),
        };
    }
}
