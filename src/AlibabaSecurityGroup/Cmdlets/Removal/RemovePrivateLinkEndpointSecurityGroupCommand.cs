using System.Management.Automation;
using AlibabaSecurityGroup.Cmdlets.Completion;
using AlibabaSecurityGroup.Engine;
using AlibabaSecurityGroup.Engine.Operations;
using AlibabaSecurityGroup.Model;

namespace AlibabaSecurityGroup.Cmdlets.Removal
{
    /// <summary>PrivateLink DetachSecurityGroupFromVpcEndpoint: a security group leaves a VPC endpoint (asynchronous).</summary>
    [Cmdlet(VerbsCommon.Remove, "PrivateLinkEndpointSecurityGroup", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SecurityGroupRemovalResult))]
    public sealed class RemovePrivateLinkEndpointSecurityGroupCommand : AsyncRemovalCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EndpointIdCompleter))]
        public string EndpointId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SecurityGroupIdCompleter))]
        public string SecurityGroupId { get; set; }

        protected override RemovalOperation CreateOperation(object inputObject) =>
            new PrivateLinkDetachOperation(inputObject, Region, EndpointId, SecurityGroupId);

        protected override string DescribeBoundIds() => EndpointId;
    }
}
