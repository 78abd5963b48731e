using System.Diagnostics;
using AlibabaCloud.Emulator.State;
using AlibabaCloud.Emulator.Tests.Support;

namespace AlibabaCloud.Emulator.Tests;

/// <summary>The state file format and the command line that loads it.</summary>
public class StateFileTests
{
    private static string SamplePath => Path.Combine(RepoPaths.Root, "src", "AlibabaCloud.Emulator", "sample-state.json");

    [Fact]
    public async Task The_sample_state_file_loads_and_its_documented_keys_work()
    {
        var state = StateJson.LoadFile(SamplePath);
        Assert.Equal(3, state.Instances.Count);
        Assert.Equal("security", state.Instances.Single(i => i.InstanceId == "i-bp1locked00000001").LockReason);
        Assert.Equal(2000, state.Behavior.AlbJobMilliseconds);

        await using var emu = await TestEmulator.StartAsync(state);
        ResponseAssert.Success(await emu.Client.Ecs("LeaveSecurityGroup", new { InstanceId = "i-bp1app00000000001", SecurityGroupId = "sg-bp1legacy00000001" }));
        var sts = await emu.Client.Ecs("DescribeSecurityGroups", new { RegionId = "cn-hangzhou" },
            new CallOptions { AccessKeyId = "STS.EmulatorTemporaryKey", Secret = "EmulatorTemporarySecret000000000", SecurityToken = "CAIS-emulator-token" });
        ResponseAssert.Success(sts);
    }

    [Fact]
    public void Every_list_is_optional_and_defaults_are_filled_in()
    {
        var state = StateJson.ReadState("""{ "instances": [ { "instanceId": "i-1", "securityGroupIds": ["sg-1"] } ] }""");
        var normalized = StateValidator.Normalize(state);
        var instance = Assert.Single(normalized.Instances);
        Assert.Equal(("cn-hangzhou", "Running"), (instance.RegionId, instance.Status));
        Assert.Equal("sg-1", Assert.Single(normalized.SecurityGroups).SecurityGroupId);
        Assert.Empty(normalized.LoadBalancers);
        Assert.Equal(5000, normalized.Behavior.EndpointCooldownMilliseconds);
        Assert.Equal("InstanceNotInSecurityGroup", normalized.Behavior.NotMemberErrorCode);
    }

    [Fact]
    public void State_round_trips_through_the_camelCase_schema()
    {
        var original = TestStates.Alb();
        var json = StateJson.Write(original);
        Assert.Contains("\"loadBalancerId\"", json);
        Assert.Contains("\"albJobMilliseconds\"", json);
        Assert.Equal(json, StateJson.Write(StateJson.ReadState(json)));
    }

    [Fact]
    public async Task The_command_line_serves_a_state_file_on_the_given_address()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "AlibabaCloud.Emulator.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "--urls", "http://127.0.0.1:0", "--state", SamplePath }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.NotNull(line);
            var url = System.Text.RegularExpressions.Regex.Match(line, @"http://127\.0\.0\.1:\d+/").Value;
            Assert.False(string.IsNullOrEmpty(url), line);
            using var client = new AcsTestClient(new Uri(url));
            var r = await client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou" });
            ResponseAssert.Success(r);
            Assert.Equal(3, r["TotalCount"].GetInt32());
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
