namespace AlibabaSecurityGroup.Engine.Validation
{
    /// <summary>The kinds of Alibaba Cloud id the cmdlets take, each with its prefix and its parameter.</summary>
    public enum IdKind
    {
        Instance,
        NetworkInterface,
        SecurityGroup,
        LoadBalancer,
        VpcEndpoint,
    }

    public static class IdKindInfo
    {
        public static string Prefix(IdKind kind)
        {
            switch (kind)
            {
                case IdKind.Instance: return "i-";
                case IdKind.NetworkInterface: return "eni-";
                case IdKind.SecurityGroup: return "sg-";
                case IdKind.LoadBalancer: return "alb-";
                default: return "ep-";
            }
        }

        public static string ParameterName(IdKind kind)
        {
            switch (kind)
            {
                case IdKind.Instance: return "InstanceId";
                case IdKind.NetworkInterface: return "NetworkInterfaceId";
                case IdKind.SecurityGroup: return "SecurityGroupId";
                case IdKind.LoadBalancer: return "LoadBalancerId";
                default: return "EndpointId";
            }
        }

        public static string Noun(IdKind kind)
        {
            switch (kind)
            {
                case IdKind.Instance: return "an ECS instance id";
                case IdKind.NetworkInterface: return "a network interface (ENI) id";
                case IdKind.SecurityGroup: return "a security group id";
                case IdKind.LoadBalancer: return "an ALB load balancer id";
                default: return "a PrivateLink VPC endpoint id";
            }
        }
    }
}
