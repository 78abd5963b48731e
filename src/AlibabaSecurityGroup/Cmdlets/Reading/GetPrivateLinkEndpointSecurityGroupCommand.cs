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
    /// <summary>The security groups of PrivateLink VPC endpoints (ListVpcEndpointSecurityGroups, all pages).</summary>
    [Cmdlet(VerbsCommon.Get, "PrivateLinkEndpointSecurityGroup")]
    [OutputType(typeof(EndpointSecurityGroupMembership))]
    public sealed class GetPrivateLinkEndpointSecurityGroupCommand : ReadCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(EndpointIdCompleter))]
        public string[] EndpointId { get; set; }

        protected override IdKind IdKind => IdKind.VpcEndpoint;
        protected override IEnumerable<string> Ids => EndpointId;
        protected override string Describe(string id) => "Reading the security groups of endpoint " + id;

        protected override Task<IReadOnlyList<object>> ReadAsync(MembershipReader reader, string regionId, string id, CancellationToken cancellationToken) =>
            reader.EndpointGroupsAsync(regionId, id, cancellationToken);
    }
}
