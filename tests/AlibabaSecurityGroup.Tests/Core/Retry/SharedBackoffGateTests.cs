using System;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core.Endpoints;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Retry;
using AlibabaSecurityGroup.Tests.Core.TestSupport;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Core.Retry
{
    public class SharedBackoffGateTests
    {
        [Fact]
        public async Task Open_gate_does_not_wait()
        {
            var clock = new FakeClock();
            await new SharedBackoffGate(clock).WaitAsync(CancellationToken.None);
            Assert.Empty(clock.Delays);
        }

        [Fact]
        public async Task Throttling_makes_every_waiter_pause_until_the_shared_resume_time()
        {
            var clock = new FakeClock();
            var gate = new SharedBackoffGate(clock, null, () => 0.5);
            gate.OnThrottled(TimeSpan.FromSeconds(4));
            Assert.Equal(clock.UtcNow + TimeSpan.FromSeconds(4), gate.ResumeAt);

            await gate.WaitAsync(CancellationToken.None);
            var waited = Assert.Single(clock.Delays);
            Assert.InRange(waited, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(4) + SharedBackoffGate.MaxSpread);
            await gate.WaitAsync(CancellationToken.None); // time has passed: the next waiter goes at once
            Assert.Single(clock.Delays);
        }

        [Fact]
        public void Without_retry_after_the_default_pause_applies_and_a_shorter_pause_never_shortens_a_longer_one()
        {
            var clock = new FakeClock();
            var gate = new SharedBackoffGate(clock, TimeSpan.FromSeconds(2));
            gate.OnThrottled(null);
            Assert.Equal(clock.UtcNow + TimeSpan.FromSeconds(2), gate.ResumeAt);
            gate.OnThrottled(TimeSpan.FromSeconds(10));
            gate.OnThrottled(TimeSpan.FromSeconds(1));
            Assert.Equal(clock.UtcNow + TimeSpan.FromSeconds(10), gate.ResumeAt);
            gate.OnThrottled(TimeSpan.FromHours(5)); // a bogus header is capped
            Assert.Equal(clock.UtcNow + SharedBackoffGate.MaxPause, gate.ResumeAt);
        }

        [Fact]
        public async Task A_wait_at_the_gate_observes_cancellation()
        {
            var clock = new StuckClock();
            var gate = new SharedBackoffGate(clock);
            gate.OnThrottled(TimeSpan.FromMinutes(1));
            using var cts = new CancellationTokenSource();
            var wait = gate.WaitAsync(cts.Token);
            await clock.WaitStarted;
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
        }

        [Fact]
        public async Task One_throttled_call_pauses_another_call_sharing_the_gate()
        {
            var clock = new FakeClock();
            var gate = new SharedBackoffGate(clock, null, () => 0);
            var throttled = new ScriptedHandler().ThenError(429, "Throttling.User", "R1", ("x-acs-retry-after", "3000"));
            var healthy = new ScriptedHandler().ThenOk();
            var one = Pipelines.Create(throttled, clock, new RetryOptions { MaxAttempts = 1 }, gate);
            var two = Pipelines.Create(healthy, clock, new RetryOptions(), gate);

            await Assert.ThrowsAsync<AlibabaCloudException>(() => one.SendAsync(new OpenApiRequest(Product.Ecs, "A"), Pipelines.Endpoint, CancellationToken.None));
            Assert.Empty(clock.Delays);
            await two.SendAsync(new OpenApiRequest(Product.Ecs, "B"), Pipelines.Endpoint, CancellationToken.None);
            Assert.Equal(TimeSpan.FromSeconds(3), Assert.Single(clock.Delays)); // waited at the gate before its first attempt
        }

        [Fact]
        public void A_client_makes_its_own_gate_unless_one_is_given()
        {
            using var env = new TestEnvironment();
            env.Set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tGateKeyId000001").Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "gate-secret-000001")
               .Set("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou");
            var options = new ClientOptions { Environment = env };
            var config = ClientConfiguration.Resolve(options);
            var a = new OpenApiClient(config, options);
            var b = new OpenApiClient(config, options);
            Assert.IsType<SharedBackoffGate>(a.ThrottleGate);
            Assert.NotSame(a.ThrottleGate, b.ThrottleGate);
            var shared = new OpenGate();
            options.ThrottleGate = shared;
            Assert.Same(shared, new OpenApiClient(config, options).ThrottleGate);
        }
    }
}
