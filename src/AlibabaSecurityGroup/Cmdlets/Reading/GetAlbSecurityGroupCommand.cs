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
    /// <summary>The security groups of ALB load balancers (GetLoadBalancerAttribute), one object per group.</summary>
    [Cmdlet(VerbsCommon.Get, "AlbSecurityGroup")]
    [OutputType(typeof(AlbSecurityGroupMembership))]
    public sealed class GetAlbSecurityGroupCommand : ReadCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(LoadBalancerIdCompleter))]
        public string[] LoadBalancerId { get; set; }

        protected override IdKind IdKind => IdKind.LoadBalancer;
        protected override IEnumerable<string> Ids => LoadBalancerId;
        protected override string Describe(string id) => "Reading the security groups of load balancer " + id;

        protected override Task<IReadOnlyList<object>> ReadAsync(MembershipReader reader, string regionId, string id, CancellationToken cancellationToken) =>
            reader.LoadBalancerGroupsAsync(regionId, id, cancellationToken);
    }
}
