using System.Text.RegularExpressions;
using AlibabaCloud.Emulator.Protocol;
using AlibabaCloud.Emulator.State;

namespace AlibabaCloud.Emulator.Products.Ecs;

/// <summary>ECS 2014-05-26: LeaveSecurityGroup (synchronous) and the three Describe calls the module reads membership with.</summary>
internal static partial class EcsApi
{
    public const string Version = "2014-05-26";

    public static readonly ApiOperation[] Operations =
    {
        new("Ecs", Version, "LeaveSecurityGroup", LeaveSecurityGroup),
        new("Ecs", Version, "DescribeInstances", DescribeInstances),
        new("Ecs", Version, "DescribeNetworkInterfaces", DescribeNetworkInterfaces),
        new("Ecs", Version, "DescribeSecurityGroups", DescribeSecurityGroups),
    };

    // Well-formed ids: the prefix, then lower-case letters, digits or '-'. Ids present in the state are always
    // accepted whatever their shape; the shape only decides Malformed versus NotFound for unknown ids.
    [GeneratedRegex("^i-[a-z0-9-]{1,64}$")] private static partial Regex InstanceIdShape();
    [GeneratedRegex("^eni-[a-z0-9-]{1,64}$")] private static partial Regex EniIdShape();

    private static object LeaveSecurityGroup(ApiCall call)
    {
        var r = call.Request;
        var w = call.World;
        var groupId = r.Required("SecurityGroupId");
        var instanceId = r.Optional("InstanceId");
        var eniId = r.Optional("NetworkInterfaceId");
        var regionId = r.Optional("RegionId");
        if (instanceId != null && eniId != null)
            throw new ApiException(403, "InvalidParam.EniIdAndInstanceId.Conflict", "The InstanceId and NetworkInterfaceId parameters are mutually exclusive and cannot be both specified.");
        if (instanceId == null && eniId == null)
            throw ApiException.MissingParameter("InstanceId");

        List<string> groups;
        string resourceId;
        if (instanceId != null)
        {
            if (!w.Instances.TryGetValue(instanceId, out var instance) || (regionId != null && instance.RegionId != regionId))
            {
                if (!InstanceIdShape().IsMatch(instanceId))
                    throw new ApiException(400, "InvalidInstanceId.Malformed", "The specified parameter \"InstanceId\" is not valid.");
                throw new ApiException(404, "InvalidInstanceId.NotFound", "The specified InstanceId does not exist.");
            }
            var group = FindGroup(w, groupId, instance.RegionId);
            if (instance.LockReason == "security")
                throw new ApiException(403, "InstanceLockedForSecurity", "The specified operation is denied as your instance is locked for security reasons.");
            if (instance.Status != "Running" && instance.Status != "Stopped")
                throw new ApiException(403, "IncorrectInstanceStatus", "The current status of the resource does not support this operation.");
            RefuseManagedGroup(group);
            if (!instance.Groups.Contains(groupId)) throw NotMember(w, "instance");
            if (instance.Groups.Count == 1)
                throw new ApiException(403, "InstanceLastSecurityGroup", "The specified security group is the last security group for the instance.");
            groups = instance.Groups;
            resourceId = instance.Id;
        }
        else
        {
            if (regionId == null)
                throw new ApiException(400, "MissingParameter.RegionId", "The specified RegionId should not be null.");
            if (!w.Enis.TryGetValue(eniId, out var eni) || eni.RegionId != regionId)
            {
                if (!EniIdShape().IsMatch(eniId))
                    throw new ApiException(403, "InvalidParam.Malformed", "The specified parameter \"NetworkInterfaceId\" is not valid.");
                throw new ApiException(404, "InvalidEniId.NotFound", "The specified ENI ID does not exist.");
            }
            var group = FindGroup(w, groupId, eni.RegionId);
            if (eni.ServiceManaged)
                throw new ApiException(403, "InvalidOperation.EniServiceManaged", "The operation is invalid: the network interface is managed by a cloud service.");
            // A primary ENI's groups are its instance's: change them through InstanceId. Member ENIs follow their trunk.
            if (eni.Type == "Primary" || eni.Type == "Member")
                throw new ApiException(403, "InvalidOperation.InvalidEniType", $"The operation is not supported for a network interface of type {eni.Type}.");
            if (eni.Status != "Available" && eni.Status != "InUse")
                throw new ApiException(400, "InvalidOperation.InvalidEniState", $"The operation is not supported while the network interface is {eni.Status}.");
            RefuseManagedGroup(group);
            if (!eni.Groups.Contains(groupId)) throw NotMember(w, "network interface");
            if (eni.Groups.Count == 1)
                throw new ApiException(403, "InvalidOperation.AtLeastInOneGroup", "The network interface must belong to at least one security group.");
            groups = eni.Groups;
            resourceId = eni.Id;
        }

