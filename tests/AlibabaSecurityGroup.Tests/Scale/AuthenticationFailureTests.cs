using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Engine;
using AlibabaSecurityGroup.Engine.Operations;
using AlibabaSecurityGroup.Engine.Sink;
using AlibabaSecurityGroup.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace AlibabaSecurityGroup.Tests.Scale
{
    /// <summary>
    /// A clock more than 15 minutes off, an expired STS token, an unknown key id, a wrong secret: in a bulk run each is
    /// one clear error carrying the service's code and a hint, after a single call. The run sends nothing more (no
    /// retry or other item can succeed), and every other item still ends in an error of its own, marked "not sent".
    /// </summary>
    public class AuthenticationFailureTests
    {
        private const string R = EmulatorHarness.Region;
        private const int Items = 40;
        private const string StsKeyId = "STS.NTestExpiredKey0001";
        private const string StsSecret = "ExpiredStsSecretValue000001";
        private const string StsToken = "CAIS-expired-session-token-value-0001";
        private readonly ITestOutputHelper _output;

        public AuthenticationFailureTests(ITestOutputHelper output) { _output = output; }

        private static EmulatorState State()
        {
            var state = new EmulatorState
            {
                Credentials =
                {
                    new CredentialState { AccessKeyId = EmulatorDefaults.AccessKeyId, AccessKeySecret = EmulatorDefaults.AccessKeySecret },
                    new CredentialState { AccessKeyId = StsKeyId, AccessKeySecret = StsSecret, SecurityToken = StsToken, Expiration = DateTimeOffset.UtcNow.AddHours(-1) },
                },
            };
            state.SecurityGroups.Add(new SecurityGroupState { SecurityGroupId = Ids.Group(1), RegionId = R });
            state.SecurityGroups.Add(new SecurityGroupState { SecurityGroupId = Ids.Group(2), RegionId = R });
            for (int i = 1; i <= Items; i++)
                state.Instances.Add(new InstanceState { InstanceId = Ids.Instance(i), RegionId = R, Status = "Running", SecurityGroupIds = { Ids.Group(1), Ids.Group(2) } });
            return state;
        }

        public static TheoryData<string, string> Cases => new TheoryData<string, string>
        {
            { "clock 20 minutes fast", "InvalidTimeStamp.Expired" },
            { "clock 20 minutes slow", "InvalidTimeStamp.Expired" },
            { "expired STS token", "InvalidSecurityToken.Expired" },
            { "unknown AccessKeyId", "InvalidAccessKeyId.NotFound" },
            { "wrong AccessKeySecret", "SignatureDoesNotMatch" },
        };

        private static void Configure(string situation, ClientOptions o)
        {
            switch (situation)
            {
                case "clock 20 minutes fast": o.Clock = new SkewedClock(TimeSpan.FromMinutes(20)); break;
                case "clock 20 minutes slow": o.Clock = new SkewedClock(TimeSpan.FromMinutes(-20)); break;
                case "expired STS token": o.AccessKeyId = StsKeyId; o.AccessKeySecret = StsSecret; o.SecurityToken = StsToken; break;
                case "unknown AccessKeyId": o.AccessKeyId = "LTAI5tNoSuchKeyAnywhere01"; break;
                case "wrong AccessKeySecret": o.AccessKeySecret = "NotTheSecretOfThisKey0000001"; break;
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task One_clear_error_with_the_services_code_and_a_hint_and_nothing_more_is_sent(string situation, string code)
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var inputs = Enumerable.Range(1, Items).Select(i => "item-" + i).ToList();
            var ops = inputs.Select((input, i) => (RemovalOperation)new EcsLeaveOperation(input, null, Ids.Group(2), Ids.Instance(i + 1), null));
            var sink = emulator.Run(ops, EmulatorHarness.Settings(s => s.ThrottleLimit = 16), options: emulator.Options(o => Configure(situation, o)));

            var sent = sink.Errors.Where(e => !e.Message.StartsWith("Not sent", StringComparison.Ordinal)).ToList();
            var notSent = sink.Errors.Where(e => e.Message.StartsWith("Not sent", StringComparison.Ordinal)).ToList();
            var first = Assert.Single(sent);
            _output.WriteLine(situation + ": " + first.Message + "\n  RecommendedAction: " + first.RecommendedAction + "\n  then: " + notSent.FirstOrDefault()?.Message);

            Assert.Equal(code, first.ErrorId);
            Assert.Equal(EngineErrorCategory.AuthenticationError, first.Category);
            Assert.Contains("Hint:", first.Message);
            Assert.Contains("RequestId", first.Message);
            Assert.StartsWith("Hint:", first.RecommendedAction);
            Assert.Equal(1, emulator.TotalRequests); // one call, not one per item or per slot

            // Nothing lost: every other item ends in its own error, with the same code, saying nothing was sent.
            Assert.Empty(sink.Results);
            Assert.Equal(Items - 1, notSent.Count);
            Assert.All(notSent, e => Assert.Equal(code, e.ErrorId));
            Assert.All(notSent, e => Assert.Contains("Nothing was sent for this item", e.Message));
            Assert.Equal(inputs.OrderBy(x => x), sink.Errors.Select(e => (string)e.TargetObject).OrderBy(x => x));
            Assert.Empty(emulator.Server.GetJournal());
        }

        [Fact]
        public async Task A_run_with_good_credentials_is_not_held_back_by_the_first_call()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var ops = Enumerable.Range(1, Items).Select(i => (RemovalOperation)new EcsLeaveOperation(i, null, Ids.Group(2), Ids.Instance(i), null));
            var sink = emulator.Run(ops, EmulatorHarness.Settings(s => s.ThrottleLimit = 16));
            Assert.Empty(sink.Errors);
            Assert.Equal(Items, sink.Results.Count);
        }

        [Fact]
        public async Task Items_submitted_after_the_failure_are_not_sent_either()
        {
            await using var emulator = await EmulatorHarness.StartAsync(State());
            var sink = new RecordingSink();
            using (var engine = RemovalEngine.Open(emulator.Options(o => Configure("unknown AccessKeyId", o)), EmulatorHarness.Settings(), sink))
            {
                engine.Submit(new EcsLeaveOperation("first", null, Ids.Group(2), Ids.Instance(1), null));
                var until = DateTime.UtcNow.AddSeconds(20);
                while (engine.Session.Statistics.Calls == 0 && DateTime.UtcNow < until) Thread.Sleep(5);
                for (int i = 2; i <= 5; i++) engine.Submit(new EcsLeaveOperation("later-" + i, null, Ids.Group(2), Ids.Instance(i), null));
                engine.Complete();
            }
            Assert.Equal(5, sink.Errors.Count);
            Assert.All(sink.Errors, e => Assert.Equal("InvalidAccessKeyId.NotFound", e.ErrorId));
            Assert.Equal(1, emulator.TotalRequests);
            Assert.Equal(4, sink.Errors.Count(e => e.Message.StartsWith("Not sent", StringComparison.Ordinal)));
            // Malformed input is still reported as such, even after the failure.
        }

        /// <summary>The system clock shifted: requests are signed with a date this far off.</summary>
        private sealed class SkewedClock : IClock
        {
            private readonly TimeSpan _skew;
            public SkewedClock(TimeSpan skew) { _skew = skew; }
            public DateTimeOffset UtcNow => DateTimeOffset.UtcNow + _skew;
            public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) => SystemClock.Instance.DelayAsync(delay, cancellationToken);
        }
    }
}
