namespace AlibabaCloud.Emulator.State;

/// <summary>
/// The emulator's live state. One lock (<see cref="Gate"/>) guards everything: each API call is a few dictionary
/// operations, so contention stays low and every call sees a consistent world. Asynchronous work (ALB jobs,
/// endpoint detaches) completes lazily: <see cref="Advance"/> runs at the start of every locked section and
/// applies whatever has come due, stamped with its due time, so nobody needs to poll for a change to happen.
/// </summary>
internal sealed class World
{
    public readonly object Gate = new();

    public readonly Dictionary<string, SecurityGroup> Groups = new(StringComparer.Ordinal);
    public readonly List<SecurityGroup> GroupList = new();
    public readonly Dictionary<string, Instance> Instances = new(StringComparer.Ordinal);
    public readonly List<Instance> InstanceList = new();
    public readonly Dictionary<string, NetworkInterface> Enis = new(StringComparer.Ordinal);
    public readonly List<NetworkInterface> EniList = new();
    public readonly Dictionary<string, LoadBalancer> LoadBalancers = new(StringComparer.Ordinal);
    public readonly List<LoadBalancer> LoadBalancerList = new();
    public readonly Dictionary<string, VpcEndpoint> Endpoints = new(StringComparer.Ordinal);
    public readonly List<VpcEndpoint> EndpointList = new();

    public readonly Dictionary<string, AlbJob> Jobs = new(StringComparer.Ordinal);
    public readonly List<AlbJob> JobList = new();
    public readonly Dictionary<string, IdempotentAnswer> Answers = new(StringComparer.Ordinal);
    public readonly List<JournalEntry> Journal = new();

    private readonly List<AlbJob> _runningJobs = new();
    private readonly List<VpcEndpoint> _detaching = new();

    public BehaviorSettings Behavior { get; private set; } = new();
    public List<CredentialState> Credentials { get; private set; } = new();

    /// <summary>Bumped on every state replacement, so paging tokens from an older world are refused.</summary>
    public int Generation { get; private set; }

    /// <summary>Replaces everything (resources, jobs, in-flight work, remembered tokens); the journal stays.</summary>
    public void Load(EmulatorState source)
    {
        var s = StateValidator.Normalize(source);
        Groups.Clear(); GroupList.Clear(); Instances.Clear(); InstanceList.Clear(); Enis.Clear(); EniList.Clear();
        LoadBalancers.Clear(); LoadBalancerList.Clear(); Endpoints.Clear(); EndpointList.Clear();
        Jobs.Clear(); JobList.Clear(); Answers.Clear(); _runningJobs.Clear(); _detaching.Clear();
        Generation++;
        Behavior = s.Behavior;
        Credentials = s.Credentials;

        foreach (var g in s.SecurityGroups)
            AddGroup(new SecurityGroup { Id = g.SecurityGroupId, RegionId = g.RegionId, VpcId = g.VpcId, Name = g.SecurityGroupName, ServiceManaged = g.ServiceManaged });
        foreach (var i in s.Instances)
        {
            var x = new Instance { Id = i.InstanceId, RegionId = i.RegionId, Status = i.Status, LockReason = i.LockReason, Groups = new List<string>(i.SecurityGroupIds), Order = InstanceList.Count };
            Instances.Add(x.Id, x); InstanceList.Add(x);
        }
        foreach (var e in s.NetworkInterfaces)
        {
            var x = new NetworkInterface { Id = e.NetworkInterfaceId, RegionId = e.RegionId, InstanceId = e.InstanceId, Type = e.Type, Status = e.Status, ServiceManaged = e.ServiceManaged, Groups = new List<string>(e.SecurityGroupIds), Order = EniList.Count };
            Enis.Add(x.Id, x); EniList.Add(x);
        }
        foreach (var l in s.LoadBalancers)
        {
            var x = new LoadBalancer { Id = l.LoadBalancerId, RegionId = l.RegionId, Status = l.Status, Groups = new List<string>(l.SecurityGroupIds), Order = LoadBalancerList.Count };
            LoadBalancers.Add(x.Id, x); LoadBalancerList.Add(x);
        }
        foreach (var v in s.VpcEndpoints)
        {
            var x = new VpcEndpoint { Id = v.EndpointId, RegionId = v.RegionId, Status = v.Status, Locked = v.Locked, Type = v.EndpointType, ConnectionStatus = v.ConnectionStatus, Groups = new List<string>(v.SecurityGroupIds), Order = EndpointList.Count };
            Endpoints.Add(x.Id, x); EndpointList.Add(x);
        }
    }

    private void AddGroup(SecurityGroup g)
    {
        g.Order = GroupList.Count;
        Groups.Add(g.Id, g);
        GroupList.Add(g);
    }

