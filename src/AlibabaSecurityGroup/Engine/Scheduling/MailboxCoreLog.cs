using AlibabaSecurityGroup.Core.Logging;
using AlibabaSecurityGroup.Engine.Sink;

namespace AlibabaSecurityGroup.Engine.Scheduling
{
    /// <summary>Carries the core's diagnostic lines (written on worker threads) to the sink on the pipeline thread.</summary>
    internal sealed class MailboxCoreLog : ICoreLog
    {
        private readonly Mailbox _mailbox;
        private readonly IDiagnosticSink _sink;

        public MailboxCoreLog(Mailbox mailbox, IDiagnosticSink sink)
        {
            _mailbox = mailbox;
            _sink = sink;
        }

        public void Verbose(string message) => _mailbox.Post(() => _sink.WriteVerbose(message));
        public void Debug(string message) => _mailbox.Post(() => _sink.WriteDebug(message));
    }
}
