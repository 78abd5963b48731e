using AlibabaCloud.Emulator.Protocol;
using AlibabaCloud.Emulator.Tests.Support;

namespace AlibabaCloud.Emulator.Tests;

/// <summary>The verifier and the tests' own signer, pinned to the vectors Alibaba Cloud publishes.</summary>
public class SignatureVectorTests
{
    [Fact]
    public void V3_worked_example_gives_the_published_hash_and_signature()
    {
        var headers = new Dictionary<string, string>
        {
            ["host"] = "ecs.cn-shanghai.aliyuncs.com",
            ["x-acs-action"] = "RunInstances",
            ["x-acs-content-sha256"] = AcsEncoding.EmptyBodySha256,
            ["x-acs-date"] = "2023-10-26T10:22:32Z",
            ["x-acs-signature-nonce"] = "3156853299f313e23d1673dc12e1703d",
            ["x-acs-version"] = "2014-05-26",
        };
        var query = SignatureV3.CanonicalQuery(new[]
        {
            new KeyValuePair<string, string>("RegionId", "cn-shanghai"),
            new KeyValuePair<string, string>("ImageId", "win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd"),
        });
        var canonical = SignatureV3.CanonicalRequest("POST", "/", query, headers.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList(),
            n => headers[n], AcsEncoding.EmptyBodySha256);

        Assert.Equal("7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259", AcsEncoding.Sha256Hex(canonical));
        Assert.Equal("06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0",
            SignatureV3.Sign("YourAccessKeySecret", SignatureV3.StringToSign(canonical)));
    }

    [Fact]
    public void V3_authorization_header_is_parsed_into_its_three_parts()
    {
        var parts = SignatureV3.ParseAuthorization("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-date,Signature=06563a9e");
        Assert.Equal("YourAccessKeyId", parts.AccessKeyId);
        Assert.Equal(new[] { "host", "x-acs-action", "x-acs-date" }, parts.SignedHeaders);
        Assert.Equal("06563a9e", parts.Signature);
        Assert.Null(SignatureV3.ParseAuthorization("ACS3-HMAC-SHA256 Credential=YourAccessKeyId,Signature=06563a9e"));
        Assert.Null(SignatureV3.ParseAuthorization("HMAC-SHA1 Credential=a,SignedHeaders=host,Signature=b"));
    }

    private static readonly KeyValuePair<string, string>[] V2Example =
    {
        new("AccessKeyId", "testid"), new("Action", "DescribeRegions"), new("Format", "XML"),
        new("SignatureMethod", "HMAC-SHA1"), new("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"),
        new("SignatureVersion", "1.0"), new("Timestamp", "2016-02-23T12:46:24Z"), new("Version", "2014-05-26"),
    };

    [Fact]
    public void V2_example_gives_the_published_signature()
    {
        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", SignatureV2.Sign("testsecret", SignatureV2.StringToSign("GET", V2Example)));
        Assert.Equal("OLeaidS1JvxuMvnyHOwuJ+uX5qY=", AcsTestClient.SignV2("GET", V2Example, "testsecret"));
    }

    [Fact]
    public void Percent_encoding_matches_the_published_example_in_both_implementations()
    {
        const string input = "-_.~!@#$%^&*()";
        const string expected = "-_.~%21%40%23%24%25%5E%26%2A%28%29";
        Assert.Equal(expected, AcsEncoding.PercentEncode(input));
        Assert.Equal(expected, AcsTestClient.Encode(input));
        Assert.Equal("a%20b%2Bc%2Fd%3De%E4%B8%AD", AcsEncoding.PercentEncode("a b+c/d=e中"));
    }

    [Fact]
    public void Canonical_query_sorts_by_name_and_keeps_empty_values()
    {
        var query = SignatureV3.CanonicalQuery(new[]
        {
            new KeyValuePair<string, string>("b", ""), new KeyValuePair<string, string>("SecurityGroupIds.2", "sg-2"),
            new KeyValuePair<string, string>("SecurityGroupIds.1", "sg 1"), new KeyValuePair<string, string>("A", "x*y"),
        });
        Assert.Equal("A=x%2Ay&SecurityGroupIds.1=sg%201&SecurityGroupIds.2=sg-2&b=", query);
    }
}
