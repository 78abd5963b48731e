using System;
using System.Collections.Generic;
using System.Linq;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Credentials;
using AlibabaSecurityGroup.Core.Endpoints;
using AlibabaSecurityGroup.Core.Signing;
using AlibabaSecurityGroup.Tests.Core.TestSupport;
using Xunit;

namespace AlibabaSecurityGroup.Tests.Core.Signing
{
    public class AcsV3SignerTests
    {
        private static readonly DateTimeOffset ExampleDate = new DateTimeOffset(2023, 10, 26, 10, 22, 32, TimeSpan.Zero);

        private static KeyValuePair<string, string> P(string k, string v) => new KeyValuePair<string, string>(k, v);

        [Fact]
        public void Published_worked_example_gives_the_published_hash_and_signature()
        {
            var signed = AcsV3Signer.Sign("POST", "ecs.cn-shanghai.aliyuncs.com", "RunInstances", "2014-05-26",
                new[] { P("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"), P("RegionId", "cn-shanghai") },
                ExampleDate, "3156853299f313e23d1673dc12e1703d", new AlibabaCredentials("YourAccessKeyId", "YourAccessKeySecret"));

            Assert.Equal("7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259", signed.HashedCanonicalRequest);
            Assert.Equal("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0", signed.Signature);
            Assert.Equal("ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai", signed.CanonicalQuery);
            var auth = signed.Headers.Single(h => h.Key == "authorization").Value;
            Assert.Equal("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,"
                         + "Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0", auth);
            Assert.Equal("2023-10-26T10:22:32Z", signed.Headers.Single(h => h.Key == "x-acs-date").Value);
            Assert.Equal(AcsV3Signer.EmptyBodySha256, signed.Headers.Single(h => h.Key == "x-acs-content-sha256").Value);
        }

        [Fact]
        public void Percent_encoding_keeps_only_unreserved_characters()
        {
            Assert.Equal("-_.~%21%40%23%24%25%5E%26%2A%28%29", AcsV3Signer.PercentEncode("-_.~!@#$%^&*()"));
            Assert.Equal("a%20b%2Ac%2Fd%2Be%3Df", AcsV3Signer.PercentEncode("a b*c/d+e=f"));
            Assert.Equal("AZaz09", AcsV3Signer.PercentEncode("AZaz09"));
            Assert.Equal("", AcsV3Signer.PercentEncode(""));
        }

        [Fact]
        public void Non_ascii_values_are_encoded_as_utf8_with_upper_case_hex()
        {
            Assert.Equal("%E4%B8%AD%E6%96%87%20%C3%A9", AcsV3Signer.PercentEncode("中文 é"));
            Assert.Equal("x%F0%9F%98%80y", AcsV3Signer.PercentEncode("x😀y")); // a surrogate pair stays one code point
            Assert.Equal(Uri.EscapeDataString("Grüße-名前_ok~"), AcsV3Signer.PercentEncode("Grüße-名前_ok~"));
        }

        [Fact]
        public void Canonical_query_sorts_ordinally_and_keeps_empty_values()
        {
            var query = AcsV3Signer.CanonicalQuery(new[] { P("b", "2"), P("B", "1"), P("a", ""), P("Tag.10", "x"), P("Tag.2", "y") });
            Assert.Equal("B=1&Tag.10=x&Tag.2=y&a=&b=2", query);
            Assert.Equal("", AcsV3Signer.CanonicalQuery(new KeyValuePair<string, string>[0]));
        }

        [Fact]
        public void List_parameters_are_flattened_one_based_and_signed()
        {
            var request = new OpenApiRequest(Product.Alb, "LoadBalancerLeaveSecurityGroup")
                .Add("LoadBalancerId", "alb-123")
                .AddList("SecurityGroupIds", new[] { "sg-b", "sg-a" });
            var creds = new AlibabaCredentials("LTAI5tListKeyId0001", "list-secret-value-0001");
            var signed = AcsV3Signer.Sign("POST", "alb.cn-hangzhou.aliyuncs.com", request.Action, request.Version, request.Parameters,
                ExampleDate, "nonce-1", creds);

            Assert.Equal("LoadBalancerId=alb-123&SecurityGroupIds.1=sg-b&SecurityGroupIds.2=sg-a", signed.CanonicalQuery);
            var expected = ReferenceV3.Signature(creds.AccessKeySecret, ReferenceV3.CanonicalRequest("POST", signed.CanonicalQuery,
                signed.Headers.Where(h => h.Key != "authorization"), AcsV3Signer.EmptyBodySha256));
            Assert.Equal(expected, signed.Signature);
        }

