using System.Management.Automation;
using System.Security;
using AlibabaSecurityGroup.Cmdlets.Completion;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Engine.Errors;

namespace AlibabaSecurityGroup.Cmdlets.Common
{
    /// <summary>
    /// The parameters every cmdlet of the module shares: where to find credentials, the region and the endpoint.
    /// Turns them into <see cref="ClientOptions"/>; the core's credential chain does the rest.
    /// </summary>
    public abstract class AlibabaCloudCmdlet : PSCmdlet
    {
        /// <summary>The region (cn-hangzhou...). By property name, so each piped item may carry its own.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("RegionId")]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string Region { get; set; }

        /// <summary>A profile of ~/.aliyun/config.json (the aliyun CLI's file).</summary>
        [Parameter]
        [ArgumentCompleter(typeof(ProfileCompleter))]
        public string ProfileName { get; set; }

        [Parameter]
        public string AccessKeyId { get; set; }

        [Parameter]
        public SecureString AccessKeySecret { get; set; }

        /// <summary>The STS security token that goes with temporary AccessKeyId/AccessKeySecret.</summary>
        [Parameter]
        public SecureString SecurityToken { get; set; }

        /// <summary>User name = AccessKeyId, password = AccessKeySecret.</summary>
        [Parameter]
        [Credential]
        public PSCredential Credential { get; set; }

        /// <summary>An endpoint for every product of this call: a host name, or http(s)://host[:port] (the emulator).</summary>
        [Parameter]
        public string Endpoint { get; set; }

        /// <summary>Builds the client options; a contradictory combination is a terminating error.</summary>
        protected ClientOptions BuildClientOptions(string regionId)
        {
            if (Credential != null && (AccessKeyId != null || AccessKeySecret != null))
                ThrowConfigurationError("Give -Credential or -AccessKeyId with -AccessKeySecret, not both.", "AmbiguousCredentials");
            if ((AccessKeyId == null) != (AccessKeySecret == null))
                ThrowConfigurationError("-AccessKeyId and -AccessKeySecret go together: give both, or neither.", "IncompleteCredentials");
            if (SecurityToken != null && AccessKeyId == null && Credential == null)
                ThrowConfigurationError("-SecurityToken needs the temporary -AccessKeyId and -AccessKeySecret (or -Credential) it belongs to.", "IncompleteCredentials");

            return new ClientOptions
            {
                AccessKeyId = Credential?.UserName ?? AccessKeyId,
                AccessKeySecret = Credential != null ? SecureStrings.ToPlain(Credential.Password) : SecureStrings.ToPlain(AccessKeySecret),
                SecurityToken = SecureStrings.ToPlain(SecurityToken),
                ProfileName = ProfileName,
                RegionId = regionId,
                Endpoint = Endpoint,
                SessionDefaults = SessionDefaultsStore.Current,
            };
        }

        /// <summary>Nothing can succeed (no credentials, unknown profile, no region, bad endpoint): stop the command.</summary>
        protected void ThrowConfigurationError(AlibabaCloudException error)
        {
            ThrowTerminatingError(new ErrorRecord(error, error.Code ?? "ConfigurationError",
                ErrorCategories.ToPowerShell(ErrorClassifier.Categorize(error)), null)
            {
                ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = error.Recommend },
            });
        }

        private void ThrowConfigurationError(string message, string errorId)
        {
            ThrowTerminatingError(new ErrorRecord(new PSArgumentException(message), errorId, ErrorCategory.InvalidArgument, null));
        }
    }
}
