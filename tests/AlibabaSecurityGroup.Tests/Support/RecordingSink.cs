using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using AlibabaSecurityGroup.Engine.Sink;
using AlibabaSecurityGroup.Model;

namespace AlibabaSecurityGroup.Tests.Support
{
    /// <summary>
    /// An engine sink that records everything, and checks the PowerShell rule that only the pipeline thread
    /// (the thread that created the sink) is ever called.
    /// </summary>
    public sealed class RecordingSink : IEngineSink
    {
        private readonly int _pipelineThread = Environment.CurrentManagedThreadId;

        public List<SecurityGroupRemovalResult> Results { get; } = new List<SecurityGroupRemovalResult>();
        public List<EngineError> Errors { get; } = new List<EngineError>();
        public List<string> Verbose { get; } = new List<string>();
        public List<string> Debug { get; } = new List<string>();
        public List<ProgressUpdate> Progress { get; } = new List<ProgressUpdate>();
        public List<string> ShouldProcessCalls { get; } = new List<string>();
        public List<string> OffThreadCalls { get; } = new List<string>();

        /// <summary>What ShouldProcess answers: Proceed (a real run), WhatIf, or Skip (declined at -Confirm).</summary>
        public ShouldProcessDecision Decision { get; set; } = ShouldProcessDecision.Proceed;

        public void WriteResult(SecurityGroupRemovalResult result) { Check(nameof(WriteResult)); Results.Add(result); }
        public void WriteError(EngineError error) { Check(nameof(WriteError)); Errors.Add(error); }
        public void WriteVerbose(string message) { Check(nameof(WriteVerbose)); Verbose.Add(message); }
        public void WriteDebug(string message) { Check(nameof(WriteDebug)); Debug.Add(message); }
        public void WriteProgress(ProgressUpdate progress) { Check(nameof(WriteProgress)); Progress.Add(progress); }

        public ShouldProcessDecision ShouldProcess(string target, string action)
        {
            Check(nameof(ShouldProcess));
            ShouldProcessCalls.Add(action + " | " + target);
            return Decision;
        }

        /// <summary>Every string the run produced, for secret searches.</summary>
        public string AllText() => string.Join("\n",
            Verbose.Concat(Debug)
                .Concat(Errors.Select(e => e.ToString() + " " + e.RecommendedAction + " " + e.Exception))
                .Concat(Results.Select(r => string.Join(" ", r.ResourceId, r.RequestId, r.JobId, r.Status, r.Region, string.Join(",", r.SecurityGroupId))))
                .Concat(Progress.Select(p => p.Activity + " " + p.StatusDescription))
                .Concat(ShouldProcessCalls));

        private void Check(string what)
        {
            if (Environment.CurrentManagedThreadId != _pipelineThread)
                lock (OffThreadCalls) OffThreadCalls.Add(what);
        }
    }
}
