namespace AlibabaCloud.Emulator.State;

/// <summary>Thrown for a state document the emulator cannot load; the admin API answers it with 400.</summary>
internal sealed class InvalidStateException : Exception
{
    public InvalidStateException(string message) : base(message) { }
}

/// <summary>
/// Turns a hand-written state document into a complete one: defaults for omitted fields, duplicate and empty
/// ids refused, and groups that resources mention but the document does not declare created implicitly (a
/// resource cannot belong to a group that does not exist, and rehearsal files should stay short).
/// </summary>
internal static class StateValidator
{
    public const string DefaultRegion = "cn-hangzhou";
    public const string NotMemberDocumented = "InstanceNotInSecurityGroup";
    public const string NotMemberCurrent = "InvalidSecurityGroupAssociation.NotFound";

    public static EmulatorState Normalize(EmulatorState source)
    {
        var s = StateJson.Clone(source ?? new EmulatorState());
        s.Credentials ??= new(); s.SecurityGroups ??= new(); s.Instances ??= new(); s.NetworkInterfaces ??= new();
        s.LoadBalancers ??= new(); s.VpcEndpoints ??= new(); s.Behavior ??= new BehaviorSettings();
        s.Credentials.RemoveAll(c => c == null); s.SecurityGroups.RemoveAll(x => x == null); s.Instances.RemoveAll(x => x == null);
        s.NetworkInterfaces.RemoveAll(x => x == null); s.LoadBalancers.RemoveAll(x => x == null); s.VpcEndpoints.RemoveAll(x => x == null);

        foreach (var c in s.Credentials)
            if (string.IsNullOrEmpty(c.AccessKeyId) || string.IsNullOrEmpty(c.AccessKeySecret))
                throw new InvalidStateException("Every credential needs accessKeyId and accessKeySecret.");
        Unique(s.Credentials.Select(c => c.AccessKeyId), "credentials.accessKeyId");

        foreach (var g in s.SecurityGroups) { Require(g.SecurityGroupId, "securityGroups.securityGroupId"); g.RegionId ??= DefaultRegion; }
        foreach (var i in s.Instances)
        {
            Require(i.InstanceId, "instances.instanceId");
            i.RegionId ??= DefaultRegion; i.Status ??= "Running"; i.SecurityGroupIds = Clean(i.SecurityGroupIds);
        }
        foreach (var e in s.NetworkInterfaces)
        {
            Require(e.NetworkInterfaceId, "networkInterfaces.networkInterfaceId");
            e.RegionId ??= DefaultRegion; e.Type ??= "Secondary"; e.Status ??= e.InstanceId == null ? "Available" : "InUse";
            e.SecurityGroupIds = Clean(e.SecurityGroupIds);
        }
        foreach (var l in s.LoadBalancers)
        {
            Require(l.LoadBalancerId, "loadBalancers.loadBalancerId");
            l.RegionId ??= DefaultRegion; l.Status ??= "Active"; l.SecurityGroupIds = Clean(l.SecurityGroupIds);
        }
        foreach (var v in s.VpcEndpoints)
        {
            Require(v.EndpointId, "vpcEndpoints.endpointId");
            v.RegionId ??= DefaultRegion; v.Status ??= "Active"; v.EndpointType ??= "Interface"; v.ConnectionStatus ??= "Connected";
            v.SecurityGroupIds = Clean(v.SecurityGroupIds);
        }
        Unique(s.SecurityGroups.Select(x => x.SecurityGroupId), "securityGroups.securityGroupId");
        Unique(s.Instances.Select(x => x.InstanceId), "instances.instanceId");
        Unique(s.NetworkInterfaces.Select(x => x.NetworkInterfaceId), "networkInterfaces.networkInterfaceId");
        Unique(s.LoadBalancers.Select(x => x.LoadBalancerId), "loadBalancers.loadBalancerId");
        Unique(s.VpcEndpoints.Select(x => x.EndpointId), "vpcEndpoints.endpointId");

        var declared = new HashSet<string>(s.SecurityGroups.Select(g => g.SecurityGroupId), StringComparer.Ordinal);
        void Implicit(IEnumerable<string> ids, string region)
        {
            foreach (var id in ids)
                if (declared.Add(id)) s.SecurityGroups.Add(new SecurityGroupState { SecurityGroupId = id, RegionId = region });
        }
        foreach (var i in s.Instances) Implicit(i.SecurityGroupIds, i.RegionId);
        foreach (var e in s.NetworkInterfaces) Implicit(e.SecurityGroupIds, e.RegionId);
        foreach (var l in s.LoadBalancers) Implicit(l.SecurityGroupIds, l.RegionId);
        foreach (var v in s.VpcEndpoints) Implicit(v.SecurityGroupIds, v.RegionId);

        var b = s.Behavior;
        if (b.AlbJobMilliseconds < 0 || b.EndpointDetachMilliseconds < 0 || b.EndpointCooldownMilliseconds < 0)
            throw new InvalidStateException("behavior times must not be negative.");
        b.NotMemberErrorCode ??= NotMemberDocumented;
        if (b.NotMemberErrorCode != NotMemberDocumented && b.NotMemberErrorCode != NotMemberCurrent)
            throw new InvalidStateException($"behavior.notMemberErrorCode must be {NotMemberDocumented} or {NotMemberCurrent}.");
        return s;
    }

    private static void Require(string value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw new InvalidStateException($"{field} must not be empty.");
    }

    private static List<string> Clean(List<string> ids) =>
        (ids ?? new List<string>()).Where(x => !string.IsNullOrEmpty(x)).Distinct(StringComparer.Ordinal).ToList();

    private static void Unique(IEnumerable<string> ids, string field)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in ids)
            if (!seen.Add(id)) throw new InvalidStateException($"{field} \"{id}\" appears twice.");
    }
}
