using System.Linq;
using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Cmdlets.Common;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Engine.Operations;
using AlibabaSecurityGroup.Tests.Support;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Cmdlets
{
    /// <summary>Session defaults (what Set-AlibabaCloudCredential/-Region store) feeding the credential chain.</summary>
    public class SessionDefaultsTests
    {
        private static SessionDefaults EmulatorKeys() => new SessionDefaults
        {
            AccessKeyId = EmulatorDefaults.AccessKeyId,
            AccessKeySecret = EmulatorDefaults.AccessKeySecret,
            RegionId = EmulatorHarness.Region,
        };

        [Fact]
        public async Task A_run_with_no_credentials_on_its_line_uses_the_session_defaults()
        {
            var state = new EmulatorState
            {
                SecurityGroups = { new SecurityGroupState { SecurityGroupId = Ids.Group(1), RegionId = EmulatorHarness.Region }, new SecurityGroupState { SecurityGroupId = Ids.Group(2), RegionId = EmulatorHarness.Region } },
                Instances = { new InstanceState { InstanceId = Ids.Instance(1), RegionId = EmulatorHarness.Region, Status = "Running", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } } },
            };
            await using var emulator = await EmulatorHarness.StartAsync(state);
            var options = emulator.Options(o => { o.AccessKeyId = null; o.AccessKeySecret = null; o.RegionId = null; o.SessionDefaults = EmulatorKeys(); });

            var sink = emulator.Run(new[] { new EcsLeaveOperation("in", null, Ids.Group(2), Ids.Instance(1), null) }, options: options);

            Assert.Empty(sink.Errors);
            Assert.Single(sink.Results);
            Assert.Contains(sink.Debug, d => d.StartsWith("Credentials: session defaults"));
            Assert.Contains(sink.Debug, d => d.StartsWith("Region: " + EmulatorHarness.Region) && d.Contains("session defaults"));
        }

        [Fact]
        public void Explicit_values_beat_the_session_defaults()
        {
            var summary = CredentialSummary.Describe(new ClientOptions
            {
                AccessKeyId = "LTAI5tExplicitKey0001",
                AccessKeySecret = "explicit-secret",
                SessionDefaults = EmulatorKeys(),
                Environment = new TestEnvironment(),
            });
            Assert.Equal("Explicit", summary.Source);
        }

        [Fact]
        public void The_credential_summary_shows_the_source_and_a_masked_key_but_never_the_secret()
        {
            var summary = CredentialSummary.Describe(new ClientOptions { SessionDefaults = EmulatorKeys(), Environment = new TestEnvironment() });
            Assert.Equal("Session", summary.Source);
            Assert.Equal("AK", summary.Mode);
            Assert.NotEqual(EmulatorDefaults.AccessKeyId, summary.MaskedAccessKeyId);
            Assert.StartsWith(EmulatorDefaults.AccessKeyId.Substring(0, 4), summary.MaskedAccessKeyId);
            var all = string.Join(" ", summary.Source, summary.Mode, summary.MaskedAccessKeyId, summary.ProfileName, summary.Description);
            Assert.DoesNotContain(EmulatorDefaults.AccessKeySecret, all);
        }

        [Fact]
        public void Clearing_the_credential_falls_back_to_the_environment()
        {
            var defaults = EmulatorKeys();
            defaults.ClearCredential();
            var env = new TestEnvironment()
                .Set(EnvironmentVariables.AccessKeyId, "LTAI5tFromEnvironment01")
                .Set(EnvironmentVariables.AccessKeySecret, "env-secret");
            var summary = CredentialSummary.Describe(new ClientOptions { SessionDefaults = defaults, Environment = env });
            Assert.Equal("Environment", summary.Source);
            Assert.Equal(EmulatorHarness.Region, defaults.RegionId); // clearing credentials keeps the region
        }

        [Fact]
        public void The_region_summary_says_where_the_region_comes_from_or_that_none_is_set()
        {
            var (region, source) = CredentialSummary.DescribeRegion(new ClientOptions { SessionDefaults = EmulatorKeys(), Environment = new TestEnvironment() });
            Assert.Equal(EmulatorHarness.Region, region);
            Assert.Contains("session", source);

            var none = CredentialSummary.DescribeRegion(new ClientOptions { Environment = new TestEnvironment() });
            Assert.Null(none.RegionId);
        }
    }
}
