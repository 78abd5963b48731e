using System.Management.Automation;
using AlibabaSecurityGroup.Cmdlets.Common;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Engine.Errors;
using AlibabaSecurityGroup.Model;

namespace AlibabaSecurityGroup.Cmdlets.Session
{
    /// <summary>Which credentials the next command would use when given none on its line. Never shows a secret.</summary>
    [Cmdlet(VerbsCommon.Get, "AlibabaCloudCredential")]
    [OutputType(typeof(CredentialSourceInfo))]
    public sealed class GetAlibabaCloudCredentialCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            try
            {
                var summary = CredentialSummary.Describe(new ClientOptions { SessionDefaults = SessionDefaultsStore.Current });
                WriteObject(new CredentialSourceInfo
                {
                    Source = summary.Source,
                    Mode = summary.Mode,
                    AccessKeyId = summary.MaskedAccessKeyId,
                    ProfileName = summary.ProfileName,
                    Description = summary.Description,
                });
            }
            catch (AlibabaCloudException e)
            {
                WriteError(new ErrorRecord(e, e.Code, ErrorCategories.ToPowerShell(ErrorClassifier.Categorize(e)), null));
            }
        }
    }

    /// <summary>Which region the next command would use when given none on its line.</summary>
    [Cmdlet(VerbsCommon.Get, "AlibabaCloudRegion")]
    [OutputType(typeof(RegionSourceInfo))]
    public sealed class GetAlibabaCloudRegionCommand : PSCmdlet
    {
        protected override void EndProcessing()
        {
            var (region, source) = CredentialSummary.DescribeRegion(new ClientOptions { SessionDefaults = SessionDefaultsStore.Current });
            WriteObject(new RegionSourceInfo { Region = region, Source = source ?? "not set" });
        }
    }
}
