using AlibabaCloud.Emulator.Tests.Support;

namespace AlibabaCloud.Emulator.Tests;

/// <summary>ECS LeaveSecurityGroup: the success paths and every code of the seed's error table the state can produce.</summary>
public class EcsLeaveSecurityGroupTests
{
    private static Task<AcsResponse> Leave(TestEmulator emu, object parameters) => emu.Client.Ecs("LeaveSecurityGroup", parameters);

    private static List<string> InstanceGroups(TestEmulator emu, string id) =>
        emu.Server.GetState().Instances.Single(i => i.InstanceId == id).SecurityGroupIds;

    private static List<string> EniGroups(TestEmulator emu, string id) =>
        emu.Server.GetState().NetworkInterfaces.Single(i => i.NetworkInterfaceId == id).SecurityGroupIds;

    [Theory]
    [InlineData("i-running")]
    [InlineData("i-stopped")]
    [InlineData("i-financial")] // only a security lock refuses the call
    public async Task Instance_leaves_the_group_and_the_journal_records_it_once(string instanceId)
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Ecs());
        var r = await Leave(emu, new { InstanceId = instanceId, SecurityGroupId = "sg-b" });
        ResponseAssert.Success(r);
        Assert.Equal(new[] { "sg-a" }, InstanceGroups(emu, instanceId));

        var again = await Leave(emu, new { InstanceId = instanceId, SecurityGroupId = "sg-b" });
        ResponseAssert.Error(again, 403, "InstanceNotInSecurityGroup");

        var entry = Assert.Single(emu.Server.GetJournal());
        Assert.Equal("LeaveSecurityGroup", entry.Action);
        Assert.Equal(instanceId, entry.ResourceId);
        Assert.Equal(new[] { "sg-b" }, entry.SecurityGroupIds);
        Assert.Equal(r.RequestId, entry.RequestId);
    }

    [Fact]
    public async Task RegionId_is_optional_for_an_instance_but_must_match_when_given()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Ecs());
        ResponseAssert.Error(await Leave(emu, new { InstanceId = "i-running", SecurityGroupId = "sg-b", RegionId = "cn-beijing" }), 404, "InvalidInstanceId.NotFound");
        ResponseAssert.Success(await Leave(emu, new { InstanceId = "i-running", SecurityGroupId = "sg-b", RegionId = "cn-hangzhou" }));
    }

    [Theory]
    [InlineData("eni-free", "sg-b")]
    [InlineData("eni-inuse", "sg-c")]
    public async Task Network_interface_leaves_the_group(string eniId, string groupId)
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Ecs());
        ResponseAssert.Success(await Leave(emu, new { NetworkInterfaceId = eniId, SecurityGroupId = groupId, RegionId = "cn-hangzhou" }));
        Assert.Equal(new[] { "sg-a" }, EniGroups(emu, eniId));
        var entry = Assert.Single(emu.Server.GetJournal());
        Assert.Equal(eniId, entry.ResourceId);
    }

    public static TheoryData<string, object, int, string> Errors => new()
    {
        { "unknown instance", new { InstanceId = "i-doesnotexist", SecurityGroupId = "sg-a" }, 404, "InvalidInstanceId.NotFound" },
        { "malformed instance id", new { InstanceId = "vm_42", SecurityGroupId = "sg-a" }, 400, "InvalidInstanceId.Malformed" },
        { "upper-case instance id", new { InstanceId = "i-ABC", SecurityGroupId = "sg-a" }, 400, "InvalidInstanceId.Malformed" },
        { "unknown group", new { InstanceId = "i-running", SecurityGroupId = "sg-nosuch" }, 404, "InvalidSecurityGroupId.NotFound" },
        { "group in another region", new { InstanceId = "i-running", SecurityGroupId = "sg-other-region" }, 404, "InvalidSecurityGroupId.NotFound" },
        { "status Pending", new { InstanceId = "i-pending", SecurityGroupId = "sg-b" }, 403, "IncorrectInstanceStatus" },
        { "status Starting", new { InstanceId = "i-starting", SecurityGroupId = "sg-b" }, 403, "IncorrectInstanceStatus" },
        { "status Stopping", new { InstanceId = "i-stopping", SecurityGroupId = "sg-b" }, 403, "IncorrectInstanceStatus" },
        { "last group", new { InstanceId = "i-single", SecurityGroupId = "sg-a" }, 403, "InstanceLastSecurityGroup" },
        { "security lock", new { InstanceId = "i-locked", SecurityGroupId = "sg-b" }, 403, "InstanceLockedForSecurity" },
        { "not a member", new { InstanceId = "i-running", SecurityGroupId = "sg-c" }, 403, "InstanceNotInSecurityGroup" },
        { "managed group", new { InstanceId = "i-managed", SecurityGroupId = "sg-managed" }, 403, "InvalidOperation.ResourceManagedByCloudProduct" },
        { "both ids", new { InstanceId = "i-running", NetworkInterfaceId = "eni-free", SecurityGroupId = "sg-b", RegionId = "cn-hangzhou" }, 403, "InvalidParam.EniIdAndInstanceId.Conflict" },
        { "no SecurityGroupId", new { InstanceId = "i-running" }, 400, "MissingParameter.SecurityGroupId" },
        { "neither id", new { SecurityGroupId = "sg-a" }, 400, "MissingParameter.InstanceId" },
        { "ENI without RegionId", new { NetworkInterfaceId = "eni-free", SecurityGroupId = "sg-b" }, 400, "MissingParameter.RegionId" },
        { "unknown ENI", new { NetworkInterfaceId = "eni-doesnotexist", SecurityGroupId = "sg-b", RegionId = "cn-hangzhou" }, 404, "InvalidEniId.NotFound" },
        { "ENI in another region", new { NetworkInterfaceId = "eni-free", SecurityGroupId = "sg-b", RegionId = "cn-beijing" }, 404, "InvalidEniId.NotFound" },
        { "malformed ENI id", new { NetworkInterfaceId = "nic#1", SecurityGroupId = "sg-b", RegionId = "cn-hangzhou" }, 403, "InvalidParam.Malformed" },
        { "service-managed ENI", new { NetworkInterfaceId = "eni-managed", SecurityGroupId = "sg-b", RegionId = "cn-hangzhou" }, 403, "InvalidOperation.EniServiceManaged" },
        { "primary ENI", new { NetworkInterfaceId = "eni-primary", SecurityGroupId = "sg-b", RegionId = "cn-hangzhou" }, 403, "InvalidOperation.InvalidEniType" },
        { "ENI attaching", new { NetworkInterfaceId = "eni-attaching", SecurityGroupId = "sg-b", RegionId = "cn-hangzhou" }, 400, "InvalidOperation.InvalidEniState" },
        { "ENI last group", new { NetworkInterfaceId = "eni-single", SecurityGroupId = "sg-a", RegionId = "cn-hangzhou" }, 403, "InvalidOperation.AtLeastInOneGroup" },
        { "ENI not a member", new { NetworkInterfaceId = "eni-free", SecurityGroupId = "sg-c", RegionId = "cn-hangzhou" }, 403, "InstanceNotInSecurityGroup" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Refusals_carry_the_seed_status_and_change_nothing(string why, object parameters, int status, string code)
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Ecs());
        var before = System.Text.Json.JsonSerializer.Serialize(emu.Server.GetState());
        var r = await Leave(emu, parameters);
        Assert.True(r.Status == status && r.Code == code, $"{why}: expected {status} {code}, got {r}");
        ResponseAssert.Error(r, status, code);
        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(emu.Server.GetState()));
        Assert.Empty(emu.Server.GetJournal());
    }

    [Fact]
    public async Task Not_a_member_can_be_answered_with_todays_code()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Ecs("InvalidSecurityGroupAssociation.NotFound"));
        ResponseAssert.Error(await Leave(emu, new { InstanceId = "i-running", SecurityGroupId = "sg-c" }), 400, "InvalidSecurityGroupAssociation.NotFound");
        ResponseAssert.Error(await Leave(emu, new { NetworkInterfaceId = "eni-free", SecurityGroupId = "sg-c", RegionId = "cn-hangzhou" }), 400, "InvalidSecurityGroupAssociation.NotFound");
    }

    [Fact]
    public async Task Concurrent_removals_of_the_same_membership_happen_exactly_once()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Ecs());
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Leave(emu, new { InstanceId = "i-running", SecurityGroupId = "sg-b" })));
        Assert.Single(results, r => r.Status == 200);
        Assert.All(results.Where(r => r.Status != 200), r => ResponseAssert.Error(r, 403, "InstanceNotInSecurityGroup"));
        Assert.Single(emu.Server.GetJournal());
    }
}
