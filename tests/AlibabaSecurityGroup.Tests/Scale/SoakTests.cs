using System.Threading.Tasks;
using Xunit;
using Xunit.Abstractions;

namespace AlibabaSecurityGroup.Tests.Scale
{
    /// <summary>
    /// The fault soak at CI size (the benchmark program runs the same <see cref="SoakScenario"/> at N=5000):
    /// 20% throttling, 5% server errors, 2% connection resets, latency jitter. Nothing is lost or doubled.
    /// </summary>
    public class SoakTests
    {
        private readonly ITestOutputHelper _output;

        public SoakTests(ITestOutputHelper output) { _output = output; }

        [Fact]
        public async Task Five_hundred_ECS_removals_under_faults_end_exactly_once_and_match_the_journal()
        {
            var outcome = await SoakScenario.RunEcsAsync(500, seed: 20240501);
            _output.WriteLine(outcome.ToString());

            Assert.Empty(outcome.Problems);
            Assert.Equal(500, outcome.Items);
            Assert.Equal(500, outcome.Results + outcome.Errors);
            Assert.Equal(outcome.Results, outcome.JournalEntries);
            // The faults really happened: calls were throttled, and server errors and resets were retried too.
            Assert.True(outcome.ThrottledAttempts > 0, "no call was throttled");
            Assert.True(outcome.Retries > outcome.ThrottledAttempts, "no server error or reset was retried");
        }

        [Fact]
        public async Task Heavy_connection_resets_lose_nothing_and_double_nothing()
        {
            // A quarter of the calls lose their connection, half of them after the change was applied; some are resent by
            // the HTTP stack with the same nonce (SignatureNonceUsed). Each case is an unknown outcome that the engine must
            // settle without losing or repeating a removal.
            var faults = new AlibabaCloud.Emulator.FaultSettings { ResetRate = 0.25, ThrottleRate = 0.05, LatencyJitterMs = 10, Seed = 4242 };
            var outcome = await SoakScenario.RunEcsAsync(300, faults: faults);
            _output.WriteLine(outcome.ToString());

            Assert.Empty(outcome.Problems);
            Assert.Equal(outcome.Results, outcome.JournalEntries);
            Assert.True(outcome.RecoveredByEarlierAttempt > 0, "no reset happened after the change was applied: " + outcome);
        }

        [Fact]
        public async Task ALB_jobs_failing_at_ten_percent_are_each_reported_once_with_the_job_error_code()
        {
            var outcome = await SoakScenario.RunAlbAsync(60, seed: 7);
            _output.WriteLine(outcome.ToString());

            Assert.Empty(outcome.Problems);
            Assert.Equal(120, outcome.Results + outcome.Errors);
            Assert.Equal(outcome.Results, outcome.JournalEntries);
            Assert.True(outcome.ErrorIds.TryGetValue(SoakScenario.JobFailureCode, out int failedJobs) && failedJobs > 0,
                "no job failed: " + outcome);
        }
    }
}