        groups.Remove(groupId);
        w.Journal.Add(new JournalEntry
        {
            Time = call.Now, Action = "LeaveSecurityGroup", ResourceId = resourceId,
            SecurityGroupIds = new List<string> { groupId }, RequestId = call.RequestId,
        });
        return new { RequestId = call.RequestId };
    }

    private static SecurityGroup FindGroup(World w, string groupId, string regionId)
    {
        if (!w.Groups.TryGetValue(groupId, out var g) || g.RegionId != regionId)
            throw new ApiException(404, "InvalidSecurityGroupId.NotFound", "The specified SecurityGroupId does not exist.");
        return g;
    }

    private static void RefuseManagedGroup(SecurityGroup g)
    {
        if (g.ServiceManaged)
            throw new ApiException(403, "InvalidOperation.ResourceManagedByCloudProduct", "You cannot modify security groups managed by cloud services.");
    }

    private static ApiException NotMember(World w, string what) =>
        w.Behavior.NotMemberErrorCode == StateValidator.NotMemberCurrent
            ? new ApiException(400, StateValidator.NotMemberCurrent, $"The specified {what} is not associated with the security group.")
            : new ApiException(403, StateValidator.NotMemberDocumented, "The instance not in the group.");

    private static string RequiredRegion(ApiRequest r) =>
        r.Optional("RegionId") ?? throw new ApiException(400, "MissingParameter.RegionId", "The specified RegionId should not be null.");

    /// <summary>NextToken paging when the caller uses MaxResults or NextToken, page numbers otherwise (both are documented).</summary>
    private static (Page<T> Page, int PageNumber, int PageSize) PageOf<T>(ApiCall call, IEnumerable<T> candidates, Func<T, bool> filter, Func<T, int> order, int maxResultsMax, int pageSizeMax)
    {
        var r = call.Request;
        var maxResults = r.Int("MaxResults", 1, maxResultsMax);
        var nextToken = r.Optional("NextToken");
        if (maxResults != null || nextToken != null)
        {
            var size = maxResults ?? 10;
            return (Paging.ByToken(candidates, filter, order, nextToken, call.World.Generation, size), 1, size);
        }
        var pageNumber = r.Int("PageNumber", 1, int.MaxValue) ?? 1;
        var pageSize = r.Int("PageSize", 1, pageSizeMax) ?? 10;
        return (Paging.ByNumber(candidates, filter, pageNumber, pageSize), pageNumber, pageSize);
    }

    private static IEnumerable<T> ByIds<T>(List<string> ids, Dictionary<string, T> map, Func<T, int> order)
    {
        var found = new List<T>();
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
            if (map.TryGetValue(id, out var x)) found.Add(x);
        found.Sort((a, b) => order(a).CompareTo(order(b)));
        return found;
    }

