using System;
using System.Diagnostics;
using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Benchmarks.Infrastructure;
using AlibabaSecurityGroup.Engine;
using AlibabaSecurityGroup.Tests.Support;

namespace AlibabaSecurityGroup.Benchmarks.Scenarios
{
    /// <summary>
    /// 100,000 items streamed through the engine as a pipeline feeds them (lazily; Submit blocks when the queue is
    /// full), without -PassThru: the client's peak working set must stay flat, because nothing is kept per item
    /// beyond what is in flight. The emulator runs in its own process, so its state is not counted.
    /// </summary>
    internal static class MemoryBenchmark
    {
        public static async Task<int> RunAsync(Args args)
        {
            int n = args.Int("n", 100_000), throttleLimit = args.Int("throttle-limit", 16), latency = args.Int("latency", 0);
            Report.Title("Memory: " + n + " items streamed, ThrottleLimit " + throttleLimit + ", latency " + latency + " ms, no -PassThru");
            await using var emulator = await EmulatorHost.StartChildAsync(n, 2);
            if (latency > 0) await emulator.SetFaultsAsync(new FaultSettings { LatencyMs = latency });

            long before = Process.GetCurrentProcess().WorkingSet64;
            RunFigures figures;
            long peak, peakManaged;
            using (var sampler = new MemorySampler(TimeSpan.FromMilliseconds(50)))
            {
                figures = EngineRun.Run(EngineRun.Options(emulator.Endpoint),
                    new EngineSettings { ThrottleLimit = throttleLimit, PassThru = false },
                    EngineRun.EcsRemovals(n, Ids.Group(2)));
                sampler.Dispose();
                peak = sampler.PeakWorkingSet;
                peakManaged = sampler.PeakManagedHeap;
            }
            EngineRun.Print(figures);
            Report.Line("working set before the run", Report.Mb(before));
            Report.Line("peak working set (process)", Report.Mb(peak) + "  [target < 150 MB: " + Report.Verdict(peak < 150L * 1024 * 1024) + "]");
            Report.Line("peak managed heap (sampled)", Report.Mb(peakManaged));
            Report.Line("gen0/1/2 collections", GC.CollectionCount(0) + " / " + GC.CollectionCount(1) + " / " + GC.CollectionCount(2));
            var journal = await emulator.JournalSummaryAsync("LeaveSecurityGroup");
            Report.Line("journal", journal.Entries + " removals, " + journal.Distinct + " distinct");
            return 0;
        }
    }
}
