namespace AlibabaSecurityGroup.Core.Logging
{
    /// <summary>
    /// Where the core writes its diagnostic lines. The engine forwards them to Verbose/Debug on the pipeline
    /// thread. Lines are already redacted by the core before they get here.
    /// </summary>
    public interface ICoreLog
    {
        void Verbose(string message);
        void Debug(string message);
    }

    public sealed class NullCoreLog : ICoreLog
    {
        public static readonly NullCoreLog Instance = new NullCoreLog();
        public void Verbose(string message) { }
        public void Debug(string message) { }
    }
}
