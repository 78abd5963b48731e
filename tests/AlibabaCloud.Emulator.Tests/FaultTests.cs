using System.Net.Http.Json;
using System.Text;
using AlibabaCloud.Emulator.Tests.Support;

namespace AlibabaCloud.Emulator.Tests;

/// <summary>Fault injection: throttling, rate limits, server errors, dropped connections, latency, determinism.</summary>
public class FaultTests
{
    private static EmulatorState ManyInstances(int count)
    {
        var state = new EmulatorState();
        for (var i = 0; i < count; i++)
            state.Instances.Add(new InstanceState { InstanceId = $"i-{i:d3}", RegionId = "cn-hangzhou", Status = "Running", SecurityGroupIds = { "sg-a", "sg-b" } });
        return state;
    }

    [Fact]
    public async Task Throttled_calls_use_the_real_codes_carry_retry_after_and_change_nothing()
    {
        await using var emu = await TestEmulator.StartAsync(ManyInstances(20));
        emu.Server.SetFaults(new FaultSettings { ThrottleRate = 1, Seed = 7 });
        var results = new List<AcsResponse>();
        for (var i = 0; i < 20; i++)
            results.Add(await emu.Client.Ecs("LeaveSecurityGroup", new { InstanceId = $"i-{i:d3}", SecurityGroupId = "sg-b" }));
        foreach (var r in results)
        {
            Assert.Contains(r.Code, new[] { "Throttling", "Throttling.Api" });
            Assert.Contains(r.Status, new[] { 400, 429 });
            ResponseAssert.Error(r, r.Status, r.Code);
            var retryAfter = int.Parse(r.Header("x-acs-retry-after"));
            Assert.InRange(retryAfter, 100, 500);
        }
        Assert.True(results.Select(r => (r.Code, r.Status)).Distinct().Count() > 1, "the seed should mix codes and statuses");
        Assert.Empty(emu.Server.GetJournal());
        Assert.All(emu.Server.GetState().Instances, i => Assert.Equal(2, i.SecurityGroupIds.Count));
    }

    [Fact]
    public async Task Rate_limit_answers_Throttling_User_beyond_N_calls_per_second_for_that_action_only()
    {
        await using var emu = await TestEmulator.StartAsync(ManyInstances(1));
        emu.Server.SetFaults(new FaultSettings { RateLimitPerSecond = { ["DescribeInstances"] = 2 } });
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou" })));
        var limited = results.Where(r => r.Status != 200).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, r =>
        {
            ResponseAssert.Error(r, 400, "Throttling.User");
            Assert.Equal("Request was denied due to user flow control.", r.Message);
            Assert.InRange(int.Parse(r.Header("x-acs-retry-after")), 1, 1000);
        });
        // Other actions are not limited.
        var others = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => emu.Client.Ecs("DescribeSecurityGroups", new { RegionId = "cn-hangzhou" })));
        Assert.All(others, ResponseAssert.Success);
    }

    [Fact]
    public async Task Server_errors_are_500_or_503_and_not_applied()
    {
        await using var emu = await TestEmulator.StartAsync(ManyInstances(20));
        emu.Server.SetFaults(new FaultSettings { ServerErrorRate = 1, Seed = 3 });
        var results = new List<AcsResponse>();
        for (var i = 0; i < 20; i++)
            results.Add(await emu.Client.Ecs("LeaveSecurityGroup", new { InstanceId = $"i-{i:d3}", SecurityGroupId = "sg-b" }));
        Assert.All(results, r => Assert.True((r.Status == 500 && r.Code == "InternalError") || (r.Status == 503 && r.Code == "ServiceUnavailable"), r.ToString()));
        Assert.Contains(results, r => r.Status == 500);
        Assert.Contains(results, r => r.Status == 503);
        Assert.Empty(emu.Server.GetJournal());
        Assert.All(emu.Server.GetState().Instances, i => Assert.Equal(2, i.SecurityGroupIds.Count));
    }

    [Fact]
    public async Task Resets_drop_the_connection_and_some_are_applied_first()
    {
        await using var emu = await TestEmulator.StartAsync(ManyInstances(20));
        emu.Server.SetFaults(new FaultSettings { ResetRate = 1, Seed = 11 });
        for (var i = 0; i < 20; i++)
        {
            var id = $"i-{i:d3}";
            await Assert.ThrowsAnyAsync<HttpRequestException>(() =>
                emu.Client.Ecs("LeaveSecurityGroup", new { InstanceId = id, SecurityGroupId = "sg-b" }, new CallOptions { CloseConnection = true }));
        }
        var journal = emu.Server.GetJournal();
        Assert.InRange(journal.Count, 1, 19); // the outcome is genuinely unknown to the client: some applied, some not
        var changed = emu.Server.GetState().Instances.Where(i => i.SecurityGroupIds.Count == 1).Select(i => i.InstanceId).OrderBy(x => x);
        Assert.Equal(journal.Select(e => e.ResourceId).OrderBy(x => x), changed);
        Assert.Equal(20, emu.Server.GetRequestCounts()["LeaveSecurityGroup"]);
    }

    [Fact]
    public async Task Faults_never_apply_to_the_admin_api_and_come_after_authentication()
    {
        await using var emu = await TestEmulator.StartAsync(ManyInstances(1));
        emu.Server.SetFaults(new FaultSettings { ThrottleRate = 1, LatencyMs = 20, LatencyJitterMs = 10 });
        Assert.Equal(1, (await emu.AdminGet("state")).GetProperty("instances").GetArrayLength());
        ResponseAssert.Error(await emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou" }, new CallOptions { Secret = "wrong" }), 400, "SignatureDoesNotMatch");
    }

    [Fact]
    public async Task Latency_delays_but_does_not_change_the_answer()
    {
        await using var emu = await TestEmulator.StartAsync(ManyInstances(1));
        using (var put = await emu.Admin.PutAsync("_emulator/faults", new StringContent("""{ "latencyMs": 30, "latencyJitterMs": 20, "seed": 5 }""", Encoding.UTF8, "application/json")))
            put.EnsureSuccessStatusCode();
        var faults = await emu.AdminGet("faults");
        Assert.Equal(30, faults.GetProperty("latencyMs").GetInt32());
        var r = await emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou" });
        ResponseAssert.Success(r);
        Assert.Equal(1, r["TotalCount"].GetInt32());
    }

    [Fact]
    public async Task The_same_seed_gives_the_same_sequence_of_outcomes()
    {
        async Task<string> Run()
        {
            await using var emu = await TestEmulator.StartAsync(ManyInstances(1));
            emu.Server.SetFaults(new FaultSettings { ThrottleRate = 0.3, ServerErrorRate = 0.3, Seed = 42 });
            var codes = new List<string>();
            for (var i = 0; i < 30; i++)
                codes.Add((await emu.Client.Ecs("DescribeInstances", new { RegionId = "cn-hangzhou" })).Code ?? "OK");
            return string.Join(",", codes);
        }
        var first = await Run();
        Assert.Equal(first, await Run());
        Assert.Contains("OK", first);
        Assert.Contains("Throttling", first);
    }
}
