using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using AlibabaCloud.Emulator;
using AlibabaSecurityGroup.Tests.Support;

namespace AlibabaSecurityGroup.Benchmarks.Infrastructure
{
    /// <summary>
    /// The emulator a benchmark talks to. The figures are about the client, so by default the emulator runs in a
    /// child process (this same program, "serve" mode): its memory, GC and threads are not the client's. It is
    /// driven through its admin API (faults, request counts, journal), exactly as a runbook rehearsal would.
    /// </summary>
    internal sealed class EmulatorHost : IAsyncDisposable
    {
        private static readonly JsonSerializerOptions Json = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DictionaryKeyPolicy = null,
            PropertyNameCaseInsensitive = true,
        };

        private readonly Process _process;
        private readonly HttpClient _admin;

        private EmulatorHost(Process process, Uri baseAddress)
        {
            _process = process;
            BaseAddress = baseAddress;
            _admin = new HttpClient { BaseAddress = new Uri(baseAddress, "_emulator/"), Timeout = TimeSpan.FromMinutes(2) };
        }

        public Uri BaseAddress { get; }
        public string Endpoint => BaseAddress.ToString().TrimEnd('/');

        /// <summary>
        /// Starts a child emulator holding <paramref name="instances"/> running instances (ids <see cref="Ids.Instance"/>
        /// 1..N), each a member of security groups <see cref="Ids.Group"/> 1..<paramref name="groups"/>.
        /// </summary>
        public static async Task<EmulatorHost> StartChildAsync(int instances, int groups)
        {
            var start = new ProcessStartInfo
            {
                RedirectStandardOutput = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            string self = Environment.ProcessPath;
            if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                start.FileName = self;
                start.ArgumentList.Add(typeof(EmulatorHost).Assembly.Location);
            }
            else start.FileName = self;
            foreach (var a in new[] { "serve", "--instances", instances.ToString(), "--groups", groups.ToString() }) start.ArgumentList.Add(a);

            var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the emulator process");
            string line;
            while ((line = await process.StandardOutput.ReadLineAsync().ConfigureAwait(false)) != null)
            {
                if (line.StartsWith("LISTENING ", StringComparison.Ordinal))
                    return new EmulatorHost(process, new Uri(line.Substring("LISTENING ".Length).Trim()));
            }
            throw new InvalidOperationException("the emulator process ended before listening (exit code " + (process.HasExited ? process.ExitCode.ToString() : "?") + ")");
        }

        /// <summary>The child side: builds the state, listens on a free loopback port, runs until stdin closes.</summary>
        public static async Task<int> ServeAsync(string[] args)
        {
            int instances = 0, groups = 2;
            for (int i = 0; i < args.Length - 1; i++)
            {
                if (args[i] == "--instances") instances = int.Parse(args[i + 1]);
                if (args[i] == "--groups") groups = int.Parse(args[i + 1]);
            }
            var server = await EmulatorServer.StartAsync(BuildState(instances, groups)).ConfigureAwait(false);
            Console.WriteLine("LISTENING " + server.BaseAddress);
            Console.Out.Flush();
            // The parent holds our stdin: when it ends (or dies), so do we.
            await Task.Run(() => { while (Console.In.ReadLine() != null) { } }).ConfigureAwait(false);
            await server.DisposeAsync().ConfigureAwait(false);
            return 0;
        }

        public static EmulatorState BuildState(int instances, int groups)
        {
            var state = new EmulatorState();
            for (int g = 1; g <= groups; g++)
                state.SecurityGroups.Add(new SecurityGroupState { SecurityGroupId = Ids.Group(g), RegionId = EmulatorHarness.Region, VpcId = "vpc-bp1bench" });
            state.Instances.Capacity = instances;
            for (int i = 1; i <= instances; i++)
            {
                var member = new InstanceState { InstanceId = Ids.Instance(i), RegionId = EmulatorHarness.Region, Status = "Running" };
                for (int g = 1; g <= groups; g++) member.SecurityGroupIds.Add(Ids.Group(g));
                state.Instances.Add(member);
            }
            return state;
        }

        public async Task SetFaultsAsync(FaultSettings faults)
        {
            using var content = new StringContent(JsonSerializer.Serialize(faults, Json), Encoding.UTF8, "application/json");
            using var response = await _admin.PutAsync("faults", content).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }

        public async Task ResetAsync()
        {
            using var response = await _admin.PostAsync("reset", new StringContent("")).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
        }

        public async Task<IReadOnlyDictionary<string, int>> GetRequestCountsAsync()
        {
            var text = await _admin.GetStringAsync("requests").ConfigureAwait(false);
            return JsonSerializer.Deserialize<Dictionary<string, int>>(text, Json);
        }

        public async Task<int> RequestCountAsync(string action) =>
            (await GetRequestCountsAsync().ConfigureAwait(false)).TryGetValue(action, out var n) ? n : 0;

        public async Task<List<JournalEntry>> GetJournalAsync()
        {
            using var stream = await _admin.GetStreamAsync("journal").ConfigureAwait(false);
            return await JsonSerializer.DeserializeAsync<List<JournalEntry>>(stream, Json).ConfigureAwait(false);
        }

        /// <summary>Journal entries for <paramref name="action"/>, and how many distinct (resource, group) pairs they name.</summary>
        public async Task<(int Entries, int Distinct)> JournalSummaryAsync(string action)
        {
            var journal = await GetJournalAsync().ConfigureAwait(false);
            var mine = journal.Where(j => j.Action == action).ToList();
            return (mine.Count, mine.SelectMany(j => j.SecurityGroupIds.Select(g => j.ResourceId + "/" + g)).Distinct().Count());
        }

        public async ValueTask DisposeAsync()
        {
            _admin.Dispose();
            try
            {
                _process.StandardInput.Close();
                if (!_process.WaitForExit(10_000)) _process.Kill(entireProcessTree: true);
                await Task.CompletedTask.ConfigureAwait(false);
            }
            catch (InvalidOperationException) { }
            finally { _process.Dispose(); }
        }
    }
}
