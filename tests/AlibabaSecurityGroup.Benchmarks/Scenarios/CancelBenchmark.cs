using System.Threading.Tasks;
using AlibabaSecurityGroup.Benchmarks.Infrastructure;
using AlibabaSecurityGroup.Tests.Scale;

namespace AlibabaSecurityGroup.Benchmarks.Scenarios
{
    /// <summary>The CI cancellation scenario, timed: how long from Stop() (Ctrl+C) until Complete() returns.</summary>
    internal static class CancelBenchmark
    {
        public static async Task<int> RunAsync(Args args)
        {
            int inFlight = args.Int("in-flight", 16), items = args.Int("items", 200), rounds = args.Int("rounds", 5);
            Report.Title("Cancellation: " + items + " items, ThrottleLimit " + inFlight + ", every call held " +
                         CancellationScenario.HeldFor.TotalSeconds + " s by the emulator, Stop() once all are in flight; " + rounds + " rounds");
            int failures = 0;
            double worst = 0;
            for (int i = 1; i <= rounds; i++)
            {
                var o = await CancellationScenario.RunAsync(inFlight, items);
                worst = System.Math.Max(worst, o.StopToComplete.TotalMilliseconds);
                Report.Line("round " + i, "Stop to Complete " + Report.F(o.StopToComplete.TotalMilliseconds, "0") + " ms; requests at Stop " +
                    o.RequestsAtStop + ", 500 ms after Complete " + o.RequestsLater + "; " + o.CancelledAfterSending + " in-flight + " +
                    o.CancelledBeforeSending + " queued items cancelled" + (o.Problems.Count == 0 ? "" : "; PROBLEMS: " + string.Join("; ", o.Problems)));
                if (o.Problems.Count > 0) failures++;
            }
            Report.Line("worst Stop to Complete", Report.F(worst, "0") + " ms  [every in-flight call ends within 1 s: " + Report.Verdict(worst < 1000 && failures == 0) + "]");
            return failures == 0 ? 0 : 1;
        }
    }
}
