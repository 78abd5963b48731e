using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Engine;
using AlibabaSecurityGroup.Engine.Operations;
using AlibabaSecurityGroup.Engine.Sink;
using AlibabaSecurityGroup.Engine.Validation;
using AlibabaSecurityGroup.Model;
using AlibabaSecurityGroup.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace AlibabaSecurityGroup.Tests.Scale
{
    /// <summary>
    /// A generated corpus of at least 1,000 malformed values per id parameter of each removal operation, and for
    /// -Region, pushed through the engine as piped objects: each is an InvalidArgument error whose TargetObject is the
    /// piped object, before any network call (the emulator counts zero requests), and a good item after them succeeds.
    /// </summary>
    public class BadInputTests
    {
        private const int PerParameter = 1000;
        private const string R = EmulatorHarness.Region;
        private readonly ITestOutputHelper _output;

        public BadInputTests(ITestOutputHelper output) { _output = output; }

        public static TheoryData<string> Parameters => new TheoryData<string>
        {
            "Ecs.InstanceId", "Ecs.NetworkInterfaceId", "Ecs.SecurityGroupId",
            "Alb.LoadBalancerId", "Alb.SecurityGroupIds",
            "PrivateLink.EndpointId", "PrivateLink.SecurityGroupId",
            "Region",
        };

        private static EmulatorState State() => new EmulatorState
        {
            Behavior = new BehaviorSettings { AlbJobMilliseconds = 20, EndpointDetachMilliseconds = 20, EndpointCooldownMilliseconds = 20 },
            SecurityGroups = { new SecurityGroupState { SecurityGroupId = Ids.Group(1), RegionId = R }, new SecurityGroupState { SecurityGroupId = Ids.Group(2), RegionId = R } },
            Instances = { new InstanceState { InstanceId = Ids.Instance(1), RegionId = R, Status = "Running", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } } },
            NetworkInterfaces = { new NetworkInterfaceState { NetworkInterfaceId = Ids.Eni(1), RegionId = R, Type = "Secondary", Status = "Available", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } } },
            LoadBalancers = { new LoadBalancerState { LoadBalancerId = Ids.LoadBalancer(1), RegionId = R, Status = "Active", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } } },
            VpcEndpoints = { new VpcEndpointState { EndpointId = Ids.Endpoint(1), RegionId = R, Status = "Active", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } } },
        };

        /// <summary>A piped object as Import-Csv or ConvertFrom-Json makes it: property bag, possibly with nulls inside.</summary>
        private static Dictionary<string, object> Piped(params (string Name, object Value)[] properties) =>
            properties.ToDictionary(p => p.Name, p => p.Value, StringComparer.OrdinalIgnoreCase);

        private static (List<RemovalOperation> Bad, RemovalOperation Good) Corpus(string parameter)
        {
            string sg2 = Ids.Group(2);
            switch (parameter)
            {
                case "Ecs.InstanceId":
                    return (BadInputCorpus.Ids("i-", PerParameter, 101).Select(v => (RemovalOperation)new EcsLeaveOperation(
                        Piped(("InstanceId", v), ("SecurityGroupId", sg2)), null, sg2, v, null)).ToList(),
                        new EcsLeaveOperation(Piped(("InstanceId", Ids.Instance(1))), null, sg2, Ids.Instance(1), null));
                case "Ecs.NetworkInterfaceId":
                    return (BadInputCorpus.Ids("eni-", PerParameter, 102).Select(v => (RemovalOperation)new EcsLeaveOperation(
                        Piped(("NetworkInterfaceId", v), ("SecurityGroupId", sg2)), null, sg2, null, v)).ToList(),
                        new EcsLeaveOperation(Piped(("NetworkInterfaceId", Ids.Eni(1))), null, sg2, null, Ids.Eni(1)));
                case "Ecs.SecurityGroupId":
                    return (BadInputCorpus.Ids("sg-", PerParameter, 103).Select(v => (RemovalOperation)new EcsLeaveOperation(
                        Piped(("InstanceId", Ids.Instance(1)), ("SecurityGroupId", v)), null, v, Ids.Instance(1), null)).ToList(),
                        new EcsLeaveOperation(Piped(("InstanceId", Ids.Instance(1))), null, sg2, Ids.Instance(1), null));
                case "Alb.LoadBalancerId":
                    return (BadInputCorpus.Ids("alb-", PerParameter, 104).Select(v => (RemovalOperation)new AlbLeaveOperation(
                        Piped(("LoadBalancerId", v), ("SecurityGroupIds", new[] { sg2 })), null, v, new[] { sg2 })).ToList(),
                        new AlbLeaveOperation(Piped(("LoadBalancerId", Ids.LoadBalancer(1))), null, Ids.LoadBalancer(1), new[] { sg2 }));
                case "Alb.SecurityGroupIds":
                    return (BadInputCorpus.GroupLists(PerParameter, 105).Select(list => (RemovalOperation)new AlbLeaveOperation(
                        Piped(("LoadBalancerId", Ids.LoadBalancer(1)), ("SecurityGroupIds", list)), null, Ids.LoadBalancer(1), list)).ToList(),
                        new AlbLeaveOperation(Piped(("LoadBalancerId", Ids.LoadBalancer(1))), null, Ids.LoadBalancer(1), new[] { sg2 }));
                case "PrivateLink.EndpointId":
                    return (BadInputCorpus.Ids("ep-", PerParameter, 106).Select(v => (RemovalOperation)new PrivateLinkDetachOperation(
                        Piped(("EndpointId", v), ("SecurityGroupId", sg2)), null, v, sg2)).ToList(),
                        new PrivateLinkDetachOperation(Piped(("EndpointId", Ids.Endpoint(1))), null, Ids.Endpoint(1), sg2));
                case "PrivateLink.SecurityGroupId":
                    return (BadInputCorpus.Ids("sg-", PerParameter, 107).Select(v => (RemovalOperation)new PrivateLinkDetachOperation(
                        Piped(("EndpointId", Ids.Endpoint(1)), ("SecurityGroupId", v)), null, Ids.Endpoint(1), v)).ToList(),
                        new PrivateLinkDetachOperation(Piped(("EndpointId", Ids.Endpoint(1))), null, Ids.Endpoint(1), sg2));
                case "Region":
                    // -Region is checked by the engine for every operation: spread the corpus over the three.
                    return (BadInputCorpus.Regions(PerParameter, 108).Select((region, i) =>
                    {
                        var input = Piped(("RegionId", region));
                        switch (i % 3)
                        {
                            case 0: return (RemovalOperation)new EcsLeaveOperation(input, region, sg2, Ids.Instance(1), null);
                            case 1: return new AlbLeaveOperation(input, region, Ids.LoadBalancer(1), new[] { sg2 });
                            default: return new PrivateLinkDetachOperation(input, region, Ids.Endpoint(1), sg2);
                        }
                    }).ToList(),
                        new EcsLeaveOperation(Piped(("RegionId", R)), R, sg2, Ids.Instance(1), null));
                default: throw new ArgumentOutOfRangeException(nameof(parameter));
            }
        }

        private static bool Printable(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                var category = char.GetUnicodeCategory(c);
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { i++; continue; }
                if (category == System.Globalization.UnicodeCategory.Control || category == System.Globalization.UnicodeCategory.Format
                    || category == System.Globalization.UnicodeCategory.Surrogate || category == System.Globalization.UnicodeCategory.LineSeparator
                    || category == System.Globalization.UnicodeCategory.ParagraphSeparator || (char.IsWhiteSpace(c) && c != ' ')) return false;
            }
            return true;
        }

        private static string Escape(string text) => string.Concat(text.Select(c => c < 128 && !char.IsControl(c) ? c.ToString() : "\\u" + ((int)c).ToString("x4")));

        [Fact]
        public void The_corpus_is_large_distinct_and_entirely_malformed()
        {
            foreach (var prefix in BadInputCorpus.Prefixes)
            {
                var values = BadInputCorpus.Ids(prefix, PerParameter, 1);
                Assert.True(values.Count >= PerParameter);
                Assert.Equal(values.Count, values.Distinct().Count());
                Assert.DoesNotContain(values, v => BadInputCorpus.IsValidId(v, prefix));
                // Every family is represented.
                Assert.Contains(values, v => v == null);
                Assert.Contains(values, v => v != null && v.Trim().Length == 0);
                Assert.Contains(values, v => v != null && v.Length > IdRules.MaxLength);
                Assert.Contains(values, v => v != null && v.Any(char.IsControl));
                Assert.Contains(values, v => v != null && v.Any(c => c > 127));
                Assert.Contains(values, v => v != null && v.Contains("DROP TABLE"));
                Assert.Contains(values, v => v != null && v.Contains("$("));
            }
            var regions = BadInputCorpus.Regions(PerParameter, 1);
            Assert.True(regions.Count >= PerParameter);
            Assert.DoesNotContain(regions, BadInputCorpus.IsValidRegion);
        }

        [Theory]
        [MemberData(nameof(Parameters))]
        public async Task Every_malformed_value_is_InvalidArgument_before_any_call_and_the_run_goes_on(string parameter)
        {
            var (bad, good) = Corpus(parameter);
            Assert.True(bad.Count >= PerParameter);
            await using var emulator = await EmulatorHarness.StartAsync(State());

            var sink = new RecordingSink();
            using (var engine = RemovalEngine.Open(emulator.Options(), EmulatorHarness.Settings(s => s.Wait = true), sink))
            {
                foreach (var op in bad) engine.Submit(op);
                // Validation happens in Submit, on the pipeline thread: nothing was sent for any of them.
                Assert.Equal(0, emulator.TotalRequests);
                Assert.Empty(sink.ShouldProcessCalls);
                engine.Submit(good);
                engine.Complete();
            }

            _output.WriteLine(parameter + ": " + bad.Count + " malformed values rejected; for example: " +
                string.Join(" | ", sink.Errors.Take(3).Select(e => e.Message)));
            Assert.Equal(bad.Count, sink.Errors.Count);
            for (int i = 0; i < bad.Count; i++)
            {
                var error = sink.Errors[i];
                Assert.Equal("InvalidArgument", error.ErrorId);
                Assert.Equal(EngineErrorCategory.InvalidArgument, error.Category);
                Assert.Same(bad[i].InputObject, error.TargetObject);
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
                // The message echoes the value, but never raw: no control, format (bidi override, zero-width) or
                // unpaired surrogate character can reorder or hide text in a terminal or a log.
                Assert.True(Printable(error.Message), "unprintable character in: " + Escape(error.Message));
            }
            var result = Assert.Single(sink.Results);
            Assert.Equal(RemovalStatus.Removed, result.Status);
            Assert.Single(emulator.Server.GetJournal());
            Assert.Single(sink.ShouldProcessCalls);
            Assert.Empty(sink.OffThreadCalls);
        }
    }
}