        [Fact]
        public void Sts_credentials_add_key_id_and_token_headers_and_sign_them()
        {
            var creds = new AlibabaCredentials("STS.NUgYrLnoC37mZZCNnAbez2", "sts-secret-value-xyz", "CAISsecurityTokenValue/+=abc");
            var signed = AcsV3Signer.Sign("POST", "ecs.cn-hangzhou.aliyuncs.com", "DescribeInstances", "2014-05-26",
                new[] { P("RegionId", "cn-hangzhou") }, ExampleDate, "n-2", creds);

            var headers = signed.Headers.ToDictionary(h => h.Key, h => h.Value);
            Assert.Equal(creds.AccessKeyId, headers["x-acs-accesskey-id"]);
            Assert.Equal(creds.SecurityToken, headers["x-acs-security-token"]);
            Assert.Contains("SignedHeaders=host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,",
                headers["authorization"]);
            var expected = ReferenceV3.Signature(creds.AccessKeySecret, ReferenceV3.CanonicalRequest("POST", signed.CanonicalQuery,
                signed.Headers.Where(h => h.Key != "authorization"), AcsV3Signer.EmptyBodySha256));
            Assert.Equal(expected, signed.Signature);
        }

        [Fact]
        public void Long_term_keys_send_no_token_headers()
        {
            var signed = AcsV3Signer.Sign("POST", "h", "A", "v", new KeyValuePair<string, string>[0], ExampleDate, "n",
                new AlibabaCredentials("LTAIkeyid00000001", "secretsecret"));
            Assert.DoesNotContain(signed.Headers, h => h.Key == "x-acs-security-token" || h.Key == "x-acs-accesskey-id");
        }

        [Fact]
        public void Non_ascii_parameter_values_sign_like_the_reference()
        {
            var creds = new AlibabaCredentials("LTAIkeyid00000002", "secret-for-unicode");
            var parameters = new[] { P("Description", "安全组 ✓ tab\t+slash/"), P("RegionId", "cn-hangzhou") };
            var signed = AcsV3Signer.Sign("POST", "ecs.cn-hangzhou.aliyuncs.com", "X", "2014-05-26", parameters, ExampleDate, "n-3", creds);
            Assert.Equal(ReferenceV3.Canonicalize(parameters), signed.CanonicalQuery);
            var expected = ReferenceV3.Signature(creds.AccessKeySecret, ReferenceV3.CanonicalRequest("POST", signed.CanonicalQuery,
                signed.Headers.Where(h => h.Key != "authorization"), AcsV3Signer.EmptyBodySha256));
            Assert.Equal(expected, signed.Signature);
        }

        [Fact]
        public void Host_with_port_is_signed_as_given()
        {
            var signed = AcsV3Signer.Sign("POST", "127.0.0.1:8080", "A", "v", new KeyValuePair<string, string>[0], ExampleDate, "n",
                new AlibabaCredentials("LTAIkeyid00000003", "secretsecret3"));
            Assert.Equal("127.0.0.1:8080", signed.Headers.Single(h => h.Key == "host").Value);
            Assert.Contains("\nhost:127.0.0.1:8080\n", signed.CanonicalRequest);
        }

        [Fact]
        public void Changing_the_secret_between_calls_on_one_thread_changes_the_signature()
        {
            // The per-thread HMAC is re-keyed when the secret changes.
            var a = AcsV3Signer.Sign("POST", "h", "A", "v", new KeyValuePair<string, string>[0], ExampleDate, "n", new AlibabaCredentials("LTAIkeyid00000004", "first-secret"));
            var b = AcsV3Signer.Sign("POST", "h", "A", "v", new KeyValuePair<string, string>[0], ExampleDate, "n", new AlibabaCredentials("LTAIkeyid00000004", "second-secret"));
            var a2 = AcsV3Signer.Sign("POST", "h", "A", "v", new KeyValuePair<string, string>[0], ExampleDate, "n", new AlibabaCredentials("LTAIkeyid00000004", "first-secret"));
            Assert.NotEqual(a.Signature, b.Signature);
            Assert.Equal(a.Signature, a2.Signature);
        }

        [Fact]
        public void Nonces_are_unique_32_hex_characters()
        {
            var nonces = Enumerable.Range(0, 1000).Select(_ => AcsV3Signer.NewNonce()).ToList();
            Assert.Equal(1000, nonces.Distinct().Count());
            Assert.All(nonces, n => Assert.Matches("^[0-9a-f]{32}$", n));
        }

        [Fact]
        public void Signed_request_text_shows_neither_signature_nor_token()
        {
            var creds = new AlibabaCredentials("STS.keyid0000000005", "sts-secret-0005", "token-value-0005-abcdef");
            var signed = AcsV3Signer.Sign("POST", "h", "A", "v", new[] { P("RegionId", "cn-hangzhou") }, ExampleDate, "n", creds);
            var text = signed.ToString();
            Assert.Equal("POST h/?RegionId=cn-hangzhou", text);
            Assert.DoesNotContain(signed.Signature, text);
            Assert.DoesNotContain(creds.SecurityToken, text);
        }
    }
}
