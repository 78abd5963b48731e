using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AlibabaCloud.Emulator.Tests.Support;

namespace AlibabaCloud.Emulator.Tests;

/// <summary>The unsigned /_emulator/ API and the in-process facade that mirrors it.</summary>
public class AdminApiTests
{
    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task State_is_read_in_the_file_schema_with_current_values()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Ecs());
        ResponseAssert.Success(await emu.Client.Ecs("LeaveSecurityGroup", new { InstanceId = "i-running", SecurityGroupId = "sg-b" }));
        var state = await emu.AdminGet("state");
        foreach (var list in new[] { "credentials", "securityGroups", "instances", "networkInterfaces", "loadBalancers", "vpcEndpoints" })
            Assert.Equal(JsonValueKind.Array, state.GetProperty(list).ValueKind);
        var running = state.GetProperty("instances").EnumerateArray().Single(i => i.GetProperty("instanceId").GetString() == "i-running");
        Assert.Equal(new[] { "sg-a" }, ResponseAssert.Strings(running.GetProperty("securityGroupIds")));
        Assert.Equal("Running", running.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, running.GetProperty("lockReason").ValueKind);
        var behavior = state.GetProperty("behavior");
        Assert.Equal(2000, behavior.GetProperty("albJobMilliseconds").GetInt32());
        Assert.Equal("InstanceNotInSecurityGroup", behavior.GetProperty("notMemberErrorCode").GetString());
    }

    [Fact]
    public async Task State_is_replaced_by_PUT_and_the_API_sees_it_at_once()
    {
        await using var emu = await TestEmulator.StartAsync();
        const string doc = """
        { "instances": [ { "instanceId": "i-new", "regionId": "cn-hangzhou", "status": "Running", "securityGroupIds": ["sg-1", "sg-2"] } ],
          "behavior": { "notMemberErrorCode": "InvalidSecurityGroupAssociation.NotFound" } }
        """;
        using (var put = await emu.Admin.PutAsync("_emulator/state", Json(doc))) Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        ResponseAssert.Error(await emu.Client.Ecs("LeaveSecurityGroup", new { InstanceId = "i-new", SecurityGroupId = "sg-3x" }), 404, "InvalidSecurityGroupId.NotFound");
        ResponseAssert.Success(await emu.Client.Ecs("LeaveSecurityGroup", new { InstanceId = "i-new", SecurityGroupId = "sg-2" }));
        ResponseAssert.Error(await emu.Client.Ecs("LeaveSecurityGroup", new { InstanceId = "i-new", SecurityGroupId = "sg-2" }), 400, "InvalidSecurityGroupAssociation.NotFound");
        // Groups a resource mentions exist implicitly (in the resource's region) and show up in the state.
        var state = emu.Server.GetState();
        Assert.Equal(new[] { "sg-1", "sg-2" }, state.SecurityGroups.Select(g => g.SecurityGroupId));
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{ "instances": [ { "instanceId": "i-1" }, { "instanceId": "i-1" } ] }""")]
    [InlineData("""{ "behavior": { "notMemberErrorCode": "Whatever" } }""")]
    [InlineData("""{ "credentials": [ { "accessKeyId": "only-id" } ] }""")]
    public async Task A_bad_state_document_is_400_and_leaves_the_state_alone(string doc)
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Ecs());
        var before = JsonSerializer.Serialize(emu.Server.GetState());
        using var put = await emu.Admin.PutAsync("_emulator/state", Json(doc));
        Assert.Equal(HttpStatusCode.BadRequest, put.StatusCode);
        Assert.Equal(before, JsonSerializer.Serialize(emu.Server.GetState()));
    }

    [Fact]
    public async Task GetState_returns_a_deep_copy()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Ecs());
        var copy = emu.Server.GetState();
        copy.Instances[0].SecurityGroupIds.Clear();
        copy.Instances.Clear();
        Assert.Equal(new[] { "sg-a", "sg-b" }, emu.Server.GetState().Instances[0].SecurityGroupIds);
    }

    [Fact]
    public async Task Journal_lists_effective_changes_in_order_with_all_fields()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Ecs());
        var a = await emu.Client.Ecs("LeaveSecurityGroup", new { InstanceId = "i-running", SecurityGroupId = "sg-b" });
        await emu.Client.Ecs("LeaveSecurityGroup", new { InstanceId = "i-single", SecurityGroupId = "sg-a" }); // refused: not journaled
        var b = await emu.Client.Ecs("LeaveSecurityGroup", new { NetworkInterfaceId = "eni-free", SecurityGroupId = "sg-a", RegionId = "cn-hangzhou" });
        var journal = await emu.AdminGet("journal");
        Assert.Equal(2, journal.GetArrayLength());
        Assert.Equal(new[] { a.RequestId, b.RequestId }, journal.EnumerateArray().Select(e => e.GetProperty("requestId").GetString()));
        var first = journal[0];
        foreach (var field in new[] { "time", "action", "resourceId", "securityGroupIds", "requestId", "clientToken" })
            Assert.True(first.TryGetProperty(field, out _), field);
        Assert.Equal("eni-free", journal[1].GetProperty("resourceId").GetString());
        Assert.Equal(emu.Server.GetJournal().Select(e => e.RequestId), journal.EnumerateArray().Select(e => e.GetProperty("requestId").GetString()));
    }

    [Fact]
    public async Task Requests_are_counted_per_action_including_failures_and_dry_runs()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Alb());
        await emu.Client.Alb("LoadBalancerLeaveSecurityGroup", new { LoadBalancerId = "alb-1", SecurityGroupIds = new[] { "sg-b" }, DryRun = true });
        await emu.Client.Alb("LoadBalancerLeaveSecurityGroup", new { LoadBalancerId = "alb-nosuch", SecurityGroupIds = new[] { "sg-b" } });
        await emu.Client.Alb("LoadBalancerLeaveSecurityGroup", new { LoadBalancerId = "alb-1", SecurityGroupIds = new[] { "sg-b" } }, new CallOptions { Secret = "wrong" });
        await emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou" });
        var counts = await emu.AdminGet("requests");
        Assert.Equal(3, counts.GetProperty("LoadBalancerLeaveSecurityGroup").GetInt32());
        Assert.Equal(1, counts.GetProperty("DescribeInstances").GetInt32());
        Assert.Equal(3, emu.Server.GetRequestCounts()["LoadBalancerLeaveSecurityGroup"]);
    }

    [Fact]
    public async Task Reset_clears_journal_counts_nonces_and_faults_but_not_the_state()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Ecs());
        var nonce = Guid.NewGuid().ToString("N");
        ResponseAssert.Success(await emu.Client.Ecs("LeaveSecurityGroup", new { InstanceId = "i-running", SecurityGroupId = "sg-b" }, new CallOptions { Nonce = nonce }));
        using (var faults = await emu.Admin.PutAsync("_emulator/faults", Json("""{ "throttleRate": 1 }"""))) faults.EnsureSuccessStatusCode();

        using (var reset = await emu.Admin.PostAsync("_emulator/reset", null)) reset.EnsureSuccessStatusCode();

        Assert.Equal(0, (await emu.AdminGet("journal")).GetArrayLength());
        Assert.Empty((await emu.AdminGet("requests")).EnumerateObject());
        Assert.Equal(0, (await emu.AdminGet("faults")).GetProperty("throttleRate").GetDouble());
        ResponseAssert.Success(await emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou" }, new CallOptions { Nonce = nonce }));
        Assert.Equal(new[] { "sg-a" }, emu.Server.GetState().Instances.Single(i => i.InstanceId == "i-running").SecurityGroupIds);
    }

    [Fact]
    public async Task Unknown_admin_routes_are_404_and_admin_calls_need_no_signature()
    {
        await using var emu = await TestEmulator.StartAsync();
        using var missing = await emu.Admin.GetAsync("_emulator/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var health = await emu.Admin.GetAsync("_emulator/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
