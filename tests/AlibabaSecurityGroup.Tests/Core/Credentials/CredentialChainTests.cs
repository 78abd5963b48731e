using System;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Credentials;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Tests.Core.TestSupport;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Core.Credentials
{
    public class CredentialChainTests
    {
        internal sealed class Session : ISessionDefaults
        {
            public string AccessKeyId { get; set; }
            public string AccessKeySecret { get; set; }
            public string SecurityToken { get; set; }
            public string ProfileName { get; set; }
            public string RegionId { get; set; }
        }

        private const string Config = @"{
  ""current"": ""main"",
  ""profiles"": [
    { ""name"": ""main"", ""mode"": ""AK"", ""access_key_id"": ""LTAI5tMainProfileKey1"", ""access_key_secret"": ""main-profile-secret-1"", ""region_id"": ""cn-beijing"" },
    { ""name"": ""noregion"", ""mode"": ""AK"", ""access_key_id"": ""LTAI5tNoRegionKey0002"", ""access_key_secret"": ""noregion-secret-0002"" },
    { ""name"": ""legacy"", ""access_key_id"": ""LTAI5tLegacyNoMode003"", ""access_key_secret"": ""legacy-secret-0003"", ""region_id"": ""cn-qingdao"" },
    { ""name"": ""sts"", ""mode"": ""StsToken"", ""access_key_id"": ""STS.ProfileTokenKey04"", ""access_key_secret"": ""sts-profile-secret-04"", ""sts_token"": ""sts-profile-token-0004"", ""region_id"": ""cn-shenzhen"" },
    { ""name"": ""oidc"", ""mode"": ""OIDC"", ""region_id"": ""cn-hangzhou"" },
    { ""name"": ""broken"", ""mode"": ""AK"", ""access_key_id"": ""LTAI5tBrokenNoSecret5"" },
    { ""name"": ""ecs"", ""mode"": ""EcsRamRole"", ""ram_role_name"": ""my-role"", ""region_id"": ""cn-hangzhou"" }
  ]
}";

        private static ClientOptions Options(TestEnvironment env) => new ClientOptions { Environment = env, Clock = new FakeClock() };

        private static AlibabaCredentials Keys(ResolvedConfiguration c) => c.Credentials.GetCredentialsAsync(CancellationToken.None).GetAwaiter().GetResult();

        [Fact]
        public void Explicit_keys_win_over_everything()
        {
            using var env = new TestEnvironment().WriteConfig(Config);
            env.Set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tEnvironmentKey01").Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret-value-01");
            var o = Options(env);
            o.AccessKeyId = "LTAI5tExplicitKeyId01";
            o.AccessKeySecret = "explicit-secret-value-01";
            o.ProfileName = "main";
            o.SessionDefaults = new Session { AccessKeyId = "LTAI5tSessionKey00001", AccessKeySecret = "session-secret-00001" };

            var c = ClientConfiguration.Resolve(o);
            Assert.Equal("LTAI5tExplicitKeyId01", Keys(c).AccessKeyId);
            Assert.Equal("explicit parameters (key LTAI****Id01)", c.CredentialSource);
            // The named profile still supplies the region.
            Assert.Equal("cn-beijing", c.RegionId);
            Assert.Equal("region_id of profile 'main'", c.RegionSource);
        }

        [Fact]
        public void Explicit_security_token_makes_sts_credentials()
        {
            using var env = new TestEnvironment();
            var o = Options(env);
            o.AccessKeyId = "STS.ExplicitTokenKey1";
            o.AccessKeySecret = "explicit-sts-secret-1";
            o.SecurityToken = "explicit-sts-token-value-1";
            o.RegionId = "cn-hangzhou";
            var c = ClientConfiguration.Resolve(o);
            Assert.Equal("explicit-sts-token-value-1", Keys(c).SecurityToken);
            Assert.Contains("STS token", c.CredentialSource);
        }

        [Theory]
        [InlineData("LTAI5tOnlyKeyId000001", null, null)]
        [InlineData(null, "only-a-secret-value", null)]
        [InlineData(null, null, "only-a-token-value")]
        public void Incomplete_explicit_keys_are_an_error_not_a_fall_through(string id, string secret, string token)
        {
            using var env = new TestEnvironment().WriteConfig(Config);
            var o = Options(env);
            o.AccessKeyId = id; o.AccessKeySecret = secret; o.SecurityToken = token;
            var e = Assert.Throws<AlibabaCloudException>(() => ClientConfiguration.Resolve(o));
            Assert.Equal("MissingCredentials", e.Code);
            Assert.Equal(ErrorKind.Configuration, e.Kind);
            Assert.Contains("explicit parameters", e.Message);
            if (secret != null) Assert.DoesNotContain(secret, e.Message);
            if (token != null) Assert.DoesNotContain(token, e.Message);
        }

        [Fact]
        public void Named_profile_beats_session_and_environment()
        {
            using var env = new TestEnvironment().WriteConfig(Config);
            env.Set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tEnvironmentKey01").Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret-value-01");
            var o = Options(env);
            o.ProfileName = "sts";
            o.SessionDefaults = new Session { AccessKeyId = "LTAI5tSessionKey00001", AccessKeySecret = "session-secret-00001", RegionId = "eu-central-1" };
            var c = ClientConfiguration.Resolve(o);
            var k = Keys(c);
            Assert.Equal("STS.ProfileTokenKey04", k.AccessKeyId);
            Assert.Equal("sts-profile-token-0004", k.SecurityToken);
            Assert.StartsWith("profile 'sts' (StsToken) in " + env.ConfigPath, c.CredentialSource);
            Assert.Equal("cn-shenzhen", c.RegionId); // named profile's region beats the session default
            Assert.Equal("sts", c.ProfileName);
        }

        [Fact]
        public void A_missing_named_profile_is_an_error_even_with_other_sources()
        {
            using var env = new TestEnvironment().WriteConfig(Config);
            env.Set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tEnvironmentKey01").Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret-value-01");
            var o = Options(env);
            o.ProfileName = "nope";
            var e = Assert.Throws<AlibabaCloudException>(() => ClientConfiguration.Resolve(o));
            Assert.Equal("ProfileNotFound", e.Code);
            Assert.Contains("'nope'", e.Message);
            Assert.Contains("'main'", e.Message); // lists what exists
        }

        [Fact]
        public void A_named_profile_without_a_profile_file_is_an_error()
        {
            using var env = new TestEnvironment();
            var o = Options(env);
            o.ProfileName = "dev";
            var e = Assert.Throws<AlibabaCloudException>(() => ClientConfiguration.Resolve(o));
            Assert.Equal("ProfileNotFound", e.Code);
            Assert.Contains(env.ConfigPath, e.Message);
        }

        [Fact]
        public void Session_defaults_come_before_the_environment()
        {
            using var env = new TestEnvironment().WriteConfig(Config);
            env.Set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tEnvironmentKey01").Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret-value-01")
               .Set("ALIBABA_CLOUD_REGION_ID", "us-west-1");
            var o = Options(env);
            o.SessionDefaults = new Session { AccessKeyId = "LTAI5tSessionKey00001", AccessKeySecret = "session-secret-00001", RegionId = "eu-central-1" };
            var c = ClientConfiguration.Resolve(o);
            Assert.Equal("LTAI5tSessionKey00001", Keys(c).AccessKeyId);
            Assert.StartsWith("session defaults", c.CredentialSource);
            Assert.Equal("eu-central-1", c.RegionId);
            Assert.Equal("the session defaults", c.RegionSource);
        }

        [Fact]
        public void Session_default_profile_must_exist()
        {
            using var env = new TestEnvironment().WriteConfig(Config);
            var o = Options(env);
            o.SessionDefaults = new Session { ProfileName = "legacy" };
            var c = ClientConfiguration.Resolve(o);
            Assert.Equal("LTAI5tLegacyNoMode003", Keys(c).AccessKeyId);
            Assert.StartsWith("profile 'legacy' (AK)", c.CredentialSource); // no mode = AK, as the CLI reads it
            Assert.Equal("cn-qingdao", c.RegionId);

            o.SessionDefaults = new Session { ProfileName = "gone" };
            Assert.Equal("ProfileNotFound", Assert.Throws<AlibabaCloudException>(() => ClientConfiguration.Resolve(o)).Code);
        }

        [Fact]
        public void Environment_keys_and_token_come_before_profiles()
        {
            using var env = new TestEnvironment().WriteConfig(Config);
            env.Set("ALIBABA_CLOUD_ACCESS_KEY_ID", "STS.EnvironmentKey001").Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret-value-01")
               .Set("ALIBABA_CLOUD_SECURITY_TOKEN", "env-security-token-01");
            var c = ClientConfiguration.Resolve(Options(env));
            var k = Keys(c);
            Assert.Equal("STS.EnvironmentKey001", k.AccessKeyId);
            Assert.Equal("env-security-token-01", k.SecurityToken);
            Assert.Equal("environment variables (STS token, key STS.****y001)", c.CredentialSource);
            // No region anywhere but the current profile: the CLI's default region is used.
            Assert.Equal("cn-beijing", c.RegionId);
        }

        [Fact]
        public void Incomplete_environment_keys_are_an_error()
        {
            using var env = new TestEnvironment().WriteConfig(Config);
            env.Set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tEnvironmentKey01");
            var e = Assert.Throws<AlibabaCloudException>(() => ClientConfiguration.Resolve(Options(env)));
            Assert.Equal("MissingCredentials", e.Code);
            Assert.Contains("environment variables", e.Message);
        }

        [Fact]
        public void Alibaba_cloud_profile_variable_names_the_profile_and_must_exist()
        {
            using var env = new TestEnvironment().WriteConfig(Config);
            env.Set("ALIBABA_CLOUD_PROFILE", "noregion").Set("ALIBABA_CLOUD_REGION_ID", "ap-southeast-1");
            var c = ClientConfiguration.Resolve(Options(env));
            Assert.Equal("LTAI5tNoRegionKey0002", Keys(c).AccessKeyId);
            Assert.Equal("ap-southeast-1", c.RegionId);
            Assert.Equal("environment variable ALIBABA_CLOUD_REGION_ID", c.RegionSource);

            env.Set("ALIBABA_CLOUD_PROFILE", "missing");
            var e = Assert.Throws<AlibabaCloudException>(() => ClientConfiguration.Resolve(Options(env)));
            Assert.Equal("ProfileNotFound", e.Code);
            Assert.Contains("ALIBABA_CLOUD_PROFILE", e.Message);
        }

        [Fact]
        public void Current_profile_is_the_last_configured_source()
        {
            using var env = new TestEnvironment().WriteConfig(Config);
            var c = ClientConfiguration.Resolve(Options(env));
            Assert.Equal("LTAI5tMainProfileKey1", Keys(c).AccessKeyId);
            Assert.Equal("profile 'main' (AK) in " + env.ConfigPath + " (key LTAI****Key1)", c.CredentialSource);
            Assert.Equal("cn-beijing", c.RegionId);
            Assert.Equal("region_id of profile 'main'", c.RegionSource);
        }

        [Fact]
        public void A_current_profile_that_does_not_exist_falls_through()
        {
            using var env = new TestEnvironment().WriteConfig(Config.Replace("\"current\": \"main\"", "\"current\": \"ghost\""));
            var e = Assert.Throws<AlibabaCloudException>(() => ClientConfiguration.Resolve(Options(env)));
            Assert.Equal("MissingCredentials", e.Code);
            Assert.Contains("'ghost' does not exist", e.Message);
        }

        [Fact]
        public void Unsupported_modes_and_incomplete_profiles_are_invalid()
        {
            using var env = new TestEnvironment().WriteConfig(Config);
            var o = Options(env);
            o.ProfileName = "oidc";
            var e = Assert.Throws<AlibabaCloudException>(() => ClientConfiguration.Resolve(o));
            Assert.Equal("InvalidProfile", e.Code);
            Assert.Contains("mode 'OIDC' is not supported", e.Message);

            o.ProfileName = "broken";
            e = Assert.Throws<AlibabaCloudException>(() => ClientConfiguration.Resolve(o));
            Assert.Equal("InvalidProfile", e.Code);
            Assert.Contains("access_key_secret", e.Message);
        }

        [Fact]
        public void A_profile_file_that_is_not_json_is_invalid()
        {
            using var env = new TestEnvironment().WriteConfig("{ \"current\": \"main\", \"profiles\": [ { \"name\": \"main\", \"access_key_secret\": \"leaky-secret-123\" ");
            var e = Assert.Throws<AlibabaCloudException>(() => ClientConfiguration.Resolve(Options(env)));
            Assert.Equal("InvalidProfile", e.Code);
            Assert.Contains("not valid JSON", e.Message);
            Assert.DoesNotContain("leaky-secret-123", e.Message);
        }

        [Fact]
        public void No_credentials_anywhere_lists_what_was_tried_and_how_to_fix_it()
        {
            using var env = new TestEnvironment();
            var e = Assert.Throws<AlibabaCloudException>(() => ClientConfiguration.Resolve(Options(env)));
            Assert.Equal("MissingCredentials", e.Code);
            Assert.Equal(ErrorKind.Configuration, e.Kind);
            Assert.Contains("ALIBABA_CLOUD_ACCESS_KEY_ID", e.Message);
            Assert.Contains(env.ConfigPath, e.Message);
            Assert.Contains("ECS instance RAM role (disabled by ALIBABA_CLOUD_ECS_METADATA_DISABLED)", e.Message);
            Assert.Contains("aliyun configure", e.Message);
        }

        [Fact]
        public void Without_a_metadata_service_the_ecs_step_is_skipped_quickly()
        {
            using var env = new TestEnvironment(disableEcsMetadata: false);
            var o = Options(env);
            o.MetadataEndpoint = new Uri("http://127.0.0.1:" + FakeHttpServer.FreePort() + "/"); // nothing listens: refused at once
            var e = Assert.Throws<AlibabaCloudException>(() => ClientConfiguration.Resolve(o));
            Assert.Equal("MissingCredentials", e.Code);
            Assert.Contains("no metadata service answered", e.Message);

            // The verdict is remembered: the next resolution does not probe again.
            e = Assert.Throws<AlibabaCloudException>(() => ClientConfiguration.Resolve(o));
            Assert.Contains("a moment ago", e.Message);
        }

        [Fact]
        public void Missing_region_is_a_configuration_error()
        {
            using var env = new TestEnvironment();
            env.Set("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAI5tEnvironmentKey01").Set("ALIBABA_CLOUD_ACCESS_KEY_SECRET", "env-secret-value-01");
            var e = Assert.Throws<AlibabaCloudException>(() => ClientConfiguration.Resolve(Options(env)));
            Assert.Equal("MissingRegion", e.Code);
            Assert.Equal(ErrorKind.Configuration, e.Kind);
        }

        [Fact]
        public void Region_order_is_explicit_then_named_profile_then_session_then_environment_then_used_profile()
        {
            using var env = new TestEnvironment().WriteConfig(Config);
            env.Set("ALIBABA_CLOUD_REGION_ID", "env-region-1");
            var o = Options(env);
            o.ProfileName = "main";
            o.SessionDefaults = new Session { RegionId = "session-region-1" };
            o.RegionId = "explicit-region-1";
            Assert.Equal("explicit-region-1", ClientConfiguration.Resolve(o).RegionId);
            Assert.Equal("the RegionId parameter", ClientConfiguration.Resolve(o).RegionSource);
            o.RegionId = null;
            Assert.Equal("cn-beijing", ClientConfiguration.Resolve(o).RegionId);
            o.ProfileName = "noregion";
            Assert.Equal("session-region-1", ClientConfiguration.Resolve(o).RegionId);
            o.SessionDefaults = null;
            Assert.Equal("env-region-1", ClientConfiguration.Resolve(o).RegionId);
            env.Set("ALIBABA_CLOUD_REGION_ID", null);
            env.Set("ALIBABA_CLOUD_PROFILE", "sts");
            Assert.Equal("cn-shenzhen", ClientConfiguration.Resolve(Options(env)).RegionId); // the used profile's own region
        }

        [Fact]
        public void A_malformed_endpoint_override_fails_resolution()
        {
            using var env = new TestEnvironment().WriteConfig(Config);
            env.Set("ALIBABA_CLOUD_ENDPOINT", "http://bad host");
            var e = Assert.Throws<AlibabaCloudException>(() => ClientConfiguration.Resolve(Options(env)));
            Assert.Equal("InvalidEndpoint", e.Code);
            Assert.Contains("ALIBABA_CLOUD_ENDPOINT", e.Message);
        }

        [Fact]
        public void Credential_descriptions_and_to_strings_hold_no_secret()
        {
            using var env = new TestEnvironment().WriteConfig(Config);
            var o = Options(env);
            o.ProfileName = "sts";
            var c = ClientConfiguration.Resolve(o);
            var k = Keys(c);
            foreach (var text in new[] { c.CredentialSource, c.RegionSource, c.ToString(), k.ToString(), c.Credentials.ToString(), o.ToString() })
            {
                Assert.DoesNotContain("sts-profile-secret-04", text);
                Assert.DoesNotContain("sts-profile-token-0004", text);
                Assert.DoesNotContain("STS.ProfileTokenKey04", text);
            }
            Assert.Equal("STS credentials STS.****ey04", k.ToString());
        }

        [Fact]
        public void Resolve_logs_the_sources_at_debug()
        {
            using var env = new TestEnvironment().WriteConfig(Config);
            var log = new CapturingLog();
            var o = Options(env);
            o.Log = log;
            ClientConfiguration.Resolve(o);
            Assert.Contains("DEBUG: Credentials: profile 'main' (AK)", log.All);
            Assert.Contains("DEBUG: Region: cn-beijing (from region_id of profile 'main')", log.All);
            Assert.DoesNotContain("main-profile-secret-1", log.All);
        }
    }
}
