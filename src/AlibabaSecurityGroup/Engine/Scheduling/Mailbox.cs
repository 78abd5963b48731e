using System;
using System.Collections.Concurrent;
using System.Threading;

namespace AlibabaSecurityGroup.Engine.Scheduling
{
    /// <summary>
    /// The queue through which background work talks to the pipeline thread. PowerShell allows Write* and
    /// ShouldProcess only on the pipeline thread, so workers Post closures here and the pipeline thread runs
    /// them in <see cref="RunPending"/> / <see cref="RunNext"/>.
    /// </summary>
    internal sealed class Mailbox : IDisposable
    {
        private readonly BlockingCollection<Action> _messages = new BlockingCollection<Action>(new ConcurrentQueue<Action>());

        public void Post(Action message)
        {
            // Closed or disposed (ObjectDisposedException is an InvalidOperationException): the run is over and
            // late diagnostics from background settle tasks are dropped.
            try { _messages.Add(message); }
            catch (InvalidOperationException) { }
        }

        /// <summary>Runs whatever is queued, without blocking.</summary>
        public void RunPending()
        {
            while (_messages.TryTake(out var message)) message();
        }

        /// <summary>Blocks until one message arrives (or the timeout passes), runs it and anything queued behind it.</summary>
        public void RunNext(TimeSpan timeout)
        {
            if (_messages.TryTake(out var message, timeout)) message();
            RunPending();
        }

        public void Close() => _messages.CompleteAdding();

        public void Dispose() => _messages.Dispose();
    }
}
