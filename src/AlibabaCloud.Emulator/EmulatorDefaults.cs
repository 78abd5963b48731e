namespace AlibabaCloud.Emulator;

/// <summary>The documented key pair accepted when the state lists no credentials (README, "The emulator").</summary>
public static class EmulatorDefaults
{
    public const string AccessKeyId = "LTAI5tEmulatorAccessKey";
    public const string AccessKeySecret = "EmulatorAccessKeySecret0000000000";
}
