namespace AlibabaCloud.Emulator.Tests;

/// <summary>Small, readable states shared by the behaviour tests.</summary>
internal static class TestStates
{
    public const string Region = "cn-hangzhou";

    public static EmulatorState Ecs(string notMember = "InstanceNotInSecurityGroup") => new()
    {
        SecurityGroups =
        {
            new SecurityGroupState { SecurityGroupId = "sg-a", RegionId = Region, VpcId = "vpc-1" },
            new SecurityGroupState { SecurityGroupId = "sg-b", RegionId = Region, VpcId = "vpc-1" },
            new SecurityGroupState { SecurityGroupId = "sg-c", RegionId = Region, VpcId = "vpc-2" },
            new SecurityGroupState { SecurityGroupId = "sg-managed", RegionId = Region, VpcId = "vpc-1", ServiceManaged = true },
            new SecurityGroupState { SecurityGroupId = "sg-other-region", RegionId = "cn-beijing", VpcId = "vpc-9" },
        },
        Instances =
        {
            new InstanceState { InstanceId = "i-running", RegionId = Region, Status = "Running", SecurityGroupIds = { "sg-a", "sg-b" } },
            new InstanceState { InstanceId = "i-stopped", RegionId = Region, Status = "Stopped", SecurityGroupIds = { "sg-a", "sg-b" } },
            new InstanceState { InstanceId = "i-single", RegionId = Region, Status = "Running", SecurityGroupIds = { "sg-a" } },
            new InstanceState { InstanceId = "i-locked", RegionId = Region, Status = "Running", SecurityGroupIds = { "sg-a", "sg-b" }, LockReason = "security" },
            new InstanceState { InstanceId = "i-financial", RegionId = Region, Status = "Running", SecurityGroupIds = { "sg-a", "sg-b" }, LockReason = "financial" },
            new InstanceState { InstanceId = "i-pending", RegionId = Region, Status = "Pending", SecurityGroupIds = { "sg-a", "sg-b" } },
            new InstanceState { InstanceId = "i-starting", RegionId = Region, Status = "Starting", SecurityGroupIds = { "sg-a", "sg-b" } },
            new InstanceState { InstanceId = "i-stopping", RegionId = Region, Status = "Stopping", SecurityGroupIds = { "sg-a", "sg-b" } },
            new InstanceState { InstanceId = "i-managed", RegionId = Region, Status = "Running", SecurityGroupIds = { "sg-a", "sg-managed" } },
            new InstanceState { InstanceId = "i-beijing", RegionId = "cn-beijing", Status = "Running", SecurityGroupIds = { "sg-other-region", "sg-x" } },
        },
        NetworkInterfaces =
        {
            new NetworkInterfaceState { NetworkInterfaceId = "eni-free", RegionId = Region, Type = "Secondary", Status = "Available", SecurityGroupIds = { "sg-a", "sg-b" } },
            new NetworkInterfaceState { NetworkInterfaceId = "eni-inuse", RegionId = Region, InstanceId = "i-running", Type = "Secondary", Status = "InUse", SecurityGroupIds = { "sg-a", "sg-c" } },
            new NetworkInterfaceState { NetworkInterfaceId = "eni-single", RegionId = Region, Type = "Secondary", Status = "Available", SecurityGroupIds = { "sg-a" } },
            new NetworkInterfaceState { NetworkInterfaceId = "eni-managed", RegionId = Region, Type = "Secondary", Status = "Available", SecurityGroupIds = { "sg-a", "sg-b" }, ServiceManaged = true },
            new NetworkInterfaceState { NetworkInterfaceId = "eni-primary", RegionId = Region, InstanceId = "i-running", Type = "Primary", Status = "InUse", SecurityGroupIds = { "sg-a", "sg-b" } },
            new NetworkInterfaceState { NetworkInterfaceId = "eni-attaching", RegionId = Region, InstanceId = "i-stopped", Type = "Secondary", Status = "Attaching", SecurityGroupIds = { "sg-a", "sg-b" } },
        },
        Behavior = new BehaviorSettings { NotMemberErrorCode = notMember },
    };

