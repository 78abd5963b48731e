using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core;

namespace AlibabaSecurityGroup.Tests.Core.TestSupport
{
    /// <summary>A clock whose waits complete at once and move time forward by the waited amount.</summary>
    internal sealed class FakeClock : IClock
    {
        private readonly object _gate = new object();
        private DateTimeOffset _now;
        private readonly List<TimeSpan> _delays = new List<TimeSpan>();

        public FakeClock(DateTimeOffset? start = null) { _now = start ?? new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero); }

        public DateTimeOffset UtcNow { get { lock (_gate) return _now; } }

        public IReadOnlyList<TimeSpan> Delays { get { lock (_gate) return _delays.ToArray(); } }

        public void Advance(TimeSpan by) { lock (_gate) _now += by; }

        public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                _delays.Add(delay);
                if (delay > TimeSpan.Zero) _now += delay;
            }
            return Task.CompletedTask;
        }
    }

    /// <summary>A clock whose waits never end on their own: only cancellation ends them.</summary>
    internal sealed class StuckClock : IClock
    {
        private readonly TaskCompletionSource<TimeSpan> _waiting = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);

        public DateTimeOffset UtcNow { get; } = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);

        /// <summary>Completes with the requested delay when the first wait begins.</summary>
        public Task<TimeSpan> WaitStarted => _waiting.Task;

        public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            _waiting.TrySetResult(delay);
            return Task.Delay(Timeout.Infinite, cancellationToken);
        }
    }

    /// <summary>Collects every line the core logs.</summary>
    internal sealed class CapturingLog : AlibabaSecurityGroup.Core.Logging.ICoreLog
    {
        public ConcurrentQueue<string> Lines { get; } = new ConcurrentQueue<string>();
        public void Verbose(string message) => Lines.Enqueue("VERBOSE: " + message);
        public void Debug(string message) => Lines.Enqueue("DEBUG: " + message);
        public string All => string.Join("\n", Lines);
    }
}
