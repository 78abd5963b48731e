using System.Collections.Generic;

namespace AlibabaSecurityGroup.Services.Ecs
{
    /// <summary>The fields of an ECS instance that decide whether it can leave a security group.</summary>
    public sealed class EcsInstance
    {
        public string InstanceId { get; set; }
        public string RegionId { get; set; }
        public string Status { get; set; }
        public string[] SecurityGroupIds { get; set; } = new string[0];
        public string[] LockReasons { get; set; } = new string[0];
    }

    /// <summary>The fields of an elastic network interface that decide whether it can leave a security group.</summary>
    public sealed class EcsNetworkInterface
    {
        public string NetworkInterfaceId { get; set; }
        public string InstanceId { get; set; }
        public string Status { get; set; }
        public string Type { get; set; }
        public bool ServiceManaged { get; set; }
        public string[] SecurityGroupIds { get; set; } = new string[0];
    }

    public sealed class EcsSecurityGroup
    {
        public string SecurityGroupId { get; set; }
        public string VpcId { get; set; }
        public string SecurityGroupName { get; set; }
    }

    /// <summary>Filters for DescribeInstances / DescribeNetworkInterfaces listing calls.</summary>
    public sealed class EcsListFilter
    {
        public string RegionId { get; set; }
        public string SecurityGroupId { get; set; }
        public IReadOnlyList<string> Ids { get; set; }
        public string InstanceId { get; set; }
        /// <summary>DescribeNetworkInterfaces only: Primary or Secondary.</summary>
        public string Type { get; set; }
        public string NextToken { get; set; }
        public int MaxResults { get; set; } = 100;
    }
}
