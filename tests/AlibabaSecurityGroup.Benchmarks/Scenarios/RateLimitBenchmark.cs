using System;
using System.Linq;
using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Benchmarks.Infrastructure;
using AlibabaSecurityGroup.Engine;
using AlibabaSecurityGroup.Tests.Support;

namespace AlibabaSecurityGroup.Benchmarks.Scenarios
{
    /// <summary>
    /// The service's per-API rate limit: the emulator answers Throttling.User (with x-acs-retry-after) beyond R
    /// LeaveSecurityGroup calls in one wall-clock second. The engine should run at that limit (>= 0.9 R sustained)
    /// with no failed item, throttled as little as possible (adapting instead of hammering).
    /// </summary>
    internal static class RateLimitBenchmark
    {
        public static async Task<int> RunAsync(Args args)
        {
            int rate = args.Int("rate", 100), n = args.Int("n", rate * 30), latency = args.Int("latency", 20), throttleLimit = args.Int("throttle-limit", 16);
            Report.Title("Rate limit: N=" + n + ", emulator limit R=" + rate + " LeaveSecurityGroup/s, latency " + latency + " ms, ThrottleLimit " + throttleLimit);
            await using var emulator = await EmulatorHost.StartChildAsync(n, 3);
            // Warm-up without the limit (JIT, connections), on group 3.
            EngineRun.Run(EngineRun.Options(emulator.Endpoint), new EngineSettings { ThrottleLimit = throttleLimit, PassThru = true }, EngineRun.EcsRemovals(Math.Min(n, 200), Ids.Group(3)));
            var faults = new FaultSettings { LatencyMs = latency, Seed = 11 };
            faults.RateLimitPerSecond["LeaveSecurityGroup"] = rate;
            await emulator.SetFaultsAsync(faults);
            await emulator.ResetAsync();
            await emulator.SetFaultsAsync(faults);

            bool trace = args.Flag("trace");
            // --gate shared: the plain shared back-off (every worker pauses on each throttled answer), for comparison.
            bool shared = args.Flag("shared-gate");
            System.Action<AlibabaSecurityGroup.Core.ClientOptions> gate = o => { if (shared) o.ThrottleGate = new AlibabaSecurityGroup.Core.Retry.SharedBackoffGate(); };
            System.Threading.Timer tracer = null;
            var f = EngineRun.Run(EngineRun.Options(emulator.Endpoint, gate), new EngineSettings { ThrottleLimit = throttleLimit, PassThru = true }, EngineRun.EcsRemovals(n, Ids.Group(2)),
                engine =>
                {
                    var gate = engine.Session.Core.ThrottleGate;
                    Report.Line("gate", gate.GetType().Name);
                    if (trace)
                    {
                        var watch = System.Diagnostics.Stopwatch.StartNew();
                        tracer = new System.Threading.Timer(_ => Console.WriteLine("    t=" + Report.F(watch.Elapsed.TotalSeconds, "0.0") + "s " + gate +
                            " throttled=" + engine.Session.Statistics.ThrottledAttempts + " calls=" + engine.Session.Statistics.Calls), null, 250, 250);
                    }
                });
            tracer?.Dispose();
            EngineRun.Print(f);
            double overall = f.ItemsPerSecond;
            // Steady state: whole seconds after the first (the limiter learns R there) and before the last (a partial second).
            var perSecond = f.Sink.ResultsPerSecond;
            var steady = perSecond.Skip(1).Take(Math.Max(0, perSecond.Count - 2)).ToList();
            double sustained = steady.Count > 0 ? steady.Average() : overall;
            int requests = await emulator.RequestCountAsync("LeaveSecurityGroup");
            Report.Line("overall rate", Report.F(overall) + " items/s = " + Report.F(overall / rate, "0.00") + " R");
            Report.Line("sustained rate (whole seconds 2..n-1)", Report.F(sustained) + " items/s = " + Report.F(sustained / rate, "0.00") + " R" +
                "  [target >= 0.9 R with 0 failed: " + Report.Verdict(sustained >= 0.9 * rate && f.Failed == 0) + "]");
            Report.Line("slowest / fastest whole second", (steady.Count > 0 ? steady.Min() + " / " + steady.Max() : "-") + " items");
            Report.Line("requests seen by the emulator", requests + " (" + Report.F(100.0 * (requests - f.Succeeded) / Math.Max(1, requests), "0.0") + "% refused)");
            var journal = await emulator.JournalSummaryAsync("LeaveSecurityGroup");
            Report.Line("journal", journal.Entries + " removals, " + journal.Distinct + " distinct");
            return 0;
        }
    }
}
