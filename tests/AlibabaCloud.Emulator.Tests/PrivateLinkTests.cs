using System.Text.Json;
using AlibabaCloud.Emulator.Tests.Support;

namespace AlibabaCloud.Emulator.Tests;

/// <summary>PrivateLink DetachSecurityGroupFromVpcEndpoint: codes, DryRun, ClientToken, Detaching/Pending, cooldown, and the two reads.</summary>
public class PrivateLinkTests
{
    private const string Region = "cn-hangzhou";

    private static Task<AcsResponse> Detach(TestEmulator emu, string endpoint, string group, bool? dryRun = null, string token = null, string region = Region) =>
        emu.Client.PrivateLink("DetachSecurityGroupFromVpcEndpoint", new { RegionId = region, EndpointId = endpoint, SecurityGroupId = group, DryRun = dryRun, ClientToken = token });

    private static async Task<Dictionary<string, string>> Groups(TestEmulator emu, string endpoint)
    {
        var r = await emu.Client.PrivateLink("ListVpcEndpointSecurityGroups", new { RegionId = Region, EndpointId = endpoint });
        ResponseAssert.Success(r);
        return r["SecurityGroups"].EnumerateArray().ToDictionary(g => g.GetProperty("SecurityGroupId").GetString(), g => g.GetProperty("SecurityGroupStatus").GetString());
    }

    private static async Task<string> Status(TestEmulator emu, string endpoint) =>
        (await emu.Client.PrivateLink("GetVpcEndpointAttribute", new { RegionId = Region, EndpointId = endpoint }))["EndpointStatus"].GetString();

    [Fact]
    public async Task Detach_shows_Detaching_and_Pending_then_the_group_is_gone_and_the_endpoint_Active()
    {
        var clock = new ManualClock();
        await using var emu = await TestEmulator.StartAsync(TestStates.PrivateLink(), clock);
        var r = await Detach(emu, "ep-1", "sg-b", token: "pl-1");
        ResponseAssert.Success(r);

        Assert.Equal("Detaching", (await Groups(emu, "ep-1"))["sg-b"]);
        Assert.Equal("Attached", (await Groups(emu, "ep-1"))["sg-a"]);
        Assert.Equal("Pending", await Status(emu, "ep-1"));
        Assert.Empty(emu.Server.GetJournal());

        clock.AdvanceMs(200);
        Assert.Equal(new[] { "sg-a", "sg-c" }, (await Groups(emu, "ep-1")).Keys.OrderBy(k => k));
        Assert.Equal("Active", await Status(emu, "ep-1"));
        var entry = Assert.Single(emu.Server.GetJournal());
        Assert.Equal(("DetachSecurityGroupFromVpcEndpoint", "ep-1", r.RequestId, "pl-1"), (entry.Action, entry.ResourceId, entry.RequestId, entry.ClientToken));
        Assert.Equal(new[] { "sg-b" }, entry.SecurityGroupIds);
    }

