using System.Management.Automation;
using System.Security;
using AlibabaSecurityGroup.Cmdlets.Common;
using AlibabaSecurityGroup.Cmdlets.Completion;
using AlibabaSecurityGroup.Core.Redaction;

namespace AlibabaSecurityGroup.Cmdlets.Session
{
    /// <summary>
    /// Sets the credentials every later command of this session uses when none are given on its own line
    /// (the "session defaults" step of the credential chain). Kept in memory for this runspace; never written to disk.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "AlibabaCloudCredential", DefaultParameterSetName = AccessKeySet)]
    public sealed class SetAlibabaCloudCredentialCommand : PSCmdlet
    {
        private const string AccessKeySet = "AccessKey";
        private const string CredentialSet = "Credential";
        private const string ProfileSet = "Profile";

        [Parameter(Mandatory = true, ParameterSetName = AccessKeySet)]
        public string AccessKeyId { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = AccessKeySet)]
        public SecureString AccessKeySecret { get; set; }

        [Parameter(ParameterSetName = AccessKeySet)]
        [Parameter(ParameterSetName = CredentialSet)]
        public SecureString SecurityToken { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = CredentialSet)]
        [Credential]
        public PSCredential Credential { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = ProfileSet)]
        [ArgumentCompleter(typeof(ProfileCompleter))]
        public string ProfileName { get; set; }

        protected override void EndProcessing()
        {
            var defaults = SessionDefaultsStore.Current;
            defaults.ClearCredential();
            switch (ParameterSetName)
            {
                case ProfileSet:
                    defaults.ProfileName = ProfileName;
                    break;
                case CredentialSet:
                    defaults.AccessKeyId = Credential.UserName;
                    defaults.AccessKeySecret = SecureStrings.ToPlain(Credential.Password);
                    defaults.SecurityToken = SecureStrings.ToPlain(SecurityToken);
                    break;
                default:
                    defaults.AccessKeyId = AccessKeyId;
                    defaults.AccessKeySecret = SecureStrings.ToPlain(AccessKeySecret);
                    defaults.SecurityToken = SecureStrings.ToPlain(SecurityToken);
                    break;
            }
            // Known secrets are scrubbed from anything the module writes, even before the first call uses them.
            Redactor.RegisterSecret(defaults.AccessKeySecret);
            Redactor.RegisterSecret(defaults.SecurityToken);
            WriteVerbose("Session credentials set from " + (ParameterSetName == ProfileSet ? "profile '" + ProfileName + "'" : "access key " + Redactor.MaskKeyId(defaults.AccessKeyId)) + ".");
        }
    }

    /// <summary>Forgets the session's credentials; later commands fall back to the environment, profiles, instance role.</summary>
    [Cmdlet(VerbsCommon.Clear, "AlibabaCloudCredential")]
    public sealed class ClearAlibabaCloudCredentialCommand : PSCmdlet
    {
        protected override void EndProcessing() => SessionDefaultsStore.Current.ClearCredential();
    }

    /// <summary>Sets the region every later command of this session uses when none is given on its own line.</summary>
    [Cmdlet(VerbsCommon.Set, "AlibabaCloudRegion")]
    public sealed class SetAlibabaCloudRegionCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0)]
        [Alias("RegionId")]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string Region { get; set; }

        protected override void EndProcessing()
        {
            var problem = Engine.Validation.RegionRules.Problem(Region);
            if (problem != null)
                ThrowTerminatingError(new ErrorRecord(problem, problem.Code, ErrorCategory.InvalidArgument, Region));
            SessionDefaultsStore.Current.RegionId = Region;
        }
    }

    /// <summary>Forgets the session's region.</summary>
    [Cmdlet(VerbsCommon.Clear, "AlibabaCloudRegion")]
    public sealed class ClearAlibabaCloudRegionCommand : PSCmdlet
    {
        protected override void EndProcessing() => SessionDefaultsStore.Current.RegionId = null;
    }
}
