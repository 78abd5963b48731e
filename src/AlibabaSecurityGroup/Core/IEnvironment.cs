using System;
using System.IO;

namespace AlibabaSecurityGroup.Core
{
    /// <summary>
    /// Where the core reads environment variables and finds the user's home directory (for <c>~/.aliyun/config.json</c>).
    /// Tests pass their own so that they never read or change the real ones.
    /// </summary>
    public interface IEnvironment
    {
        /// <summary>The variable's value, or null when it is not set.</summary>
        string GetVariable(string name);

        /// <summary>The user's home directory, or null when it cannot be determined.</summary>
        string HomeDirectory { get; }
    }

    /// <summary>The process environment and the current user's home directory.</summary>
    public sealed class SystemEnvironment : IEnvironment
    {
        public static readonly SystemEnvironment Instance = new SystemEnvironment();

        private SystemEnvironment() { }

        public string GetVariable(string name) => Environment.GetEnvironmentVariable(name);

        public string HomeDirectory
        {
            get
            {
                string home = null;
                try { home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile); } catch (PlatformNotSupportedException) { }
                if (string.IsNullOrEmpty(home)) home = Environment.GetEnvironmentVariable("HOME");
                if (string.IsNullOrEmpty(home)) home = Environment.GetEnvironmentVariable("USERPROFILE");
                return string.IsNullOrEmpty(home) ? null : Path.GetFullPath(home);
            }
        }
    }

    /// <summary>The environment variable names the core reads.</summary>
    public static class EnvironmentVariables
    {
        public const string AccessKeyId = "ALIBABA_CLOUD_ACCESS_KEY_ID";
        public const string AccessKeySecret = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
        public const string SecurityToken = "ALIBABA_CLOUD_SECURITY_TOKEN";
        public const string RegionId = "ALIBABA_CLOUD_REGION_ID";
        public const string Profile = "ALIBABA_CLOUD_PROFILE";
        /// <summary>One endpoint for ECS, ALB and PrivateLink (not STS), as the CLI reads it.</summary>
        public const string Endpoint = "ALIBABA_CLOUD_ENDPOINT";
        /// <summary>Per product: ALIBABA_CLOUD_ENDPOINT_ECS, _ALB, _PRIVATELINK, _STS.</summary>
        public const string EndpointPrefix = "ALIBABA_CLOUD_ENDPOINT_";
        /// <summary>Region of the STS endpoint (<c>sts.&lt;region&gt;.aliyuncs.com</c>) used for AssumeRole.</summary>
        public const string StsRegion = "ALIBABA_CLOUD_STS_REGION";
        /// <summary>The RAM role name of the ECS instance (skips discovery through the metadata service).</summary>
        public const string EcsMetadataRoleName = "ALIBABA_CLOUD_ECS_METADATA";
        /// <summary>"true" disables the ECS instance RAM role step of the chain (no metadata probe at all).</summary>
        public const string EcsMetadataDisabled = "ALIBABA_CLOUD_ECS_METADATA_DISABLED";
        /// <summary>"true" refuses the token-less (IMDSv1) metadata fallback.</summary>
        public const string ImdsV1Disabled = "ALIBABA_CLOUD_IMDSV1_DISABLED";
    }
}
