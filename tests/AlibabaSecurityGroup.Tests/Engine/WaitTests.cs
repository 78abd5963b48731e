using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Engine;
using AlibabaSecurityGroup.Engine.Operations;
using AlibabaSecurityGroup.Engine.Sink;
using AlibabaSecurityGroup.Tests.Support;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Engine
{
    /// <summary>-Wait: job Succeeded (see EngineSuccessTests), Failed, timeout, and Ctrl+C while waiting.</summary>
    public class WaitTests
    {
        private const string R = EmulatorHarness.Region;

        private static EmulatorState State(int jobMs, int detachMs) => new EmulatorState
        {
            SecurityGroups = { Sg(1), Sg(2) },
            LoadBalancers = { new LoadBalancerState { LoadBalancerId = Ids.LoadBalancer(1), RegionId = R, Status = "Active", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } } },
            VpcEndpoints = { new VpcEndpointState { EndpointId = Ids.Endpoint(1), RegionId = R, Status = "Active", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } } },
            Behavior = new BehaviorSettings { AlbJobMilliseconds = jobMs, EndpointDetachMilliseconds = detachMs, EndpointCooldownMilliseconds = 100 },
        };

        private static SecurityGroupState Sg(int n) => new SecurityGroupState { SecurityGroupId = Ids.Group(n), RegionId = R, VpcId = "vpc-bp1test" };

        [Fact]
        public async Task A_failed_alb_job_is_an_error_carrying_the_jobs_code_and_message()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State(100, 100));
            emulator.Server.SetFaults(new FaultSettings { AlbJobFailureRate = 1, Seed = 7 });
            var sink = emulator.Run(new[] { new AlbLeaveOperation("in", null, Ids.LoadBalancer(1), new[] { Ids.Group(2) }) },
                EmulatorHarness.Settings(s => s.Wait = true));

            Assert.Empty(sink.Results);
            var error = Assert.Single(sink.Errors);
            Assert.NotEqual("WaitTimeout", error.ErrorId);
            Assert.NotEqual("JobFailed", error.ErrorId); // the job's own ErrorCode, not a generic one
            Assert.Contains("ALB job", error.Message);
            Assert.Contains(error.ErrorId, error.Message);
            Assert.Equal(new[] { Ids.Group(1), Ids.Group(2) }, emulator.Server.GetState().LoadBalancers.Single().SecurityGroupIds);
            Assert.Empty(emulator.Server.GetJournal());
        }

        [Fact]
        public async Task An_alb_wait_that_outlasts_TimeoutSec_is_a_timeout_naming_the_job()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State(60_000, 100));
            var sink = emulator.Run(new[] { new AlbLeaveOperation("in", null, Ids.LoadBalancer(1), new[] { Ids.Group(2) }) },
                EmulatorHarness.Settings(s => { s.Wait = true; s.WaitTimeout = TimeSpan.FromMilliseconds(400); }));

            var error = Assert.Single(sink.Errors);
            Assert.Equal("WaitTimeout", error.ErrorId);
            Assert.Equal(EngineErrorCategory.OperationTimeout, error.Category);
            Assert.Contains(Ids.LoadBalancer(1), error.Message);
            Assert.Matches("ALB job [0-9a-zA-Z-]{8,}", error.Message);
        }

        [Fact]
        public async Task An_endpoint_wait_that_outlasts_TimeoutSec_is_a_timeout_naming_the_endpoint()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State(100, 60_000));
            var sink = emulator.Run(new[] { new PrivateLinkDetachOperation("in", null, Ids.Endpoint(1), Ids.Group(2)) },
                EmulatorHarness.Settings(s => { s.Wait = true; s.WaitTimeout = TimeSpan.FromMilliseconds(400); }));

            var error = Assert.Single(sink.Errors);
            Assert.Equal("WaitTimeout", error.ErrorId);
            Assert.Contains(Ids.Endpoint(1), error.Message);
            Assert.Contains(sink.Progress, p => p.ParentActivityId == 1 && p.Activity.Contains(Ids.Endpoint(1)));
        }

        [Fact]
        public async Task Stopping_during_a_wait_ends_the_item_as_cancelled()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State(60_000, 60_000));
            var sink = new RecordingSink();
            var settings = EmulatorHarness.Settings(s => { s.Wait = true; s.WaitTimeout = TimeSpan.FromSeconds(120); });
            using var engine = RemovalEngine.Open(emulator.Options(), settings, sink);
            engine.Submit(new AlbLeaveOperation("alb", null, Ids.LoadBalancer(1), new[] { Ids.Group(2) }));
            engine.Submit(new PrivateLinkDetachOperation("ep", null, Ids.Endpoint(1), Ids.Group(2)));

            // Ctrl+C arrives on another thread once both are waiting.
            using var stopper = new Timer(_ => engine.Stop(), null, 500, Timeout.Infinite);
            engine.Complete();

            Assert.Equal(2, sink.Errors.Count);
            Assert.All(sink.Errors, e => Assert.Equal("OperationCancelled", e.ErrorId));
            Assert.All(sink.Errors, e => Assert.Equal(EngineErrorCategory.OperationStopped, e.Category));
            Assert.Empty(sink.Results);
            Assert.Empty(sink.OffThreadCalls);
        }
    }
}
