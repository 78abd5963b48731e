using System;
using System.Linq;
using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Core.Retry;
using AlibabaSecurityGroup.Engine.Operations;
using AlibabaSecurityGroup.Model;
using AlibabaSecurityGroup.Tests.Support;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Scale
{
    /// <summary>
    /// An attempt whose answer was lost, followed by retries that all fail: the change may or may not have been made.
    /// The engine settles it with one read, so the outcome it reports matches what the service did (the soak found
    /// items reported as failed that the service had in fact removed).
    /// </summary>
    public class UnknownOutcomeTests
    {
        private const string R = EmulatorHarness.Region;

        private static EmulatorState State() => new EmulatorState
        {
            SecurityGroups = { new SecurityGroupState { SecurityGroupId = Ids.Group(1), RegionId = R }, new SecurityGroupState { SecurityGroupId = Ids.Group(2), RegionId = R } },
            Instances = { new InstanceState { InstanceId = Ids.Instance(1), RegionId = R, Status = "Running", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } } },
            NetworkInterfaces = { new NetworkInterfaceState { NetworkInterfaceId = Ids.Eni(1), RegionId = R, Type = "Secondary", Status = "Available", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } } },
        };

        private static async Task<(RecordingSink Sink, EmulatorHarness Emulator, ScriptedRelay Relay)> Run(bool eni, params RelayStep[] script)
        {
            var emulator = await EmulatorHarness.StartAsync(State());
            var relay = await ScriptedRelay.StartAsync(emulator.Server.BaseAddress, "LeaveSecurityGroup", script);
            var op = eni
                ? new EcsLeaveOperation("item", null, Ids.Group(2), null, Ids.Eni(1))
                : new EcsLeaveOperation("item", null, Ids.Group(2), Ids.Instance(1), null);
            var sink = emulator.Run(new[] { op }, EmulatorHarness.Settings(),
                options: emulator.Options(o => { o.Endpoint = relay.Endpoint; o.Retry = new RetryOptions { MaxAttempts = 3, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) }; }));
            return (sink, emulator, relay);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public async Task Applied_but_unanswered_then_throttled_until_the_retries_ran_out_is_a_removal(bool eni)
        {
            var (sink, emulator, relay) = await Run(eni, RelayStep.DropAnswer, RelayStep.Throttle);
            await using (emulator)
            await using (relay)
            {
                Assert.Equal(new[] { RelayStep.DropAnswer, RelayStep.Throttle, RelayStep.Throttle }, relay.Applied.ToArray());
                Assert.Empty(sink.Errors);
                var result = Assert.Single(sink.Results);
                Assert.Equal(RemovalStatus.Removed, result.Status);
                Assert.Single(emulator.Server.GetJournal());
                Assert.Contains(sink.Verbose, v => v.Contains("a read shows it was made"));
            }
        }

        [Fact]
        public async Task Applied_but_every_answer_lost_is_a_removal()
        {
            var (sink, emulator, relay) = await Run(false, RelayStep.DropAnswer);
            await using (emulator)
            await using (relay)
            {
                Assert.Empty(sink.Errors);
                Assert.Equal(RemovalStatus.Removed, Assert.Single(sink.Results).Status);
                Assert.Single(emulator.Server.GetJournal());
            }
        }

        [Fact]
        public async Task Never_applied_stays_an_error_that_says_the_outcome_was_unknown()
        {
            var (sink, emulator, relay) = await Run(false, RelayStep.DropRequest, RelayStep.Throttle);
            await using (emulator)
            await using (relay)
            {
                Assert.Empty(sink.Results);
                var error = Assert.Single(sink.Errors);
                Assert.Equal("Throttling.User", error.ErrorId);
                Assert.Contains("An earlier attempt got no answer", error.Message);
                Assert.Empty(emulator.Server.GetJournal());
                var member = emulator.Server.GetState().Instances.Single();
                Assert.Contains(Ids.Group(2), member.SecurityGroupIds);
            }
        }

        [Fact]
        public async Task An_accepted_ALB_job_whose_polling_ran_out_of_retries_is_followed_to_its_end()
        {
            var state = new EmulatorState { Behavior = new BehaviorSettings { AlbJobMilliseconds = 300 } };
            state.LoadBalancers.Add(new LoadBalancerState { LoadBalancerId = Ids.LoadBalancer(1), RegionId = R, Status = "Active", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } });
            await using var emulator = await EmulatorHarness.StartAsync(state);
            await using var relay = await ScriptedRelay.StartAsync(emulator.Server.BaseAddress, "ListAsynJobs", RelayStep.Throttle);
            var sink = emulator.Run(new[] { new AlbLeaveOperation("lb", null, Ids.LoadBalancer(1), new[] { Ids.Group(2) }) },
                EmulatorHarness.Settings(s => s.Wait = true), options: emulator.Options(o => { o.Endpoint = relay.Endpoint; o.Retry = new RetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(10) }; }));

            Assert.Empty(sink.Errors);
            Assert.Equal(RemovalStatus.Removed, Assert.Single(sink.Results).Status);
            Assert.Single(emulator.Server.GetJournal());
        }

        [Fact]
        public async Task An_accepted_detach_whose_follow_up_read_ran_out_of_retries_is_a_removal()
        {
            var state = new EmulatorState { Behavior = new BehaviorSettings { EndpointDetachMilliseconds = 100, EndpointCooldownMilliseconds = 100 } };
            state.VpcEndpoints.Add(new VpcEndpointState { EndpointId = Ids.Endpoint(1), RegionId = R, Status = "Active", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } });
            await using var emulator = await EmulatorHarness.StartAsync(state);
            await using var relay = await ScriptedRelay.StartAsync(emulator.Server.BaseAddress, "GetVpcEndpointAttribute", RelayStep.Throttle);
            var sink = emulator.Run(new[] { new PrivateLinkDetachOperation("ep", null, Ids.Endpoint(1), Ids.Group(2)) },
                EmulatorHarness.Settings(s => s.Wait = true), options: emulator.Options(o => { o.Endpoint = relay.Endpoint; o.Retry = new RetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(10) }; }));

            Assert.Empty(sink.Errors);
            Assert.Equal(RemovalStatus.Removed, Assert.Single(sink.Results).Status);
            Assert.Single(emulator.Server.GetJournal());
        }

        [Fact]
        public async Task A_plain_failure_with_every_answer_heard_is_not_second_guessed()
        {
            var (sink, emulator, relay) = await Run(false, RelayStep.Throttle);
            await using (emulator)
            await using (relay)
            {
                var error = Assert.Single(sink.Errors);
                Assert.Equal("Throttling.User", error.ErrorId);
                Assert.DoesNotContain("An earlier attempt got no answer", error.Message);
                Assert.Equal(0, emulator.RequestCount("DescribeInstances")); // no read: nothing was unknown
            }
        }
    }
}
