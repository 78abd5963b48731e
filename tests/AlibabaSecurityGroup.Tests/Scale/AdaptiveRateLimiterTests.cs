using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Retry;
using AlibabaSecurityGroup.Engine;
using AlibabaSecurityGroup.Tests.Core.TestSupport;
using AlibabaSecurityGroup.Tests.Support;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Scale
{
    /// <summary>
    /// The adaptive limiter under a fake clock: deterministic simulations of one tireless worker (a call costs 2 ms,
    /// so it could send 500/s) against a service with a per-second quota, and against a service that throttles at
    /// random whatever the rate.
    /// </summary>
    public class AdaptiveRateLimiterTests
    {
        private static readonly TimeSpan CallCost = TimeSpan.FromMilliseconds(2);

        /// <summary>What the simulated service did in each wall-clock second.</summary>
        private sealed class Second
        {
            public int Sent, Accepted, Throttled;
        }

        /// <summary>
        /// Runs the worker for <paramref name="seconds"/> simulated seconds. The service accepts at most
        /// <paramref name="quota"/> calls per wall-clock second (then answers Throttling.User with retry-after = ms to
        /// the next second), and independently throttles a <paramref name="randomRate"/> fraction of calls (retry-after 300 ms).
        /// </summary>
        private static async Task<List<Second>> Simulate(AdaptiveRateLimiter gate, FakeClock clock, double seconds, int? quota, double randomRate = 0, int seed = 3)
        {
            var random = new Random(seed);
            var perSecond = new List<Second>();
            var start = clock.UtcNow;
            while (clock.UtcNow - start < TimeSpan.FromSeconds(seconds))
            {
                await gate.WaitAsync(CancellationToken.None);
                var now = clock.UtcNow;
                int index = (int)Math.Floor((now - start).TotalSeconds);
                while (perSecond.Count <= index) perSecond.Add(new Second());
                var s = perSecond[index];
                s.Sent++;
                clock.Advance(CallCost);
                bool overQuota = quota.HasValue && s.Accepted >= quota.Value;
                if (overQuota)
                {
                    s.Throttled++;
                    long ms = now.ToUnixTimeMilliseconds();
                    gate.OnThrottled(TimeSpan.FromMilliseconds(1000 - ms % 1000));
                }
                else if (randomRate > 0 && random.NextDouble() < randomRate)
                {
                    s.Throttled++;
                    gate.OnThrottled(TimeSpan.FromMilliseconds(300));
                }
                else
                {
                    s.Accepted++;
                    gate.OnSuccess();
                }
            }
            return perSecond;
        }

        // A start on a whole second, so simulated seconds and the quota's wall-clock seconds coincide.
        private static FakeClock Clock() => new FakeClock(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));

        [Fact]
        public async Task Nothing_is_paced_while_the_service_does_not_throttle()
        {
            var clock = Clock();
            var gate = new AdaptiveRateLimiter(clock);
            var seconds = await Simulate(gate, clock, 3, quota: null);
            Assert.Empty(clock.Delays);
            Assert.Equal(AdaptiveRateLimiter.Mode.Open, gate.State);
            Assert.Null(gate.CurrentRate);
            Assert.All(seconds, s => Assert.Equal(500, s.Sent));
        }

        [Fact]
        public async Task Under_a_per_second_quota_it_learns_the_rate_and_stops_hammering()
        {
            var clock = Clock();
            var gate = new AdaptiveRateLimiter(clock);
            var seconds = await Simulate(gate, clock, 60, quota: 100);

            Assert.Equal(AdaptiveRateLimiter.Mode.Limiting, gate.State);
            // Without the limiter the worker would send 500 a second and see 400 of them refused.
            var steady = seconds.Skip(10).Take(49).ToList();
            double accepted = steady.Average(s => s.Accepted);
            double refused = steady.Sum(s => s.Throttled) / (double)steady.Sum(s => s.Sent);
            Assert.True(accepted >= 90, "steady state accepted " + accepted + " per second; expected >= 0.9 of the quota of 100");
            Assert.True(refused < 0.05, "steady state refused " + refused.ToString("P1") + " of the calls");
            Assert.InRange(gate.Ceiling.Value, 90, 120);
        }

        [Fact]
        public async Task Throttling_that_does_not_follow_the_rate_is_recognised_and_not_paced()
        {
            var clock = Clock();
            var gate = new AdaptiveRateLimiter(clock);
            var seconds = await Simulate(gate, clock, 10, quota: null, randomRate: 0.2);

            // The observation and the probe take about a second; then the worker runs at full speed again.
            Assert.Equal(AdaptiveRateLimiter.Mode.Open, gate.State);
            Assert.True(gate.ThrottlingIgnoresRate);
            Assert.All(seconds.Skip(3), s => Assert.Equal(500, s.Sent));
        }

        [Fact]
        public async Task After_random_throttling_a_real_quota_is_still_learned_from_dense_throttling()
        {
            var clock = Clock();
            var gate = new AdaptiveRateLimiter(clock);
            await Simulate(gate, clock, 5, quota: null, randomRate: 0.2);
            Assert.True(gate.ThrottlingIgnoresRate);

            var seconds = await Simulate(gate, clock, 30, quota: 50);
            Assert.Equal(AdaptiveRateLimiter.Mode.Limiting, gate.State);
            Assert.True(seconds.Skip(10).Average(s => s.Accepted) >= 45,
                gate + ": accepted " + string.Join(",", seconds.Select(s => s.Accepted)) + "; sent " + string.Join(",", seconds.Select(s => s.Sent)));
        }

        [Fact]
        public async Task Rare_throttling_is_not_worth_pacing_for()
        {
            var clock = Clock();
            var gate = new AdaptiveRateLimiter(clock);
            for (int i = 0; i < 1000; i++)
            {
                await gate.WaitAsync(CancellationToken.None);
                clock.Advance(CallCost);
                if (i == 100) gate.OnThrottled(TimeSpan.FromMilliseconds(200));
                else gate.OnSuccess();
            }
            Assert.Equal(AdaptiveRateLimiter.Mode.Open, gate.State);
            Assert.False(gate.ThrottlingIgnoresRate);
            Assert.Empty(clock.Delays);
        }

        [Fact]
        public async Task Calls_are_paced_evenly_with_no_burst_after_an_idle_spell()
        {
            var clock = Clock();
            var gate = new AdaptiveRateLimiter(clock);
            await Simulate(gate, clock, 20, quota: 100);
            double rate = gate.CurrentRate.Value;

            clock.Advance(TimeSpan.FromSeconds(0.5)); // idle: no tokens pile up
            var before = clock.Delays.Count;
            var times = new List<DateTimeOffset>();
            for (int i = 0; i < 20; i++)
            {
                await gate.WaitAsync(CancellationToken.None);
                times.Add(clock.UtcNow);
            }
            var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
            Assert.All(gaps, g => Assert.InRange(g, 0.9 / rate, 1.2 / rate));
        }

        [Fact]
        public async Task A_cut_pauses_every_worker_for_the_retry_after_and_cuts_happen_at_most_once_a_second()
        {
            var clock = Clock();
            var gate = new AdaptiveRateLimiter(clock);
            await Simulate(gate, clock, 20, quota: 100);
            Assert.Equal(AdaptiveRateLimiter.Mode.Limiting, gate.State);

            clock.Advance(TimeSpan.FromSeconds(2));
            int cuts = gate.Cuts;
            gate.OnThrottled(TimeSpan.FromMilliseconds(700));
            Assert.Equal(cuts + 1, gate.Cuts);
            Assert.Equal(clock.UtcNow + TimeSpan.FromMilliseconds(700), gate.ResumeAt);
            gate.OnThrottled(TimeSpan.FromMilliseconds(700));
            Assert.Equal(cuts + 1, gate.Cuts);

            int delays = clock.Delays.Count;
            await gate.WaitAsync(CancellationToken.None);
            Assert.True(clock.Delays.Skip(delays).First() >= TimeSpan.FromMilliseconds(700));
        }

        [Fact]
        public async Task A_wait_for_a_slot_observes_cancellation()
        {
            var clock = new SwitchableClock();
            var gate = new AdaptiveRateLimiter(clock);
            await Simulate(gate, clock.Fake, 20, quota: 20);
            Assert.Equal(AdaptiveRateLimiter.Mode.Limiting, gate.State);

            clock.Stuck = true;
            using var cts = new CancellationTokenSource();
            var waits = Enumerable.Range(0, 5).Select(_ => gate.WaitAsync(cts.Token)).ToList();
            Assert.Contains(waits, w => !w.IsCompleted);
            cts.Cancel();
            foreach (var w in waits.Where(w => !w.IsCompletedSuccessfully))
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => w);
        }

        [Fact]
        public async Task A_removal_run_gets_its_own_limiter_unless_the_caller_chose_a_gate()
        {
            await using var emulator = await EmulatorHarness.StartAsync(new AlibabaCloud.Emulator.EmulatorState());
            var options = emulator.Options();
            using (var engine = RemovalEngine.Open(options, EmulatorHarness.Settings(), new RecordingSink()))
                Assert.IsType<AdaptiveRateLimiter>(engine.Session.Core.ThrottleGate);
            Assert.Null(options.ThrottleGate); // the caller's options are left as they were

            var mine = new SharedBackoffGate();
            using (var engine = RemovalEngine.Open(emulator.Options(o => o.ThrottleGate = mine), EmulatorHarness.Settings(), new RecordingSink()))
                Assert.Same(mine, engine.Session.Core.ThrottleGate);
        }

        /// <summary>A fake clock whose waits can be made to hang until cancelled.</summary>
        private sealed class SwitchableClock : IClock
        {
            public FakeClock Fake { get; } = Clock();
            public bool Stuck { get; set; }
            public DateTimeOffset UtcNow => Fake.UtcNow;

            public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
                Stuck ? Task.Delay(Timeout.Infinite, cancellationToken) : Fake.DelayAsync(delay, cancellationToken);
        }
    }
}
