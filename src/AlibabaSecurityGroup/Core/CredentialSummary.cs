using AlibabaSecurityGroup.Core.Credentials;
using AlibabaSecurityGroup.Core.Logging;

namespace AlibabaSecurityGroup.Core
{
    /// <summary>
    /// Which credentials and region the chain would pick now. Temporary credentials are not fetched; the ECS metadata
    /// service is probed (1 s at most) only when no other source is configured, as the chain itself does. No secrets.
    /// </summary>
    public sealed class CredentialSummary
    {
        /// <summary>Explicit, Profile, Session, Environment or EcsRamRole.</summary>
        public string Source { get; internal set; }
        /// <summary>AK, StsToken, RamRoleArn, ChainableRamRoleArn or EcsRamRole.</summary>
        public string Mode { get; internal set; }
        public string MaskedAccessKeyId { get; internal set; }
        public string ProfileName { get; internal set; }
        public string Description { get; internal set; }

        /// <summary>
        /// Runs the credential chain's choice (not the credential fetch). Throws the chain's configuration errors
        /// (MissingCredentials, ProfileNotFound, InvalidProfile).
        /// </summary>
        public static CredentialSummary Describe(ClientOptions options)
        {
            var chain = new CredentialChain(options, options.Environment ?? SystemEnvironment.Instance, RedactingCoreLog.Wrap(options.Log));
            var choice = chain.ChooseCredentials();
            return new CredentialSummary
            {
                Source = SourceOf(choice),
                Mode = choice.IsEcsRole ? "EcsRamRole" : choice.Profile != null ? choice.Profile.EffectiveMode
                    : choice.Static.IsTemporary ? "StsToken" : "AK",
                MaskedAccessKeyId = choice.Static?.MaskedAccessKeyId
                    ?? (choice.Profile?.AccessKeyId != null ? Redaction.Redactor.MaskKeyId(choice.Profile.AccessKeyId) : null),
                ProfileName = choice.Profile?.Name,
                Description = choice.Description,
            };
        }

        /// <summary>The region the chain would use and where it comes from, or (null, null) when none is set.</summary>
        public static (string RegionId, string Source) DescribeRegion(ClientOptions options)
        {
            var chain = new CredentialChain(options, options.Environment ?? SystemEnvironment.Instance, RedactingCoreLog.Wrap(options.Log));
            CredentialChain.Choice choice;
            try { choice = chain.ChooseCredentials(); }
            catch (Errors.AlibabaCloudException) { choice = new CredentialChain.Choice(); }
            try
            {
                string region = chain.ResolveRegion(choice, out string source);
                return (region, source);
            }
            catch (Errors.AlibabaCloudException)
            {
                return (null, null);
            }
        }

        private static string SourceOf(CredentialChain.Choice choice)
        {
            if (choice.IsEcsRole) return "EcsRamRole";
            string origin = choice.Origin ?? "";
            if (origin.StartsWith("explicit")) return "Explicit";
            if (origin.StartsWith("session")) return "Session";
            if (origin.StartsWith("the session")) return "Session";
            if (choice.Static != null && origin.StartsWith("environment")) return "Environment";
            return "Profile";
        }
    }
}
