using System.Linq;
using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Engine;
using AlibabaSecurityGroup.Engine.Operations;
using AlibabaSecurityGroup.Engine.Sink;
using AlibabaSecurityGroup.Model;
using AlibabaSecurityGroup.Tests.Support;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Engine
{
    /// <summary>-WhatIf: DryRun for ALB and PrivateLink, a read-only preflight for ECS; never a change.</summary>
    public class WhatIfTests
    {
        private const string R = EmulatorHarness.Region;

        private static EmulatorState State() => new EmulatorState
        {
            SecurityGroups = { Sg(1), Sg(2), Sg(3) },
            Instances =
            {
                new InstanceState { InstanceId = Ids.Instance(1), RegionId = R, Status = "Running", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } },
                new InstanceState { InstanceId = Ids.Instance(2), RegionId = R, Status = "Running", SecurityGroupIds = { Ids.Group(1) } },
                new InstanceState { InstanceId = Ids.Instance(3), RegionId = R, Status = "Starting", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } },
                new InstanceState { InstanceId = Ids.Instance(4), RegionId = R, Status = "Running", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) }, LockReason = "security" },
            },
            NetworkInterfaces =
            {
                new NetworkInterfaceState { NetworkInterfaceId = Ids.Eni(1), RegionId = R, Type = "Secondary", Status = "Available", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } },
                new NetworkInterfaceState { NetworkInterfaceId = Ids.Eni(2), RegionId = R, Type = "Secondary", Status = "Available", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) }, ServiceManaged = true },
            },
            LoadBalancers = { new LoadBalancerState { LoadBalancerId = Ids.LoadBalancer(1), RegionId = R, Status = "Active", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } } },
            VpcEndpoints = { new VpcEndpointState { EndpointId = Ids.Endpoint(1), RegionId = R, Status = "Active", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } } },
        };

        private static SecurityGroupState Sg(int n) => new SecurityGroupState { SecurityGroupId = Ids.Group(n), RegionId = R, VpcId = "vpc-bp1test" };

        public static TheoryData<RemovalOperation> Passing => new TheoryData<RemovalOperation>(PassingOperations());

        private static RemovalOperation[] PassingOperations() => new RemovalOperation[]
        {
            new EcsLeaveOperation("in", null, Ids.Group(2), Ids.Instance(1), null),
            new EcsLeaveOperation("in", null, Ids.Group(2), null, Ids.Eni(1)),
            new AlbLeaveOperation("in", null, Ids.LoadBalancer(1), new[] { Ids.Group(2) }),
            new PrivateLinkDetachOperation("in", null, Ids.Endpoint(1), Ids.Group(2)),
        };

        [Theory]
        [MemberData(nameof(Passing))]
        public async Task A_removal_that_would_succeed_reports_DryRunPassed_and_changes_nothing(RemovalOperation operation)
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var before = emulator.Server.GetState();
            var sink = emulator.Run(new[] { operation }, decision: ShouldProcessDecision.WhatIf);

            Assert.Empty(sink.Errors);
            Assert.Equal(RemovalStatus.DryRunPassed, Assert.Single(sink.Results).Status);
            Assert.Contains(sink.Verbose, v => v.StartsWith("What-if verdict") && v.Contains("would succeed"));
            Assert.Empty(emulator.Server.GetJournal());
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before), System.Text.Json.JsonSerializer.Serialize(emulator.Server.GetState()));
            Assert.Equal(0, emulator.RequestCount("LeaveSecurityGroup"));
        }

        [Fact]
        public async Task Alb_and_PrivateLink_rehearsals_send_DryRun_and_ECS_sends_only_Describe_calls()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            emulator.Run(PassingOperations(), decision: ShouldProcessDecision.WhatIf);
            var counts = emulator.Server.GetRequestCounts();
            Assert.Equal(1, counts["LoadBalancerLeaveSecurityGroup"]);
            Assert.Equal(1, counts["DetachSecurityGroupFromVpcEndpoint"]);
            Assert.False(counts.ContainsKey("LeaveSecurityGroup"));
            Assert.True(counts["DescribeInstances"] >= 1);
            Assert.True(counts["DescribeNetworkInterfaces"] >= 1);
        }

        public static TheoryData<RemovalOperation, string> Failing => new TheoryData<RemovalOperation, string>
        {
            { new EcsLeaveOperation("in", null, Ids.Group(2), Ids.Instance(9), null), "InvalidInstanceId.NotFound" },
            { new EcsLeaveOperation("in", null, Ids.Group(1), Ids.Instance(2), null), "InstanceLastSecurityGroup" },
            { new EcsLeaveOperation("in", null, Ids.Group(2), Ids.Instance(3), null), "IncorrectInstanceStatus" },
            { new EcsLeaveOperation("in", null, Ids.Group(2), Ids.Instance(4), null), "InstanceLockedForSecurity" },
            { new EcsLeaveOperation("in", null, Ids.Group(3), Ids.Instance(1), null), "InvalidSecurityGroupAssociation.NotFound" },
            { new EcsLeaveOperation("in", null, Ids.Group(9), Ids.Instance(1), null), "InvalidSecurityGroupId.NotFound" },
            { new EcsLeaveOperation("in", null, Ids.Group(2), null, Ids.Eni(9)), "InvalidEniId.NotFound" },
            { new EcsLeaveOperation("in", null, Ids.Group(2), null, Ids.Eni(2)), "InvalidOperation.EniServiceManaged" },
            { new AlbLeaveOperation("in", null, Ids.LoadBalancer(9), new[] { Ids.Group(2) }), "ResourceNotFound.LoadBalancer" },
            { new AlbLeaveOperation("in", null, Ids.LoadBalancer(1), new[] { Ids.Group(3) }), "ResourceNotAssociated.SecurityGroup" },
            { new PrivateLinkDetachOperation("in", null, Ids.Endpoint(9), Ids.Group(2)), "EndpointNotFound" },
        };

        [Theory]
        [MemberData(nameof(Failing))]
        public async Task A_removal_that_would_fail_reports_the_services_code_and_changes_nothing(RemovalOperation operation, string code)
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var sink = emulator.Run(new[] { operation }, decision: ShouldProcessDecision.WhatIf);

            Assert.Empty(sink.Results);
            var error = Assert.Single(sink.Errors);
            Assert.Equal(code, error.ErrorId);
            Assert.Same(operation.InputObject, error.TargetObject);
            Assert.Contains(sink.Verbose, v => v.StartsWith("What-if verdict") && v.Contains("would fail with " + code));
            Assert.Empty(emulator.Server.GetJournal());
            Assert.Equal(0, emulator.RequestCount("LeaveSecurityGroup"));
        }

        [Fact]
        public async Task Declining_at_Confirm_skips_the_item_without_any_call()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var sink = emulator.Run(new[] { new EcsLeaveOperation("in", null, Ids.Group(2), Ids.Instance(1), null) }, decision: ShouldProcessDecision.Skip);
            Assert.Empty(sink.Results);
            Assert.Empty(sink.Errors);
            Assert.Single(sink.ShouldProcessCalls);
            Assert.Equal(0, emulator.TotalRequests);
        }

        [Fact]
        public async Task ShouldProcess_names_the_resource_region_and_groups()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var sink = emulator.Run(new[] { new AlbLeaveOperation("in", null, Ids.LoadBalancer(1), new[] { Ids.Group(2) }) }, decision: ShouldProcessDecision.WhatIf);
            var call = Assert.Single(sink.ShouldProcessCalls);
            Assert.Contains(Ids.LoadBalancer(1), call);
            Assert.Contains(Ids.Group(2), call);
            Assert.Contains(R, call);
        }
    }
}
