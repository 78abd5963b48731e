using System.IO;
using System.Linq;
using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Cmdlets.Completion;
using AlibabaSecurityGroup.Engine.Validation;
using AlibabaSecurityGroup.Tests.Support;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Cmdlets
{
    /// <summary>The logic behind tab completion (the IArgumentCompleter shells only wrap these in CompletionResults).</summary>
    public class CompletionTests
    {
        [Fact]
        public void Matching_is_a_case_insensitive_prefix_match_that_ignores_quotes()
        {
            var candidates = new[] { "cn-hangzhou", "cn-shanghai", "ap-southeast-1", "cn-hangzhou" };
            Assert.Equal(new[] { "cn-hangzhou", "cn-shanghai" }, CompletionMatcher.Match(candidates, "'CN-"));
            Assert.Equal(new[] { "ap-southeast-1", "cn-hangzhou", "cn-shanghai" }, CompletionMatcher.Match(candidates, ""));
            Assert.Empty(CompletionMatcher.Match(candidates, "eu-"));
        }

        [Fact]
        public void Region_candidates_are_well_formed_region_ids()
        {
            Assert.Contains("cn-hangzhou", KnownRegions.All);
            Assert.All(KnownRegions.All, r => Assert.Null(RegionRules.Problem(r)));
        }

        [Fact]
        public void Profile_candidates_come_from_the_cli_config_file_and_are_silent_without_one()
        {
            var env = new TestEnvironment();
            Assert.Empty(ProfileCompleter.ProfileNames(env));

            Directory.CreateDirectory(Path.Combine(env.HomeDirectory, ".aliyun"));
            File.WriteAllText(Path.Combine(env.HomeDirectory, ".aliyun", "config.json"),
                "{\"current\":\"dev\",\"profiles\":[{\"name\":\"dev\",\"mode\":\"AK\",\"access_key_id\":\"a\",\"access_key_secret\":\"b\"}," +
                "{\"name\":\"prod\",\"mode\":\"StsToken\",\"access_key_id\":\"c\",\"access_key_secret\":\"d\",\"sts_token\":\"e\"}]}");
            Assert.Equal(new[] { "dev", "prod" }, ProfileCompleter.ProfileNames(env));

            File.WriteAllText(Path.Combine(env.HomeDirectory, ".aliyun", "config.json"), "{ not json");
            Assert.Empty(ProfileCompleter.ProfileNames(env));
        }

        [Fact]
        public async Task Live_ids_come_from_the_service_and_are_cached()
        {
            var state = new EmulatorState();
            for (int g = 1; g <= 3; g++) state.SecurityGroups.Add(new SecurityGroupState { SecurityGroupId = Ids.Group(g), RegionId = EmulatorHarness.Region });
            await using var emulator = await EmulatorHarness.StartAsync(state);
            var lookup = new LiveIdLookup();

            var first = lookup.Find(emulator.Options(), IdKind.SecurityGroup, LiveIdLookup.DefaultTimeout);
            var second = lookup.Find(emulator.Options(), IdKind.SecurityGroup, LiveIdLookup.DefaultTimeout);

            Assert.Equal(new[] { Ids.Group(1), Ids.Group(2), Ids.Group(3) }, first.OrderBy(x => x));
            Assert.Equal(first, second);
            Assert.Equal(1, emulator.RequestCount("DescribeSecurityGroups"));
        }

        [Fact]
        public async Task Live_load_balancer_and_endpoint_ids_come_from_their_listings()
        {
            var state = new EmulatorState
            {
                LoadBalancers = { new LoadBalancerState { LoadBalancerId = Ids.LoadBalancer(1), RegionId = EmulatorHarness.Region, Status = "Active", SecurityGroupIds = { Ids.Group(1) } } },
                VpcEndpoints = { new VpcEndpointState { EndpointId = Ids.Endpoint(1), RegionId = EmulatorHarness.Region, Status = "Active", SecurityGroupIds = { Ids.Group(1) } } },
            };
            await using var emulator = await EmulatorHarness.StartAsync(state);
            var lookup = new LiveIdLookup();
            Assert.Equal(new[] { Ids.LoadBalancer(1) }, lookup.Find(emulator.Options(), IdKind.LoadBalancer, LiveIdLookup.DefaultTimeout));
            Assert.Equal(new[] { Ids.Endpoint(1) }, lookup.Find(emulator.Options(), IdKind.VpcEndpoint, LiveIdLookup.DefaultTimeout));
        }

        [Fact]
        public async Task Live_completion_is_silent_without_credentials_or_with_a_dead_endpoint()
        {
            await using var emulator = await EmulatorHarness.StartAsync(new EmulatorState());
            var lookup = new LiveIdLookup();
            Assert.Empty(lookup.Find(emulator.Options(o => { o.AccessKeyId = null; o.AccessKeySecret = null; }), IdKind.SecurityGroup, LiveIdLookup.DefaultTimeout));
            Assert.Empty(lookup.Find(emulator.Options(o => o.Endpoint = "http://127.0.0.1:9"), IdKind.SecurityGroup, LiveIdLookup.DefaultTimeout));
            Assert.Empty(lookup.Find(emulator.Options(o => o.AccessKeySecret = "wrong"), IdKind.SecurityGroup, LiveIdLookup.DefaultTimeout));
            Assert.Equal(0, emulator.RequestCount("LeaveSecurityGroup"));
        }
    }
}
