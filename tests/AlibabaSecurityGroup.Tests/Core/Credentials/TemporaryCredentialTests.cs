using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Credentials;
using AlibabaSecurityGroup.Core.Endpoints;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Tests.Core.TestSupport;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Core.Credentials
{
    /// <summary>RamRoleArn, ChainableRamRoleArn and EcsRamRole against local fakes of STS and the metadata service.</summary>
    public class TemporaryCredentialTests
    {
        private static string RoleArn() => "acs:ram::123456:role/test-" + Guid.NewGuid().ToString("N").Substring(0, 12);

        private static string RamRoleConfig(string roleArn, string extra = "") => @"{
  ""current"": ""role"",
  ""profiles"": [
    { ""name"": ""base"", ""mode"": ""AK"", ""access_key_id"": ""LTAI5tBaseSourceKey01"", ""access_key_secret"": ""base-source-secret-01"", ""region_id"": ""cn-hangzhou"" },
    { ""name"": ""role"", ""mode"": ""RamRoleArn"", ""access_key_id"": ""LTAI5tRoleSourceKey01"", ""access_key_secret"": ""role-source-secret-01"",
      ""ram_role_arn"": """ + roleArn + @""", ""ram_session_name"": ""ops-session"", ""expired_seconds"": 1800, ""region_id"": ""cn-shanghai"" " + extra + @" },
    { ""name"": ""chain1"", ""mode"": ""ChainableRamRoleArn"", ""source_profile"": ""base"", ""ram_role_arn"": """ + roleArn + @"-a"" },
    { ""name"": ""chain2"", ""mode"": ""ChainableRamRoleArn"", ""source_profile"": ""chain1"", ""ram_role_arn"": """ + roleArn + @"-b"" },
    { ""name"": ""loop1"", ""mode"": ""ChainableRamRoleArn"", ""source_profile"": ""loop2"", ""ram_role_arn"": ""acs:ram::1:role/l1"" },
    { ""name"": ""loop2"", ""mode"": ""ChainableRamRoleArn"", ""source_profile"": ""loop1"", ""ram_role_arn"": ""acs:ram::1:role/l2"" },
    { ""name"": ""orphan"", ""mode"": ""ChainableRamRoleArn"", ""source_profile"": ""nobody"", ""ram_role_arn"": ""acs:ram::1:role/o"" }
  ]
}";

        [Fact]
        public async Task RamRoleArn_calls_sts_assume_role_signed_with_the_source_keys()
        {
            var clock = new FakeClock();
            using var sts = new FakeSts(() => clock.UtcNow.AddHours(1));
            sts.Trust("LTAI5tRoleSourceKey01", "role-source-secret-01");
            string arn = RoleArn();
            using var env = new TestEnvironment().WriteConfig(RamRoleConfig(arn, @", ""external_id"": ""ext-42"", ""policy"": ""{\""Version\"":\""1\""}"""));
            env.Set("ALIBABA_CLOUD_ENDPOINT_STS", sts.Server.Endpoint);
            var options = new ClientOptions { Environment = env, Clock = clock };

            var config = ClientConfiguration.Resolve(options);
            Assert.Equal(0, sts.Calls); // nothing sent while resolving
            Assert.Equal("profile 'role' (RamRoleArn) in " + env.ConfigPath, config.CredentialSource);

            var client = new OpenApiClient(config, options);
            await client.EnsureCredentialsAsync(CancellationToken.None);
            Assert.Equal(1, sts.Calls);
            var request = sts.Server.Requests.Single();
            Assert.Equal("POST", request.Method);
            var q = request.Query;
            Assert.Equal(arn, q["RoleArn"]);
            Assert.Equal("ops-session", q["RoleSessionName"]);
            Assert.Equal("1800", q["DurationSeconds"]);
            Assert.Equal("ext-42", q["ExternalId"]);
            Assert.Equal("{\"Version\":\"1\"}", q["Policy"]);
            Assert.DoesNotContain("RegionId", q.Keys);
            Assert.StartsWith("AlibabaSecurityGroup/", request.Header("User-Agent"));

            var keys = await config.Credentials.GetCredentialsAsync(CancellationToken.None);
            Assert.StartsWith("STS.issued", keys.AccessKeyId);
            Assert.Equal(clock.UtcNow.AddHours(1), keys.Expiration);
        }

        [Fact]
        public async Task Chainable_profiles_assume_roles_in_turn()
        {
            var clock = new FakeClock();
            using var sts = new FakeSts(() => clock.UtcNow.AddHours(1));
            sts.Trust("LTAI5tBaseSourceKey01", "base-source-secret-01");
            string arn = RoleArn();
            using var env = new TestEnvironment().WriteConfig(RamRoleConfig(arn));
            env.Set("ALIBABA_CLOUD_ENDPOINT_STS", sts.Server.Endpoint);
            var options = new ClientOptions { Environment = env, Clock = clock, ProfileName = "chain2" };

            var config = ClientConfiguration.Resolve(options);
            var keys = await config.Credentials.GetCredentialsAsync(CancellationToken.None);
            Assert.Equal(2, sts.Calls);
            var requests = sts.Server.Requests.ToArray();
            Assert.Equal(arn + "-a", requests[0].Query["RoleArn"]);
            Assert.Null(requests[0].Header("x-acs-security-token")); // signed with the base AK
            Assert.Equal(arn + "-b", requests[1].Query["RoleArn"]);
            Assert.NotNull(requests[1].Header("x-acs-security-token")); // signed with role A's STS credentials
            Assert.Equal(sts.IssuedTokens.Last(), keys.SecurityToken);
            Assert.Equal("cn-shanghai", config.RegionId); // chain2 names no region: the CLI's current profile ('role') does
        }

        [Fact]
        public void Chainable_profile_errors_are_clear()
        {
            using var env = new TestEnvironment().WriteConfig(RamRoleConfig(RoleArn()));
            env.Set("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou");
            var e = Assert.Throws<AlibabaCloudException>(() => ClientConfiguration.Resolve(new ClientOptions { Environment = env, ProfileName = "loop1" }));
            Assert.Equal("InvalidProfile", e.Code);
            Assert.Contains("loops", e.Message);
            e = Assert.Throws<AlibabaCloudException>(() => ClientConfiguration.Resolve(new ClientOptions { Environment = env, ProfileName = "orphan" }));
            Assert.Equal("ProfileNotFound", e.Code);
            Assert.Contains("'nobody'", e.Message);
        }

        [Fact]
        public async Task Sts_errors_name_the_role_and_keep_the_service_code()
        {
            var clock = new FakeClock();
            using var sts = new FakeSts(() => clock.UtcNow.AddHours(1));
            sts.Trust("LTAI5tRoleSourceKey01", "role-source-secret-01");
            sts.Override = _ => FakeResponse.Error(403, "NoPermission", "You are not authorized to do this action.", "STS-DENIED");
            string arn = RoleArn();
            using var env = new TestEnvironment().WriteConfig(RamRoleConfig(arn));
            env.Set("ALIBABA_CLOUD_ENDPOINT_STS", sts.Server.Endpoint);
            var options = new ClientOptions { Environment = env, Clock = clock };
            var client = new OpenApiClient(ClientConfiguration.Resolve(options), options);

            var e = await Assert.ThrowsAsync<AlibabaCloudException>(() => client.EnsureCredentialsAsync(CancellationToken.None));
            Assert.Equal("NoPermission", e.Code);
            Assert.Equal(403, e.HttpStatus);
            Assert.Equal("STS-DENIED", e.RequestId);
            Assert.Contains(arn, e.Message);
            Assert.Single(sts.Server.Requests); // a business error: not retried

            // A product call fails the same way, before anything reaches the product endpoint.
            var call = await Assert.ThrowsAsync<AlibabaCloudException>(() =>
                client.SendAsync(new OpenApiRequest(Product.Ecs, "DescribeInstances"), CancellationToken.None));
            Assert.Equal("NoPermission", call.Code);
            Assert.Equal(0, call.History.Attempts);
        }

        [Fact]
        public async Task Credentials_are_refreshed_before_expiry_not_earlier()
        {
            var clock = new FakeClock();
            using var sts = new FakeSts(() => clock.UtcNow.AddHours(1));
            sts.Trust("LTAI5tRoleSourceKey01", "role-source-secret-01");
            using var env = new TestEnvironment().WriteConfig(RamRoleConfig(RoleArn()));
            env.Set("ALIBABA_CLOUD_ENDPOINT_STS", sts.Server.Endpoint);
            var config = ClientConfiguration.Resolve(new ClientOptions { Environment = env, Clock = clock });

            var first = await config.Credentials.GetCredentialsAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromMinutes(54)); // 6 min before expiry: still good
            Assert.Same(first, await config.Credentials.GetCredentialsAsync(CancellationToken.None));
            Assert.Equal(1, sts.Calls);

            clock.Advance(TimeSpan.FromMinutes(2)); // 4 min before expiry: inside the 5-minute margin
            var second = await config.Credentials.GetCredentialsAsync(CancellationToken.None);
            Assert.Equal(2, sts.Calls);
            Assert.NotEqual(first.AccessKeyId, second.AccessKeyId);
        }

        [Fact]
        public async Task Concurrent_callers_share_one_refresh()
        {
            var clock = new FakeClock();
            using var sts = new FakeSts(() => clock.UtcNow.AddHours(1));
            sts.Trust("LTAI5tRoleSourceKey01", "role-source-secret-01");
            var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            sts.Gate = release.Task;
            using var env = new TestEnvironment().WriteConfig(RamRoleConfig(RoleArn()));
            env.Set("ALIBABA_CLOUD_ENDPOINT_STS", sts.Server.Endpoint);
            var config = ClientConfiguration.Resolve(new ClientOptions { Environment = env, Clock = clock });

            var callers = Enumerable.Range(0, 20).Select(_ => Task.Run(() => config.Credentials.GetCredentialsAsync(CancellationToken.None))).ToArray();
            // Wait until the one AssumeRole has reached the server, then let it answer.
            for (int i = 0; i < 500 && sts.Server.Requests.IsEmpty; i++) await Task.Delay(10);
            release.SetResult(true);
            var results = await Task.WhenAll(callers);

            Assert.Single(sts.Server.Requests);
            Assert.All(results, r => Assert.Same(results[0], r));
        }

        [Fact]
        public async Task A_cancelled_waiter_does_not_cancel_the_shared_refresh()
        {
            var clock = new FakeClock();
            using var sts = new FakeSts(() => clock.UtcNow.AddHours(1));
            sts.Trust("LTAI5tRoleSourceKey01", "role-source-secret-01");
            var release = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            sts.Gate = release.Task;
            using var env = new TestEnvironment().WriteConfig(RamRoleConfig(RoleArn()));
            env.Set("ALIBABA_CLOUD_ENDPOINT_STS", sts.Server.Endpoint);
            var config = ClientConfiguration.Resolve(new ClientOptions { Environment = env, Clock = clock });

            using var cts = new CancellationTokenSource();
            var impatient = config.Credentials.GetCredentialsAsync(cts.Token);
            var patient = config.Credentials.GetCredentialsAsync(CancellationToken.None);
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => impatient);
            release.SetResult(true);
            var keys = await patient;
            Assert.StartsWith("STS.issued", keys.AccessKeyId);
            Assert.Equal(1, sts.Calls);
        }

        [Fact]
        public async Task A_failed_refresh_keeps_using_still_valid_credentials()
        {
            var clock = new FakeClock();
            using var sts = new FakeSts(() => clock.UtcNow.AddHours(1));
            sts.Trust("LTAI5tRoleSourceKey01", "role-source-secret-01");
            using var env = new TestEnvironment().WriteConfig(RamRoleConfig(RoleArn()));
            env.Set("ALIBABA_CLOUD_ENDPOINT_STS", sts.Server.Endpoint);
            var config = ClientConfiguration.Resolve(new ClientOptions { Environment = env, Clock = clock });

            var first = await config.Credentials.GetCredentialsAsync(CancellationToken.None);
            sts.Override = _ => FakeResponse.Error(403, "NoPermission");
            clock.Advance(TimeSpan.FromMinutes(57));
            Assert.Same(first, await config.Credentials.GetCredentialsAsync(CancellationToken.None));
            clock.Advance(TimeSpan.FromMinutes(3)); // now expired: the failure surfaces
            await Assert.ThrowsAsync<AlibabaCloudException>(() => config.Credentials.GetCredentialsAsync(CancellationToken.None));
        }

        [Fact]
        public async Task Clients_of_one_process_share_assumed_role_credentials()
        {
            var clock = new FakeClock();
            using var sts = new FakeSts(() => clock.UtcNow.AddHours(1));
            sts.Trust("LTAI5tRoleSourceKey01", "role-source-secret-01");
            using var env = new TestEnvironment().WriteConfig(RamRoleConfig(RoleArn()));
            env.Set("ALIBABA_CLOUD_ENDPOINT_STS", sts.Server.Endpoint);

            for (int i = 0; i < 5; i++)
            {
                var options = new ClientOptions { Environment = env, Clock = clock };
                await new OpenApiClient(ClientConfiguration.Resolve(options), options).EnsureCredentialsAsync(CancellationToken.None);
            }
            Assert.Equal(1, sts.Calls);
        }

        [Fact]
        public async Task EcsRamRole_profile_uses_the_hardened_metadata_flow()
        {
            var clock = new FakeClock();
            using var md = new FakeMetadata("my-role", () => clock.UtcNow.AddHours(6));
            using var env = new TestEnvironment().WriteConfig(@"{""profiles"":[{""name"":""ecs"",""mode"":""EcsRamRole"",""ram_role_name"":""my-role"",""region_id"":""cn-hangzhou""}]}");
            var options = new ClientOptions { Environment = env, Clock = clock, ProfileName = "ecs", MetadataEndpoint = md.Server.BaseUri };
            var config = ClientConfiguration.Resolve(options);
            Assert.Empty(md.Server.Requests); // lazily

            var keys = await config.Credentials.GetCredentialsAsync(CancellationToken.None);
            Assert.Equal(md.SecurityToken, keys.SecurityToken);
            var requests = md.Server.Requests.ToArray();
            Assert.Equal("PUT", requests[0].Method);
            Assert.Equal("/latest/api/token", requests[0].Path);
            Assert.Equal("21600", requests[0].Header("X-aliyun-ecs-metadata-token-ttl-seconds"));
            Assert.Equal("/latest/meta-data/ram/security-credentials/my-role", requests[1].Path);
            Assert.Equal(md.Token, requests[1].Header("X-aliyun-ecs-metadata-token"));

            clock.Advance(TimeSpan.FromHours(5) + TimeSpan.FromMinutes(56));
            await config.Credentials.GetCredentialsAsync(CancellationToken.None);
            Assert.Equal(2, md.CredentialReads);
        }

        [Fact]
        public async Task Ecs_role_is_discovered_and_old_metadata_services_work_without_tokens()
        {
            var clock = new FakeClock();
            using var md = new FakeMetadata("discovered-role", () => clock.UtcNow.AddHours(6), supportTokens: false);
            using var env = new TestEnvironment().WriteConfig(@"{""profiles"":[{""name"":""ecs"",""mode"":""EcsRamRole"",""region_id"":""cn-hangzhou""}]}");
            var options = new ClientOptions { Environment = env, Clock = clock, ProfileName = "ecs", MetadataEndpoint = md.Server.BaseUri };
            var keys = await ClientConfiguration.Resolve(options).Credentials.GetCredentialsAsync(CancellationToken.None);
            Assert.Equal(md.SecurityToken, keys.SecurityToken);
            Assert.Contains(md.Server.Requests, r => r.Path == "/latest/meta-data/ram/security-credentials/discovered-role");
            Assert.All(md.Server.Requests, r => Assert.Null(r.Header("X-aliyun-ecs-metadata-token")));

            // With IMDSv1 refused, such a service is an error.
            using var old = new FakeMetadata("discovered-role", () => clock.UtcNow.AddHours(6), supportTokens: false);
            env.Set("ALIBABA_CLOUD_IMDSV1_DISABLED", "true");
            var strict = new ClientOptions { Environment = env, Clock = clock, ProfileName = "ecs", MetadataEndpoint = old.Server.BaseUri };
            var e = await Assert.ThrowsAsync<AlibabaCloudException>(() => ClientConfiguration.Resolve(strict).Credentials.GetCredentialsAsync(CancellationToken.None));
            Assert.Equal("MetadataError", e.Code);
        }

        [Fact]
        public async Task Chain_falls_back_to_the_instance_role_when_a_metadata_service_answers()
        {
            var clock = new FakeClock();
            using var md = new FakeMetadata("chain-role", () => clock.UtcNow.AddHours(6));
            using var env = new TestEnvironment(disableEcsMetadata: false);
            var options = new ClientOptions { Environment = env, Clock = clock, MetadataEndpoint = md.Server.BaseUri };
            var config = ClientConfiguration.Resolve(options);
            Assert.Equal("ECS instance RAM role 'chain-role' (metadata service " + md.Server.Endpoint + ")", config.CredentialSource);
            Assert.Equal("cn-zhangjiakou", config.RegionId); // the instance's own region, as nothing else names one
            Assert.Equal("the ECS instance metadata", config.RegionSource);
            var keys = await config.Credentials.GetCredentialsAsync(CancellationToken.None);
            Assert.Equal(md.SecurityToken, keys.SecurityToken);
        }

        [Fact]
        public void A_metadata_service_without_a_role_is_not_a_credential_source()
        {
            using var md = new FakeMetadata(null, () => DateTimeOffset.UtcNow.AddHours(6));
            using var env = new TestEnvironment(disableEcsMetadata: false);
            var e = Assert.Throws<AlibabaCloudException>(() =>
                ClientConfiguration.Resolve(new ClientOptions { Environment = env, MetadataEndpoint = md.Server.BaseUri }));
            Assert.Equal("MissingCredentials", e.Code);
            Assert.Contains("lists no role", e.Message);
        }
    }
}
