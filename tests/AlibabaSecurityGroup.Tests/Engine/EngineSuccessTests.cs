using System.Linq;
using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Engine.Operations;
using AlibabaSecurityGroup.Model;
using AlibabaSecurityGroup.Tests.Support;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Engine
{
    /// <summary>Each cmdlet's success path, through the engine, against the emulator over HTTP.</summary>
    public class EngineSuccessTests
    {
        private static EmulatorState State() => new EmulatorState
        {
            SecurityGroups = { Sg(1), Sg(2), Sg(3) },
            Instances = { new InstanceState { InstanceId = Ids.Instance(1), RegionId = EmulatorHarness.Region, Status = "Running", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } } },
            NetworkInterfaces = { new NetworkInterfaceState { NetworkInterfaceId = Ids.Eni(1), RegionId = EmulatorHarness.Region, Type = "Secondary", Status = "Available", SecurityGroupIds = { Ids.Group(1), Ids.Group(3) } } },
            LoadBalancers = { new LoadBalancerState { LoadBalancerId = Ids.LoadBalancer(1), RegionId = EmulatorHarness.Region, Status = "Active", SecurityGroupIds = { Ids.Group(1), Ids.Group(2), Ids.Group(3) } } },
            VpcEndpoints = { new VpcEndpointState { EndpointId = Ids.Endpoint(1), RegionId = EmulatorHarness.Region, Status = "Active", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } } },
            Behavior = new BehaviorSettings { AlbJobMilliseconds = 200, EndpointDetachMilliseconds = 200, EndpointCooldownMilliseconds = 300 },
        };

        private static SecurityGroupState Sg(int n) => new SecurityGroupState { SecurityGroupId = Ids.Group(n), RegionId = EmulatorHarness.Region, VpcId = "vpc-bp1test" };

        [Fact]
        public async Task An_instance_leaves_a_group()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var sink = emulator.Run(new[] { new EcsLeaveOperation("input", null, Ids.Group(2), Ids.Instance(1), null) });

            Assert.Empty(sink.Errors);
            var result = Assert.Single(sink.Results);
            Assert.Equal(RemovalStatus.Removed, result.Status);
            Assert.Equal(RemovalResourceType.Instance, result.ResourceType);
            Assert.Equal(Ids.Instance(1), result.ResourceId);
            Assert.Equal(new[] { Ids.Group(2) }, result.SecurityGroupId);
            Assert.Equal(EmulatorHarness.Region, result.Region);
            Assert.False(string.IsNullOrEmpty(result.RequestId));
            Assert.Equal(new[] { Ids.Group(1) }, emulator.Server.GetState().Instances.Single().SecurityGroupIds);
            var entry = Assert.Single(emulator.Server.GetJournal());
            Assert.Equal(Ids.Instance(1), entry.ResourceId);
            Assert.Equal(result.RequestId, entry.RequestId);
            Assert.Empty(sink.OffThreadCalls);
        }

        [Fact]
        public async Task A_network_interface_leaves_a_group()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var sink = emulator.Run(new[] { new EcsLeaveOperation("input", null, Ids.Group(3), null, Ids.Eni(1)) });

            Assert.Empty(sink.Errors);
            var result = Assert.Single(sink.Results);
            Assert.Equal(RemovalResourceType.NetworkInterface, result.ResourceType);
            Assert.Equal(RemovalStatus.Removed, result.Status);
            Assert.Equal(new[] { Ids.Group(1) }, emulator.Server.GetState().NetworkInterfaces.Single().SecurityGroupIds);
        }

        [Fact]
        public async Task An_alb_removal_without_wait_is_submitted_with_its_job_id()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var sink = emulator.Run(new[] { new AlbLeaveOperation("input", null, Ids.LoadBalancer(1), new[] { Ids.Group(2), Ids.Group(3) }) });

            Assert.Empty(sink.Errors);
            var result = Assert.Single(sink.Results);
            Assert.Equal(RemovalStatus.Submitted, result.Status);
            Assert.Equal(RemovalResourceType.LoadBalancer, result.ResourceType);
            Assert.False(string.IsNullOrEmpty(result.JobId));
            Assert.Equal(new[] { Ids.Group(2), Ids.Group(3) }, result.SecurityGroupId);
        }

        [Fact]
        public async Task An_alb_removal_with_wait_ends_removed_after_the_job_succeeds()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var sink = emulator.Run(new[] { new AlbLeaveOperation("input", null, Ids.LoadBalancer(1), new[] { Ids.Group(2) }) },
                EmulatorHarness.Settings(s => s.Wait = true));

            Assert.Empty(sink.Errors);
            var result = Assert.Single(sink.Results);
            Assert.Equal(RemovalStatus.Removed, result.Status);
            Assert.Equal(new[] { Ids.Group(1), Ids.Group(3) }, emulator.Server.GetState().LoadBalancers.Single().SecurityGroupIds);
            var entry = Assert.Single(emulator.Server.GetJournal());
            Assert.Equal(Ids.LoadBalancer(1), entry.ResourceId);
            Assert.True(emulator.RequestCount("ListAsynJobs") >= 1);
            // The wait was shown as a child bar under the run's bar, and both were completed.
            Assert.Contains(sink.Progress, p => p.ParentActivityId == 1 && p.Activity.Contains(result.JobId));
            Assert.Contains(sink.Progress, p => p.ActivityId == 1 && p.Completed);
        }

        [Fact]
        public async Task An_endpoint_detach_without_wait_is_submitted()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var sink = emulator.Run(new[] { new PrivateLinkDetachOperation("input", null, Ids.Endpoint(1), Ids.Group(2)) });

            Assert.Empty(sink.Errors);
            var result = Assert.Single(sink.Results);
            Assert.Equal(RemovalStatus.Submitted, result.Status);
            Assert.Equal(RemovalResourceType.VpcEndpoint, result.ResourceType);
            Assert.Null(result.JobId);
        }

        [Fact]
        public async Task An_endpoint_detach_with_wait_ends_when_the_group_is_gone_and_the_endpoint_is_active()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var sink = emulator.Run(new[] { new PrivateLinkDetachOperation("input", null, Ids.Endpoint(1), Ids.Group(2)) },
                EmulatorHarness.Settings(s => s.Wait = true));

            Assert.Empty(sink.Errors);
            Assert.Equal(RemovalStatus.Removed, Assert.Single(sink.Results).Status);
            var endpoint = emulator.Server.GetState().VpcEndpoints.Single();
            Assert.Equal(new[] { Ids.Group(1) }, endpoint.SecurityGroupIds);
            Assert.Equal("Active", endpoint.Status);
            Assert.Single(emulator.Server.GetJournal());
        }

        [Fact]
        public async Task Without_PassThru_success_writes_nothing()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var sink = emulator.Run(new[] { new EcsLeaveOperation("input", null, Ids.Group(2), Ids.Instance(1), null) },
                EmulatorHarness.Settings(s => s.PassThru = false));
            Assert.Empty(sink.Results);
            Assert.Empty(sink.Errors);
            Assert.Single(emulator.Server.GetJournal());
        }

        [Fact]
        public async Task Verbose_names_each_call_and_Debug_names_the_credential_and_region_sources()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var sink = emulator.Run(new[] { new EcsLeaveOperation("input", null, Ids.Group(2), Ids.Instance(1), null) });
            var line = Assert.Single(sink.Verbose, v => v.StartsWith("LeaveSecurityGroup"));
            Assert.Contains(Ids.Instance(1), line);
            Assert.Contains(Ids.Group(2), line);
            Assert.Contains(EmulatorHarness.Region, line);
            Assert.Contains("127.0.0.1", line);
            Assert.Contains("attempt 1", line);
            Assert.Contains(sink.Results.Single().RequestId, line);
            Assert.Contains(sink.Debug, d => d.StartsWith("Credentials: "));
            Assert.Contains(sink.Debug, d => d.StartsWith("Region: " + EmulatorHarness.Region));
        }
    }
}
