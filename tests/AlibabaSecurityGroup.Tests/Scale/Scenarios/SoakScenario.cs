using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Engine;
using AlibabaSecurityGroup.Engine.Operations;
using AlibabaSecurityGroup.Model;
using AlibabaSecurityGroup.Tests.Support;

namespace AlibabaSecurityGroup.Tests.Scale
{
    /// <summary>What a soak run did, and every way it broke exactness (empty when none).</summary>
    public sealed class SoakOutcome
    {
        public int Items { get; set; }
        public int Results { get; set; }
        public int Errors { get; set; }
        public Dictionary<string, int> ErrorIds { get; } = new Dictionary<string, int>(StringComparer.Ordinal);
        public int JournalEntries { get; set; }
        public int RequestsSent { get; set; }
        public long Attempts { get; set; }
        public long Retries { get; set; }
        public long ThrottledAttempts { get; set; }
        public int RecoveredByEarlierAttempt { get; set; }

        /// <summary>Attempts answered SignatureNonceUsed: the HTTP stack resent a request whose connection dropped.</summary>
        public int NonceReplays { get; set; }
        public TimeSpan Elapsed { get; set; }
        public List<string> Problems { get; } = new List<string>();
        public List<string> OffThreadCalls { get; set; } = new List<string>();

        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "{0} items: {1} results, {2} errors ({3}); journal {4}; {5} requests, {6} attempts, {7} retries ({8} throttled); " +
            "{9} recovered after an unanswered attempt; {12} SignatureNonceUsed replays; {10:0.0} s; problems: {11}",
            Items, Results, Errors, string.Join(", ", ErrorIds.Select(e => e.Key + " x" + e.Value)), JournalEntries, RequestsSent, Attempts,
            Retries, ThrottledAttempts, RecoveredByEarlierAttempt, Elapsed.TotalSeconds, Problems.Count == 0 ? "none" : string.Join("; ", Problems.Take(10)), NonceReplays);
    }

    /// <summary>
    /// The fault soak, shared by the CI test (N=500) and the benchmark program (N=5000): one bulk run through the real
    /// engine against the emulator injecting throttling, server errors, connection resets and latency jitter, then
    /// the exactness checks: every input item ends in exactly one result or one error; the emulator's journal has
    /// exactly one effective removal per succeeded item and none for a failed one; nothing is lost or doubled.
    /// </summary>
    public static class SoakScenario
    {
        private const string R = EmulatorHarness.Region;

        /// <summary>The mix: 20% throttling, 5% server errors, 2% resets, latency with jitter.</summary>
        public static FaultSettings Faults(int seed) => new FaultSettings
        {
            ThrottleRate = 0.20,
            ServerErrorRate = 0.05,
            ResetRate = 0.02,
            LatencyMs = 2,
            LatencyJitterMs = 20,
            Seed = seed,
        };

        /// <summary>
        /// ECS LeaveSecurityGroup for <paramref name="n"/> instances (a tenth of them secondary network interfaces),
        /// each in two groups, under <see cref="Faults"/>.
        /// </summary>
        public static async Task<SoakOutcome> RunEcsAsync(int n, int seed = 1, int throttleLimit = 16, Action<ClientOptions> adjust = null,
            FaultSettings faults = null)
        {
            var state = new EmulatorState();
            state.SecurityGroups.Add(new SecurityGroupState { SecurityGroupId = Ids.Group(1), RegionId = R, VpcId = "vpc-bp1soak" });
            state.SecurityGroups.Add(new SecurityGroupState { SecurityGroupId = Ids.Group(2), RegionId = R, VpcId = "vpc-bp1soak" });
            var items = new List<(string Input, string ResourceId, RemovalOperation Operation)>(n);
            for (int i = 1; i <= n; i++)
            {
                string input = "soak-" + i.ToString("D6", CultureInfo.InvariantCulture);
                if (i % 10 == 0)
                {
                    state.NetworkInterfaces.Add(new NetworkInterfaceState { NetworkInterfaceId = Ids.Eni(i), RegionId = R, Type = "Secondary", Status = "Available", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } });
                    items.Add((input, Ids.Eni(i), new EcsLeaveOperation(input, null, Ids.Group(2), null, Ids.Eni(i))));
                }
                else
                {
                    state.Instances.Add(new InstanceState { InstanceId = Ids.Instance(i), RegionId = R, Status = "Running", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } });
                    items.Add((input, Ids.Instance(i), new EcsLeaveOperation(input, null, Ids.Group(2), Ids.Instance(i), null)));
                }
            }

            await using var emulator = await EmulatorHarness.StartAsync(state);
            emulator.Server.SetFaults(faults ?? Faults(seed));
            var (sink, outcome) = Run(emulator, items.Select(x => x.Operation), EmulatorHarness.Settings(s => s.ThrottleLimit = throttleLimit), adjust);
            emulator.Server.SetFaults(new FaultSettings());

            var journal = emulator.Server.GetJournal();
            outcome.JournalEntries = journal.Count;
            outcome.RequestsSent = emulator.TotalRequests;
            var effective = journal.SelectMany(j => j.SecurityGroupIds.Select(g => (j.ResourceId, Group: g))).ToList();
            var perResource = effective.GroupBy(e => e.ResourceId).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var inputByResource = items.ToDictionary(x => x.ResourceId, x => x.Input, StringComparer.Ordinal);
            CheckOneOutcomeEach(outcome, sink, items.Select(x => x.Input).ToList(), r => inputByResource.TryGetValue(r.ResourceId, out var i) ? i : null);

            var succeeded = new HashSet<string>(sink.Results.Select(r => r.ResourceId), StringComparer.Ordinal);
            var failedInputs = new HashSet<string>(sink.Errors.Select(e => e.TargetObject as string), StringComparer.Ordinal);
            foreach (var item in items)
            {
                perResource.TryGetValue(item.ResourceId, out int applied);
                if (succeeded.Contains(item.ResourceId) && applied != 1)
                    outcome.Problems.Add(item.Input + " (" + item.ResourceId + ") succeeded but the journal has " + applied + " removals");
                if (failedInputs.Contains(item.Input) && applied != 0)
                    outcome.Problems.Add(item.Input + " (" + item.ResourceId + ") failed but the journal has " + applied + " removals");
            }
            foreach (var e in effective.Where(e => e.Group != Ids.Group(2)))
                outcome.Problems.Add("the journal removed an unexpected group: " + e.ResourceId + "/" + e.Group);
            var final = emulator.Server.GetState();
            foreach (var i in final.Instances.Where(i => !i.SecurityGroupIds.Contains(Ids.Group(1))))
                outcome.Problems.Add(i.InstanceId + " lost the group it had to keep");
            outcome.RecoveredByEarlierAttempt = sink.Verbose.Count(v => v.Contains("the earlier attempt did it"));
            return outcome;
        }

        /// <summary>
        /// ALB LoadBalancerLeaveSecurityGroup with -Wait for <paramref name="loadBalancers"/> load balancers, two groups
        /// leaving each one after the other, while the emulator fails 10% of the jobs (ResourceInUse.SecurityGroup),
        /// on top of the same faults on every call. Each failed job must be reported once, with its job error code.
        /// </summary>
        public static async Task<SoakOutcome> RunAlbAsync(int loadBalancers, int seed = 1, int throttleLimit = 16, Action<ClientOptions> adjust = null)
        {
            var state = new EmulatorState { Behavior = new BehaviorSettings { AlbJobMilliseconds = 40 } };
            for (int g = 1; g <= 3; g++) state.SecurityGroups.Add(new SecurityGroupState { SecurityGroupId = Ids.Group(g), RegionId = R, VpcId = "vpc-bp1soak" });
            var items = new List<(string Input, string LoadBalancerId, string Group, RemovalOperation Operation)>();
            for (int lb = 1; lb <= loadBalancers; lb++)
            {
                state.LoadBalancers.Add(new LoadBalancerState { LoadBalancerId = Ids.LoadBalancer(lb), RegionId = R, Status = "Active", SecurityGroupIds = { Ids.Group(1), Ids.Group(2), Ids.Group(3) } });
                foreach (int g in new[] { 2, 3 })
                {
                    string input = "alb-" + lb.ToString("D5", CultureInfo.InvariantCulture) + "-" + g.ToString(CultureInfo.InvariantCulture);
                    items.Add((input, Ids.LoadBalancer(lb), Ids.Group(g), new AlbLeaveOperation(input, null, Ids.LoadBalancer(lb), new[] { Ids.Group(g) })));
                }
            }

            await using var emulator = await EmulatorHarness.StartAsync(state);
            var faults = Faults(seed);
            faults.AlbJobFailureRate = 0.10;
            emulator.Server.SetFaults(faults);
            var (sink, outcome) = Run(emulator, items.Select(x => x.Operation), EmulatorHarness.Settings(s => { s.ThrottleLimit = throttleLimit; s.Wait = true; }), adjust);
            emulator.Server.SetFaults(new FaultSettings());

            var journal = emulator.Server.GetJournal();
            outcome.JournalEntries = journal.Count;
            outcome.RequestsSent = emulator.TotalRequests;
            var applied = journal.SelectMany(j => j.SecurityGroupIds.Select(g => j.ResourceId + "/" + g))
                .GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var inputByKey = items.ToDictionary(x => x.LoadBalancerId + "/" + x.Group, x => x.Input, StringComparer.Ordinal);
            CheckOneOutcomeEach(outcome, sink, items.Select(x => x.Input).ToList(),
                r => r.SecurityGroupId != null && r.SecurityGroupId.Length == 1 && inputByKey.TryGetValue(r.ResourceId + "/" + r.SecurityGroupId[0], out var i) ? i : null);

            var results = sink.Results.GroupBy(r => r.ResourceId + "/" + r.SecurityGroupId[0]).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var errors = sink.Errors.Where(e => e.TargetObject is string).GroupBy(e => (string)e.TargetObject).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var final = emulator.Server.GetState().LoadBalancers.ToDictionary(lb => lb.LoadBalancerId, StringComparer.Ordinal);
            foreach (var item in items)
            {
                string key = item.LoadBalancerId + "/" + item.Group;
                applied.TryGetValue(key, out int times);
                bool stillThere = final[item.LoadBalancerId].SecurityGroupIds.Contains(item.Group);
                if (results.TryGetValue(key, out var result))
                {
                    if (times != 1) outcome.Problems.Add(item.Input + " succeeded but the journal has " + times + " removals");
                    if (result.Status != RemovalStatus.Removed || string.IsNullOrEmpty(result.JobId)) outcome.Problems.Add(item.Input + " succeeded as " + result.Status + " without its job");
                    if (stillThere) outcome.Problems.Add(item.Input + " succeeded but the group is still attached");
                }
                else if (errors.TryGetValue(item.Input, out var error))
                {
                    if (times != 0) outcome.Problems.Add(item.Input + " failed (" + error.ErrorId + ") but the journal has " + times + " removals");
                    if (!stillThere) outcome.Problems.Add(item.Input + " failed (" + error.ErrorId + ") but the group is gone");
                    if (error.ErrorId == JobFailureCode && !error.Message.Contains("job", StringComparison.OrdinalIgnoreCase))
                        outcome.Problems.Add(item.Input + ": the job failure does not name the job: " + error.Message);
                }
            }
            return outcome;
        }

        /// <summary>The code the emulator gives a failed ALB job.</summary>
        public const string JobFailureCode = "ResourceInUse.SecurityGroup";

        private static (RecordingSink, SoakOutcome) Run(EmulatorHarness emulator, IEnumerable<RemovalOperation> operations, EngineSettings settings, Action<ClientOptions> adjust)
        {
            var sink = new RecordingSink();
            var outcome = new SoakOutcome();
            var watch = Stopwatch.StartNew();
            using (var engine = RemovalEngine.Open(emulator.Options(adjust), settings, sink))
            {
                foreach (var op in operations)
                {
                    engine.Submit(op);
                    outcome.Items++;
                }
                engine.Complete();
                var stats = engine.Session.Statistics;
                outcome.Attempts = stats.Attempts;
                outcome.Retries = stats.Retries;
                outcome.ThrottledAttempts = stats.ThrottledAttempts;
            }
            outcome.Elapsed = watch.Elapsed;
            outcome.Results = sink.Results.Count;
            outcome.Errors = sink.Errors.Count;
            foreach (var e in sink.Errors) outcome.ErrorIds[e.ErrorId] = outcome.ErrorIds.TryGetValue(e.ErrorId, out var c) ? c + 1 : 1;
            outcome.OffThreadCalls = sink.OffThreadCalls.ToList();
            outcome.NonceReplays = sink.Debug.Count(d => d.Contains("SignatureNonceUsed"));
            return (sink, outcome);
        }

        /// <summary>
        /// Every input ends in exactly one result or one error (never both, never none, never twice), and nothing reports
        /// on an input that was not given. Errors name their input (TargetObject); results are mapped back by resource.
        /// </summary>
        private static void CheckOneOutcomeEach(SoakOutcome outcome, RecordingSink sink, IReadOnlyList<string> inputs, Func<SecurityGroupRemovalResult, string> inputOf)
        {
            var count = inputs.ToDictionary(i => i, _ => 0, StringComparer.Ordinal);
            void Count(string input, string what)
            {
                if (input != null && count.ContainsKey(input)) count[input]++;
                else outcome.Problems.Add(what + " for something that was not an input: " + (input ?? "(null)"));
            }
            foreach (var e in sink.Errors) Count(e.TargetObject as string, "an error");
            foreach (var r in sink.Results) Count(inputOf(r), "a result");
            foreach (var c in count.Where(c => c.Value != 1)) outcome.Problems.Add(c.Key + " ended in " + c.Value + " outcomes");
            if (sink.OffThreadCalls.Count > 0) outcome.Problems.Add("sink called off the pipeline thread: " + string.Join(", ", sink.OffThreadCalls.Distinct()));
        }
    }
}