    [Fact]
    public async Task Detach_completes_in_real_time_without_anybody_polling()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.PrivateLink());
        ResponseAssert.Success(await Detach(emu, "ep-1", "sg-b"));
        await TestEmulator.Eventually(() => emu.AdminGet("journal"), j => j.GetArrayLength() == 1, "the detach to complete");
        Assert.Equal(new[] { "sg-a", "sg-c" }, emu.Server.GetState().VpcEndpoints.Single(e => e.EndpointId == "ep-1").SecurityGroupIds);
    }

    [Fact]
    public async Task Another_detach_on_the_same_endpoint_is_refused_until_the_cooldown_has_passed()
    {
        var clock = new ManualClock();
        await using var emu = await TestEmulator.StartAsync(TestStates.PrivateLink(), clock);
        ResponseAssert.Success(await Detach(emu, "ep-1", "sg-b"));
        ResponseAssert.Error(await Detach(emu, "ep-1", "sg-c"), 400, "EndpointOperationDenied");          // still Pending
        ResponseAssert.Success(await Detach(emu, "ep-2", "sg-b"));                                        // other endpoints are free
        clock.AdvanceMs(300);
        Assert.Equal("Active", await Status(emu, "ep-1"));
        ResponseAssert.Error(await Detach(emu, "ep-1", "sg-c"), 400, "EndpointOperationDenied");          // Active, but cooling down
        ResponseAssert.Error(await Detach(emu, "ep-1", "sg-c", dryRun: true), 400, "EndpointOperationDenied");
        clock.AdvanceMs(300); // 600 ms after the first detach was accepted
        ResponseAssert.Success(await Detach(emu, "ep-1", "sg-c"));
    }

    [Fact]
    public async Task DryRun_validates_without_a_change()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.PrivateLink());
        ResponseAssert.Error(await Detach(emu, "ep-1", "sg-b", dryRun: true), 400, "DryRunOperation");
        ResponseAssert.Error(await Detach(emu, "ep-single", "sg-a", dryRun: true), 400, "EndpointMustContainSecurityGroup");
        Assert.Equal("Active", await Status(emu, "ep-1"));
        Assert.All((await Groups(emu, "ep-1")).Values, s => Assert.Equal("Attached", s));
        ResponseAssert.Success(await Detach(emu, "ep-1", "sg-b")); // a dry run starts no cooldown
    }

    [Fact]
    public async Task Same_ClientToken_replays_the_answer_without_a_second_detach()
    {
        var clock = new ManualClock();
        await using var emu = await TestEmulator.StartAsync(TestStates.PrivateLink(), clock);
        var first = await Detach(emu, "ep-1", "sg-b", token: "pl-idem");
        var replay = await Detach(emu, "ep-1", "sg-b", token: "pl-idem"); // not refused by the cooldown: it is the same request
        ResponseAssert.Success(first);
        ResponseAssert.Success(replay);
        Assert.Equal(first.RequestId, replay.RequestId);
        ResponseAssert.Error(await Detach(emu, "ep-1", "sg-c", token: "pl-idem"), 400, "IdempotenceParamNotMatch");
        clock.AdvanceMs(1000);
        ResponseAssert.Success(await Detach(emu, "ep-1", "sg-b", token: "pl-idem"));
        Assert.Single(emu.Server.GetJournal());
    }

    public static TheoryData<string, string, string, string, string> Errors => new()
    {
        { "no RegionId", null, "ep-1", "sg-b", "MissingParameter.RegionId" },
        { "unknown endpoint", Region, "ep-nosuch", "sg-b", "EndpointNotFound" },
        { "endpoint in another region", Region, "ep-beijing", "sg-b", "EndpointNotFound" },
        { "group not on the endpoint", Region, "ep-1", "sg-unused", "SecurityGroupNotFound" },
        { "unknown group", Region, "ep-1", "sg-nosuch", "SecurityGroupNotFound" },
        { "last group", Region, "ep-single", "sg-a", "EndpointMustContainSecurityGroup" },
        { "locked", Region, "ep-locked", "sg-b", "EndpointLocked" },
        { "status Creating", Region, "ep-creating", "sg-b", "EndpointOperationDenied" },
        { "connection in progress", Region, "ep-connecting", "sg-b", "EndpointConnectionOperationDenied" },
        { "service deleted", Region, "ep-service-deleted", "sg-b", "EndpointServiceDeleted" },
        { "gateway load balancer endpoint", Region, "ep-gwlb", "sg-b", "GatewayLoadBalancerNotSupportSecurityGroup" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Refusals_are_400_with_the_seed_codes_and_change_nothing(string why, string region, string endpoint, string group, string code)
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.PrivateLink());
        var before = JsonSerializer.Serialize(emu.Server.GetState());
        var r = await Detach(emu, endpoint, group, region: region);
        Assert.True(r.Status == 400 && r.Code == code, $"{why}: expected 400 {code}, got {r}");
        ResponseAssert.Error(r, 400, code);
        Assert.Equal(before, JsonSerializer.Serialize(emu.Server.GetState()));
        Assert.Empty(emu.Server.GetJournal());
    }

    [Fact]
    public async Task ListVpcEndpointSecurityGroups_pages_and_echoes_MaxResults_and_NextToken()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.PrivateLink());
        var seen = new List<string>();
        string token = null;
        var pages = 0;
        do
        {
            var parameters = new Dictionary<string, string> { ["RegionId"] = Region, ["EndpointId"] = "ep-many", ["MaxResults"] = "2" };
            if (token != null) parameters["NextToken"] = token;
            var r = await emu.Client.PrivateLink("ListVpcEndpointSecurityGroups", parameters);
            ResponseAssert.Success(r);
            Assert.Equal(2, r["MaxResults"].GetInt32());
            Assert.True(r.Body.TryGetProperty("NextToken", out _));
            seen.AddRange(r["SecurityGroups"].EnumerateArray().Select(g => g.GetProperty("SecurityGroupId").GetString()));
            token = r["NextToken"].GetString();
            pages++;
        } while (!string.IsNullOrEmpty(token));
        Assert.Equal(3, pages);
        Assert.Equal(new[] { "sg-1", "sg-2", "sg-3", "sg-4", "sg-5" }, seen);
        ResponseAssert.Error(await emu.Client.PrivateLink("ListVpcEndpointSecurityGroups", new { RegionId = Region, EndpointId = "ep-many", MaxResults = 51 }), 400, "InvalidParameter");
        ResponseAssert.Error(await emu.Client.PrivateLink("ListVpcEndpointSecurityGroups", new { RegionId = Region, EndpointId = "ep-nosuch" }), 400, "EndpointNotFound");
    }

    [Fact]
    public async Task GetVpcEndpointAttribute_answers_the_endpoint_fields()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.PrivateLink());
        var r = await emu.Client.PrivateLink("GetVpcEndpointAttribute", new { RegionId = Region, EndpointId = "ep-creating" });
        ResponseAssert.Success(r);
        Assert.Equal("ep-creating", r["EndpointId"].GetString());
        Assert.Equal("Creating", r["EndpointStatus"].GetString());
        Assert.Equal("Interface", r["EndpointType"].GetString());
        Assert.Equal(Region, r["RegionId"].GetString());
        Assert.Equal("Normal", r["EndpointBusinessStatus"].GetString());
        ResponseAssert.Error(await emu.Client.PrivateLink("GetVpcEndpointAttribute", new { RegionId = "cn-beijing", EndpointId = "ep-1" }), 400, "EndpointNotFound");
    }
}
