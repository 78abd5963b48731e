namespace AlibabaSecurityGroup.Services.Alb
{
    /// <summary>The answer to LoadBalancerLeaveSecurityGroup: the asynchronous job that does the work.</summary>
    public sealed class AlbJobSubmission
    {
        public string RequestId { get; set; }
        public string JobId { get; set; }
    }

    /// <summary>An entry of ListAsynJobs.</summary>
    public sealed class AlbAsyncJob
    {
        public const string Processing = "Processing";
        public const string Succeeded = "Succeeded";
        public const string Failed = "Failed";

        public string Id { get; set; }
        public string ApiName { get; set; }
        public string Status { get; set; }
        public string ErrorCode { get; set; }
        public string ErrorMessage { get; set; }
        public string ResourceId { get; set; }

        public bool IsFinished => Status == Succeeded || Status == Failed;
    }

    public sealed class AlbLoadBalancer
    {
        public string LoadBalancerId { get; set; }
        public string LoadBalancerStatus { get; set; }
        public string RegionId { get; set; }
        public string[] SecurityGroupIds { get; set; } = new string[0];
    }
}
