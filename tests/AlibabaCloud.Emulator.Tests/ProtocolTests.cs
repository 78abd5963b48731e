using AlibabaCloud.Emulator.Tests.Support;

namespace AlibabaCloud.Emulator.Tests;

/// <summary>Signatures, freshness, credentials, routing and the error format, all over HTTP.</summary>
public class ProtocolTests
{
    private static readonly object Describe = new { RegionId = "cn-hangzhou" };

    private static EmulatorState StateWithKeys() => new()
    {
        Credentials =
        {
            new CredentialState { AccessKeyId = "LTAI-permanent", AccessKeySecret = "permanent-secret" },
            new CredentialState { AccessKeyId = "STS.temporary", AccessKeySecret = "sts-secret", SecurityToken = "token-123" },
            new CredentialState { AccessKeyId = "STS.expired", AccessKeySecret = "sts-secret", SecurityToken = "token-old", Expiration = DateTimeOffset.UtcNow.AddMinutes(-1) },
        },
        Instances = { new InstanceState { InstanceId = "i-1", RegionId = "cn-hangzhou", Status = "Running", SecurityGroupIds = { "sg-a", "sg-b" } } },
    };

    [Theory]
    [InlineData("POST", false)]
    [InlineData("GET", false)]
    [InlineData("POST", true)]
    public async Task V3_signed_calls_succeed_with_query_or_form_parameters(string method, bool form)
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Ecs());
        var r = await emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou", InstanceIds = "[\"i-running\"]" },
            new CallOptions { Method = new HttpMethod(method), FormBody = form });
        ResponseAssert.Success(r);
        Assert.Equal(1, r["TotalCount"].GetInt32());
        Assert.Equal(r.RequestId, r.Header("x-acs-request-id"));
    }

    [Theory]
    [InlineData("GET", false)]
    [InlineData("POST", false)]
    [InlineData("POST", true)]
    public async Task V2_signed_calls_succeed_with_query_or_form_parameters(string method, bool form)
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Ecs());
        var r = await emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou", InstanceIds = "[\"i-running\"]" },
            new CallOptions { Style = SignatureStyle.V2, Method = new HttpMethod(method), FormBody = form });
        ResponseAssert.Success(r);
        Assert.Equal("i-running", r["Instances"].GetProperty("Instance")[0].GetProperty("InstanceId").GetString());
    }

    [Fact]
    public async Task Any_host_header_is_served_and_echoed_as_HostId()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Ecs());
        var ok = await emu.Client.Ecs("DescribeSecurityGroups", Describe, new CallOptions { HostHeader = "ecs.cn-hangzhou.aliyuncs.com" });
        ResponseAssert.Success(ok);
        var alb = await emu.Client.Alb("GetLoadBalancerAttribute", new { LoadBalancerId = "alb-none" }, new CallOptions { HostHeader = "alb.cn-hangzhou.aliyuncs.com" });
        ResponseAssert.Error(alb, 404, "ResourceNotFound.LoadBalancer");
        Assert.Equal("alb.cn-hangzhou.aliyuncs.com", alb["HostId"].GetString());
    }

    [Theory]
    [InlineData(SignatureStyle.V3)]
    [InlineData(SignatureStyle.V2)]
    public async Task Wrong_secret_is_SignatureDoesNotMatch(SignatureStyle style)
    {
        await using var emu = await TestEmulator.StartAsync();
        var r = await emu.Client.Ecs("DescribeInstances", Describe, new CallOptions { Style = style, Secret = "not-the-secret" });
        ResponseAssert.Error(r, 400, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task Parameters_changed_after_signing_are_SignatureDoesNotMatch()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Ecs());
        var r = await emu.Client.Ecs("LeaveSecurityGroup", new { InstanceId = "i-running", SecurityGroupId = "sg-a" }, new CallOptions
        {
            AfterSigning = m => m.RequestUri = new Uri(m.RequestUri!.ToString().Replace("sg-a", "sg-b")),
        });
        ResponseAssert.Error(r, 400, "SignatureDoesNotMatch");
        Assert.Empty(emu.Server.GetJournal());
    }

    [Fact]
    public async Task Signature_is_recomputed_over_the_clients_own_signed_header_list()
    {
        await using var emu = await TestEmulator.StartAsync();
        // An extra x-acs header the client chose to sign: tampering with it breaks the signature...
        var tampered = new CallOptions { AfterSigning = m => { m.Headers.Remove("x-acs-trace"); m.Headers.TryAddWithoutValidation("x-acs-trace", "changed"); } };
        tampered.ExtraHeaders["x-acs-trace"] = "original";
        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", Describe, tampered), 400, "SignatureDoesNotMatch");

        // ...while a header outside the list (here user-agent) may change freely.
        var unsigned = new CallOptions { AfterSigning = m => m.Headers.UserAgent.ParseAdd("proxy/1.0") };
        ResponseAssert.Success(await emu.Client.Ecs("DescribeInstances", Describe, unsigned));

        // A client that signs fewer optional headers (no x-acs-content-sha256 sent) still verifies.
        var minimal = new CallOptions
        {
            SignedHeaders = new List<string> { "host", "x-acs-action", "x-acs-date", "x-acs-signature-nonce", "x-acs-version" },
            AfterSigning = m => m.Headers.Remove("x-acs-content-sha256"),
        };
        ResponseAssert.Success(await emu.Client.Ecs("DescribeInstances", Describe, minimal));
    }

    [Fact]
    public async Task A_common_header_left_out_of_SignedHeaders_is_IncompleteSignature()
    {
        await using var emu = await TestEmulator.StartAsync();
        var r = await emu.Client.Ecs("DescribeInstances", Describe, new CallOptions
        {
            SignedHeaders = new List<string> { "host", "x-acs-action", "x-acs-content-sha256", "x-acs-signature-nonce", "x-acs-version" },
        });
        ResponseAssert.Error(r, 400, "IncompleteSignature");
    }

    [Fact]
    public async Task Missing_or_malformed_authorization_is_IncompleteSignature()
    {
        await using var emu = await TestEmulator.StartAsync();
        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", Describe, new CallOptions { Unsigned = true }), 400, "IncompleteSignature");
        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", Describe, new CallOptions { Style = SignatureStyle.V2, Unsigned = true }), 400, "IncompleteSignature");
        var broken = new CallOptions
        {
            AfterSigning = m =>
            {
                var auth = m.Headers.GetValues("Authorization").Single();
                m.Headers.Remove("Authorization");
                m.Headers.TryAddWithoutValidation("Authorization", auth.Substring(0, auth.IndexOf(",Signature=", StringComparison.Ordinal)));
            },
        };
        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", Describe, broken), 400, "IncompleteSignature");
    }

    [Fact]
    public async Task Body_that_does_not_match_x_acs_content_sha256_is_refused()
    {
        await using var emu = await TestEmulator.StartAsync();
        var r = await emu.Client.Ecs("DescribeInstances", Describe, new CallOptions
        {
            FormBody = true,
            ContentSha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", // hash of an empty body
        });
        ResponseAssert.Error(r, 400, "SignatureDoesNotMatch");
        Assert.Contains("x-acs-content-sha256", r.Message);
    }

    [Fact]
    public async Task Unknown_access_key_is_InvalidAccessKeyId_NotFound()
    {
        await using var emu = await TestEmulator.StartAsync();
        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", Describe, new CallOptions { AccessKeyId = "LTAI-nobody" }), 404, "InvalidAccessKeyId.NotFound");
        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", Describe, new CallOptions { AccessKeyId = "LTAI-nobody", Style = SignatureStyle.V2 }), 404, "InvalidAccessKeyId.NotFound");
    }

    [Fact]
    public async Task Without_credentials_in_the_state_only_the_documented_default_pair_is_accepted()
    {
        await using (var emu = await TestEmulator.StartAsync())
            ResponseAssert.Success(await emu.Client.Ecs("DescribeInstances", Describe));
        await using (var emu = await TestEmulator.StartAsync(StateWithKeys()))
        {
            ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", Describe), 404, "InvalidAccessKeyId.NotFound");
            ResponseAssert.Success(await emu.Client.Ecs("DescribeInstances", Describe, new CallOptions { AccessKeyId = "LTAI-permanent", Secret = "permanent-secret" }));
        }
    }

    [Theory]
    [InlineData(-20)]
    [InlineData(20)]
    public async Task Date_more_than_15_minutes_off_is_InvalidTimeStamp_Expired(int minutes)
    {
        await using var emu = await TestEmulator.StartAsync();
        var date = DateTimeOffset.UtcNow.AddMinutes(minutes);
        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", Describe, new CallOptions { Date = date }), 400, "InvalidTimeStamp.Expired");
        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", Describe, new CallOptions { Date = date, Style = SignatureStyle.V2 }), 400, "InvalidTimeStamp.Expired");
        ResponseAssert.Success(await emu.Client.Ecs("DescribeInstances", Describe, new CallOptions { Date = DateTimeOffset.UtcNow.AddMinutes(minutes / 2) }));
    }

    [Fact]
    public async Task Unparseable_date_is_InvalidTimeStamp_Format()
    {
        await using var emu = await TestEmulator.StartAsync();
        var r = await emu.Client.Ecs("DescribeInstances", Describe, new CallOptions
        {
            AfterSigning = m => { m.Headers.Remove("x-acs-date"); m.Headers.TryAddWithoutValidation("x-acs-date", "yesterday"); },
        });
        ResponseAssert.Error(r, 400, "InvalidTimeStamp.Format");
    }

    [Theory]
    [InlineData(SignatureStyle.V3)]
    [InlineData(SignatureStyle.V2)]
    public async Task Reused_nonce_is_SignatureNonceUsed(SignatureStyle style)
    {
        await using var emu = await TestEmulator.StartAsync();
        var nonce = Guid.NewGuid().ToString("N");
        ResponseAssert.Success(await emu.Client.Ecs("DescribeInstances", Describe, new CallOptions { Style = style, Nonce = nonce }));
        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", Describe, new CallOptions { Style = style, Nonce = nonce }), 400, "SignatureNonceUsed");
    }

    [Fact]
    public async Task A_nonce_from_a_request_with_a_bad_signature_is_not_burnt()
    {
        await using var emu = await TestEmulator.StartAsync();
        var nonce = Guid.NewGuid().ToString("N");
        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", Describe, new CallOptions { Nonce = nonce, Secret = "wrong" }), 400, "SignatureDoesNotMatch");
        ResponseAssert.Success(await emu.Client.Ecs("DescribeInstances", Describe, new CallOptions { Nonce = nonce }));
    }

    [Theory]
    [InlineData(SignatureStyle.V3)]
    [InlineData(SignatureStyle.V2)]
    public async Task Sts_key_pair_must_come_with_its_token(SignatureStyle style)
    {
        await using var emu = await TestEmulator.StartAsync(StateWithKeys());
        CallOptions Sts(string token) => new() { Style = style, AccessKeyId = "STS.temporary", Secret = "sts-secret", SecurityToken = token };
        ResponseAssert.Success(await emu.Client.Ecs("DescribeInstances", Describe, Sts("token-123")));
        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", Describe, Sts(null)), 400, "InvalidSecurityToken.MismatchWithAccessKey");
        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", Describe, Sts("token-999")), 400, "InvalidSecurityToken.MismatchWithAccessKey");
        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", Describe,
            new CallOptions { Style = style, AccessKeyId = "STS.expired", Secret = "sts-secret", SecurityToken = "token-old" }), 400, "InvalidSecurityToken.Expired");
        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", Describe,
            new CallOptions { Style = style, AccessKeyId = "LTAI-permanent", Secret = "permanent-secret", SecurityToken = "token-123" }), 400, "InvalidSecurityToken.Malformed");
    }

    [Fact]
    public async Task Routing_errors_use_the_service_codes()
    {
        await using var emu = await TestEmulator.StartAsync();
        ResponseAssert.Error(await emu.Client.CallAsync("RunInstances", "2014-05-26", Describe), 404, "InvalidAction.NotFound");
        ResponseAssert.Error(await emu.Client.CallAsync("DescribeInstances", "2016-01-01", Describe), 400, "InvalidVersion");
        ResponseAssert.Error(await emu.Client.CallAsync("", "2014-05-26", Describe, new CallOptions { Style = SignatureStyle.V2 }), 400, "MissingParameter");
        // The product is chosen by action + version, never by host: an ALB action sent to an "ecs" host is still ALB.
        var alb = await emu.Client.Alb("GetLoadBalancerAttribute", new { LoadBalancerId = "alb-x" }, new CallOptions { HostHeader = "ecs.aliyuncs.com" });
        ResponseAssert.Error(alb, 404, "ResourceNotFound.LoadBalancer");
    }

    [Fact]
    public async Task A_V2_request_is_routed_by_its_signed_Action_parameter_not_by_an_unsigned_header()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Ecs());
        var options = new CallOptions { Style = SignatureStyle.V2 };
        options.ExtraHeaders["x-acs-action"] = "LeaveSecurityGroup";
        var r = await emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou", InstanceId = "i-running", SecurityGroupId = "sg-b" }, options);
        ResponseAssert.Success(r);
        Assert.True(r.Body.TryGetProperty("Instances", out _), r.ToString());
        Assert.Empty(emu.Server.GetJournal());
    }

    [Fact]
    public async Task Missing_required_parameter_is_MissingParameter()
    {
        await using var emu = await TestEmulator.StartAsync();
        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances"), 400, "MissingParameter.RegionId");
        ResponseAssert.Error(await emu.Client.Alb("GetLoadBalancerAttribute"), 400, "MissingParameter.LoadBalancerId");
        ResponseAssert.Error(await emu.Client.PrivateLink("GetVpcEndpointAttribute", new { RegionId = "cn-hangzhou" }), 400, "MissingParameter.EndpointId");
    }

    [Theory]
    [InlineData("true")]
    [InlineData("True")]
    [InlineData("TRUE")]
    public async Task Booleans_accept_any_casing(string value)
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Alb());
        var r = await emu.Client.Alb("LoadBalancerLeaveSecurityGroup", new Dictionary<string, string>
        {
            ["LoadBalancerId"] = "alb-1", ["SecurityGroupIds.1"] = "sg-a", ["DryRun"] = value,
        });
        ResponseAssert.Error(r, 400, "DryRunOperation");
    }

    [Fact]
    public async Task A_non_boolean_is_InvalidParameter()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Alb());
        var r = await emu.Client.Alb("LoadBalancerLeaveSecurityGroup", new Dictionary<string, string>
        {
            ["LoadBalancerId"] = "alb-1", ["SecurityGroupIds.1"] = "sg-a", ["DryRun"] = "yes",
        });
        ResponseAssert.Error(r, 400, "InvalidParameter");
    }

    [Fact]
    public async Task Error_body_carries_RequestId_HostId_Code_Message_Recommend_and_matches_the_header()
    {
        await using var emu = await TestEmulator.StartAsync();
        var r = await emu.Client.Ecs("DescribeInstances", Describe, new CallOptions { Secret = "wrong" });
        ResponseAssert.Error(r, 400, "SignatureDoesNotMatch");
        Assert.Equal(r.RequestId, r.Header("x-acs-request-id"));
        Assert.Matches("^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$", r.RequestId);
        Assert.Contains("SignatureDoesNotMatch", r["Recommend"].GetString());
        Assert.StartsWith("application/json", r.Raw.Content.Headers.ContentType!.ToString());
    }
}
