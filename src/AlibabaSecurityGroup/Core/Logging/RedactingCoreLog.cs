using System;
using AlibabaSecurityGroup.Core.Redaction;

namespace AlibabaSecurityGroup.Core.Logging
{
    /// <summary>
    /// The core's only path to an <see cref="ICoreLog"/>: every line goes through <see cref="Redactor.Redact"/>.
    /// A sink that throws never breaks a call.
    /// </summary>
    internal sealed class RedactingCoreLog : ICoreLog
    {
        private readonly ICoreLog _inner;

        private RedactingCoreLog(ICoreLog inner) { _inner = inner; }

        public static RedactingCoreLog Wrap(ICoreLog log)
        {
            if (log is RedactingCoreLog already) return already;
            return new RedactingCoreLog(log ?? NullCoreLog.Instance);
        }

        /// <summary>False for the null sink, so callers can skip building lines nobody reads.</summary>
        public bool IsEnabled => !(_inner is NullCoreLog);

        public void Verbose(string message)
        {
            if (!IsEnabled) return;
            try { _inner.Verbose(Redactor.Redact(message)); } catch (Exception) { /* a log sink must not fail a call */ }
        }

        public void Debug(string message)
        {
            if (!IsEnabled) return;
            try { _inner.Debug(Redactor.Redact(message)); } catch (Exception) { /* a log sink must not fail a call */ }
        }
    }
}
