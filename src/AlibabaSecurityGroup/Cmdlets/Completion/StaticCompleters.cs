using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Credentials;

namespace AlibabaSecurityGroup.Cmdlets.Completion
{
    /// <summary>-Region: the known region ids.</summary>
    public sealed class RegionCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionResults.From(CompletionMatcher.Match(KnownRegions.All, wordToComplete));
    }

    /// <summary>-ProfileName: the profiles of ~/.aliyun/config.json. Silent when there is no such file.</summary>
    public sealed class ProfileCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters) =>
            CompletionResults.From(CompletionMatcher.Match(ProfileNames(SystemEnvironment.Instance), wordToComplete));

        /// <summary>The profile names, or none when the file is missing or unreadable.</summary>
        public static IReadOnlyList<string> ProfileNames(IEnvironment environment)
        {
            try
            {
                var file = CliConfigFile.Load(CliConfigFile.DefaultPath(environment));
                return file == null ? new string[0] : file.Profiles.Select(p => p.Name).ToList();
            }
            catch (System.Exception)
            {
                return new string[0]; // completion never reports errors
            }
        }
    }

    internal static class CompletionResults
    {
        public static IEnumerable<CompletionResult> From(IEnumerable<string> values) =>
            values.Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v)).ToList();
    }
}
