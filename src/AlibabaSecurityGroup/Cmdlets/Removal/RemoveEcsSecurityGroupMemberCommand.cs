using System.Management.Automation;
using AlibabaSecurityGroup.Cmdlets.Completion;
using AlibabaSecurityGroup.Engine;
using AlibabaSecurityGroup.Engine.Operations;
using AlibabaSecurityGroup.Model;

namespace AlibabaSecurityGroup.Cmdlets.Removal
{
    /// <summary>ECS LeaveSecurityGroup: an instance or a network interface leaves a security group.</summary>
    [Cmdlet(VerbsCommon.Remove, "EcsSecurityGroupMember", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium,
        DefaultParameterSetName = InstanceSet)]
    [OutputType(typeof(SecurityGroupRemovalResult))]
    public sealed class RemoveEcsSecurityGroupMemberCommand : RemovalCmdlet
    {
        private const string InstanceSet = "Instance";
        private const string NetworkInterfaceSet = "NetworkInterface";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = InstanceSet, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public string InstanceId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = NetworkInterfaceSet, ValueFromPipelineByPropertyName = true)]
        [Alias("EniId")]
        public string NetworkInterfaceId { get; set; }

        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SecurityGroupIdCompleter))]
        public string SecurityGroupId { get; set; }

        protected override RemovalOperation CreateOperation(object inputObject) =>
            ParameterSetName == NetworkInterfaceSet
                ? new EcsLeaveOperation(inputObject, Region, SecurityGroupId, null, NetworkInterfaceId)
                : new EcsLeaveOperation(inputObject, Region, SecurityGroupId, InstanceId, null);

        protected override string DescribeBoundIds() => ParameterSetName == NetworkInterfaceSet ? NetworkInterfaceId : InstanceId;
    }
}
