using System.Text.Json;
using AlibabaCloud.Emulator.Tests.Support;

namespace AlibabaCloud.Emulator.Tests;

/// <summary>ListLoadBalancers and ListVpcEndpoints: the listings the module's tab completion reads.</summary>
public class ListingTests
{
    [Fact]
    public async Task ListLoadBalancers_pages_through_every_load_balancer()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Alb());
        var expected = emu.Server.GetState().LoadBalancers.Select(lb => lb.LoadBalancerId).ToList();
        var seen = new List<string>();
        string token = null;
        do
        {
            var r = await emu.Client.Alb("ListLoadBalancers", new { MaxResults = 2, NextToken = token });
            ResponseAssert.Success(r);
            seen.AddRange(r["LoadBalancers"].EnumerateArray().Select(lb => lb.GetProperty("LoadBalancerId").GetString()));
            token = r["NextToken"].ValueKind == JsonValueKind.String ? r["NextToken"].GetString() : null;
            if (string.IsNullOrEmpty(token)) token = null;
        } while (token != null);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task ListLoadBalancers_filters_by_id()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.Alb());
        var r = await emu.Client.Alb("ListLoadBalancers", new { LoadBalancerIds = new[] { "alb-1" } });
        ResponseAssert.Success(r);
        Assert.Equal("alb-1", r["LoadBalancers"].EnumerateArray().Single().GetProperty("LoadBalancerId").GetString());
    }

    [Fact]
    public async Task ListVpcEndpoints_lists_the_regions_endpoints_and_requires_a_region()
    {
        await using var emu = await TestEmulator.StartAsync(TestStates.PrivateLink());
        var r = await emu.Client.PrivateLink("ListVpcEndpoints", new { RegionId = TestStates.Region, MaxResults = 100 });
        ResponseAssert.Success(r);
        var ids = r["Endpoints"].EnumerateArray().Select(e => e.GetProperty("EndpointId").GetString()).ToList();
        Assert.Equal(emu.Server.GetState().VpcEndpoints.Where(e => e.RegionId == TestStates.Region).Select(e => e.EndpointId), ids);

        var other = await emu.Client.PrivateLink("ListVpcEndpoints", new { RegionId = "eu-west-1" });
        ResponseAssert.Success(other);
        Assert.Empty(other["Endpoints"].EnumerateArray());

        ResponseAssert.Error(await emu.Client.PrivateLink("ListVpcEndpoints", new { }), 400, "MissingParameter.RegionId");
    }
}
