namespace AlibabaCloud.Emulator;

// The state file's schema. These are plain settable POCOs because the file format is a contract shared with
// tests and runbook rehearsals: PascalCase here, camelCase in JSON (see StateJson). Every list starts empty so
// collection initialisers work and an absent list in the file means "none".

/// <summary>Everything the emulator knows: credentials, resources and behaviour knobs.</summary>
public sealed class EmulatorState
{
    public List<CredentialState> Credentials { get; set; } = new();
    public List<SecurityGroupState> SecurityGroups { get; set; } = new();
    public List<InstanceState> Instances { get; set; } = new();
    public List<NetworkInterfaceState> NetworkInterfaces { get; set; } = new();
    public List<LoadBalancerState> LoadBalancers { get; set; } = new();
    public List<VpcEndpointState> VpcEndpoints { get; set; } = new();
    public BehaviorSettings Behavior { get; set; } = new();
}

/// <summary>An accepted key pair. With <see cref="SecurityToken"/> set it is an STS pair and must be presented with that token.</summary>
public sealed class CredentialState
{
    public string AccessKeyId { get; set; }
    public string AccessKeySecret { get; set; }
    public string SecurityToken { get; set; }
    /// <summary>For STS pairs: after this instant the token is refused with InvalidSecurityToken.Expired.</summary>
    public DateTimeOffset? Expiration { get; set; }
}

public sealed class SecurityGroupState
{
    public string SecurityGroupId { get; set; }
    public string RegionId { get; set; }
    public string VpcId { get; set; }
    public string SecurityGroupName { get; set; }
    /// <summary>A group managed by a cloud product: ECS refuses to take members out of it.</summary>
    public bool ServiceManaged { get; set; }
}

public sealed class InstanceState
{
    public string InstanceId { get; set; }
    public string RegionId { get; set; }
    /// <summary>Pending, Running, Starting, Stopping or Stopped.</summary>
    public string Status { get; set; }
    public List<string> SecurityGroupIds { get; set; } = new();
    /// <summary>One operation lock (financial, security, recycling...); only "security" refuses LeaveSecurityGroup.</summary>
    public string LockReason { get; set; }
}

public sealed class NetworkInterfaceState
{
    public string NetworkInterfaceId { get; set; }
    public string RegionId { get; set; }
    public string InstanceId { get; set; }
    /// <summary>Primary, Secondary, Trunk or Member.</summary>
    public string Type { get; set; }
    /// <summary>Available, Attaching, InUse, Detaching or Deleting.</summary>
    public string Status { get; set; }
    public List<string> SecurityGroupIds { get; set; } = new();
    public bool ServiceManaged { get; set; }
}

public sealed class LoadBalancerState
{
    public string LoadBalancerId { get; set; }
    public string RegionId { get; set; }
    /// <summary>Inactive, Active, Provisioning, Configuring or CreateFailed.</summary>
    public string Status { get; set; }
    public List<string> SecurityGroupIds { get; set; } = new();
}

public sealed class VpcEndpointState
{
    public string EndpointId { get; set; }
    public string RegionId { get; set; }
    /// <summary>Creating, Active, Pending or Deleting.</summary>
    public string Status { get; set; }
    public List<string> SecurityGroupIds { get; set; } = new();
    public bool Locked { get; set; }
    /// <summary>Optional: Interface (default), Reverse or GatewayLoadBalancer (which has no security groups).</summary>
    public string EndpointType { get; set; }
    /// <summary>Optional: Connected (default), Connecting, Disconnecting, Disconnected, ServiceDeleted...</summary>
    public string ConnectionStatus { get; set; }
}

/// <summary>Timings and answers the real service leaves unspecified; tests shrink the times.</summary>
public sealed class BehaviorSettings
{
    public int AlbJobMilliseconds { get; set; } = 2000;
    public int EndpointDetachMilliseconds { get; set; } = 2000;
    public int EndpointCooldownMilliseconds { get; set; } = 5000;
    /// <summary>InstanceNotInSecurityGroup (403, the documented answer) or InvalidSecurityGroupAssociation.NotFound (400, today's answer).</summary>
    public string NotMemberErrorCode { get; set; } = "InstanceNotInSecurityGroup";
}

/// <summary>One effective change, for proving that each removal happened exactly once.</summary>
public sealed class JournalEntry
{
    public DateTimeOffset Time { get; set; }
    public string Action { get; set; }
    public string ResourceId { get; set; }
    public List<string> SecurityGroupIds { get; set; } = new();
    public string RequestId { get; set; }
    public string ClientToken { get; set; }
}

/// <summary>Fault injection for API calls (never for /_emulator/). Rates are probabilities in 0..1.</summary>
public sealed class FaultSettings
{
    public double ThrottleRate { get; set; }
    public double ServerErrorRate { get; set; }
    public double ResetRate { get; set; }
    public int LatencyMs { get; set; }
    public int LatencyJitterMs { get; set; }
    /// <summary>Per action: calls beyond N within one wall-clock second answer Throttling.User. 0 = unlimited.</summary>
    public Dictionary<string, int> RateLimitPerSecond { get; set; } = new();
    public double AlbJobFailureRate { get; set; }
    public int Seed { get; set; } = 1;
}
