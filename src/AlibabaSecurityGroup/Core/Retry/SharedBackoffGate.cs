using System;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaSecurityGroup.Core.Retry
{
    /// <summary>
    /// The simple shared back-off: a throttled answer moves a shared resume time to now + (the service's
    /// <c>x-acs-retry-after</c>, or <see cref="DefaultPause"/>); every attempt of every worker waits until then. A
    /// small random spread (at most a quarter of the remaining wait, capped at <see cref="MaxSpread"/>) is added to each
    /// waiter so that they do not all resume in the same millisecond.
    /// </summary>
    public sealed class SharedBackoffGate : IThrottleGate
    {
        public static readonly TimeSpan DefaultPauseValue = TimeSpan.FromSeconds(1);
        public static readonly TimeSpan MaxSpread = TimeSpan.FromMilliseconds(250);

        /// <summary>A server-requested pause longer than this is capped (a bogus header must not stall a run for hours).</summary>
        public static readonly TimeSpan MaxPause = TimeSpan.FromMinutes(2);

        private readonly IClock _clock;
        private readonly Func<double> _random;
        private long _resumeAtUtcTicks;

        public SharedBackoffGate(IClock clock = null, TimeSpan? defaultPause = null)
            : this(clock, defaultPause, null)
        {
        }

        internal SharedBackoffGate(IClock clock, TimeSpan? defaultPause, Func<double> random)
        {
            _clock = clock ?? SystemClock.Instance;
            DefaultPause = defaultPause ?? DefaultPauseValue;
            _random = random ?? Jitter.NextDouble;
        }

        public TimeSpan DefaultPause { get; }

        /// <summary>The shared resume time; <see cref="DateTimeOffset.MinValue"/> when nobody has been throttled.</summary>
        public DateTimeOffset ResumeAt => new DateTimeOffset(Interlocked.Read(ref _resumeAtUtcTicks), TimeSpan.Zero);

        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            while (true)
            {
                long resume = Interlocked.Read(ref _resumeAtUtcTicks);
                long now = _clock.UtcNow.UtcTicks;
                if (resume <= now) return;
                var remaining = TimeSpan.FromTicks(resume - now);
                long spreadCap = Math.Min(MaxSpread.Ticks, remaining.Ticks / 4);
                var spread = TimeSpan.FromTicks((long)(spreadCap * _random()));
                await _clock.DelayAsync(remaining + spread, cancellationToken).ConfigureAwait(false);
                // Loop: another throttled answer may have pushed the resume time further while we slept.
                if (Interlocked.Read(ref _resumeAtUtcTicks) == resume) return;
            }
        }

        public void OnThrottled(TimeSpan? retryAfter)
        {
            var pause = retryAfter.HasValue && retryAfter.Value > TimeSpan.Zero ? retryAfter.Value : DefaultPause;
            if (pause > MaxPause) pause = MaxPause;
            long target = _clock.UtcNow.UtcTicks + pause.Ticks;
            long current;
            do
            {
                current = Interlocked.Read(ref _resumeAtUtcTicks);
                if (current >= target) return;
            }
            while (Interlocked.CompareExchange(ref _resumeAtUtcTicks, target, current) != current);
        }

        public void OnSuccess()
        {
            // Nothing to undo: the resume time simply passes. (An adaptive gate would raise its rate here.)
        }
    }
}
