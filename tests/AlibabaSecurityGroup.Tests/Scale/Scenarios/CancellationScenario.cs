using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Engine;
using AlibabaSecurityGroup.Engine.Errors;
using AlibabaSecurityGroup.Engine.Operations;
using AlibabaSecurityGroup.Tests.Support;

namespace AlibabaSecurityGroup.Tests.Scale
{
    /// <summary>What a stopped run did.</summary>
    public sealed class CancellationOutcome
    {
        public int Items { get; set; }
        public int InFlightAtStop { get; set; }
        public int RequestsAtStop { get; set; }
        public int RequestsAfterComplete { get; set; }
        public int RequestsLater { get; set; }
        public TimeSpan StopToComplete { get; set; }
        public int Results { get; set; }
        public int CancelledAfterSending { get; set; }
        public int CancelledBeforeSending { get; set; }
        public int OtherErrors { get; set; }
        public int JournalEntries { get; set; }
        public List<string> Problems { get; } = new List<string>();

        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "{0} items (the first let through), {1} in flight at Stop; Stop to Complete {2:0} ms; requests at Stop {3}, after Complete {4}, later {5}; " +
            "{6} results, {7} cancelled after sending, {8} cancelled before sending, {9} other errors; journal {10}; problems: {11}",
            Items, InFlightAtStop, StopToComplete.TotalMilliseconds, RequestsAtStop, RequestsAfterComplete, RequestsLater, Results,
            CancelledAfterSending, CancelledBeforeSending, OtherErrors, JournalEntries, Problems.Count == 0 ? "none" : string.Join("; ", Problems));
    }

    /// <summary>
    /// Ctrl+C in the middle of a bulk run, shared by the CI test and the benchmark program. After the run's first item
    /// (its first call goes alone and is let through), the emulator holds every call for <see cref="HeldFor"/> (far longer than the run may take), so a call can only end early by being
    /// aborted: every in-flight item must end as OperationCancelled, the queued ones too, and the emulator must see
    /// no request after Stop.
    /// </summary>
    public static class CancellationScenario
    {
        public static readonly TimeSpan HeldFor = TimeSpan.FromSeconds(30);
        private const string R = EmulatorHarness.Region;

        public static async Task<CancellationOutcome> RunAsync(int inFlight, int items)
        {
            var state = new EmulatorState();
            state.SecurityGroups.Add(new SecurityGroupState { SecurityGroupId = Ids.Group(1), RegionId = R, VpcId = "vpc-bp1stop" });
            state.SecurityGroups.Add(new SecurityGroupState { SecurityGroupId = Ids.Group(2), RegionId = R, VpcId = "vpc-bp1stop" });
            var ops = new List<RemovalOperation>();
            for (int i = 1; i <= items; i++)
            {
                state.Instances.Add(new InstanceState { InstanceId = Ids.Instance(i), RegionId = R, Status = "Running", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } });
                ops.Add(new EcsLeaveOperation("stop-" + i.ToString(CultureInfo.InvariantCulture), null, Ids.Group(2), Ids.Instance(i), null));
            }
            await using var emulator = await EmulatorHarness.StartAsync(state);

            var outcome = new CancellationOutcome { Items = items };
            var sink = new RecordingSink();
            using (var engine = RemovalEngine.Open(emulator.Options(), EmulatorHarness.Settings(s => s.ThrottleLimit = inFlight), sink))
            {
                // A run sends its first call alone; let that one through quickly, then hold every call.
                engine.Submit(ops[0]);
                var opened = DateTime.UtcNow.AddSeconds(20);
                while (engine.Session.Statistics.Calls == 0 && DateTime.UtcNow < opened) Thread.Sleep(5);
                emulator.Server.SetFaults(new FaultSettings { LatencyMs = (int)HeldFor.TotalMilliseconds });
                foreach (var op in ops.Skip(1)) engine.Submit(op);
                int expectedAtStop = 1 + inFlight;

                // Ctrl+C from another thread once every slot has a call at the emulator (PowerShell calls StopProcessing
                // on a thread of its own while the pipeline thread sits in EndProcessing).
                var watch = new Stopwatch();
                var stopper = Task.Run(async () =>
                {
                    var deadline = DateTime.UtcNow.AddSeconds(20);
                    while (emulator.TotalRequests < expectedAtStop && DateTime.UtcNow < deadline) await Task.Delay(10);
                    outcome.RequestsAtStop = emulator.TotalRequests;
                    watch.Start();
                    engine.Stop();
                });
                engine.Complete();
                watch.Stop();
                stopper.GetAwaiter().GetResult();
                outcome.StopToComplete = watch.Elapsed;
                outcome.InFlightAtStop = outcome.RequestsAtStop - 1;
            }
            outcome.RequestsAfterComplete = emulator.TotalRequests;
            await Task.Delay(500);
            outcome.RequestsLater = emulator.TotalRequests;
            outcome.JournalEntries = emulator.Server.GetJournal().Count;

            outcome.Results = sink.Results.Count;
            foreach (var e in sink.Errors)
            {
                if (e.ErrorId != ErrorCodes.OperationCancelled) outcome.OtherErrors++;
                else if (e.Message.Contains("nothing was sent", StringComparison.Ordinal)) outcome.CancelledBeforeSending++;
                else outcome.CancelledAfterSending++;
            }

            if (outcome.InFlightAtStop != inFlight) outcome.Problems.Add("expected " + inFlight + " calls in flight at Stop, the emulator had " + outcome.InFlightAtStop);
            if (outcome.RequestsLater != outcome.RequestsAtStop) outcome.Problems.Add((outcome.RequestsLater - outcome.RequestsAtStop) + " requests reached the emulator after Stop");
            if (outcome.Results != 1) outcome.Problems.Add((outcome.Results - 1) + " held items succeeded: a held call was not aborted");
            if (outcome.OtherErrors != 0) outcome.Problems.Add(outcome.OtherErrors + " items ended with another error than OperationCancelled: " +
                string.Join(", ", sink.Errors.Where(e => e.ErrorId != ErrorCodes.OperationCancelled).Select(e => e.ErrorId).Distinct()));
            if (outcome.CancelledAfterSending != inFlight) outcome.Problems.Add(outcome.CancelledAfterSending + " items cancelled after sending, expected " + inFlight);
            if (outcome.CancelledBeforeSending != items - 1 - inFlight) outcome.Problems.Add(outcome.CancelledBeforeSending + " items cancelled before sending, expected " + (items - 1 - inFlight));
            var counts = sink.Errors.GroupBy(e => e.TargetObject).Where(g => g.Count() > 1).ToList();
            if (counts.Count > 0) outcome.Problems.Add(counts.Count + " items reported more than once");
            if (outcome.JournalEntries != 1) outcome.Problems.Add("the emulator applied " + (outcome.JournalEntries - 1) + " removals of aborted calls");
            if (sink.OffThreadCalls.Count > 0) outcome.Problems.Add("sink called off the pipeline thread");
            return outcome;
        }
    }
}
