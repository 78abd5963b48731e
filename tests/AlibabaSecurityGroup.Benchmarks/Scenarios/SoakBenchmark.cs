using System;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Benchmarks.Infrastructure;
using AlibabaSecurityGroup.Tests.Scale;

namespace AlibabaSecurityGroup.Benchmarks.Scenarios
{
    /// <summary>The CI soak's own code (tests/AlibabaSecurityGroup.Tests/Scale/Scenarios) at a larger N.</summary>
    internal static class SoakBenchmark
    {
        public static async Task<int> RunAsync(Args args)
        {
            int n = args.Int("n", 5000), alb = args.Int("alb", 200), seed = args.Int("seed", 1), throttleLimit = args.Int("throttle-limit", 16);
            Report.Title("Fault soak (ECS): N=" + n + ", 20% throttling, 5% server errors, 2% resets, latency 2-22 ms, ThrottleLimit " + throttleLimit);
            var ecs = await SoakScenario.RunEcsAsync(n, seed, throttleLimit);
            Print(ecs);
            Report.Title("Fault soak (ALB, -Wait): " + alb + " load balancers x 2 groups, 10% failed jobs, same faults on every call");
            var albOutcome = await SoakScenario.RunAlbAsync(alb, seed, throttleLimit);
            Print(albOutcome);
            Report.Line("failed jobs reported", (albOutcome.ErrorIds.TryGetValue(SoakScenario.JobFailureCode, out var f) ? f : 0) + " (" + SoakScenario.JobFailureCode + ")");
            return ecs.Problems.Count == 0 && albOutcome.Problems.Count == 0 ? 0 : 1;
        }

        private static void Print(SoakOutcome o)
        {
            Report.Line("items", o.Items + ": " + o.Results + " results + " + o.Errors + " errors");
            Report.Line("errors by id", o.ErrorIds.Count == 0 ? "none" : string.Join(", ", o.ErrorIds));
            Report.Line("elapsed", Report.F(o.Elapsed.TotalSeconds, "0.0") + " s (" + Report.F(o.Items / o.Elapsed.TotalSeconds) + " items/s)");
            Report.Line("requests / attempts / retries", o.RequestsSent + " / " + o.Attempts + " / " + o.Retries + " (" + o.ThrottledAttempts + " throttled)");
            Report.Line("journal", o.JournalEntries + " effective removals");
            Report.Line("recovered after a lost answer", o.RecoveredByEarlierAttempt + " (SignatureNonceUsed replays: " + o.NonceReplays + ")");
            Report.Line("exactness problems", o.Problems.Count == 0 ? "none  [every item exactly once: MET]" : o.Problems.Count + ": " + string.Join("; ", o.Problems));
        }
    }
}
