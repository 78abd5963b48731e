using System;
using System.Management.Automation;
using AlibabaSecurityGroup.Engine.Sink;
using AlibabaSecurityGroup.Model;

namespace AlibabaSecurityGroup.Cmdlets.Common
{
    /// <summary>The engine's sink over a live cmdlet. Called by the engine on the pipeline thread only.</summary>
    internal sealed class CmdletSink : IEngineSink
    {
        private readonly Cmdlet _cmdlet;

        public CmdletSink(Cmdlet cmdlet) { _cmdlet = cmdlet; }

        public void WriteResult(SecurityGroupRemovalResult result) => _cmdlet.WriteObject(result);

        public void WriteError(EngineError error)
        {
            var exception = error.Exception ?? new InvalidOperationException(error.Message);
            var record = new ErrorRecord(exception, error.ErrorId, ErrorCategories.ToPowerShell(error.Category), error.TargetObject)
            {
                ErrorDetails = new ErrorDetails(error.Message) { RecommendedAction = error.RecommendedAction },
            };
            _cmdlet.WriteError(record);
        }

        public void WriteVerbose(string message) => _cmdlet.WriteVerbose(message);

        public void WriteDebug(string message) => _cmdlet.WriteDebug(message);

        public void WriteProgress(ProgressUpdate progress)
        {
            var record = new ProgressRecord(progress.ActivityId, progress.Activity, progress.StatusDescription ?? "")
            {
                ParentActivityId = progress.ParentActivityId,
                PercentComplete = progress.PercentComplete,
                CurrentOperation = progress.CurrentOperation,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
            _cmdlet.WriteProgress(record);
        }

        public ShouldProcessDecision ShouldProcess(string target, string action)
        {
            string description = "Performing the operation \"" + action + "\" on target \"" + target + "\".";
            string question = "Are you sure you want to perform this action?\n" + description;
            if (_cmdlet.ShouldProcess(description, question, "Confirm", out ShouldProcessReason reason))
                return ShouldProcessDecision.Proceed;
            return reason == ShouldProcessReason.WhatIf ? ShouldProcessDecision.WhatIf : ShouldProcessDecision.Skip;
        }
    }
}
