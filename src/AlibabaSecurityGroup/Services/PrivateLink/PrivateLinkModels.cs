namespace AlibabaSecurityGroup.Services.PrivateLink
{
    public sealed class EndpointSecurityGroup
    {
        public string SecurityGroupId { get; set; }
        /// <summary>Attaching, Attached or Detaching.</summary>
        public string SecurityGroupStatus { get; set; }
    }

    public sealed class VpcEndpoint
    {
        public const string Active = "Active";

        public string EndpointId { get; set; }
        /// <summary>Creating, Active, Pending or Deleting.</summary>
        public string EndpointStatus { get; set; }
        public string EndpointBusinessStatus { get; set; }
        public string EndpointType { get; set; }
    }
}
