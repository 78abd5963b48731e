using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Retry;
using AlibabaSecurityGroup.Engine;
using AlibabaSecurityGroup.Engine.Sink;

namespace AlibabaSecurityGroup.Tests.Support
{
    /// <summary>
    /// An in-process emulator on a free loopback port, and a way to push operations through the real engine
    /// (the same path the cmdlets take) with a recording sink standing in for PowerShell.
    /// </summary>
    public sealed class EmulatorHarness : IAsyncDisposable
    {
        public const string Region = "cn-hangzhou";

        private EmulatorHarness(EmulatorServer server) { Server = server; }

        public EmulatorServer Server { get; }

        public static async Task<EmulatorHarness> StartAsync(EmulatorState state) =>
            new EmulatorHarness(await EmulatorServer.StartAsync(state));

        public string Endpoint => Server.BaseAddress.ToString().TrimEnd('/');

        /// <summary>Options as a cmdlet would build them: explicit emulator keys, region and endpoint, isolated environment.</summary>
        public ClientOptions Options(Action<ClientOptions> adjust = null)
        {
            var options = new ClientOptions
            {
                AccessKeyId = EmulatorDefaults.AccessKeyId,
                AccessKeySecret = EmulatorDefaults.AccessKeySecret,
                RegionId = Region,
                Endpoint = Endpoint,
                Environment = new TestEnvironment(),
                // Short back-off so throttling tests stay quick; the emulator's x-acs-retry-after still applies.
                Retry = new RetryOptions { BaseDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(500) },
            };
            adjust?.Invoke(options);
            return options;
        }

        public static EngineSettings Settings(Action<EngineSettings> adjust = null)
        {
            var settings = new EngineSettings
            {
                PassThru = true,
                PollInitialInterval = TimeSpan.FromMilliseconds(50),
                PollMaxInterval = TimeSpan.FromMilliseconds(200),
                WaitTimeout = TimeSpan.FromSeconds(30),
            };
            adjust?.Invoke(settings);
            return settings;
        }

        /// <summary>Runs the operations through the engine on this thread, as ProcessRecord/EndProcessing would.</summary>
        public RecordingSink Run(IEnumerable<RemovalOperation> operations, EngineSettings settings = null,
            ShouldProcessDecision decision = ShouldProcessDecision.Proceed, ClientOptions options = null)
        {
            var sink = new RecordingSink { Decision = decision };
            using (var engine = RemovalEngine.Open(options ?? Options(), settings ?? Settings(), sink))
            {
                foreach (var op in operations) engine.Submit(op);
                engine.Complete();
            }
            return sink;
        }

        public int RequestCount(string action) =>
            Server.GetRequestCounts().TryGetValue(action, out var n) ? n : 0;

        public int TotalRequests => Server.GetRequestCounts().Values.Sum();

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }
}
