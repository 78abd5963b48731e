using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Engine.Reading;
using AlibabaSecurityGroup.Engine.Session;
using AlibabaSecurityGroup.Model;
using AlibabaSecurityGroup.Tests.Support;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Engine
{
    /// <summary>The read side against the emulator: all pages, filters, and objects that feed the Remove- cmdlets.</summary>
    public class ReadTests
    {
        private const string R = EmulatorHarness.Region;

        private static EmulatorState State()
        {
            var state = new EmulatorState
            {
                SecurityGroups = { new SecurityGroupState { SecurityGroupId = Ids.Group(1), RegionId = R }, new SecurityGroupState { SecurityGroupId = Ids.Group(2), RegionId = R } },
                LoadBalancers = { new LoadBalancerState { LoadBalancerId = Ids.LoadBalancer(1), RegionId = R, Status = "Active", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } } },
                VpcEndpoints = { new VpcEndpointState { EndpointId = Ids.Endpoint(1), RegionId = R, Status = "Active", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } } },
            };
            // 250 instances: three pages of DescribeInstances at 100 a page.
            for (int i = 1; i <= 250; i++)
                state.Instances.Add(new InstanceState { InstanceId = Ids.Instance(i), RegionId = R, Status = "Running", SecurityGroupIds = i % 5 == 0 ? new() { Ids.Group(2) } : new() { Ids.Group(1), Ids.Group(2) } });
            state.NetworkInterfaces.Add(new NetworkInterfaceState { NetworkInterfaceId = Ids.Eni(1), RegionId = R, Type = "Secondary", Status = "Available", InstanceId = Ids.Instance(1), SecurityGroupIds = { Ids.Group(2) } });
            state.NetworkInterfaces.Add(new NetworkInterfaceState { NetworkInterfaceId = Ids.Eni(2), RegionId = R, Type = "Primary", Status = "InUse", InstanceId = Ids.Instance(2), SecurityGroupIds = { Ids.Group(2) } });
            return state;
        }

        private static T Read<T>(EmulatorHarness emulator, System.Func<MembershipReader, CancellationToken, Task<T>> read)
        {
            using var host = SessionHost.Open(emulator.Options(), new RecordingSink());
            return host.Run(ct => read(new MembershipReader(host.Session), ct), CancellationToken.None);
        }

        [Fact]
        public async Task Ecs_members_cover_every_page_and_show_the_last_group()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var members = Read(emulator, (r, ct) => r.EcsMembersAsync(R, Ids.Group(2), null, null, ct));

            var instances = members.OfType<EcsInstanceMembership>().ToList();
            Assert.Equal(250, instances.Count);
            Assert.Equal(250, instances.Select(i => i.InstanceId).Distinct().Count());
            Assert.Equal(50, instances.Count(i => i.SecurityGroupCount == 1));
            Assert.True(emulator.RequestCount("DescribeInstances") >= 3);
            // The secondary ENI is listed, with its instance as AttachedInstanceId; the primary ENI is not.
            var eni = Assert.Single(members.OfType<EcsNetworkInterfaceMembership>());
            Assert.Equal(Ids.Eni(1), eni.NetworkInterfaceId);
            Assert.Equal(Ids.Instance(1), eni.AttachedInstanceId);
            Assert.Equal("NetworkInterface", eni.ResourceType);
        }

        [Fact]
        public async Task Ecs_member_filters_narrow_the_listing()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var members = Read(emulator, (r, ct) => r.EcsMembersAsync(R, Ids.Group(1), new[] { Ids.Instance(3), Ids.Instance(5) }, null, ct));
            var only = Assert.Single(members);
            Assert.Equal(Ids.Instance(3), Assert.IsType<EcsInstanceMembership>(only).InstanceId);
            Assert.Equal(0, emulator.RequestCount("DescribeNetworkInterfaces"));
        }

        [Fact]
        public async Task Load_balancer_and_endpoint_groups_are_one_object_per_group()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var lb = Read(emulator, (r, ct) => r.LoadBalancerGroupsAsync(R, Ids.LoadBalancer(1), ct)).Cast<AlbSecurityGroupMembership>().ToList();
            Assert.Equal(new[] { Ids.Group(1), Ids.Group(2) }, lb.Select(m => m.SecurityGroupId));
            Assert.All(lb, m => Assert.Equal("Active", m.LoadBalancerStatus));
            var ep = Read(emulator, (r, ct) => r.EndpointGroupsAsync(R, Ids.Endpoint(1), ct)).Cast<EndpointSecurityGroupMembership>().ToList();
            Assert.Equal(new[] { Ids.Group(1), Ids.Group(2) }, ep.Select(m => m.SecurityGroupId));
            Assert.All(ep, m => Assert.Equal(R, m.Region));
        }

        [Fact]
        public void Read_objects_carry_the_property_names_the_Remove_cmdlets_bind()
        {
            // Binding by property name matches names; these are the removal cmdlets' parameter names.
            Assert.NotNull(typeof(EcsInstanceMembership).GetProperty("InstanceId"));
            Assert.NotNull(typeof(EcsInstanceMembership).GetProperty("SecurityGroupId"));
            Assert.NotNull(typeof(EcsInstanceMembership).GetProperty("Region"));
            Assert.NotNull(typeof(EcsNetworkInterfaceMembership).GetProperty("NetworkInterfaceId"));
            // An ENI object must not also offer InstanceId, or Remove-EcsSecurityGroupMember's parameter set is ambiguous.
            Assert.Null(typeof(EcsNetworkInterfaceMembership).GetProperty("InstanceId"));
            Assert.NotNull(typeof(AlbSecurityGroupMembership).GetProperty("LoadBalancerId"));
            Assert.NotNull(typeof(EndpointSecurityGroupMembership).GetProperty("EndpointId"));
        }
    }
}
