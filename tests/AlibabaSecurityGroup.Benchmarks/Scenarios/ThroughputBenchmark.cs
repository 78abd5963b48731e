using System;
using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Benchmarks.Infrastructure;
using AlibabaSecurityGroup.Engine;
using AlibabaSecurityGroup.Tests.Support;

namespace AlibabaSecurityGroup.Benchmarks.Scenarios
{
    /// <summary>
    /// Pipelined bulk removal against the emulator with injected latency: ours (the engine the cmdlets use) against
    /// the ideal N x latency / ThrottleLimit and against the official Node.js SDK in a sequential loop.
    /// </summary>
    internal static class ThroughputBenchmark
    {
        public static async Task<int> RunAsync(Args args)
        {
            int n = args.Int("n", 2000), latency = args.Int("latency", 20), jitter = args.Int("jitter", 0);
            int throttleLimit = args.Int("throttle-limit", 16), rateLimit = args.Int("rate-limit", 0);
            bool baseline = !args.Flag("no-baseline");

            Report.Title("Throughput: N=" + n + ", latency " + latency + " ms + jitter 0-" + jitter + " ms, ThrottleLimit " + throttleLimit +
                         (rateLimit > 0 ? ", emulator rate limit " + rateLimit + "/s" : ""));
            // Groups: 2 is removed by the engine, 3 by the Node baseline, 4 by the warm-up (1 stays, so no item is a last group).
            await using var emulator = await EmulatorHost.StartChildAsync(n, 4);
            var faults = new FaultSettings { LatencyMs = latency, LatencyJitterMs = jitter, Seed = 7 };
            if (rateLimit > 0) faults.RateLimitPerSecond["LeaveSecurityGroup"] = rateLimit;
            await emulator.SetFaultsAsync(faults);

            // Warm-up (JIT, connection pool), not measured.
            EngineRun.Run(EngineRun.Options(emulator.Endpoint), Settings(throttleLimit), EngineRun.EcsRemovals(Math.Min(n, 200), Ids.Group(4)));

            var ours = EngineRun.Run(EngineRun.Options(emulator.Endpoint), Settings(throttleLimit), EngineRun.EcsRemovals(n, Ids.Group(2)));
            Console.WriteLine("  ours (RemovalEngine, as Remove-EcsSecurityGroupMember -ThrottleLimit " + throttleLimit + "):");
            EngineRun.Print(ours);
            double meanLatency = latency + jitter / 2.0;
            double ideal = n * meanLatency / 1000.0 / throttleLimit;
            double ratio = ideal / ours.Elapsed.TotalSeconds;
            Report.Line("ideal N x latency / ThrottleLimit", Report.F(ideal, "0.000") + " s (mean latency " + Report.F(meanLatency) + " ms)");
            Report.Line("ratio to ideal", Report.F(ratio, "0.00") + (rateLimit == 0 ? "  [target >= 0.8: " + Report.Verdict(ratio >= 0.8) + "]" : ""));
            var journal = await emulator.JournalSummaryAsync("LeaveSecurityGroup");
            Report.Line("journal (ours + warm-up)", journal.Entries + " removals, " + journal.Distinct + " distinct");

            if (!baseline) return 0;
            Console.WriteLine("  baseline (official Node.js SDK @alicloud/ecs20140526, sequential loop):");
            var node = await NodeBaseline.RunAsync(emulator.Endpoint, n, Ids.Group(3));
            if (node == null) return 1;
            Report.Line("items", node.N + " (" + node.Failed + " failed" + (node.FirstError != null ? ", first: " + node.FirstError : "") + ")");
            Report.Line("elapsed", Report.F(node.Ms / 1000, "0.000") + " s");
            Report.Line("throughput", Report.F(node.ItemsPerSecond) + " items/s");
            double speedup = ours.ItemsPerSecond / node.ItemsPerSecond;
            Report.Line("ours / baseline", Report.F(speedup, "0.0") + "x" + (rateLimit == 0 ? "  [target >= 10x: " + Report.Verdict(speedup >= 10) + "]" : ""));
            return 0;
        }

        private static EngineSettings Settings(int throttleLimit) => new EngineSettings { ThrottleLimit = throttleLimit, PassThru = true };
    }
}
