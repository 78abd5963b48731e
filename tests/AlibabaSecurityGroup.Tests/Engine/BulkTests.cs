using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Engine;
using AlibabaSecurityGroup.Engine.Operations;
using AlibabaSecurityGroup.Model;
using AlibabaSecurityGroup.Tests.Support;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Engine
{
    /// <summary>Bulk runs: concurrency, one change at a time per load balancer / endpoint, throttling, exactly-once.</summary>
    public class BulkTests
    {
        private const string R = EmulatorHarness.Region;

        /// <summary>120 instances, 10 load balancers x 3 groups, 10 endpoints x 5 groups = 200 removals.</summary>
        private static (EmulatorState State, List<RemovalOperation> Operations) MixedRun()
        {
            var state = new EmulatorState
            {
                Behavior = new BehaviorSettings { AlbJobMilliseconds = 60, EndpointDetachMilliseconds = 60, EndpointCooldownMilliseconds = 150 },
            };
            for (int g = 1; g <= 8; g++) state.SecurityGroups.Add(new SecurityGroupState { SecurityGroupId = Ids.Group(g), RegionId = R, VpcId = "vpc-bp1test" });
            var ops = new List<RemovalOperation>();
            for (int i = 1; i <= 120; i++)
            {
                state.Instances.Add(new InstanceState { InstanceId = Ids.Instance(i), RegionId = R, Status = i % 2 == 0 ? "Running" : "Stopped", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } });
                ops.Add(new EcsLeaveOperation("i" + i, null, Ids.Group(2), Ids.Instance(i), null));
            }
            for (int lb = 1; lb <= 10; lb++)
            {
                state.LoadBalancers.Add(new LoadBalancerState { LoadBalancerId = Ids.LoadBalancer(lb), RegionId = R, Status = "Active", SecurityGroupIds = { Ids.Group(1), Ids.Group(2), Ids.Group(3), Ids.Group(4) } });
                for (int g = 2; g <= 4; g++) ops.Add(new AlbLeaveOperation("lb" + lb + "-" + g, null, Ids.LoadBalancer(lb), new[] { Ids.Group(g) }));
            }
            for (int ep = 1; ep <= 10; ep++)
            {
                state.VpcEndpoints.Add(new VpcEndpointState { EndpointId = Ids.Endpoint(ep), RegionId = R, Status = "Active", SecurityGroupIds = { Ids.Group(1), Ids.Group(2), Ids.Group(3), Ids.Group(4), Ids.Group(5), Ids.Group(6) } });
                for (int g = 2; g <= 6; g++) ops.Add(new PrivateLinkDetachOperation("ep" + ep + "-" + g, null, Ids.Endpoint(ep), Ids.Group(g)));
            }
            // Interleave so items on one resource arrive back to back with others between them.
            var shuffled = ops.OrderBy(o => (o.ResourceId.GetHashCode() & 0x7fff) ^ o.SecurityGroupIds[0].GetHashCode()).ToList();
            return (state, shuffled);
        }

        [Fact]
        public async Task Two_hundred_mixed_removals_at_ThrottleLimit_8_all_succeed_exactly_once()
        {
            var (state, ops) = MixedRun();
            await using var emulator = await EmulatorHarness.StartAsync(state);
            var sink = emulator.Run(ops, EmulatorHarness.Settings(s => { s.ThrottleLimit = 8; s.Wait = true; }));

            Assert.Empty(sink.Errors);
            Assert.Equal(200, sink.Results.Count);
            Assert.All(sink.Results, r => Assert.Equal(RemovalStatus.Removed, r.Status));
            Assert.Empty(sink.OffThreadCalls);

            // Each (resource, group) removal happened once, and none collided with a running change on the same
            // load balancer or endpoint (that would have surfaced as IncorrectStatus / EndpointOperationDenied).
            var journal = emulator.Server.GetJournal();
            var removals = journal.SelectMany(j => j.SecurityGroupIds.Select(g => j.ResourceId + "/" + g)).ToList();
            Assert.Equal(200, removals.Count);
            Assert.Equal(200, removals.Distinct().Count());
            var final = emulator.Server.GetState();
            Assert.All(final.LoadBalancers, lb => Assert.Equal(new[] { Ids.Group(1) }, lb.SecurityGroupIds));
            Assert.All(final.VpcEndpoints, ep => Assert.Equal(new[] { Ids.Group(1) }, ep.SecurityGroupIds));
            Assert.All(final.Instances, i => Assert.Equal(new[] { Ids.Group(1) }, i.SecurityGroupIds));
        }

        [Fact]
        public async Task Without_Wait_the_next_change_to_a_load_balancer_still_waits_for_the_previous_job()
        {
            var state = new EmulatorState { Behavior = new BehaviorSettings { AlbJobMilliseconds = 300 } };
            for (int g = 1; g <= 4; g++) state.SecurityGroups.Add(new SecurityGroupState { SecurityGroupId = Ids.Group(g), RegionId = R, VpcId = "vpc-bp1test" });
            state.LoadBalancers.Add(new LoadBalancerState { LoadBalancerId = Ids.LoadBalancer(1), RegionId = R, Status = "Active", SecurityGroupIds = { Ids.Group(1), Ids.Group(2), Ids.Group(3), Ids.Group(4) } });
            await using var emulator = await EmulatorHarness.StartAsync(state);

            var ops = Enumerable.Range(2, 3).Select(g => (RemovalOperation)new AlbLeaveOperation("g" + g, null, Ids.LoadBalancer(1), new[] { Ids.Group(g) }));
            var sink = emulator.Run(ops, EmulatorHarness.Settings(s => s.ThrottleLimit = 8));

            Assert.Empty(sink.Errors);
            Assert.Equal(3, sink.Results.Count);
            Assert.All(sink.Results, r => Assert.Equal(RemovalStatus.Submitted, r.Status));
            Assert.Equal(3, sink.Results.Select(r => r.JobId).Distinct().Count());
            // Only three change requests: none was refused with IncorrectStatus.LoadBalancer and retried.
            Assert.Equal(3, emulator.RequestCount("LoadBalancerLeaveSecurityGroup"));
        }

        [Fact]
        public async Task Twenty_percent_throttling_still_removes_every_membership_exactly_once()
        {
            var state = new EmulatorState();
            state.SecurityGroups.Add(new SecurityGroupState { SecurityGroupId = Ids.Group(1), RegionId = R, VpcId = "vpc-bp1test" });
            state.SecurityGroups.Add(new SecurityGroupState { SecurityGroupId = Ids.Group(2), RegionId = R, VpcId = "vpc-bp1test" });
            var ops = new List<RemovalOperation>();
            for (int i = 1; i <= 150; i++)
            {
                state.Instances.Add(new InstanceState { InstanceId = Ids.Instance(i), RegionId = R, Status = "Running", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } });
                ops.Add(new EcsLeaveOperation(i, null, Ids.Group(2), Ids.Instance(i), null));
            }
            await using var emulator = await EmulatorHarness.StartAsync(state);
            emulator.Server.SetFaults(new FaultSettings { ThrottleRate = 0.2, Seed = 42 });

            var sink = new RecordingSink();
            long throttled;
            using (var engine = RemovalEngine.Open(emulator.Options(), EmulatorHarness.Settings(s => s.ThrottleLimit = 8), sink))
            {
                foreach (var op in ops) engine.Submit(op);
                engine.Complete();
                throttled = engine.Session.Statistics.ThrottledAttempts;
            }

            Assert.Empty(sink.Errors);
            Assert.Equal(150, sink.Results.Count);
            Assert.True(throttled > 0, "the emulator should have throttled some calls");
            Assert.True(emulator.RequestCount("LeaveSecurityGroup") > 150);
            var journal = emulator.Server.GetJournal();
            Assert.Equal(150, journal.Count);
            Assert.Equal(150, journal.Select(j => j.ResourceId).Distinct().Count());
        }

        [Fact]
        public async Task Connection_resets_never_lose_or_double_a_removal()
        {
            var state = new EmulatorState();
            state.SecurityGroups.Add(new SecurityGroupState { SecurityGroupId = Ids.Group(1), RegionId = R, VpcId = "vpc-bp1test" });
            state.SecurityGroups.Add(new SecurityGroupState { SecurityGroupId = Ids.Group(2), RegionId = R, VpcId = "vpc-bp1test" });
            var ops = new List<RemovalOperation>();
            for (int i = 1; i <= 80; i++)
            {
                state.Instances.Add(new InstanceState { InstanceId = Ids.Instance(i), RegionId = R, Status = "Running", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } });
                ops.Add(new EcsLeaveOperation(i, null, Ids.Group(2), Ids.Instance(i), null));
            }
            await using var emulator = await EmulatorHarness.StartAsync(state);
            emulator.Server.SetFaults(new FaultSettings { ResetRate = 0.3, Seed = 5 });

            var sink = emulator.Run(ops, EmulatorHarness.Settings(s => s.ThrottleLimit = 8));

            Assert.Empty(sink.Errors);
            Assert.Equal(80, sink.Results.Count);
            Assert.Equal(80, emulator.Server.GetJournal().Select(j => j.ResourceId).Distinct().Count());
            Assert.Equal(80, emulator.Server.GetJournal().Count);
            // Some reset happened after the emulator applied the change: the retry heard "not a member" and that
            // counted as success.
            Assert.Contains(sink.Verbose, v => v.Contains("the earlier attempt did it"));
        }
    }
}
