using AlibabaSecurityGroup.Model;

namespace AlibabaSecurityGroup.Engine.Sink
{
    /// <summary>
    /// Everything the engine says to PowerShell. The cmdlet implements it over WriteObject/WriteError/...;
    /// tests implement it with a recorder. The engine calls it ONLY from the pipeline thread (the thread that
    /// called Submit/Complete), which is what PowerShell requires.
    /// </summary>
    public interface IEngineSink : IDiagnosticSink
    {
        void WriteResult(SecurityGroupRemovalResult result);
        void WriteError(EngineError error);
        void WriteProgress(ProgressUpdate progress);

        /// <summary>
        /// ShouldProcess. Returns Proceed for a real change, WhatIf when -WhatIf asked for a rehearsal (the
        /// engine then runs the dry run or preflight), Skip when the user declined at -Confirm.
        /// </summary>
        ShouldProcessDecision ShouldProcess(string target, string action);
    }

    /// <summary>Verbose and Debug lines: all a read-only command needs from the engine's plumbing.</summary>
    public interface IDiagnosticSink
    {
        void WriteVerbose(string message);
        void WriteDebug(string message);
    }

    public enum ShouldProcessDecision
    {
        Proceed,
        WhatIf,
        Skip,
    }

    /// <summary>A progress bar update; mirrors the fields of PowerShell's ProgressRecord that we use.</summary>
    public sealed class ProgressUpdate
    {
        public int ActivityId { get; set; }
        public int ParentActivityId { get; set; } = -1;
        public string Activity { get; set; }
        public string StatusDescription { get; set; }
        public string CurrentOperation { get; set; }
        public int PercentComplete { get; set; } = -1;
        public bool Completed { get; set; }
    }
}
