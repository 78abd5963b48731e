using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Core.Signing;
using AlibabaSecurityGroup.Engine;
using AlibabaSecurityGroup.Engine.Operations;
using AlibabaSecurityGroup.Engine.Sink;
using AlibabaSecurityGroup.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace AlibabaSecurityGroup.Tests.Scale
{
    /// <summary>
    /// A full bulk run with STS credentials, with Verbose and Debug captured (the engine's sink receives the core's log
    /// too), under throttling, server errors and resets, with failing items, -Wait and -WhatIf: the access key secret,
    /// the security token and the request signatures appear nowhere: not in any line, error, recommended action,
    /// exception (message, ToString, inner exceptions, data) or result.
    /// </summary>
    public class SecretsTests
    {
        private const string R = EmulatorHarness.Region;
        private const string KeyId = "STS.NSecretsTestKeyId00001";
        private const string Secret = "SecretsTestStsAccessKeySecret9f3Kq7Zx";
        private const string Token = "CAIS8wF1q6Ft5B2yfSjIr5bWIfTXhbdE0Kynf0pGzDw1nSaGL4A0pU7gKkLm4d7Tz9Y3xR2vQ8hJ6sW1eN5bC0aM";
        private readonly ITestOutputHelper _output;

        public SecretsTests(ITestOutputHelper output) { _output = output; }

        private static EmulatorState State()
        {
            var state = new EmulatorState
            {
                Credentials = { new CredentialState { AccessKeyId = KeyId, AccessKeySecret = Secret, SecurityToken = Token, Expiration = DateTimeOffset.UtcNow.AddHours(6) } },
                Behavior = new BehaviorSettings { AlbJobMilliseconds = 40, EndpointDetachMilliseconds = 40, EndpointCooldownMilliseconds = 60 },
            };
            for (int g = 1; g <= 3; g++) state.SecurityGroups.Add(new SecurityGroupState { SecurityGroupId = Ids.Group(g), RegionId = R });
            for (int i = 1; i <= 120; i++)
            {
                var instance = new InstanceState { InstanceId = Ids.Instance(i), RegionId = R, Status = "Running", SecurityGroupIds = { Ids.Group(2) } };
                if (i % 10 != 0) instance.SecurityGroupIds.Add(Ids.Group(1)); // every tenth is in its last group: an error
                state.Instances.Add(instance);
            }
            for (int n = 1; n <= 15; n++)
            {
                state.LoadBalancers.Add(new LoadBalancerState { LoadBalancerId = Ids.LoadBalancer(n), RegionId = R, Status = "Active", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } });
                state.VpcEndpoints.Add(new VpcEndpointState { EndpointId = Ids.Endpoint(n), RegionId = R, Status = "Active", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } });
            }
            return state;
        }

        private static List<RemovalOperation> Operations()
        {
            var ops = new List<RemovalOperation>();
            for (int i = 1; i <= 120; i++) ops.Add(new EcsLeaveOperation("ecs-" + i, null, Ids.Group(2), Ids.Instance(i), null));
            for (int i = 1; i <= 5; i++) ops.Add(new EcsLeaveOperation("not-member-" + i, null, Ids.Group(3), Ids.Instance(i), null));
            for (int n = 1; n <= 15; n++)
            {
                ops.Add(new AlbLeaveOperation("alb-" + n, null, Ids.LoadBalancer(n), new[] { Ids.Group(2) }));
                ops.Add(new PrivateLinkDetachOperation("ep-" + n, null, Ids.Endpoint(n), Ids.Group(2)));
            }
            return ops;
        }

        [Fact]
        public async Task No_secret_token_or_signature_appears_in_anything_a_bulk_run_writes()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            await using var proxy = new SniffingProxy(emulator.Server.BaseAddress);
            emulator.Server.SetFaults(new FaultSettings { ThrottleRate = 0.2, ServerErrorRate = 0.05, ResetRate = 0.05, LatencyJitterMs = 5, AlbJobFailureRate = 0.2, Seed = 99 });
            var options = emulator.Options(o => { o.AccessKeyId = KeyId; o.AccessKeySecret = Secret; o.SecurityToken = Token; o.Endpoint = proxy.Endpoint; });
            var settings = EmulatorHarness.Settings(s => { s.ThrottleLimit = 16; s.Wait = true; });

            var rehearsal = emulator.Run(Operations(), settings, ShouldProcessDecision.WhatIf, options);
            var real = emulator.Run(Operations(), settings, ShouldProcessDecision.Proceed, options);
            // With a wrong secret too: the service's SignatureDoesNotMatch answer must not lead to anything either.
            var wrong = emulator.Run(Operations().Take(3), settings, ShouldProcessDecision.Proceed,
                emulator.Options(o => { o.AccessKeyId = KeyId; o.AccessKeySecret = Secret + "x"; o.SecurityToken = Token; o.Endpoint = proxy.Endpoint; }));

            var sinks = new[] { rehearsal, real, wrong };
            Assert.All(sinks, s => Assert.NotEmpty(s.Debug));
            Assert.True(real.Results.Count > 100, "the run should mostly succeed");
            Assert.Contains(real.Errors, e => e.ErrorId == "InstanceLastSecurityGroup");
            Assert.True(real.Debug.Count(d => d.Contains("retrying")) > 0, "the faults should have caused retries to be logged");

            var text = new StringBuilder();
            foreach (var sink in sinks)
            {
                text.AppendLine(sink.AllText());
                foreach (var e in sink.Errors) AppendError(text, e);
                foreach (var r in sink.Results)
                    foreach (var p in r.GetType().GetProperties())
                    {
                        var v = p.GetValue(r);
                        text.AppendLine(p.Name + "=" + (v is string[] a ? string.Join(",", a) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));
                    }
            }
            string all = text.ToString();
            _output.WriteLine(proxy.Signatures.Count + " signatures seen on the wire; " + all.Length + " characters captured from " + sinks.Sum(s => s.Verbose.Count) + " verbose and " +
                sinks.Sum(s => s.Debug.Count) + " debug lines, " + sinks.Sum(s => s.Errors.Count) + " errors, " + sinks.Sum(s => s.Results.Count) + " results");

            foreach (var secret in new[] { Secret, Token, Token.Substring(0, 24), Secret.Substring(0, 16), KeyId })
                Assert.False(all.Contains(secret, StringComparison.Ordinal), "found " + secret.Substring(0, 8) + "... in the output");
            // Signatures: every one the client really sent (recorded on the wire by the proxy) is absent, there is never
            // a "Signature=" with a value nor an Authorization value, and the only 64-hex runs are the hash of the empty
            // body and the service's own "string to sign" in its SignatureDoesNotMatch answer (a hash of the public
            // canonical request, not of anything secret).
            Assert.True(proxy.Signatures.Count > 300, "the proxy saw only " + proxy.Signatures.Count + " signatures");
            Assert.DoesNotContain(proxy.Signatures, signature => all.Contains(signature, StringComparison.Ordinal));
            Assert.DoesNotMatch(new Regex(@"Signature\s*[=:]\s*(?!\*\*\*)[^\s,;&""]", RegexOptions.IgnoreCase), all);
            Assert.DoesNotMatch(new Regex(@"Credential=[^,\s]+,\s*SignedHeaders", RegexOptions.IgnoreCase), all);
            var hexRuns = Regex.Matches(all, "(?<![0-9a-fA-F])[0-9a-fA-F]{64}(?![0-9a-fA-F])").Cast<Match>()
                .Where(m => m.Value != AcsV3Signer.EmptyBodySha256 && !all.Substring(Math.Max(0, m.Index - 40), Math.Min(40, m.Index)).Contains("string to sign is:ACS3-HMAC-SHA256"))
                .Select(m => m.Value).Distinct().ToList();
            Assert.Empty(hexRuns);
        }

        private static void AppendError(StringBuilder text, EngineError error)
        {
            text.AppendLine(error.ErrorId + " | " + error.Message + " | " + error.RecommendedAction + " | " + error.Category);
            for (var e = error.Exception; e != null; e = e.InnerException)
            {
                text.AppendLine(e.Message);
                text.AppendLine(e.ToString());
                foreach (System.Collections.DictionaryEntry d in e.Data) text.AppendLine(d.Key + "=" + d.Value);
                foreach (var p in e.GetType().GetProperties().Where(p => p.DeclaringType != typeof(Exception) && p.GetIndexParameters().Length == 0))
                    text.AppendLine(p.Name + "=" + p.GetValue(e));
            }
        }
    }
}
