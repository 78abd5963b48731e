using System.Linq;
using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Engine;
using AlibabaSecurityGroup.Engine.Operations;
using AlibabaSecurityGroup.Engine.Sink;
using AlibabaSecurityGroup.Tests.Support;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Engine
{
    /// <summary>Bad input gets a clear error before any call, and the run goes on with the next item.</summary>
    public class ValidationTests
    {
        private const string R = EmulatorHarness.Region;

        private static EmulatorState State() => new EmulatorState
        {
            SecurityGroups = { new SecurityGroupState { SecurityGroupId = Ids.Group(1), RegionId = R }, new SecurityGroupState { SecurityGroupId = Ids.Group(2), RegionId = R } },
            Instances = { new InstanceState { InstanceId = Ids.Instance(1), RegionId = R, Status = "Running", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } } },
        };

        public static TheoryData<RemovalOperation, string> BadItems => new TheoryData<RemovalOperation, string>
        {
            { new EcsLeaveOperation("x", null, Ids.Group(2), Ids.Eni(1), null), "-NetworkInterfaceId" },
            { new EcsLeaveOperation("x", null, Ids.Group(2), null, Ids.Instance(1)), "-InstanceId" },
            { new EcsLeaveOperation("x", null, Ids.Instance(1), Ids.Instance(1), null), "-InstanceId" },
            { new EcsLeaveOperation("x", null, "", Ids.Instance(1), null), "-SecurityGroupId is empty" },
            { new EcsLeaveOperation("x", null, Ids.Group(2), "i-BP1UPPER", null), "malformed" },
            { new EcsLeaveOperation("x", null, Ids.Group(2), "i-bp1; rm -rf", null), "malformed" },
            { new EcsLeaveOperation("x", null, Ids.Group(2), "i-" + new string('a', 80), null), "too long" },
            { new EcsLeaveOperation("x", null, Ids.Group(2), "і-bp1cyrillic", null), "must start with 'i-'" },
            { new EcsLeaveOperation("x", "cn hangzhou", Ids.Group(2), Ids.Instance(1), null), "-Region" },
            { new AlbLeaveOperation("x", null, Ids.LoadBalancer(1), new string[0]), "give 1 to 4" },
            { new AlbLeaveOperation("x", null, Ids.LoadBalancer(1), new[] { Ids.Group(1), Ids.Group(2), Ids.Group(3), Ids.Group(4), Ids.Group(5) }), "at most 4" },
            { new AlbLeaveOperation("x", null, Ids.LoadBalancer(1), new[] { Ids.Group(1), Ids.Group(1) }), "more than once" },
            { new AlbLeaveOperation("x", null, Ids.Endpoint(1), new[] { Ids.Group(1) }), "-EndpointId" },
            { new AlbLeaveOperation("x", null, Ids.LoadBalancer(1), null), "give 1 to 4" },
            { new PrivateLinkDetachOperation("x", null, Ids.LoadBalancer(1), Ids.Group(1)), "-LoadBalancerId" },
            { new PrivateLinkDetachOperation("x", null, Ids.Endpoint(1), null), "-SecurityGroupId is empty" },
        };

        [Theory]
        [MemberData(nameof(BadItems))]
        public async Task A_bad_item_is_InvalidArgument_before_any_call(RemovalOperation bad, string messagePart)
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var sink = emulator.Run(new[] { bad });

            var error = Assert.Single(sink.Errors);
            Assert.Equal("InvalidArgument", error.ErrorId);
            Assert.Equal(EngineErrorCategory.InvalidArgument, error.Category);
            Assert.Contains(messagePart, error.Message);
            Assert.Same(bad.InputObject, error.TargetObject);
            Assert.Empty(sink.ShouldProcessCalls);
            Assert.Equal(0, emulator.TotalRequests);
        }

        [Fact]
        public async Task The_run_goes_on_after_a_bad_item()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var sink = emulator.Run(new RemovalOperation[]
            {
                new EcsLeaveOperation("bad", null, Ids.Group(2), "eni-bp1wrongkind", null),
                new EcsLeaveOperation("good", null, Ids.Group(2), Ids.Instance(1), null),
            });
            Assert.Equal("bad", Assert.Single(sink.Errors).TargetObject);
            Assert.Single(sink.Results);
            Assert.Single(emulator.Server.GetJournal());
        }

        [Fact]
        public async Task A_missing_region_is_one_configuration_error_before_any_item()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var e = Assert.Throws<AlibabaCloudException>(() =>
                RemovalEngine.Open(emulator.Options(o => o.RegionId = null), EmulatorHarness.Settings(), new RecordingSink()));
            Assert.Equal(ErrorKind.Configuration, e.Kind);
            Assert.Equal("MissingRegion", e.Code);
            Assert.Equal(0, emulator.TotalRequests);
        }

        [Fact]
        public async Task Missing_credentials_is_one_configuration_error_before_any_item()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var e = Assert.Throws<AlibabaCloudException>(() =>
                RemovalEngine.Open(emulator.Options(o => { o.AccessKeyId = null; o.AccessKeySecret = null; }), EmulatorHarness.Settings(), new RecordingSink()));
            Assert.Equal("MissingCredentials", e.Code);
            Assert.Equal(0, emulator.TotalRequests);
        }

        [Fact]
        public async Task An_unknown_profile_is_an_error_not_a_fall_through()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var e = Assert.Throws<AlibabaCloudException>(() =>
                RemovalEngine.Open(emulator.Options(o => { o.AccessKeyId = null; o.AccessKeySecret = null; o.ProfileName = "nope"; }), EmulatorHarness.Settings(), new RecordingSink()));
            Assert.Equal("ProfileNotFound", e.Code);
        }
    }
}
