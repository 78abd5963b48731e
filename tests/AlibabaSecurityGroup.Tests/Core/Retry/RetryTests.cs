using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Credentials;
using AlibabaSecurityGroup.Core.Endpoints;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Core.Retry;
using AlibabaSecurityGroup.Tests.Core.TestSupport;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Core.Retry
{
    public class RetryTests
    {
        private static OpenApiRequest Describe() => new OpenApiRequest(Product.Ecs, "DescribeInstances").Add("RegionId", "cn-hangzhou");

        private static RetryOptions Retry(int attempts = 8, double baseSeconds = 1, double maxSeconds = 20, double totalSeconds = 120) =>
            new RetryOptions
            {
                MaxAttempts = attempts,
                BaseDelay = TimeSpan.FromSeconds(baseSeconds),
                MaxDelay = TimeSpan.FromSeconds(maxSeconds),
                MaxTotalTime = TimeSpan.FromSeconds(totalSeconds),
            };

        [Fact]
        public async Task Throttling_is_retried_until_success_and_counted()
        {
            var handler = new ScriptedHandler().ThenError(400, "Throttling.User", "R1").ThenError(429, "Throttling", "R2").ThenOk("R3");
            var clock = new FakeClock();
            var gate = new OpenGate();
            var response = await Pipelines.Create(handler, clock, Retry(), gate).SendAsync(Describe(), Pipelines.Endpoint, CancellationToken.None);

            Assert.Equal("R3", response.RequestId);
            Assert.Equal(3, response.History.Attempts);
            Assert.Equal(2, response.History.Retries);
            Assert.Equal(2, response.History.ThrottledAttempts);
            Assert.False(response.History.EarlierAttemptOutcomeUnknown);
            Assert.Equal(2, clock.Delays.Count);
            Assert.Equal(clock.Delays[0] + clock.Delays[1], response.History.Elapsed);
            Assert.Equal(2, gate.Throttled);
            Assert.Equal(1, gate.Successes);
        }

        [Fact]
        public async Task Backoff_grows_exponentially_up_to_the_cap()
        {
            var handler = new ScriptedHandler().ThenError(503, "ServiceUnavailable");
            var clock = new FakeClock();
            var pipeline = Pipelines.Create(handler, clock, Retry(attempts: 7), random: () => 0.999999);
            var e = await Assert.ThrowsAsync<AlibabaCloudException>(() => pipeline.SendAsync(Describe(), Pipelines.Endpoint, CancellationToken.None));

            var seconds = clock.Delays.Select(d => Math.Round(d.TotalSeconds)).ToArray();
            Assert.Equal(new double[] { 2, 6, 18, 20, 20, 20 }, seconds);
            Assert.Equal(7, e.History.Attempts);
        }

        [Fact]
        public async Task Lowest_jitter_waits_the_base_delay()
        {
            var handler = new ScriptedHandler().ThenError(500, "InternalError");
            var clock = new FakeClock();
            await Assert.ThrowsAsync<AlibabaCloudException>(() =>
                Pipelines.Create(handler, clock, Retry(attempts: 4), random: () => 0).SendAsync(Describe(), Pipelines.Endpoint, CancellationToken.None));
            Assert.All(clock.Delays, d => Assert.Equal(TimeSpan.FromSeconds(1), d));
        }

        [Fact]
        public async Task Jittered_delays_stay_within_their_bounds()
        {
            var baseDelay = TimeSpan.FromMilliseconds(500);
            var maxDelay = TimeSpan.FromSeconds(20);
            var distinct = new System.Collections.Generic.HashSet<TimeSpan>();
            for (int run = 0; run < 40; run++)
            {
                var clock = new FakeClock();
                var handler = new ScriptedHandler().ThenError(503, "ServiceUnavailable");
                await Assert.ThrowsAsync<AlibabaCloudException>(() =>
                    Pipelines.Create(handler, clock, Retry(attempts: 8, baseSeconds: 0.5, maxSeconds: 20, totalSeconds: 1000))
                        .SendAsync(Describe(), Pipelines.Endpoint, CancellationToken.None));
                var delays = clock.Delays;
                Assert.Equal(7, delays.Count);
                for (int i = 0; i < delays.Count; i++)
                {
                    var upper = i == 0 ? baseDelay + baseDelay : TimeSpan.FromTicks(Math.Min(maxDelay.Ticks, delays[i - 1].Ticks * 3));
                    Assert.InRange(delays[i], baseDelay, upper);
                    distinct.Add(delays[i]);
                }
            }
            Assert.True(distinct.Count > 100, "the delays are jittered");
        }

        [Fact]
        public async Task Retry_after_is_honoured()
        {
            var handler = new ScriptedHandler().ThenError(429, "Throttling.Api", "R1", ("x-acs-retry-after", "7500")).ThenOk();
            var clock = new FakeClock();
            var gate = new OpenGate();
            await Pipelines.Create(handler, clock, Retry(), gate, random: () => 0).SendAsync(Describe(), Pipelines.Endpoint, CancellationToken.None);
            Assert.Equal(TimeSpan.FromMilliseconds(7500), Assert.Single(clock.Delays));
            Assert.Equal(TimeSpan.FromMilliseconds(7500), Assert.Single(gate.RetryAfters));
        }

        [Fact]
        public async Task Attempts_are_capped()
        {
            var handler = new ScriptedHandler().ThenError(503, "ServiceUnavailable", "R-LAST");
            var clock = new FakeClock();
            var e = await Assert.ThrowsAsync<AlibabaCloudException>(() =>
                Pipelines.Create(handler, clock, Retry(totalSeconds: 10000)).SendAsync(Describe(), Pipelines.Endpoint, CancellationToken.None));
            Assert.Equal(8, handler.Calls);
            Assert.Equal(8, e.History.Attempts);
            Assert.Equal("ServiceUnavailable", e.Code);
            Assert.Equal("R-LAST", e.RequestId);
            Assert.Equal("DescribeInstances", e.Action);
            Assert.Equal("ecs.cn-hangzhou.aliyuncs.com", e.EndpointHost);
        }

        [Fact]
        public async Task Total_time_is_capped()
        {
            var handler = new ScriptedHandler().ThenError(503, "ServiceUnavailable");
            var clock = new FakeClock();
            var e = await Assert.ThrowsAsync<AlibabaCloudException>(() =>
                Pipelines.Create(handler, clock, Retry(attempts: 20, baseSeconds: 10, maxSeconds: 60, totalSeconds: 30), random: () => 0.999999)
                    .SendAsync(Describe(), Pipelines.Endpoint, CancellationToken.None));
            // Waits of 20 s then 60 s: the second would end past the 30 s budget, so it is not made.
            Assert.Equal(2, handler.Calls);
            Assert.Single(clock.Delays);
            Assert.True(e.History.Elapsed <= TimeSpan.FromSeconds(30));
        }

        [Fact]
        public async Task Cancellation_during_a_wait_ends_the_call_at_once()
        {
            var handler = new ScriptedHandler().ThenError(503, "ServiceUnavailable");
            var clock = new StuckClock();
            using var cts = new CancellationTokenSource();
            var call = Pipelines.Create(handler, clock, Retry()).SendAsync(Describe(), Pipelines.Endpoint, cts.Token);
            await clock.WaitStarted;
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
            Assert.Equal(1, handler.Calls);
        }

        [Fact]
        public async Task Cancellation_aborts_the_request_in_flight_and_is_not_a_timeout()
        {
            var handler = new ScriptedHandler().ThenHang();
            using var cts = new CancellationTokenSource();
            var call = Pipelines.Create(handler, new FakeClock(), Retry()).SendAsync(Describe(), Pipelines.Endpoint, cts.Token);
            while (handler.Calls == 0) await Task.Delay(5);
            cts.Cancel();
            var e = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
            Assert.Equal(cts.Token, e.CancellationToken);
            Assert.Equal(1, handler.Calls);
        }

        [Fact]
        public async Task A_reset_after_sending_marks_the_outcome_unknown()
        {
            var handler = new ScriptedHandler().ThenReset().ThenOk();
            var response = await Pipelines.Create(handler, new FakeClock(), Retry()).SendAsync(Describe(), Pipelines.Endpoint, CancellationToken.None);
            Assert.Equal(2, response.History.Attempts);
            Assert.True(response.History.EarlierAttemptOutcomeUnknown);
        }

        [Fact]
        public async Task A_refused_connection_is_retried_but_the_outcome_is_known()
        {
            var handler = new ScriptedHandler().ThenRefused().ThenOk();
            var response = await Pipelines.Create(handler, new FakeClock(), Retry()).SendAsync(Describe(), Pipelines.Endpoint, CancellationToken.None);
            Assert.Equal(2, response.History.Attempts);
            Assert.False(response.History.EarlierAttemptOutcomeUnknown);
        }

        [Fact]
        public async Task A_read_timeout_is_retried_and_marks_the_outcome_unknown()
        {
            var handler = new ScriptedHandler().ThenHang().ThenOk();
            var response = await Pipelines.Create(handler, new FakeClock(), Retry(), readTimeout: TimeSpan.FromMilliseconds(50))
                .SendAsync(Describe(), Pipelines.Endpoint, CancellationToken.None);
            Assert.Equal(2, response.History.Attempts);
            Assert.True(response.History.EarlierAttemptOutcomeUnknown);
        }

        [Fact]
        public async Task Final_timeout_reports_its_kind_and_earlier_unknowns()
        {
            var handler = new ScriptedHandler().ThenHang();
            var e = await Assert.ThrowsAsync<AlibabaCloudException>(() =>
                Pipelines.Create(handler, new FakeClock(), Retry(attempts: 2), readTimeout: TimeSpan.FromMilliseconds(30))
                    .SendAsync(Describe(), Pipelines.Endpoint, CancellationToken.None));
            Assert.Equal(ErrorKind.Timeout, e.Kind);
            Assert.Equal("ReadTimeout", e.Code);
            Assert.True(e.OutcomeUnknown);
            Assert.True(e.History.EarlierAttemptOutcomeUnknown);
            Assert.Equal(2, e.History.Attempts);
        }

        [Fact]
        public async Task A_single_failed_attempt_has_no_earlier_unknown_outcome()
        {
            var handler = new ScriptedHandler().ThenReset();
            var e = await Assert.ThrowsAsync<AlibabaCloudException>(() =>
                Pipelines.Create(handler, new FakeClock(), Retry(attempts: 1)).SendAsync(Describe(), Pipelines.Endpoint, CancellationToken.None));
            Assert.Equal(ErrorKind.Transport, e.Kind);
            Assert.True(e.OutcomeUnknown); // this attempt's own outcome is unknown...
            Assert.False(e.History.EarlierAttemptOutcomeUnknown); // ...but there was no earlier one
        }

        [Fact]
        public async Task A_dry_run_is_retried_only_as_the_same_dry_run_and_its_verdict_is_not_retried()
        {
            var handler = new ScriptedHandler().ThenError(503, "ServiceUnavailable").ThenError(400, "DryRunOperation", "R-DRY").ThenOk();
            var request = new OpenApiRequest(Product.Alb, "LoadBalancerLeaveSecurityGroup").Add("LoadBalancerId", "alb-1")
                .AddList("SecurityGroupIds", new[] { "sg-1" }).AddDryRun(true);
            var e = await Assert.ThrowsAsync<AlibabaCloudException>(() =>
                Pipelines.Create(handler, new FakeClock(), Retry()).SendAsync(request, Pipelines.Endpoint, CancellationToken.None));
            Assert.True(e.IsDryRunPassed);
            Assert.Equal(2, handler.Calls);
            Assert.Equal(2, e.History.Attempts);
            Assert.All(handler.All, r => Assert.Contains("DryRun=true", r.RequestUri.Query));
        }

        [Theory]
        [InlineData(400, "InvalidParameter")]
        [InlineData(400, "InstanceLastSecurityGroup")]
        [InlineData(403, "Forbidden.RAM")]
        [InlineData(404, "InvalidAccessKeyId.NotFound")]
        [InlineData(400, "DryRunOperation")]
        public async Task Business_errors_are_not_retried(int status, string code)
        {
            var handler = new ScriptedHandler().ThenError(status, code).ThenOk();
            var e = await Assert.ThrowsAsync<AlibabaCloudException>(() =>
                Pipelines.Create(handler, new FakeClock(), Retry()).SendAsync(Describe(), Pipelines.Endpoint, CancellationToken.None));
            Assert.Equal(code, e.Code);
            Assert.Equal(1, handler.Calls);
            Assert.Equal(1, e.History.Attempts);
        }

        [Fact]
        public async Task Every_attempt_is_signed_afresh()
        {
            var handler = new ScriptedHandler().ThenError(503, "ServiceUnavailable").ThenError(503, "ServiceUnavailable").ThenOk();
            var clock = new FakeClock();
            await Pipelines.Create(handler, clock, Retry()).SendAsync(Describe(), Pipelines.Endpoint, CancellationToken.None);
            var nonces = handler.All.Select(r => ScriptedHandler.Header(r, "x-acs-signature-nonce")).ToList();
            var dates = handler.All.Select(r => ScriptedHandler.Header(r, "x-acs-date")).ToList();
            var signatures = handler.All.Select(r => ScriptedHandler.Header(r, "Authorization")).ToList();
            Assert.Equal(3, nonces.Distinct().Count());
            Assert.Equal(3, dates.Distinct().Count());
            Assert.Equal(3, signatures.Distinct().Count());
            Assert.Equal("2024-05-01T12:00:00Z", dates[0]);
        }

        [Fact]
        public async Task Attempts_are_logged_without_secrets()
        {
            var handler = new ScriptedHandler().ThenError(400, "Throttling.User", "R1").ThenOk("R2");
            var log = new CapturingLog();
            await Pipelines.Create(handler, new FakeClock(), Retry(), log: log, random: () => 0).SendAsync(Describe(), Pipelines.Endpoint, CancellationToken.None);
            var lines = log.Lines.ToArray();
            Assert.Equal(2, lines.Length);
            Assert.Equal("DEBUG: ECS DescribeInstances attempt 1/8 to ecs.cn-hangzhou.aliyuncs.com: HTTP 400 Throttling.User, RequestId R1, 0 ms; retrying in 1000 ms", lines[0]);
            Assert.Equal("DEBUG: ECS DescribeInstances attempt 2/8 to ecs.cn-hangzhou.aliyuncs.com: HTTP 200, RequestId R2, 0 ms", lines[1]);
        }

        [Fact]
        public async Task A_credential_failure_ends_the_call_without_an_attempt()
        {
            var handler = new ScriptedHandler().ThenOk();
            var failing = new FailingProvider();
            var e = await Assert.ThrowsAsync<AlibabaCloudException>(() =>
                Pipelines.Create(handler, new FakeClock(), Retry(), credentials: failing).SendAsync(Describe(), Pipelines.Endpoint, CancellationToken.None));
            Assert.Equal("NoPermission", e.Code);
            Assert.Equal(0, e.History.Attempts);
            Assert.Equal(0, handler.Calls);
        }

        private sealed class FailingProvider : ICredentialProvider
        {
            public string Description => "failing";
            public Task<AlibabaCredentials> GetCredentialsAsync(CancellationToken cancellationToken) =>
                Task.FromException<AlibabaCredentials>(new AlibabaCloudException(ErrorKind.Service, "NoPermission", "denied", 403));
        }

        [Theory]
        [InlineData(ErrorKind.Service, "Throttling", 400, true)]
        [InlineData(ErrorKind.Service, "Throttling.User", 400, true)]
        [InlineData(ErrorKind.Service, "Throttling.Api", 429, true)]
        [InlineData(ErrorKind.Service, "SomethingElse", 429, true)]
        [InlineData(ErrorKind.Service, "ServiceUnavailable", 503, true)]
        [InlineData(ErrorKind.Service, "InternalError", 500, true)]
        [InlineData(ErrorKind.Service, "UnexpectedResponse", 502, true)]
        [InlineData(ErrorKind.Service, "SignatureNonceUsed", 400, true)]
        [InlineData(ErrorKind.Transport, "ConnectionFailed", 0, true)]
        [InlineData(ErrorKind.Timeout, "ReadTimeout", 0, true)]
        [InlineData(ErrorKind.Service, "DryRunOperation", 400, false)]
        [InlineData(ErrorKind.Service, "IncorrectStatus.LoadBalancer", 400, false)]
        [InlineData(ErrorKind.Service, "InvalidTimeStamp.Expired", 400, false)]
        [InlineData(ErrorKind.Service, "Forbidden.RAM", 403, false)]
        [InlineData(ErrorKind.Configuration, "MissingRegion", 0, false)]
        public void Classification(ErrorKind kind, string code, int status, bool retryable)
        {
            Assert.Equal(retryable, RetryPolicy.IsRetryable(new AlibabaCloudException(kind, code, "m", status)));
        }
    }
}
