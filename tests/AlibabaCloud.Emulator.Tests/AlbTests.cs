using System.Text.Json;
using AlibabaCloud.Emulator.Tests.Support;

namespace AlibabaCloud.Emulator.Tests;

/// <summary>ALB LoadBalancerLeaveSecurityGroup: its codes, DryRun, ClientToken, the job lifecycle, ListAsynJobs, GetLoadBalancerAttribute.</summary>
public class AlbTests
{
    private static Task<AcsResponse> Leave(TestEmulator emu, string lb, string[] groups, bool? dryRun = null, string token = null) =>
        emu.Client.Alb("LoadBalancerLeaveSecurityGroup", new { LoadBalancerId = lb, SecurityGroupIds = groups, DryRun = dryRun, ClientToken = token });

    private static async Task<JsonElement> Job(TestEmulator emu, string jobId)
    {
        var r = await emu.Client.Alb("ListAsynJobs", new { JobIds = new[] { jobId } });
        ResponseAssert.Success(r);
        return r["Jobs"].EnumerateArray().Single();
    }

    private static Task<JsonElement> FinishedJob(TestEmulator emu, string jobId) =>
        TestEmulator.Eventually(() => Job(emu, jobId), j => j.GetProperty("Status").GetString() != "Processing", "the job to finish");

    private static async Task<AcsResponse> Attribute(TestEmulator emu, string lb) =>
        await emu.Client.Alb("GetLoadBalancerAttribute", new { LoadBalancerId = lb });

    [Fact]
    public async Task Job_runs_Processing_then_Succeeded_and_removes_the_groups_once()
    {
        var clock = new ManualClock();
        await using var emu = await TestEmulator.StartAsync(TestStates.Alb(), clock);
        var r = await Leave(emu, "alb-1", new[] { "sg-b" }, token: "token-1");
        ResponseAssert.Success(r);
        var jobId = r["JobId"].GetString();
        Assert.False(string.IsNullOrEmpty(jobId));

        var running = await Job(emu, jobId);
        Assert.Equal("Processing", running.GetProperty("Status").GetString());
        Assert.Equal("LoadBalancerLeaveSecurityGroup", running.GetProperty("ApiName").GetString());
        Assert.Equal("alb-1", running.GetProperty("ResourceId").GetString());
        var during = await Attribute(emu, "alb-1");
        Assert.Equal("Configuring", during["LoadBalancerStatus"].GetString());
        Assert.Equal(new[] { "sg-a", "sg-b" }, ResponseAssert.Strings(during["SecurityGroupIds"]));
        Assert.Empty(emu.Server.GetJournal());

        clock.AdvanceMs(199);
        Assert.Equal("Processing", (await Job(emu, jobId)).GetProperty("Status").GetString());
        clock.AdvanceMs(1);
        var done = await Job(emu, jobId);
        Assert.Equal("Succeeded", done.GetProperty("Status").GetString());
        Assert.Equal(200, done.GetProperty("ModifyTime").GetInt64() - done.GetProperty("CreateTime").GetInt64());
        Assert.True(done.GetProperty("ModifyTime").GetInt64() >= done.GetProperty("CreateTime").GetInt64());
        var after = await Attribute(emu, "alb-1");
        Assert.Equal("Active", after["LoadBalancerStatus"].GetString());
        Assert.Equal(new[] { "sg-a" }, ResponseAssert.Strings(after["SecurityGroupIds"]));

        var entry = Assert.Single(emu.Server.GetJournal());
        Assert.Equal(("LoadBalancerLeaveSecurityGroup", "alb-1", r.RequestId, "token-1"), (entry.Action, entry.ResourceId, entry.RequestId, entry.ClientToken));
        Assert.Equal(new[] { "sg-b" }, entry.SecurityGroupIds);
        // The entry is stamped with the job's completion time, not with whenever somebody looked.
        Assert.Equal(done.GetProperty("ModifyTime").GetInt64(), entry.Time.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task Completion_is_journaled_even_if_nobody_polls_the_job()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Alb());
        ResponseAssert.Success(await Leave(emu, "alb-1", new[] { "sg-b" }));
        var journal = await TestEmulator.Eventually(() => emu.AdminGet("journal"), j => j.GetArrayLength() == 1, "the journal entry");
        Assert.Equal("alb-1", journal[0].GetProperty("resourceId").GetString());
    }

    [Fact]
    public async Task While_a_job_runs_the_load_balancer_refuses_changes()
    {
        var clock = new ManualClock();
        await using var emu = await TestEmulator.StartAsync(TestStates.Alb(), clock);
        var first = await Leave(emu, "alb-five", new[] { "sg-e" });
        ResponseAssert.Success(first);
        ResponseAssert.Error(await Leave(emu, "alb-five", new[] { "sg-d" }), 400, "IncorrectStatus.LoadBalancer");
        ResponseAssert.Error(await Leave(emu, "alb-five", new[] { "sg-d" }, dryRun: true), 400, "IncorrectStatus.LoadBalancer");
        ResponseAssert.Success(await Leave(emu, "alb-1", new[] { "sg-b" })); // other load balancers are not affected
        clock.AdvanceMs(200);
        Assert.Equal("Succeeded", (await Job(emu, first["JobId"].GetString())).GetProperty("Status").GetString());
        ResponseAssert.Success(await Leave(emu, "alb-five", new[] { "sg-d" }));
    }

