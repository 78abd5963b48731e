using System.Text.Json;
using AlibabaCloud.Emulator.Tests.Support;

namespace AlibabaCloud.Emulator.Tests;

/// <summary>DescribeInstances, DescribeNetworkInterfaces and DescribeSecurityGroups: fields, filters and paging.</summary>
public class EcsDescribeTests
{
    private static EmulatorState Many(int count)
    {
        var state = new EmulatorState();
        for (var i = 0; i < count; i++)
            state.Instances.Add(new InstanceState
            {
                InstanceId = $"i-{i:d4}", RegionId = "cn-hangzhou", Status = "Running",
                SecurityGroupIds = { i % 2 == 0 ? "sg-even" : "sg-odd", "sg-all" },
            });
        state.Instances.Add(new InstanceState { InstanceId = "i-bj", RegionId = "cn-beijing", Status = "Running", SecurityGroupIds = { "sg-bj" } });
        return state;
    }

    private static List<string> Ids(AcsResponse r, string outer, string inner, string field) =>
        r[outer].GetProperty(inner).EnumerateArray().Select(e => e.GetProperty(field).GetString()).ToList();

    private static List<string> InstanceIds(AcsResponse r) => Ids(r, "Instances", "Instance", "InstanceId");

    [Fact]
    public async Task DescribeInstances_returns_the_documented_fields()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Ecs());
        var r = await emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou", InstanceIds = "[\"i-locked\",\"i-running\"]" });
        ResponseAssert.Success(r);
        Assert.Equal(2, r["TotalCount"].GetInt32());
        var instances = r["Instances"].GetProperty("Instance").EnumerateArray().ToDictionary(e => e.GetProperty("InstanceId").GetString());
        var locked = instances["i-locked"];
        Assert.Equal("Running", locked.GetProperty("Status").GetString());
        Assert.Equal("cn-hangzhou", locked.GetProperty("RegionId").GetString());
        Assert.Equal(new[] { "sg-a", "sg-b" }, ResponseAssert.Strings(locked.GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId")));
        Assert.Equal("security", locked.GetProperty("OperationLocks").GetProperty("LockReason")[0].GetProperty("LockReason").GetString());
        Assert.Equal(0, instances["i-running"].GetProperty("OperationLocks").GetProperty("LockReason").GetArrayLength());
        foreach (var field in new[] { "PageNumber", "PageSize", "NextToken" }) Assert.True(r.Body.TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task DescribeInstances_filters_by_region_ids_and_group()
    {
        await using var emu = await TestEmulator.StartAsync(Many(30));
        var even = await emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou", SecurityGroupId = "sg-even", MaxResults = 100 });
        Assert.Equal(15, even["TotalCount"].GetInt32());
        Assert.All(InstanceIds(even), id => Assert.Equal(0, int.Parse(id.Substring(2)) % 2));

        var byIds = await emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou", InstanceIds = "[\"i-0007\",\"i-0003\",\"i-bj\",\"i-nosuch\"]" });
        Assert.Equal(new[] { "i-0003", "i-0007" }, InstanceIds(byIds)); // load order; other regions and unknown ids left out

        var beijing = await emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-beijing" });
        Assert.Equal(new[] { "i-bj" }, InstanceIds(beijing));

        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou", InstanceIds = "i-0001" }), 400, "InvalidInstanceIds.Malformed");
        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", new { InstanceIds = "[\"i-0001\"]" }), 400, "MissingParameter.RegionId");
    }

    [Fact]
    public async Task DescribeInstances_pages_with_NextToken_and_keeps_its_place_when_memberships_change()
    {
        await using var emu = await TestEmulator.StartAsync(Many(25));
        var seen = new List<string>();
        string token = null;
        var pages = 0;
        do
        {
            var r = await emu.Client.Ecs("DescribeInstances", token == null
                ? new { RegionId = "cn-hangzhou", SecurityGroupId = "sg-all", MaxResults = 10, NextToken = (string)null }
                : new { RegionId = "cn-hangzhou", SecurityGroupId = "sg-all", MaxResults = 10, NextToken = token });
            ResponseAssert.Success(r);
            seen.AddRange(InstanceIds(r));
            token = r["NextToken"].GetString();
            pages++;
            // Between pages, an instance already returned leaves the filtered group: later pages must not shift.
            if (pages == 1) ResponseAssert.Success(await emu.Client.Ecs("LeaveSecurityGroup", new { InstanceId = "i-0000", SecurityGroupId = "sg-all" }));
        } while (!string.IsNullOrEmpty(token));
        Assert.Equal(3, pages);
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"i-{i:d4}"), seen);
    }

    [Fact]
    public async Task DescribeInstances_pages_by_number()
    {
        await using var emu = await TestEmulator.StartAsync(Many(25));
        var page3 = await emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou", PageNumber = 3, PageSize = 10 });
        Assert.Equal(new[] { "i-0020", "i-0021", "i-0022", "i-0023", "i-0024" }, InstanceIds(page3));
        Assert.Equal(25, page3["TotalCount"].GetInt32());
        Assert.Equal(3, page3["PageNumber"].GetInt32());
        Assert.Equal(10, page3["PageSize"].GetInt32());
        var defaults = await emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou" });
        Assert.Equal(10, InstanceIds(defaults).Count);
        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou", MaxResults = 101 }), 400, "InvalidParameter");
    }

    [Fact]
    public async Task A_token_from_before_the_state_was_replaced_is_refused()
    {
        await using var emu = await TestEmulator.StartAsync(Many(25));
        var first = await emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou", MaxResults = 10 });
        emu.Server.SetState(Many(25));
        var r = await emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou", MaxResults = 10, NextToken = first["NextToken"].GetString() });
        ResponseAssert.Error(r, 400, "InvalidParameter.NextToken");
        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou", NextToken = "garbage" }), 400, "InvalidParameter.NextToken");
    }

    [Fact]
    public async Task DescribeNetworkInterfaces_returns_fields_and_filters()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Ecs());
        var r = await emu.Client.Ecs("DescribeNetworkInterfaces", new { RegionId = "cn-hangzhou", NetworkInterfaceId = new[] { "eni-managed", "eni-inuse" } });
        ResponseAssert.Success(r);
        var sets = r["NetworkInterfaceSets"].GetProperty("NetworkInterfaceSet").EnumerateArray().ToList();
        Assert.Equal(new[] { "eni-inuse", "eni-managed" }, sets.Select(s => s.GetProperty("NetworkInterfaceId").GetString()));
        Assert.Equal("i-running", sets[0].GetProperty("InstanceId").GetString());
        Assert.Equal("InUse", sets[0].GetProperty("Status").GetString());
        Assert.Equal("Secondary", sets[0].GetProperty("Type").GetString());
        Assert.False(sets[0].GetProperty("ServiceManaged").GetBoolean());
        Assert.True(sets[1].GetProperty("ServiceManaged").GetBoolean());
        Assert.Equal(new[] { "sg-a", "sg-c" }, ResponseAssert.Strings(sets[0].GetProperty("SecurityGroupIds").GetProperty("SecurityGroupId")));

        List<string> Enis(AcsResponse x) => Ids(x, "NetworkInterfaceSets", "NetworkInterfaceSet", "NetworkInterfaceId");
        Assert.Equal(new[] { "eni-inuse" }, Enis(await emu.Client.Ecs("DescribeNetworkInterfaces", new { RegionId = "cn-hangzhou", SecurityGroupId = "sg-c" })));
        Assert.Equal(new[] { "eni-inuse", "eni-primary" }, Enis(await emu.Client.Ecs("DescribeNetworkInterfaces", new { RegionId = "cn-hangzhou", InstanceId = "i-running" })));
        Assert.Equal(new[] { "eni-primary" }, Enis(await emu.Client.Ecs("DescribeNetworkInterfaces", new { RegionId = "cn-hangzhou", Type = "Primary" })));
        ResponseAssert.Error(await emu.Client.Ecs("DescribeNetworkInterfaces"), 400, "MissingParameter.RegionId");
    }

    [Fact]
    public async Task DescribeNetworkInterfaces_pages_with_NextToken()
    {
        var state = new EmulatorState();
        for (var i = 0; i < 23; i++)
            state.NetworkInterfaces.Add(new NetworkInterfaceState { NetworkInterfaceId = $"eni-{i:d3}", RegionId = "cn-hangzhou", SecurityGroupIds = { "sg-a" } });
        await using var emu = await TestEmulator.StartAsync(state);
        var seen = new List<string>();
        string token = null;
        do
        {
            var parameters = new Dictionary<string, string> { ["RegionId"] = "cn-hangzhou", ["MaxResults"] = "10" };
            if (token != null) parameters["NextToken"] = token;
            var r = await emu.Client.Ecs("DescribeNetworkInterfaces", parameters);
            ResponseAssert.Success(r);
            Assert.Equal(23, r["TotalCount"].GetInt32());
            seen.AddRange(Ids(r, "NetworkInterfaceSets", "NetworkInterfaceSet", "NetworkInterfaceId"));
            token = r["NextToken"].GetString();
        } while (!string.IsNullOrEmpty(token));
        Assert.Equal(state.NetworkInterfaces.Select(e => e.NetworkInterfaceId), seen);
    }

    [Fact]
    public async Task DescribeSecurityGroups_returns_fields_filters_and_pages()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Ecs());
        List<string> Groups(AcsResponse x) => Ids(x, "SecurityGroups", "SecurityGroup", "SecurityGroupId");

        var one = await emu.Client.Ecs("DescribeSecurityGroups", new { RegionId = "cn-hangzhou", SecurityGroupId = "sg-c" });
        ResponseAssert.Success(one);
        var g = one["SecurityGroups"].GetProperty("SecurityGroup")[0];
        Assert.Equal("vpc-2", g.GetProperty("VpcId").GetString());
        Assert.Equal(new[] { "sg-a", "sg-b" }, Groups(await emu.Client.Ecs("DescribeSecurityGroups", new { RegionId = "cn-hangzhou", SecurityGroupIds = "[\"sg-b\",\"sg-a\"]" })));
        Assert.Equal(new[] { "sg-c" }, Groups(await emu.Client.Ecs("DescribeSecurityGroups", new { RegionId = "cn-hangzhou", VpcId = "vpc-2" })));

        var first = await emu.Client.Ecs("DescribeSecurityGroups", new { RegionId = "cn-hangzhou", MaxResults = 2 });
        Assert.Equal(4, first["TotalCount"].GetInt32());
        var second = await emu.Client.Ecs("DescribeSecurityGroups", new { RegionId = "cn-hangzhou", MaxResults = 2, NextToken = first["NextToken"].GetString() });
        Assert.Equal(new[] { "sg-a", "sg-b", "sg-c", "sg-managed" }, Groups(first).Concat(Groups(second)));
        Assert.Equal(string.Empty, second["NextToken"].GetString());
        Assert.Equal(new[] { "sg-other-region", "sg-x" }, Groups(await emu.Client.Ecs("DescribeSecurityGroups", new { RegionId = "cn-beijing" })));
    }
}