    private static object DescribeInstances(ApiCall call)
    {
        var r = call.Request;
        var w = call.World;
        var region = RequiredRegion(r);
        var ids = r.JsonList("InstanceIds", 100, "InvalidInstanceIds.Malformed");
        var groupId = r.Optional("SecurityGroupId");
        var status = r.Optional("Status");
        IEnumerable<Instance> candidates = ids == null ? w.InstanceList : ByIds(ids, w.Instances, i => i.Order);
        var (page, pageNumber, pageSize) = PageOf(call, candidates,
            i => i.RegionId == region && (groupId == null || i.Groups.Contains(groupId)) && (status == null || i.Status == status),
            i => i.Order, 100, 100);
        return new
        {
            RequestId = call.RequestId,
            TotalCount = page.Total,
            PageNumber = pageNumber,
            PageSize = pageSize,
            NextToken = page.NextToken,
            Instances = new
            {
                Instance = page.Items.Select(i => new
                {
                    InstanceId = i.Id,
                    InstanceName = i.Id,
                    RegionId = i.RegionId,
                    Status = i.Status,
                    InstanceNetworkType = "vpc",
                    SecurityGroupIds = new { SecurityGroupId = i.Groups.ToArray() },
                    OperationLocks = new { LockReason = i.LockReason == null ? Array.Empty<object>() : new object[] { new { LockReason = i.LockReason } } },
                }).ToList(),
            },
        };
    }

    private static object DescribeNetworkInterfaces(ApiCall call)
    {
        var r = call.Request;
        var w = call.World;
        var region = RequiredRegion(r);
        var ids = r.FlatList("NetworkInterfaceId");
        if (ids.Count > 100) throw ApiException.InvalidParameter("NetworkInterfaceId", "At most 100 ids.");
        var groupId = r.Optional("SecurityGroupId");
        var instanceId = r.Optional("InstanceId");
        var type = r.Optional("Type");
        var status = r.Optional("Status");
        IEnumerable<NetworkInterface> candidates = ids.Count == 0 ? w.EniList : ByIds(ids, w.Enis, e => e.Order);
        var (page, pageNumber, pageSize) = PageOf(call, candidates,
            e => e.RegionId == region && (groupId == null || e.Groups.Contains(groupId)) && (instanceId == null || e.InstanceId == instanceId)
                 && (type == null || e.Type == type) && (status == null || e.Status == status),
            e => e.Order, 500, 1000);
        return new
        {
            RequestId = call.RequestId,
            TotalCount = page.Total,
            PageNumber = pageNumber,
            PageSize = pageSize,
            NextToken = page.NextToken,
            NetworkInterfaceSets = new
            {
                NetworkInterfaceSet = page.Items.Select(e => new
                {
                    NetworkInterfaceId = e.Id,
                    NetworkInterfaceName = e.Id,
                    InstanceId = e.InstanceId ?? string.Empty,
                    Status = e.Status,
                    Type = e.Type,
                    ServiceManaged = e.ServiceManaged,
                    SecurityGroupIds = new { SecurityGroupId = e.Groups.ToArray() },
                }).ToList(),
            },
        };
    }

    private static object DescribeSecurityGroups(ApiCall call)
    {
        var r = call.Request;
        var w = call.World;
        var region = RequiredRegion(r);
        var ids = r.JsonList("SecurityGroupIds", 100, "InvalidSecurityGroupIds.Malformed");
        var single = r.Optional("SecurityGroupId");
        if (single != null) ids = (ids ?? new List<string>()).Append(single).ToList();
        var vpcId = r.Optional("VpcId");
        IEnumerable<SecurityGroup> candidates = ids == null ? w.GroupList : ByIds(ids, w.Groups, g => g.Order);
        var (page, pageNumber, pageSize) = PageOf(call, candidates,
            g => g.RegionId == region && (vpcId == null || g.VpcId == vpcId), g => g.Order, 100, 50);
        return new
        {
            RequestId = call.RequestId,
            RegionId = region,
            TotalCount = page.Total,
            PageNumber = pageNumber,
            PageSize = pageSize,
            NextToken = page.NextToken,
            SecurityGroups = new
            {
                SecurityGroup = page.Items.Select(g => new
                {
                    SecurityGroupId = g.Id,
                    SecurityGroupName = g.Name ?? string.Empty,
                    Description = string.Empty,
                    VpcId = g.VpcId ?? string.Empty,
                    SecurityGroupType = "normal",
                    ServiceManaged = g.ServiceManaged,
                }).ToList(),
            },
        };
    }
}
