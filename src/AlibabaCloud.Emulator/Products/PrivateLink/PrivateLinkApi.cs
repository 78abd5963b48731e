using AlibabaCloud.Emulator.Protocol;
using AlibabaCloud.Emulator.State;

namespace AlibabaCloud.Emulator.Products.PrivateLink;

/// <summary>
/// PrivateLink 2020-04-15: DetachSecurityGroupFromVpcEndpoint is asynchronous (the group shows Detaching and the
/// endpoint Pending until it is done) and the endpoint refuses another detach for a cooldown afterwards.
/// </summary>
internal static class PrivateLinkApi
{
    public const string Version = "2020-04-15";
    public const string DetachAction = "DetachSecurityGroupFromVpcEndpoint";

    public static readonly ApiOperation[] Operations =
    {
        new("Privatelink", Version, DetachAction, Detach),
        new("Privatelink", Version, "ListVpcEndpointSecurityGroups", ListVpcEndpointSecurityGroups),
        new("Privatelink", Version, "GetVpcEndpointAttribute", GetVpcEndpointAttribute),
        new("Privatelink", Version, "ListVpcEndpoints", ListVpcEndpoints),
    };

    private static ApiException OperationDenied(string why) =>
        new(400, "EndpointOperationDenied", "The specified operation of endpoint is not allowed. " + why);

    private static object Detach(ApiCall call)
    {
        var r = call.Request;
        var w = call.World;
        var regionId = r.Required("RegionId");
        var endpointId = r.Required("EndpointId");
        var groupId = r.Required("SecurityGroupId");
        var dryRun = r.Bool("DryRun");
        var clientToken = r.Optional("ClientToken");
        var fingerprint = regionId + "|" + endpointId + "|" + groupId;

        return Idempotency.Run(call, dryRun ? null : clientToken, fingerprint, () =>
        {
            var ep = Find(w, regionId, endpointId);
            if (ep.Type == "GatewayLoadBalancer")
                throw new ApiException(400, "GatewayLoadBalancerNotSupportSecurityGroup", "The gateway load balancer not support security group.");
            if (ep.Locked)
                throw new ApiException(400, "EndpointLocked", "The specified Endpoint is locked.");
            if (ep.ConnectionStatus == "ServiceDeleted")
                throw new ApiException(400, "EndpointServiceDeleted", "The specified Service is already deleted.");
            if (ep.ConnectionStatus == "Connecting" || ep.ConnectionStatus == "Disconnecting")
                throw new ApiException(400, "EndpointConnectionOperationDenied", "The endpoint is being connected.");
            if (EffectiveStatus(ep) != "Active")
                throw OperationDenied($"The endpoint is {EffectiveStatus(ep)}.");
            if (call.Now < ep.CooldownUntil)
                throw OperationDenied("A security group was detached from this endpoint recently; try again later.");
            if (!ep.Groups.Contains(groupId))
                throw new ApiException(400, "SecurityGroupNotFound", "The specified security group does not exist.");
            if (ep.Groups.Count == 1)
                throw new ApiException(400, "EndpointMustContainSecurityGroup", "The specified endpoint must have at least one security group.");
            if (dryRun) throw ApiException.DryRunPassed();

            w.StartDetach(ep, new PendingDetach
            {
                GroupId = groupId, RequestId = call.RequestId, ClientToken = clientToken,
                DueTime = call.Now.AddMilliseconds(w.Behavior.EndpointDetachMilliseconds),
            });
            ep.CooldownUntil = call.Now.AddMilliseconds(w.Behavior.EndpointCooldownMilliseconds);
            return new { RequestId = call.RequestId };
        });
    }

    private static VpcEndpoint Find(World w, string regionId, string endpointId)
    {
        if (!w.Endpoints.TryGetValue(endpointId, out var ep) || ep.RegionId != regionId)
            throw new ApiException(400, "EndpointNotFound", "The specified Endpoint does not exist.");
        return ep;
    }

    private static string EffectiveStatus(VpcEndpoint ep) => ep.Detach != null ? "Pending" : ep.Status;

    private static object ListVpcEndpointSecurityGroups(ApiCall call)
    {
        var r = call.Request;
        var w = call.World;
        var regionId = r.Required("RegionId");
        var ep = Find(w, regionId, r.Required("EndpointId"));
        var maxResults = r.Int("MaxResults", 1, 50) ?? 50;
        var nextToken = r.Optional("NextToken");
        var entries = ep.Groups.Select((g, i) => (Id: g, Index: i)).ToList();
        var page = Paging.ByToken(entries, _ => true, e => e.Index, nextToken, w.Generation, maxResults);
        return new
        {
            RequestId = call.RequestId,
            SecurityGroups = page.Items.Select(e => new
            {
                SecurityGroupId = e.Id,
                SecurityGroupStatus = ep.Detach?.GroupId == e.Id ? "Detaching" : "Attached",
            }).ToList(),
            MaxResults = maxResults,
            NextToken = page.NextToken,
        };
    }

    private static object GetVpcEndpointAttribute(ApiCall call)
    {
        var r = call.Request;
        var ep = Find(call.World, r.Required("RegionId"), r.Required("EndpointId"));
        return new
        {
            RequestId = call.RequestId,
            EndpointId = ep.Id,
            EndpointName = ep.Id,
            RegionId = ep.RegionId,
            EndpointStatus = EffectiveStatus(ep),
            EndpointBusinessStatus = ep.Locked ? "FinancialLocked" : "Normal",
            EndpointType = ep.Type,
            ConnectionStatus = ep.ConnectionStatus,
            ResourceOwner = true,
        };
    }

    /// <summary>ListVpcEndpoints (the module uses it for tab completion): the region's endpoints, paged.</summary>
    private static object ListVpcEndpoints(ApiCall call)
    {
        var r = call.Request;
        var w = call.World;
        var regionId = r.Required("RegionId");
        var maxResults = r.Int("MaxResults", 1, 1000) ?? 50;
        var page = Paging.ByToken(w.EndpointList, ep => ep.RegionId == regionId, ep => ep.Order, r.Optional("NextToken"), w.Generation, maxResults);
        return new
        {
            RequestId = call.RequestId,
            Endpoints = page.Items.Select(ep => new
            {
                EndpointId = ep.Id,
                EndpointName = ep.Id,
                EndpointStatus = EffectiveStatus(ep),
                EndpointType = ep.Type,
                RegionId = ep.RegionId,
            }).ToList(),
            MaxResults = maxResults,
            NextToken = page.NextToken,
        };
    }
}