    [Fact]
    public async Task DryRun_validates_without_a_job_or_a_change()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Alb());
        ResponseAssert.Error(await Leave(emu, "alb-1", new[] { "sg-b" }, dryRun: true), 400, "DryRunOperation");
        ResponseAssert.Error(await Leave(emu, "alb-1", new[] { "sg-unused" }, dryRun: true), 400, "ResourceNotAssociated.SecurityGroup");
        var jobs = await emu.Client.Alb("ListAsynJobs", new { ResourceIds = new[] { "alb-1" } });
        Assert.Equal(0, jobs["TotalCount"].GetInt32());
        Assert.Equal("Active", (await Attribute(emu, "alb-1"))["LoadBalancerStatus"].GetString());
        Assert.Equal(new[] { "sg-a", "sg-b" }, emu.Server.GetState().LoadBalancers.Single(l => l.LoadBalancerId == "alb-1").SecurityGroupIds);
    }

    [Fact]
    public async Task Same_ClientToken_and_parameters_replay_the_answer_without_a_second_job()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Alb());
        var first = await Leave(emu, "alb-1", new[] { "sg-b" }, token: "idem-1");
        var second = await Leave(emu, "alb-1", new[] { "sg-b" }, token: "idem-1");
        ResponseAssert.Success(first);
        ResponseAssert.Success(second);
        Assert.Equal(first["JobId"].GetString(), second["JobId"].GetString());
        Assert.Equal(first.RequestId, second.RequestId);

        await FinishedJob(emu, first["JobId"].GetString());
        var third = await Leave(emu, "alb-1", new[] { "sg-b" }, token: "idem-1"); // after completion: still the same answer
        Assert.Equal(first["JobId"].GetString(), third["JobId"].GetString());

        var jobs = await emu.Client.Alb("ListAsynJobs", new { ResourceIds = new[] { "alb-1" } });
        Assert.Equal(1, jobs["TotalCount"].GetInt32());
        Assert.Single(emu.Server.GetJournal());
    }

    [Fact]
    public async Task Same_ClientToken_with_other_parameters_is_IdempotenceParamNotMatch()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Alb());
        ResponseAssert.Success(await Leave(emu, "alb-1", new[] { "sg-b" }, token: "idem-2"));
        ResponseAssert.Error(await Leave(emu, "alb-2", new[] { "sg-b" }, token: "idem-2"), 400, "IdempotenceParamNotMatch");
    }

    [Fact]
    public async Task A_dry_run_neither_uses_nor_consumes_a_ClientToken()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Alb());
        ResponseAssert.Error(await Leave(emu, "alb-1", new[] { "sg-b" }, dryRun: true, token: "idem-3"), 400, "DryRunOperation");
        var real = await Leave(emu, "alb-1", new[] { "sg-b" }, token: "idem-3");
        ResponseAssert.Success(real);
        ResponseAssert.Error(await Leave(emu, "alb-2", new[] { "sg-a" }, dryRun: true, token: "idem-3"), 400, "DryRunOperation");
    }

    [Fact]
    public async Task At_most_four_groups_per_call()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Alb());
        ResponseAssert.Error(await Leave(emu, "alb-five", new[] { "sg-a", "sg-b", "sg-c", "sg-d", "sg-e" }), 400, "InvalidParameter");
        var four = await Leave(emu, "alb-five", new[] { "sg-a", "sg-b", "sg-c", "sg-d" });
        ResponseAssert.Success(four);
        await FinishedJob(emu, four["JobId"].GetString());
        Assert.Equal(new[] { "sg-e" }, ResponseAssert.Strings((await Attribute(emu, "alb-five"))["SecurityGroupIds"]));
        Assert.Equal(new[] { "sg-a", "sg-b", "sg-c", "sg-d" }, Assert.Single(emu.Server.GetJournal()).SecurityGroupIds);
    }

    public static TheoryData<string, string, string[], int, string> Errors => new()
    {
        { "unknown load balancer", "alb-nosuch", new[] { "sg-a" }, 404, "ResourceNotFound.LoadBalancer" },
        { "unknown group", "alb-1", new[] { "sg-nosuch" }, 404, "ResourceNotFound.SecurityGroup" },
        { "group not on this load balancer", "alb-1", new[] { "sg-unused" }, 400, "ResourceNotAssociated.SecurityGroup" },
        { "every group of the load balancer", "alb-1", new[] { "sg-a", "sg-b" }, 400, "OperationDenied.SecurityGroupNotSupport" },
        { "load balancer Inactive", "alb-inactive", new[] { "sg-a" }, 400, "IncorrectStatus.LoadBalancer" },
        { "load balancer Provisioning", "alb-provisioning", new[] { "sg-a" }, 400, "IncorrectStatus.LoadBalancer" },
        { "no groups", "alb-1", new string[0], 400, "MissingParameter.SecurityGroupIds" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public async Task Refusals_carry_the_seed_status_and_change_nothing(string why, string lb, string[] groups, int status, string code)
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Alb());
        var r = await Leave(emu, lb, groups);
        Assert.True(r.Status == status && r.Code == code, $"{why}: expected {status} {code}, got {r}");
        ResponseAssert.Error(r, status, code);
        Assert.Equal(0, (await emu.Client.Alb("ListAsynJobs"))["TotalCount"].GetInt32());
        Assert.Empty(emu.Server.GetJournal());
    }

    [Fact]
    public async Task An_injected_job_failure_ends_Failed_with_a_reason_and_leaves_the_groups()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Alb());
        emu.Server.SetFaults(new FaultSettings { AlbJobFailureRate = 1 });
        var r = await Leave(emu, "alb-1", new[] { "sg-b" });
        ResponseAssert.Success(r);
        var job = await FinishedJob(emu, r["JobId"].GetString());
        Assert.Equal("Failed", job.GetProperty("Status").GetString());
        Assert.Equal("ResourceInUse.SecurityGroup", job.GetProperty("ErrorCode").GetString());
        Assert.False(string.IsNullOrEmpty(job.GetProperty("ErrorMessage").GetString()));
        var after = await Attribute(emu, "alb-1");
        Assert.Equal("Active", after["LoadBalancerStatus"].GetString());
        Assert.Equal(new[] { "sg-a", "sg-b" }, ResponseAssert.Strings(after["SecurityGroupIds"]));
        Assert.Empty(emu.Server.GetJournal());
    }

    [Fact]
    public async Task ListAsynJobs_filters_by_job_ids_and_resource_ids_and_pages()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Alb());
        var ids = new List<string>();
        foreach (var lb in new[] { "alb-1", "alb-2", "alb-3" })
        {
            var r = await Leave(emu, lb, new[] { "sg-b" });
            ResponseAssert.Success(r);
            ids.Add(r["JobId"].GetString());
        }

        var byJob = await emu.Client.Alb("ListAsynJobs", new { JobIds = new[] { ids[2], ids[0] } });
        Assert.Equal(new[] { ids[0], ids[2] }, byJob["Jobs"].EnumerateArray().Select(j => j.GetProperty("Id").GetString()));
        var byResource = await emu.Client.Alb("ListAsynJobs", new { ResourceIds = new[] { "alb-2" }, ResourceType = "loadbalancer", ApiName = "LoadBalancerLeaveSecurityGroup" });
        Assert.Equal(ids[1], byResource["Jobs"].EnumerateArray().Single().GetProperty("Id").GetString());

        var first = await emu.Client.Alb("ListAsynJobs", new { MaxResults = 2 });
        Assert.Equal(3, first["TotalCount"].GetInt32());
        Assert.Equal(2, first["MaxResults"].GetInt32());
        var second = await emu.Client.Alb("ListAsynJobs", new { MaxResults = 2, NextToken = first["NextToken"].GetString() });
        Assert.Equal(ids, first["Jobs"].EnumerateArray().Concat(second["Jobs"].EnumerateArray()).Select(j => j.GetProperty("Id").GetString()));
        Assert.True(string.IsNullOrEmpty(second["NextToken"].GetString()));

        var job = first["Jobs"][0];
        foreach (var field in new[] { "Id", "ApiName", "Status", "ErrorCode", "ErrorMessage", "ResourceId", "ResourceType", "OperateType", "CreateTime", "ModifyTime" })
            Assert.True(job.TryGetProperty(field, out _), field);
        ResponseAssert.Error(await emu.Client.Alb("ListAsynJobs", new { JobIds = Enumerable.Range(0, 11).Select(i => $"job-{i}").ToArray() }), 400, "InvalidParameter");
    }

    [Fact]
    public async Task GetLoadBalancerAttribute_answers_status_and_groups()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Alb());
        var r = await Attribute(emu, "alb-inactive");
        ResponseAssert.Success(r);
        Assert.Equal("alb-inactive", r["LoadBalancerId"].GetString());
        Assert.Equal("Inactive", r["LoadBalancerStatus"].GetString());
        Assert.Equal(new[] { "sg-a", "sg-b" }, ResponseAssert.Strings(r["SecurityGroupIds"]));
        Assert.Equal(JsonValueKind.Array, r["LoadBalancerOperationLocks"].ValueKind);
        ResponseAssert.Error(await Attribute(emu, "alb-nosuch"), 404, "ResourceNotFound.LoadBalancer");
    }
}
