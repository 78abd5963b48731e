using AlibabaCloud.Emulator.Protocol;
using AlibabaCloud.Emulator.State;

namespace AlibabaCloud.Emulator.Products.Alb;

/// <summary>
/// ALB 2020-06-16: LoadBalancerLeaveSecurityGroup starts an asynchronous job; ListAsynJobs and
/// GetLoadBalancerAttribute observe it. While a job runs the load balancer is Configuring and refuses changes.
/// </summary>
internal static class AlbApi
{
    public const string Version = "2020-06-16";
    public const string LeaveAction = "LoadBalancerLeaveSecurityGroup";
    public const int MaxGroupsPerCall = 4;

    public static readonly ApiOperation[] Operations =
    {
        new("Alb", Version, LeaveAction, LoadBalancerLeaveSecurityGroup),
        new("Alb", Version, "ListAsynJobs", ListAsynJobs),
        new("Alb", Version, "GetLoadBalancerAttribute", GetLoadBalancerAttribute),
        new("Alb", Version, "ListLoadBalancers", ListLoadBalancers),
    };

    private static object LoadBalancerLeaveSecurityGroup(ApiCall call)
    {
        var r = call.Request;
        var w = call.World;
        var lbId = r.Required("LoadBalancerId");
        var groupIds = r.FlatList("SecurityGroupIds").Distinct(StringComparer.Ordinal).ToList();
        if (groupIds.Count == 0) throw ApiException.MissingParameter("SecurityGroupIds");
        if (groupIds.Count > MaxGroupsPerCall)
            throw new ApiException(400, "InvalidParameter", $"The specified parameter \"SecurityGroupIds\" is not valid. At most {MaxGroupsPerCall} security groups per call.");
        var dryRun = r.Bool("DryRun");
        var clientToken = r.Optional("ClientToken");
        var fingerprint = lbId + "|" + string.Join(",", groupIds.OrderBy(g => g, StringComparer.Ordinal));

        // A dry run is never remembered under its token and never replays one.
        return Idempotency.Run(call, dryRun ? null : clientToken, fingerprint, () =>
        {
            if (!w.LoadBalancers.TryGetValue(lbId, out var lb))
                throw new ApiException(404, "ResourceNotFound.LoadBalancer", $"The specified resource LoadBalancer({lbId}) is not found.");
            if (lb.RunningJob != null || lb.Status != "Active")
                throw new ApiException(400, "IncorrectStatus.LoadBalancer", $"The status of LoadBalancer [{lbId}] is incorrect ({EffectiveStatus(lb)}).");
            foreach (var g in groupIds)
                if (!w.Groups.ContainsKey(g))
                    throw new ApiException(404, "ResourceNotFound.SecurityGroup", $"The specified resource SecurityGroup({g}) is not found.");
            foreach (var g in groupIds)
                if (!lb.Groups.Contains(g))
                    throw new ApiException(400, "ResourceNotAssociated.SecurityGroup", $"The specified resource of SecurityGroup({g}) is not associated.");
            // Emulator rule: a load balancer that uses security groups must keep at least one.
            if (lb.Groups.All(groupIds.Contains))
                throw new ApiException(400, "OperationDenied.SecurityGroupNotSupport",
                    $"The operation is not allowed because of LoadBalancer [{lbId}] must keep at least one security group.");
            if (dryRun) throw ApiException.DryRunPassed();

            var job = new AlbJob
            {
                Id = Guid.NewGuid().ToString("D"),
                ApiName = LeaveAction,
                ResourceId = lb.Id,
                ResourceType = "loadbalancer",
                OperateType = "Update",
                Status = "Processing",
                Groups = groupIds,
                CreateTime = call.Now,
                ModifyTime = call.Now,
                DueTime = call.Now.AddMilliseconds(w.Behavior.AlbJobMilliseconds),
                WillFail = call.Faults.NextAlbJobFails(),
                RequestId = call.RequestId,
                ClientToken = clientToken,
            };
            w.StartJob(job, lb);
            return new { RequestId = call.RequestId, JobId = job.Id };
        });
    }

    private static string EffectiveStatus(LoadBalancer lb) => lb.RunningJob != null ? "Configuring" : lb.Status;

