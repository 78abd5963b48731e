namespace AlibabaSecurityGroup.Model
{
    /// <summary>Which credentials the next command would use (Get-AlibabaCloudCredential). Never holds a secret.</summary>
    public sealed class CredentialSourceInfo
    {
        /// <summary>Session, Environment, Profile, EcsRamRole...</summary>
        public string Source { get; set; }
        /// <summary>AK, StsToken, RamRoleArn, EcsRamRole, ChainableRamRoleArn.</summary>
        public string Mode { get; set; }
        /// <summary>Masked: the first four and last four characters only.</summary>
        public string AccessKeyId { get; set; }
        public string ProfileName { get; set; }
        public string Description { get; set; }
    }

    /// <summary>Which region the next command would use (Get-AlibabaCloudRegion).</summary>
    public sealed class RegionSourceInfo
    {
        public string Region { get; set; }
        public string Source { get; set; }
    }
}
