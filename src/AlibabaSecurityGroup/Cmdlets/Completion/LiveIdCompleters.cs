using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;
using AlibabaSecurityGroup.Cmdlets.Common;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Engine.Validation;

namespace AlibabaSecurityGroup.Cmdlets.Completion
{
    /// <summary>Completes ids from the service, using -Region, -ProfileName and -Endpoint already typed on the line.</summary>
    public abstract class LiveIdCompleter : IArgumentCompleter
    {
        private static readonly ConditionalWeakTable<Runspace, LiveIdLookup> PerRunspace = new ConditionalWeakTable<Runspace, LiveIdLookup>();
        private static readonly LiveIdLookup NoRunspace = new LiveIdLookup();

        protected abstract IdKind Kind { get; }

        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var options = new ClientOptions
            {
                RegionId = Bound(fakeBoundParameters, "Region") ?? Bound(fakeBoundParameters, "RegionId"),
                ProfileName = Bound(fakeBoundParameters, "ProfileName"),
                Endpoint = Bound(fakeBoundParameters, "Endpoint"),
                SessionDefaults = SessionDefaultsStore.Current,
            };
            var runspace = Runspace.DefaultRunspace;
            var lookup = runspace == null ? NoRunspace : PerRunspace.GetValue(runspace, _ => new LiveIdLookup());
            return CompletionResults.From(CompletionMatcher.Match(lookup.Find(options, Kind, LiveIdLookup.DefaultTimeout), wordToComplete));
        }

        private static string Bound(IDictionary parameters, string name) =>
            parameters != null && parameters.Contains(name) ? parameters[name] as string : null;
    }

    public sealed class SecurityGroupIdCompleter : LiveIdCompleter
    {
        protected override IdKind Kind => IdKind.SecurityGroup;
    }

    public sealed class LoadBalancerIdCompleter : LiveIdCompleter
    {
        protected override IdKind Kind => IdKind.LoadBalancer;
    }

    public sealed class EndpointIdCompleter : LiveIdCompleter
    {
        protected override IdKind Kind => IdKind.VpcEndpoint;
    }
}
