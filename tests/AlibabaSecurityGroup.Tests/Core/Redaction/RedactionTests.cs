using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Credentials;
using AlibabaSecurityGroup.Core.Endpoints;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Core.Redaction;
using AlibabaSecurityGroup.Core.Retry;
using AlibabaSecurityGroup.Tests.Core.TestSupport;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Core.Redaction
{
    public class RedactionTests
    {
        [Fact]
        public void Registered_secrets_are_masked_wherever_they_appear()
        {
            string secret = "registered-" + Guid.NewGuid().ToString("N");
            Redactor.RegisterSecret(secret);
            Assert.Equal("before *** after ***", Redactor.Redact("before " + secret + " after " + secret));
        }

        [Fact]
        public void Short_values_are_not_registered()
        {
            Redactor.RegisterSecret("abc");
            Assert.Equal("abc is fine", Redactor.Redact("abc is fine"));
        }

        [Theory]
        [InlineData("Authorization: ACS3-HMAC-SHA256 Credential=LTAIx,SignedHeaders=host,Signature=0a1b2c3d4e5f60718293a4b5c6d7e8f9", "Authorization: ***")]
        [InlineData("...,Signature=0a1b2c3d4e5f60718293a4b5c6d7e8f9 rest", "...,Signature=*** rest")]
        [InlineData("GET /?Signature=OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D&Action=X", "GET /?Signature=***&Action=X")]
        [InlineData("x-acs-security-token: CAIS1234567890abcdef", "x-acs-security-token: ***")]
        [InlineData("{\"SecurityToken\":\"CAIS1234567890abcdef\",\"Expiration\":\"2024\"}", "{\"SecurityToken\":\"***\",\"Expiration\":\"2024\"}")]
        [InlineData("{\"AccessKeySecret\": \"abcdef123456\"}", "{\"AccessKeySecret\": \"***\"}")]
        [InlineData("\"access_key_secret\":\"abcdef123456\"", "\"access_key_secret\":\"***\"")]
        [InlineData("sts_token=abcdef123456&x=1", "sts_token=***&x=1")]
        [InlineData("X-aliyun-ecs-metadata-token: AQAEAabcdef", "X-aliyun-ecs-metadata-token: ***")]
        [InlineData("X-aliyun-ecs-metadata-token-ttl-seconds: 21600", "X-aliyun-ecs-metadata-token-ttl-seconds: 21600")]
        [InlineData("SignatureDoesNotMatch: Specified signature is not matched", "SignatureDoesNotMatch: Specified signature is not matched")]
        [InlineData("InstanceId=i-123, SecurityGroupId=sg-456", "InstanceId=i-123, SecurityGroupId=sg-456")]
        public void Secret_shaped_fragments_are_masked(string input, string expected)
        {
            Assert.Equal(expected, Redactor.Redact(input));
        }

        [Theory]
        [InlineData("LTAI5tAbCdEfGh1234Ab3d", "LTAI****Ab3d")]
        [InlineData("STS.NUgYrLnoC37m", "STS.****C37m")]
        [InlineData("shortkey99", "****99")]
        [InlineData("abc", "****")]
        [InlineData(null, "(none)")]
        public void Key_ids_are_masked_for_display(string id, string expected)
        {
            Assert.Equal(expected, Redactor.MaskKeyId(id));
        }

        [Fact]
        public void Exception_messages_never_carry_a_registered_secret()
        {
            var creds = new AlibabaCredentials("LTAI5tExceptionKey001", "exception-secret-" + Guid.NewGuid().ToString("N"), "exception-token-" + Guid.NewGuid().ToString("N"));
            var e = new AlibabaCloudException(ErrorKind.Service, "Weird", "the server echoed " + creds.AccessKeySecret + " and " + creds.SecurityToken,
                recommend: "see " + creds.SecurityToken);
            Assert.DoesNotContain(creds.AccessKeySecret, e.Message);
            Assert.DoesNotContain(creds.SecurityToken, e.Message);
            Assert.DoesNotContain(creds.SecurityToken, e.ServiceMessage);
            Assert.DoesNotContain(creds.SecurityToken, e.Recommend);
            Assert.DoesNotContain(creds.AccessKeySecret, e.ToString());
            Assert.DoesNotContain(creds.AccessKeySecret, creds.ToString());
        }

        /// <summary>
        /// A full run: a RamRoleArn profile (source keys -> STS fake -> temporary keys), product calls against a local
        /// fake that throttles, fails with an echo of the request's secrets, and succeeds. Everything the core produced
        /// (log lines, exception messages and ToString()s, descriptions) is searched for every secret involved.
        /// </summary>
        [Fact]
        public async Task A_full_run_leaks_no_secret_token_or_signature()
        {
            string sourceSecret = "full-run-source-secret-" + Guid.NewGuid().ToString("N");
            string arn = "acs:ram::99:role/redaction-" + Guid.NewGuid().ToString("N").Substring(0, 8);
            var clock = new FakeClock(DateTimeOffset.UtcNow);
            using var sts = new FakeSts(() => clock.UtcNow.AddHours(1));
            sts.Trust("LTAI5tFullRunSource01", sourceSecret);

            var signatures = new List<string>();
            int calls = 0;
            using var product = new FakeHttpServer(r =>
            {
                string auth = r.Header("Authorization");
                lock (signatures) signatures.Add(auth.Substring(auth.IndexOf("Signature=", StringComparison.Ordinal) + 10));
                string keyId = auth.Split(' ', ',')[1].Substring("Credential=".Length);
                ReferenceV3.Verify(r, keyId, sts.SecretOf(keyId));
                string token = r.Header("x-acs-security-token");
                switch (Interlocked.Increment(ref calls))
                {
                    case 1: return FakeResponse.Error(400, "Throttling.User").WithHeader("x-acs-retry-after", "10");
                    case 2: return FakeResponse.Json("{\"RequestId\":\"OK-1\"}");
                    default:
                        // A misbehaving server echoing what it received.
                        return new FakeResponse
                        {
                            Status = 400,
                            Body = "{\"RequestId\":\"BAD-1\",\"Code\":\"InvalidParameter\",\"Message\":\"echo: Authorization: " + auth
                                   + " token " + token + "\",\"Recommend\":\"x-acs-security-token=" + token + "\"}",
                        };
                }
            });

            using var env = new TestEnvironment().WriteConfig(@"{""current"":""role"",""profiles"":[{""name"":""role"",""mode"":""RamRoleArn"",
                ""access_key_id"":""LTAI5tFullRunSource01"",""access_key_secret"":""" + sourceSecret + @""",""ram_role_arn"":""" + arn + @""",""region_id"":""cn-hangzhou""}]}");
            env.Set("ALIBABA_CLOUD_ENDPOINT_STS", sts.Server.Endpoint).Set("ALIBABA_CLOUD_ENDPOINT", product.Endpoint);
            var log = new CapturingLog();
            var options = new ClientOptions { Environment = env, Clock = clock, Log = log };

            var produced = new List<string>();
            var config = ClientConfiguration.Resolve(options);
            var client = new OpenApiClient(config, options);
            var ok = await client.SendAsync(new OpenApiRequest(Product.Ecs, "DescribeInstances").Add("RegionId", "cn-hangzhou"), CancellationToken.None);
            var failure = await Assert.ThrowsAsync<AlibabaCloudException>(() =>
                client.SendAsync(new OpenApiRequest(Product.Ecs, "LeaveSecurityGroup").Add("InstanceId", "i-1").Add("SecurityGroupId", "sg-1"), CancellationToken.None));
            Assert.Equal("InvalidParameter", failure.Code);
            Assert.Equal(2, ok.History.Attempts);

            var keys = await config.Credentials.GetCredentialsAsync(CancellationToken.None);
            produced.Add(log.All);
            produced.Add(failure.Message);
            produced.Add(failure.ToString());
            produced.Add(failure.ServiceMessage);
            produced.Add(failure.Recommend);
            produced.Add(config.ToString());
            produced.Add(config.CredentialSource);
            produced.Add(client.ToString());
            produced.Add(options.ToString());
            produced.Add(keys.ToString());
            produced.Add(config.Credentials.ToString());
            string everything = string.Join("\n", produced);

            var forbidden = new List<string> { sourceSecret };
            forbidden.AddRange(sts.IssuedSecrets);
            forbidden.AddRange(sts.IssuedTokens);
            forbidden.AddRange(signatures);
            Assert.Equal(3, signatures.Count);
            Assert.NotEmpty(sts.IssuedTokens);
            foreach (var secret in forbidden) Assert.DoesNotContain(secret, everything);

            // And the log did say what happened.
            Assert.Contains("Credentials: profile 'role' (RamRoleArn)", everything);
            Assert.Contains("HTTP 400 Throttling.User", everything);
            Assert.Contains("RequestId OK-1", everything);
            Assert.Contains("ECS endpoint for cn-hangzhou: " + product.Endpoint, everything);
        }
    }
}
