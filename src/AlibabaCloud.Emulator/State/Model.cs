namespace AlibabaCloud.Emulator.State;

// The live, mutable model behind the state file. Each resource remembers its position in load order (Order) so
// paging tokens stay valid while memberships change between pages.

internal sealed class SecurityGroup
{
    public string Id, RegionId, VpcId, Name;
    public bool ServiceManaged;
    public int Order;
}

internal sealed class Instance
{
    public string Id, RegionId, Status, LockReason;
    public List<string> Groups;
    public int Order;
}

internal sealed class NetworkInterface
{
    public string Id, RegionId, InstanceId, Type, Status;
    public List<string> Groups;
    public bool ServiceManaged;
    public int Order;
}

internal sealed class LoadBalancer
{
    public string Id, RegionId, Status;
    public List<string> Groups;
    public AlbJob RunningJob;
    public int Order;
}

internal sealed class VpcEndpoint
{
    public string Id, RegionId, Status, Type, ConnectionStatus;
    public List<string> Groups;
    public bool Locked;
    public PendingDetach Detach;
    /// <summary>No new detach is accepted before this instant (counted from the previous detach's acceptance).</summary>
    public DateTimeOffset CooldownUntil;
    public int Order;
}

/// <summary>An ALB asynchronous job (ListAsynJobs). Its outcome is fixed when it is created; it completes at DueTime.</summary>
internal sealed class AlbJob
{
    public string Id, ApiName, ResourceId, ResourceType, OperateType, Status, ErrorCode, ErrorMessage, RequestId, ClientToken;
    public List<string> Groups;
    public DateTimeOffset CreateTime, ModifyTime, DueTime;
    public bool WillFail;
    public int Order;
}

/// <summary>A PrivateLink detach in flight: the group shows Detaching and the endpoint Pending until DueTime.</summary>
internal sealed class PendingDetach
{
    public string GroupId, RequestId, ClientToken;
    public DateTimeOffset DueTime;
}

/// <summary>A successful answer remembered under its ClientToken, replayed for an identical retry.</summary>
internal sealed class IdempotentAnswer
{
    public string Fingerprint;
    public object Body;
    public string RequestId;
}