    /// <summary>The current values in the file's schema. Transient statuses (Configuring, Pending) are derived from in-flight work and not stored.</summary>
    public EmulatorState Snapshot()
    {
        return new EmulatorState
        {
            Credentials = Credentials.Select(c => new CredentialState { AccessKeyId = c.AccessKeyId, AccessKeySecret = c.AccessKeySecret, SecurityToken = c.SecurityToken, Expiration = c.Expiration }).ToList(),
            SecurityGroups = GroupList.Select(g => new SecurityGroupState { SecurityGroupId = g.Id, RegionId = g.RegionId, VpcId = g.VpcId, SecurityGroupName = g.Name, ServiceManaged = g.ServiceManaged }).ToList(),
            Instances = InstanceList.Select(i => new InstanceState { InstanceId = i.Id, RegionId = i.RegionId, Status = i.Status, LockReason = i.LockReason, SecurityGroupIds = new List<string>(i.Groups) }).ToList(),
            NetworkInterfaces = EniList.Select(e => new NetworkInterfaceState { NetworkInterfaceId = e.Id, RegionId = e.RegionId, InstanceId = e.InstanceId, Type = e.Type, Status = e.Status, ServiceManaged = e.ServiceManaged, SecurityGroupIds = new List<string>(e.Groups) }).ToList(),
            LoadBalancers = LoadBalancerList.Select(l => new LoadBalancerState { LoadBalancerId = l.Id, RegionId = l.RegionId, Status = l.Status, SecurityGroupIds = new List<string>(l.Groups) }).ToList(),
            VpcEndpoints = EndpointList.Select(v => new VpcEndpointState { EndpointId = v.Id, RegionId = v.RegionId, Status = v.Status, Locked = v.Locked, EndpointType = v.Type, ConnectionStatus = v.ConnectionStatus, SecurityGroupIds = new List<string>(v.Groups) }).ToList(),
            Behavior = new BehaviorSettings
            {
                AlbJobMilliseconds = Behavior.AlbJobMilliseconds,
                EndpointDetachMilliseconds = Behavior.EndpointDetachMilliseconds,
                EndpointCooldownMilliseconds = Behavior.EndpointCooldownMilliseconds,
                NotMemberErrorCode = Behavior.NotMemberErrorCode,
            },
        };
    }

    public void StartJob(AlbJob job, LoadBalancer lb)
    {
        job.Order = JobList.Count;
        Jobs.Add(job.Id, job);
        JobList.Add(job);
        lb.RunningJob = job;
        _runningJobs.Add(job);
    }

    public void StartDetach(VpcEndpoint endpoint, PendingDetach detach)
    {
        endpoint.Detach = detach;
        _detaching.Add(endpoint);
    }

    /// <summary>Completes, in due order, every job and detach whose time has come.</summary>
    public void Advance(DateTimeOffset now)
    {
        if (_runningJobs.Count == 0 && _detaching.Count == 0) return;
        while (true)
        {
            AlbJob job = null;
            foreach (var j in _runningJobs) if (j.DueTime <= now && (job == null || j.DueTime < job.DueTime)) job = j;
            VpcEndpoint ep = null;
            foreach (var e in _detaching) if (e.Detach.DueTime <= now && (ep == null || e.Detach.DueTime < ep.Detach.DueTime)) ep = e;
            if (job == null && ep == null) return;
            if (job != null && (ep == null || job.DueTime <= ep.Detach.DueTime)) CompleteJob(job);
            else CompleteDetach(ep);
        }
    }

    private void CompleteJob(AlbJob job)
    {
        _runningJobs.Remove(job);
        job.ModifyTime = job.DueTime;
        if (LoadBalancers.TryGetValue(job.ResourceId, out var lb) && lb.RunningJob == job) lb.RunningJob = null;
        if (job.WillFail)
        {
            // A failed job changes nothing: the groups stay on the load balancer.
            job.Status = "Failed";
            job.ErrorCode = "ResourceInUse.SecurityGroup";
            job.ErrorMessage = $"The specified resource SecurityGroup({string.Join(",", job.Groups)}) is in use by another operation.";
            return;
        }
        job.Status = "Succeeded";
        if (lb == null) return;
        lb.Groups.RemoveAll(g => job.Groups.Contains(g));
        Journal.Add(new JournalEntry
        {
            Time = job.DueTime, Action = job.ApiName, ResourceId = lb.Id, SecurityGroupIds = new List<string>(job.Groups),
            RequestId = job.RequestId, ClientToken = job.ClientToken,
        });
    }

    private void CompleteDetach(VpcEndpoint ep)
    {
        _detaching.Remove(ep);
        var d = ep.Detach;
        ep.Detach = null;
        if (!ep.Groups.Remove(d.GroupId)) return;
        Journal.Add(new JournalEntry
        {
            Time = d.DueTime, Action = "DetachSecurityGroupFromVpcEndpoint", ResourceId = ep.Id, SecurityGroupIds = new List<string> { d.GroupId },
            RequestId = d.RequestId, ClientToken = d.ClientToken,
        });
    }
}