    public static EmulatorState Alb() => new()
    {
        SecurityGroups =
        {
            new SecurityGroupState { SecurityGroupId = "sg-a", RegionId = Region },
            new SecurityGroupState { SecurityGroupId = "sg-b", RegionId = Region },
            new SecurityGroupState { SecurityGroupId = "sg-c", RegionId = Region },
            new SecurityGroupState { SecurityGroupId = "sg-d", RegionId = Region },
            new SecurityGroupState { SecurityGroupId = "sg-e", RegionId = Region },
            new SecurityGroupState { SecurityGroupId = "sg-unused", RegionId = Region },
        },
        LoadBalancers =
        {
            new LoadBalancerState { LoadBalancerId = "alb-1", RegionId = Region, Status = "Active", SecurityGroupIds = { "sg-a", "sg-b" } },
            new LoadBalancerState { LoadBalancerId = "alb-2", RegionId = Region, Status = "Active", SecurityGroupIds = { "sg-a", "sg-b" } },
            new LoadBalancerState { LoadBalancerId = "alb-3", RegionId = Region, Status = "Active", SecurityGroupIds = { "sg-a", "sg-b" } },
            new LoadBalancerState { LoadBalancerId = "alb-five", RegionId = Region, Status = "Active", SecurityGroupIds = { "sg-a", "sg-b", "sg-c", "sg-d", "sg-e" } },
            new LoadBalancerState { LoadBalancerId = "alb-inactive", RegionId = Region, Status = "Inactive", SecurityGroupIds = { "sg-a", "sg-b" } },
            new LoadBalancerState { LoadBalancerId = "alb-provisioning", RegionId = Region, Status = "Provisioning", SecurityGroupIds = { "sg-a", "sg-b" } },
        },
        Behavior = Support.TestEmulator.FastBehavior(),
    };

    public static EmulatorState PrivateLink() => new()
    {
        SecurityGroups = { new SecurityGroupState { SecurityGroupId = "sg-unused", RegionId = Region } },
        VpcEndpoints =
        {
            new VpcEndpointState { EndpointId = "ep-1", RegionId = Region, Status = "Active", SecurityGroupIds = { "sg-a", "sg-b", "sg-c" } },
            new VpcEndpointState { EndpointId = "ep-2", RegionId = Region, Status = "Active", SecurityGroupIds = { "sg-a", "sg-b" } },
            new VpcEndpointState { EndpointId = "ep-single", RegionId = Region, Status = "Active", SecurityGroupIds = { "sg-a" } },
            new VpcEndpointState { EndpointId = "ep-locked", RegionId = Region, Status = "Active", SecurityGroupIds = { "sg-a", "sg-b" }, Locked = true },
            new VpcEndpointState { EndpointId = "ep-creating", RegionId = Region, Status = "Creating", SecurityGroupIds = { "sg-a", "sg-b" } },
            new VpcEndpointState { EndpointId = "ep-connecting", RegionId = Region, Status = "Active", ConnectionStatus = "Connecting", SecurityGroupIds = { "sg-a", "sg-b" } },
            new VpcEndpointState { EndpointId = "ep-service-deleted", RegionId = Region, Status = "Active", ConnectionStatus = "ServiceDeleted", SecurityGroupIds = { "sg-a", "sg-b" } },
            new VpcEndpointState { EndpointId = "ep-gwlb", RegionId = Region, Status = "Active", EndpointType = "GatewayLoadBalancer", SecurityGroupIds = { "sg-a", "sg-b" } },
            new VpcEndpointState { EndpointId = "ep-many", RegionId = Region, Status = "Active", SecurityGroupIds = { "sg-1", "sg-2", "sg-3", "sg-4", "sg-5" } },
            new VpcEndpointState { EndpointId = "ep-beijing", RegionId = "cn-beijing", Status = "Active", SecurityGroupIds = { "sg-a", "sg-b" } },
        },
        Behavior = Support.TestEmulator.FastBehavior(),
    };
}
