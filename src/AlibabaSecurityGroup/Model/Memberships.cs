namespace AlibabaSecurityGroup.Model
{
    // Read-side objects. Their property names match the removal cmdlets' parameters, so Get-... | Remove-...
    // binds by property name with no Select-Object. An ENI object deliberately has no InstanceId property (its
    // instance is AttachedInstanceId): with both, PowerShell could not choose Remove-EcsSecurityGroupMember's
    // parameter set.

    /// <summary>An ECS instance that is a member of a security group (Get-EcsSecurityGroupMember).</summary>
    public sealed class EcsInstanceMembership
    {
        public string SecurityGroupId { get; set; }
        public string InstanceId { get; set; }
        public string ResourceType => "Instance";
        public string Status { get; set; }
        public string Region { get; set; }
        /// <summary>How many groups the instance has: 1 means this is its last group and cannot be removed.</summary>
        public int SecurityGroupCount { get; set; }
    }

    /// <summary>A network interface that is a member of a security group (Get-EcsSecurityGroupMember).</summary>
    public sealed class EcsNetworkInterfaceMembership
    {
        public string SecurityGroupId { get; set; }
        public string NetworkInterfaceId { get; set; }
        public string ResourceType => "NetworkInterface";
        public string AttachedInstanceId { get; set; }
        /// <summary>Primary or Secondary.</summary>
        public string Type { get; set; }
        public string Status { get; set; }
        public string Region { get; set; }
        public int SecurityGroupCount { get; set; }
    }

    /// <summary>A security group of an ALB load balancer (Get-AlbSecurityGroup).</summary>
    public sealed class AlbSecurityGroupMembership
    {
        public string LoadBalancerId { get; set; }
        public string SecurityGroupId { get; set; }
        public string LoadBalancerStatus { get; set; }
        public string Region { get; set; }
    }

    /// <summary>A security group of a PrivateLink VPC endpoint (Get-PrivateLinkEndpointSecurityGroup).</summary>
    public sealed class EndpointSecurityGroupMembership
    {
        public string EndpointId { get; set; }
        public string SecurityGroupId { get; set; }
        /// <summary>Attaching, Attached or Detaching.</summary>
        public string SecurityGroupStatus { get; set; }
        public string Region { get; set; }
    }
}