    private static object ListAsynJobs(ApiCall call)
    {
        var r = call.Request;
        var w = call.World;
        var jobIds = r.FlatList("JobIds");
        if (jobIds.Count > 10) throw ApiException.InvalidParameter("JobIds", "At most 10 job ids.");
        var resourceIds = r.FlatList("ResourceIds");
        var resourceType = r.Optional("ResourceType");
        var apiName = r.Optional("ApiName");
        var maxResults = r.Int("MaxResults", 1, 100) ?? 20;
        var nextToken = r.Optional("NextToken");

        IEnumerable<AlbJob> candidates = w.JobList;
        if (jobIds.Count > 0)
        {
            var found = jobIds.Distinct(StringComparer.Ordinal).Select(id => w.Jobs.GetValueOrDefault(id)).Where(j => j != null).ToList();
            found.Sort((a, b) => a.Order.CompareTo(b.Order));
            candidates = found;
        }
        var page = Paging.ByToken(candidates,
            j => (resourceIds.Count == 0 || resourceIds.Contains(j.ResourceId))
                 && (resourceType == null || string.Equals(resourceType, j.ResourceType, StringComparison.OrdinalIgnoreCase))
                 && (apiName == null || apiName == j.ApiName),
            j => j.Order, nextToken, w.Generation, maxResults);
        return new
        {
            RequestId = call.RequestId,
            TotalCount = page.Total,
            MaxResults = maxResults,
            NextToken = page.NextToken,
            Jobs = page.Items.Select(j => new
            {
                Id = j.Id,
                ApiName = j.ApiName,
                Status = j.Status,
                ErrorCode = j.ErrorCode ?? string.Empty,
                ErrorMessage = j.ErrorMessage ?? string.Empty,
                ResourceId = j.ResourceId,
                ResourceType = j.ResourceType,
                OperateType = j.OperateType,
                CreateTime = j.CreateTime.ToUnixTimeMilliseconds(),
                ModifyTime = j.ModifyTime.ToUnixTimeMilliseconds(),
            }).ToList(),
        };
    }

    private static object GetLoadBalancerAttribute(ApiCall call)
    {
        var w = call.World;
        var lbId = call.Request.Required("LoadBalancerId");
        if (!w.LoadBalancers.TryGetValue(lbId, out var lb))
            throw new ApiException(404, "ResourceNotFound.LoadBalancer", $"The specified resource LoadBalancer({lbId}) is not found.");
        return new
        {
            RequestId = call.RequestId,
            LoadBalancerId = lb.Id,
            LoadBalancerName = lb.Id,
            RegionId = lb.RegionId,
            LoadBalancerStatus = EffectiveStatus(lb),
            LoadBalancerBussinessStatus = "Normal",
            LoadBalancerEdition = "Standard",
            AddressType = "Internet",
            SecurityGroupIds = lb.Groups.ToArray(),
            LoadBalancerOperationLocks = Array.Empty<object>(),
        };
    }

    /// <summary>
    /// ListLoadBalancers (the module uses it for tab completion). ALB has no RegionId parameter: one emulator serves
    /// every region on one address, so the optional LoadBalancerIds.N filter and paging are all it honours.
    /// </summary>
    private static object ListLoadBalancers(ApiCall call)
    {
        var r = call.Request;
        var w = call.World;
        var ids = r.FlatList("LoadBalancerIds");
        var maxResults = r.Int("MaxResults", 1, 100) ?? 20;
        var page = Paging.ByToken(w.LoadBalancerList, lb => ids.Count == 0 || ids.Contains(lb.Id), lb => lb.Order,
            r.Optional("NextToken"), w.Generation, maxResults);
        return new
        {
            RequestId = call.RequestId,
            LoadBalancers = page.Items.Select(lb => new
            {
                LoadBalancerId = lb.Id,
                LoadBalancerName = lb.Id,
                LoadBalancerStatus = EffectiveStatus(lb),
                RegionId = lb.RegionId,
            }).ToList(),
            MaxResults = maxResults,
            NextToken = page.NextToken,
            TotalCount = w.LoadBalancerList.Count(lb => ids.Count == 0 || ids.Contains(lb.Id)),
        };
    }
}
