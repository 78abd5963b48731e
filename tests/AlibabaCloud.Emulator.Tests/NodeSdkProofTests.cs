using System.Diagnostics;
using AlibabaCloud.Emulator.Tests.Support;

namespace AlibabaCloud.Emulator.Tests;

/// <summary>
/// The independent proof: the official Alibaba Cloud Node.js SDK (tests/NodeSdk, pinned by package-lock.json)
/// talks to an in-process emulator unmodified. .ci/run installs it with npm ci; without it this test fails.
/// </summary>
public class NodeSdkProofTests
{
    [Fact]
    public async Task Official_Node_SDK_drives_every_product_through_the_emulator()
    {
        var dir = Path.Combine(RepoPaths.Root, "tests", "NodeSdk");
        if (!Directory.Exists(Path.Combine(dir, "node_modules", "@alicloud", "ecs20140526")))
            Assert.Fail($"The official Node.js SDK is not installed: run `npm ci` in {dir} (.ci/run does this).");

        await using var emu = await TestEmulator.StartAsync();
        var start = new ProcessStartInfo("node") { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("sdk-proof.js");
        start.ArgumentList.Add(emu.Server.BaseAddress.ToString());
        Process process;
        try { process = Process.Start(start)!; }
        catch (System.ComponentModel.Win32Exception e) { Assert.Fail("Cannot start `node` (is Node.js on PATH?): " + e.Message); throw; }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMinutes(2))) != exited)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("sdk-proof.js did not finish within 2 minutes. Output so far:\n" + await stdout);
            }
            var output = await stdout;
            var report = $"exit {process.ExitCode}\n{output}\n{await stderr}";
            Assert.True(process.ExitCode == 0, report);
            foreach (var expected in new[]
            {
                "ok ecs LeaveSecurityGroup success",
                "ok ecs LeaveSecurityGroup last group -> InstanceLastSecurityGroup",
                "ok alb LoadBalancerLeaveSecurityGroup DryRun -> DryRunOperation",
                "ok alb LoadBalancerLeaveSecurityGroup success returns JobId",
                "ok alb ListAsynJobs reaches Succeeded",
                "ok alb unknown load balancer -> ResourceNotFound.LoadBalancer",
                "ok privatelink DetachSecurityGroupFromVpcEndpoint DryRun -> DryRunOperation",
                "ok privatelink DetachSecurityGroupFromVpcEndpoint success",
                "ok privatelink unknown endpoint -> EndpointNotFound",
                "ok privatelink GetVpcEndpointAttribute with V2 signature and form body",
                "ok ecs DescribeSecurityGroups with STS credentials",
                "ok wrong secret -> SignatureDoesNotMatch",
                "ok journal has exactly one entry per removal",
                "sdk-proof: all checks passed",
            })
                Assert.True(output.Contains(expected, StringComparison.Ordinal), $"missing line \"{expected}\" in:\n{report}");
            Assert.DoesNotContain("FAIL", output);

            // The calls really went through this emulator, signed by the SDK.
            var counts = emu.Server.GetRequestCounts();
            Assert.True(counts["LeaveSecurityGroup"] >= 2 && counts["LoadBalancerLeaveSecurityGroup"] >= 3 && counts["DetachSecurityGroupFromVpcEndpoint"] >= 3,
                string.Join(", ", counts.Select(c => $"{c.Key}={c.Value}")));
        }
    }
}
