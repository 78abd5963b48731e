using AlibabaSecurityGroup.Core.Credentials;
using AlibabaSecurityGroup.Core.Endpoints;

namespace AlibabaSecurityGroup.Core
{
    /// <summary>
    /// Where credentials, region and endpoints come from, decided once by <see cref="ClientConfiguration.Resolve"/>.
    /// Holds no secret in any string it shows.
    /// </summary>
    public sealed class ResolvedConfiguration
    {
        internal ResolvedConfiguration(string regionId, string credentialSource, string regionSource, ICredentialProvider credentials,
            EndpointResolver endpoints, string profileName)
        {
            RegionId = regionId;
            CredentialSource = credentialSource;
            RegionSource = regionSource;
            Credentials = credentials;
            Endpoints = endpoints;
            ProfileName = profileName;
        }

        public string RegionId { get; }

        /// <summary>E.g. <c>environment variables (key LTAI****Ab3d)</c>, <c>profile 'dev' (RamRoleArn) in /home/u/.aliyun/config.json</c>.</summary>
        public string CredentialSource { get; }

        /// <summary>E.g. <c>the RegionId parameter</c>, <c>environment variable ALIBABA_CLOUD_REGION_ID</c>.</summary>
        public string RegionSource { get; }

        /// <summary>The profile the credentials come from, or null.</summary>
        public string ProfileName { get; }

        public ICredentialProvider Credentials { get; }

        public EndpointResolver Endpoints { get; }

        public override string ToString() => "credentials from " + CredentialSource + "; region " + RegionId + " from " + RegionSource;
    }
}
