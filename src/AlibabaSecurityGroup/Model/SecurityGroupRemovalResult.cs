using System;

namespace AlibabaSecurityGroup.Model
{
    public enum RemovalStatus
    {
        /// <summary>The membership is gone (ECS at once; ALB and PrivateLink after -Wait saw the job finish).</summary>
        Removed,
        /// <summary>The service accepted an asynchronous removal (ALB job, PrivateLink detach); not waited for.</summary>
        Submitted,
        /// <summary>-WhatIf: the service's DryRun (ALB, PrivateLink) or the read-only preflight (ECS) predicts success.</summary>
        DryRunPassed,
    }

    public enum RemovalResourceType
    {
        Instance,
        NetworkInterface,
        LoadBalancer,
        VpcEndpoint,
    }

    /// <summary>One input item's outcome, written with -PassThru.</summary>
    public sealed class SecurityGroupRemovalResult
    {
        public RemovalResourceType ResourceType { get; set; }
        public string ResourceId { get; set; }
        public string[] SecurityGroupId { get; set; }
        public string Region { get; set; }
        public RemovalStatus Status { get; set; }
        public string RequestId { get; set; }
        /// <summary>The ALB asynchronous job; null for ECS and PrivateLink.</summary>
        public string JobId { get; set; }
        public TimeSpan Elapsed { get; set; }

        public override string ToString() =>
            ResourceType + " " + ResourceId + " -" + string.Join(",", SecurityGroupId ?? new string[0]) + " " + Status;
    }
}
