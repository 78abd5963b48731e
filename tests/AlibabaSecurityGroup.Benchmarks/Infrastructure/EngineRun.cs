using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Engine;
using AlibabaSecurityGroup.Engine.Operations;
using AlibabaSecurityGroup.Tests.Support;

namespace AlibabaSecurityGroup.Benchmarks.Infrastructure
{
    /// <summary>What one pass of the engine did, as the benchmark prints it.</summary>
    internal sealed class RunFigures
    {
        public int Items;
        public TimeSpan Elapsed;
        public MeasuringSink Sink;
        public long Calls, Attempts, Retries, Throttled, Succeeded, Failed;
        public double ItemsPerSecond => Items / Elapsed.TotalSeconds;
    }

    /// <summary>Drives the engine exactly as a removal cmdlet does: Open, Submit each piped item, Complete.</summary>
    internal static class EngineRun
    {
        /// <summary>
        /// ECS LeaveSecurityGroup of <paramref name="groupToRemove"/> for instances 1..N, produced lazily (as a pipeline
        /// produces them: Submit blocks when the engine's queue is full, so nothing is generated ahead of need).
        /// </summary>
        public static IEnumerable<RemovalOperation> EcsRemovals(int n, string groupToRemove) =>
            Enumerable.Range(1, n).Select(i =>
            {
                string id = Ids.Instance(i);
                return (RemovalOperation)new EcsLeaveOperation(id, null, groupToRemove, id, null);
            });

        public static ClientOptions Options(string endpoint, Action<ClientOptions> adjust = null)
        {
            var options = new ClientOptions
            {
                AccessKeyId = EmulatorDefaults.AccessKeyId,
                AccessKeySecret = EmulatorDefaults.AccessKeySecret,
                RegionId = EmulatorHarness.Region,
                Endpoint = endpoint,
                Environment = new TestEnvironment(),
            };
            adjust?.Invoke(options);
            return options;
        }

        public static RunFigures Run(ClientOptions options, EngineSettings settings, IEnumerable<RemovalOperation> operations,
            Action<RemovalEngine> onOpen = null)
        {
            var sink = new MeasuringSink();
            var figures = new RunFigures { Sink = sink };
            using (var engine = RemovalEngine.Open(options, settings, sink))
            {
                onOpen?.Invoke(engine);
                var watch = Stopwatch.StartNew();
                foreach (var op in operations)
                {
                    engine.Submit(op);
                    figures.Items++;
                }
                engine.Complete();
                figures.Elapsed = watch.Elapsed;
                var stats = engine.Session.Statistics;
                figures.Calls = stats.Calls;
                figures.Attempts = stats.Attempts;
                figures.Retries = stats.Retries;
                figures.Throttled = stats.ThrottledAttempts;
                figures.Succeeded = engine.Succeeded;
                figures.Failed = engine.Failed;
            }
            return figures;
        }

        public static void Print(RunFigures f)
        {
            Report.Line("items", f.Items + " (" + f.Succeeded + " succeeded, " + f.Failed + " failed)");
            Report.Line("elapsed", Report.F(f.Elapsed.TotalSeconds, "0.000") + " s");
            Report.Line("throughput", Report.F(f.ItemsPerSecond) + " items/s");
            double p50 = f.Sink.Latency.Percentile(0.50), p99 = f.Sink.Latency.Percentile(0.99);
            Report.Line("per-item p50 / p99", double.IsNaN(p50)
                ? "not measured (results are not kept in this run, as without -PassThru)"
                : Report.F(p50, "0.0") + " ms / " + Report.F(p99, "0.0") + " ms");
            Report.Line("calls / attempts / retries", f.Calls + " / " + f.Attempts + " / " + f.Retries + " (" + f.Throttled + " throttled attempts)");
            foreach (var e in f.Sink.FirstErrors) Report.Line("error", e);
        }
    }
}
