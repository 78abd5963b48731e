using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaSecurityGroup.Core.Retry
{
    /// <summary>
    /// A client-side rate limiter whose rate is learned from the service's throttling, shared by every worker of one
    /// client (the idea of AWS's "adaptive" retry mode: a token bucket whose fill rate follows CUBIC), with one
    /// addition: it paces only once pacing has been shown to help.
    /// <list type="number">
    /// <item><b>Open</b>: nothing is paced. A throttled answer starts an observation.</item>
    /// <item><b>Observing</b> (<see cref="ObservationTime"/>, still unpaced): how many answers are throttled (f1),
    /// and at what rates calls are sent and accepted. With few throttles (under <see cref="NegligibleFraction"/>)
    /// it goes back to Open.</item>
    /// <item><b>Probing</b>: calls are paced at <see cref="Beta"/> x the accepted rate (during the observation or over
    /// the second before it, whichever is higher) for
    /// <see cref="ProbeSettleTime"/> + <see cref="ObservationTime"/> (answers to calls sent before the probe are not
    /// counted). If the throttled fraction fell to half of f1 or less, the service has a rate limit: Limiting. If not, a
    /// second probe at half that rate. If that does not help either, the throttling does not follow our rate (a busy service, an injected fault): back to Open, and from then on
    /// only dense throttling (at least <see cref="DenseFraction"/> of <see cref="MinimumSample"/> answers or more in a
    /// second) starts a new observation. The calls that were throttled retry by themselves in every state.</item>
    /// <item><b>Limiting</b>: calls are paced evenly (no bursts). First a slow start: from the probe's rate, up by
    /// <see cref="SlowStartGrowth"/> per second until the first throttled answer. From then on the rate follows the CUBIC curve
    /// <c>W + C (t - K)^3</c>, <c>K = cbrt(W (1 - Beta) / C)</c>: <see cref="Beta"/> x W right after a cut, back to
    /// the ceiling W after K seconds (quickly at first, flat near W), then probing above it. A throttled answer cuts
    /// again, at most once per <see cref="MinimumCutSpacing"/>: W becomes the rate at which the service said no (the
    /// pacing rate at that moment, or the rate actually sent over the last <see cref="Window"/> if lower, and at most
    /// 1.1 x the rate the service accepted over that window), and every worker pauses for the service's <c>x-acs-retry-after</c> when it sent one (a
    /// quota that resets on the second is not hammered for the rest of that second).</item>
    /// </list>
    /// Deterministic under a fake <see cref="IClock"/>: time is only read from it, and waits go through it.
    /// </summary>
    public sealed class AdaptiveRateLimiter : IThrottleGate
    {
        public enum Mode
        {
            Open,
            Observing,
            Probing,
            Limiting,
        }

        /// <summary>After a cut (and while probing) the rate is this fraction of the learned ceiling.</summary>
        public const double Beta = 0.8;

        /// <summary>CUBIC's scaling constant C, in calls/s per s^3.</summary>
        public const double Scale = 0.4;

        /// <summary>The pacing rate never goes below this (calls/s), whatever the service says.</summary>
        public const double MinimumRate = 0.5;

        /// <summary>Throttling under this fraction of the observed answers is not worth pacing for.</summary>
        public const double NegligibleFraction = 0.03;

        /// <summary>Answers an observation or a probe needs before it concludes (it is extended up to 5 times otherwise).</summary>
        public const int MinimumSample = 24;

        /// <summary>Once throttling was shown not to follow our rate, only this dense a second starts a new observation.</summary>
        public const double DenseFraction = 0.5;

        /// <summary>Once a rate limit is confirmed, the rate grows by this factor per second until the first throttle.</summary>
        public const double SlowStartGrowth = 4.0;

        public static readonly TimeSpan ObservationTime = TimeSpan.FromMilliseconds(500);
        public static readonly TimeSpan ProbeSettleTime = TimeSpan.FromMilliseconds(500);
        public static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
        public static readonly TimeSpan MinimumCutSpacing = TimeSpan.FromSeconds(1);

        private const int Buckets = 10;
        private const int MaximumExtensions = 5;
        private const int MaximumProbes = 2;
        private const double MaximumRate = 1e6;

        private readonly object _lock = new object();
        private readonly IClock _clock;
        private readonly SharedBackoffGate _pause;

        // The last Window, in buckets: calls let through, answers accepted, answers throttled.
        private readonly long _bucketTicks = Window.Ticks / Buckets;
        private readonly long[] _bucketOf = new long[Buckets];
        private readonly int[] _sent = new int[Buckets];
        private readonly int[] _accepted = new int[Buckets];
        private readonly int[] _throttled = new int[Buckets];

        private Mode _mode = Mode.Open;
        private bool _throttlingIgnoresRate;

        // Observation and probe: what was counted since _countFrom, until _phaseEnd.
        private long _countFrom, _phaseEnd;
        private int _extensions, _phaseSent, _phaseAccepted, _phaseThrottled, _probes;
        private double _observedFraction, _acceptedBefore, _probeRate;

        // Limiting: the CUBIC curve since the last cut.
        private double _ceiling, _k;
        private bool _slowStart;
        private long _cutTicks, _nextSlotTicks, _lastCutTicks = long.MinValue / 2;
        private int _cuts;

        public AdaptiveRateLimiter(IClock clock = null) : this(clock, null) { }

        internal AdaptiveRateLimiter(IClock clock, Func<double> random)
        {
            _clock = clock ?? SystemClock.Instance;
            // No random spread after a pause: the pacing already keeps the workers from resuming all at once, and a
            // quota that resets on the second should be used from that moment.
            _pause = new SharedBackoffGate(_clock, null, random ?? (() => 0.0));
            for (int i = 0; i < Buckets; i++) _bucketOf[i] = long.MinValue;
        }

        public Mode State { get { lock (_lock) { Advance(Now); return _mode; } } }

        /// <summary>True once throttling was shown not to follow our rate (see the class summary).</summary>
        public bool ThrottlingIgnoresRate { get { lock (_lock) return _throttlingIgnoresRate; } }

        /// <summary>The pacing rate now (calls/s), or null while nothing is paced.</summary>
        public double? CurrentRate
        {
            get
            {
                lock (_lock)
                {
                    long now = Now;
                    Advance(now);
                    return PacingRate(now);
                }
            }
        }

        /// <summary>The rate the service was last seen to accept (W), or null when not limiting.</summary>
        public double? Ceiling { get { lock (_lock) return _mode == Mode.Limiting && !_slowStart ? _ceiling : (double?)null; } }

        /// <summary>How many times the rate was cut while limiting.</summary>
        public int Cuts { get { lock (_lock) return _cuts; } }

        /// <summary>The shared pause's resume time (<see cref="DateTimeOffset.MinValue"/> when never paused).</summary>
        public DateTimeOffset ResumeAt => _pause.ResumeAt;

        private long Now => _clock.UtcNow.UtcTicks;

        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            await _pause.WaitAsync(cancellationToken).ConfigureAwait(false);
            long wait = 0;
            lock (_lock)
            {
                long now = Now;
                Advance(now);
                double? rate = PacingRate(now);
                if (rate.HasValue)
                {
                    long slot = Math.Max(now, _nextSlotTicks);
                    _nextSlotTicks = slot + (long)(TimeSpan.TicksPerSecond / rate.Value);
                    wait = slot - now;
                }
            }
            if (wait > 0) await _clock.DelayAsync(TimeSpan.FromTicks(wait), cancellationToken).ConfigureAwait(false);
            lock (_lock)
            {
                long now = Now;
                Add(_sent, now);
                if (now >= _countFrom) _phaseSent++;
            }
        }

        public void OnSuccess()
        {
            lock (_lock)
            {
                long now = Now;
                Advance(now);
                Add(_accepted, now);
                if (now >= _countFrom) _phaseAccepted++;
            }
        }

        public void OnThrottled(TimeSpan? retryAfter)
        {
            bool pause = false;
            lock (_lock)
            {
                long now = Now;
                Advance(now);
                Add(_throttled, now);
                if (now >= _countFrom) _phaseThrottled++;
                switch (_mode)
                {
                    case Mode.Open:
                        if (_throttlingIgnoresRate && !IsDense(now)) break;
                        double covered = Sum(now, out _, out int acceptedBefore, out _);
                        StartPhase(Mode.Observing, now, now, ObservationTime);
                        _acceptedBefore = acceptedBefore / covered;
                        _phaseThrottled = 1;
                        break;
                    case Mode.Limiting:
                        if (now - _lastCutTicks < MinimumCutSpacing.Ticks) break;
                        // The new ceiling is the rate at which the service said no: the pacing rate, or what actually left
                        // over the last second when the workers could not keep up with it, and at most a tenth above what
                        // the service accepted over that second.
                        double seconds = Sum(now, out int sent, out int accepted, out _);
                        Cut(now, Math.Min(PacingRate(now) ?? MaximumRate, Math.Min(sent / seconds, 1.1 * accepted / seconds)));
                        pause = true;
                        break;
                }
            }
            // Only a cut pauses everyone, and only for as long as the service asked.
            if (pause && retryAfter.HasValue && retryAfter.Value > TimeSpan.Zero) _pause.OnThrottled(retryAfter);
        }

        /// <summary>Ends an observation or a probe whose time is up.</summary>
        private void Advance(long now)
        {
            if ((_mode != Mode.Observing && _mode != Mode.Probing) || now < _phaseEnd) return;
            int answers = _phaseAccepted + _phaseThrottled;
            if (answers < MinimumSample && _extensions < MaximumExtensions)
            {
                _extensions++;
                _phaseEnd = now + ObservationTime.Ticks;
                return;
            }
            double seconds = Math.Max(1e-3, (now - _countFrom) / (double)TimeSpan.TicksPerSecond);
            double fraction = answers == 0 ? 0 : _phaseThrottled / (double)answers;
            if (_mode == Mode.Observing)
            {
                if (fraction < NegligibleFraction)
                {
                    _mode = Mode.Open;
                    return;
                }
                _observedFraction = fraction;
                // The throttled calls may all sit in their retry back-off during the observation, so the second before
                // it can be the better measure of what the service accepts.
                _probeRate = Math.Max(MinimumRate, Beta * Math.Max(_acceptedBefore, _phaseAccepted / seconds));
                _probes = 1;
                _nextSlotTicks = now;
                StartPhase(Mode.Probing, now, now + ProbeSettleTime.Ticks, ObservationTime);
                return;
            }

            // Probing: did slowing down make the throttling go away?
            if (fraction <= _observedFraction / 2)
            {
                // A rate limit, but not yet its level: what the service accepted while we sent unpaced understates it
                // when the throttled calls sat in their retry back-off. Slow start: grow from the probe's rate by
                // SlowStartGrowth per second until the service says no; the rate at that point is the first ceiling.
                _mode = Mode.Limiting;
                _slowStart = true;
                _cutTicks = now;
                _nextSlotTicks = now;
            }
            else if (_probes < MaximumProbes)
            {
                // The accepted rate we probed below can overstate a quota (a second that spans two of its windows), so
                // try once more at half the rate before concluding that the throttling does not follow our rate.
                _probes++;
                _probeRate = Math.Max(MinimumRate, _probeRate / 2);
                _nextSlotTicks = now;
                StartPhase(Mode.Probing, now, now + ProbeSettleTime.Ticks, ObservationTime);
            }
            else
            {
                _mode = Mode.Open;
                _throttlingIgnoresRate = true;
            }
        }

        private void StartPhase(Mode mode, long now, long countFrom, TimeSpan length)
        {
            _mode = mode;
            _countFrom = countFrom;
            _phaseEnd = countFrom + length.Ticks;
            _extensions = 0;
            _phaseSent = _phaseAccepted = _phaseThrottled = 0;
        }

        private void Cut(long now, double refusedAt)
        {
            _ceiling = Math.Max(MinimumRate / Beta, Math.Min(refusedAt, MaximumRate));
            _k = Math.Pow(_ceiling * (1 - Beta) / Scale, 1.0 / 3);
            _cutTicks = _lastCutTicks = now;
            _slowStart = false;
            _cuts++;
        }

        private double? PacingRate(long now)
        {
            switch (_mode)
            {
                case Mode.Probing: return _probeRate;
                case Mode.Limiting:
                    double t = (now - _cutTicks) / (double)TimeSpan.TicksPerSecond;
                    double rate;
                    if (_slowStart) rate = _probeRate * Math.Pow(SlowStartGrowth, t);
                    else
                    {
                        // CUBIC: W + C (t - K)^3, which is Beta x W at the cut, W after K seconds, then climbs.
                        t -= _k;
                        rate = _ceiling + Scale * t * t * t;
                    }
                    return rate < MinimumRate ? MinimumRate : rate > MaximumRate ? MaximumRate : rate;
                default: return null;
            }
        }

        private bool IsDense(long now)
        {
            Sum(now, out _, out int accepted, out int throttled);
            int answers = accepted + throttled;
            return answers >= MinimumSample && throttled >= DenseFraction * answers;
        }

        private void Add(int[] counts, long now)
        {
            long bucket = now / _bucketTicks;
            int i = (int)(((bucket % Buckets) + Buckets) % Buckets);
            if (_bucketOf[i] != bucket)
            {
                _bucketOf[i] = bucket;
                _sent[i] = _accepted[i] = _throttled[i] = 0;
            }
            counts[i]++;
        }

        /// <summary>Counts over the last <see cref="Window"/>; returns the seconds they cover (the newest bucket is partial).</summary>
        private double Sum(long now, out int sent, out int accepted, out int throttled)
        {
            long newest = now / _bucketTicks;
            sent = accepted = throttled = 0;
            for (int i = 0; i < Buckets; i++)
            {
                long age = newest - _bucketOf[i];
                if (_bucketOf[i] == long.MinValue || age < 0 || age >= Buckets) continue;
                sent += _sent[i];
                accepted += _accepted[i];
                throttled += _throttled[i];
            }
            long covered = (Buckets - 1) * _bucketTicks + (now - newest * _bucketTicks);
            return Math.Max(covered, 1) / (double)TimeSpan.TicksPerSecond;
        }

        public override string ToString()
        {
            lock (_lock)
            {
                long now = Now;
                Advance(now);
                var rate = PacingRate(now);
                return "AdaptiveRateLimiter(" + _mode +
                       (rate.HasValue ? ", pacing at " + rate.Value.ToString("0.#", CultureInfo.InvariantCulture) + "/s" : "") +
                       (_mode == Mode.Limiting && _slowStart ? ", slow start" : "") +
                       (_mode == Mode.Limiting && !_slowStart ? ", ceiling " + _ceiling.ToString("0.#", CultureInfo.InvariantCulture) + "/s, " + _cuts + " cuts" : "") +
                       (_throttlingIgnoresRate ? ", throttling seen not to follow the rate" : "") + ")";
            }
        }
    }
}
