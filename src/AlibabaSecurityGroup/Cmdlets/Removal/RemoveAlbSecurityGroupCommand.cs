using System.Management.Automation;
using AlibabaSecurityGroup.Cmdlets.Completion;
using AlibabaSecurityGroup.Engine;
using AlibabaSecurityGroup.Engine.Operations;
using AlibabaSecurityGroup.Model;

namespace AlibabaSecurityGroup.Cmdlets.Removal
{
    /// <summary>ALB LoadBalancerLeaveSecurityGroup: up to four security groups leave a load balancer (an asynchronous job).</summary>
    [Cmdlet(VerbsCommon.Remove, "AlbSecurityGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SecurityGroupRemovalResult))]
    public sealed class RemoveAlbSecurityGroupCommand : AsyncRemovalCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(LoadBalancerIdCompleter))]
        public string LoadBalancerId { get; set; }

        /// <summary>1 to 4 security groups (the API's limit); checked before any call.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [Alias("SecurityGroupIds")]
        [ArgumentCompleter(typeof(SecurityGroupIdCompleter))]
        public string[] SecurityGroupId { get; set; }

        protected override RemovalOperation CreateOperation(object inputObject) =>
            new AlbLeaveOperation(inputObject, Region, LoadBalancerId, SecurityGroupId);

        protected override string DescribeBoundIds() => LoadBalancerId;
    }
}
