using System.Collections.Generic;
using System.Management.Automation;
using AlibabaSecurityGroup.Cmdlets.Completion;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Engine.Reading;
using AlibabaSecurityGroup.Engine.Validation;
using AlibabaSecurityGroup.Model;

namespace AlibabaSecurityGroup.Cmdlets.Reading
{
    /// <summary>The instances and secondary network interfaces in security groups (all pages).</summary>
    [Cmdlet(VerbsCommon.Get, "EcsSecurityGroupMember")]
    [OutputType(typeof(EcsInstanceMembership), typeof(EcsNetworkInterfaceMembership))]
    public sealed class GetEcsSecurityGroupMemberCommand : ReadCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(SecurityGroupIdCompleter))]
        public string[] SecurityGroupId { get; set; }

        /// <summary>Only these instances (and no network interfaces unless -NetworkInterfaceId is also given).</summary>
        [Parameter]
        public string[] InstanceId { get; set; }

        /// <summary>Only these network interfaces (and no instances unless -InstanceId is also given).</summary>
        [Parameter]
        [Alias("EniId")]
        public string[] NetworkInterfaceId { get; set; }

        protected override IdKind IdKind => IdKind.SecurityGroup;
        protected override IEnumerable<string> Ids => SecurityGroupId;
        protected override string Describe(string id) => "Listing the members of security group " + id;

        protected override Task<IReadOnlyList<object>> ReadAsync(MembershipReader reader, string regionId, string id, CancellationToken cancellationToken) =>
            reader.EcsMembersAsync(regionId, id, InstanceId, NetworkInterfaceId, cancellationToken);
    }
}
