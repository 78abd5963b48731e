using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;

namespace AlibabaSecurityGroup.Benchmarks.Infrastructure
{
    /// <summary>Runs node/sequential-leave.js: the official Node.js SDK in a sequential loop, against the same emulator.</summary>
    internal static class NodeBaseline
    {
        internal sealed class Outcome
        {
            public int N { get; set; }
            public double Ms { get; set; }
            public int Failed { get; set; }
            public string FirstError { get; set; }
            public double ItemsPerSecond => N / (Ms / 1000.0);
        }

        public static string RepoRoot()
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Modules.sln"))) return dir.FullName;
            throw new InvalidOperationException("Modules.sln not found above " + AppContext.BaseDirectory);
        }

        /// <summary>Null (after printing why) when node or the SDK is missing.</summary>
        public static async Task<Outcome> RunAsync(string emulatorUrl, int n, string groupId)
        {
            string root = RepoRoot();
            string modules = Path.Combine(root, "tests", "NodeSdk", "node_modules");
            string script = Path.Combine(root, "tests", "AlibabaSecurityGroup.Benchmarks", "node", "sequential-leave.js");
            if (!Directory.Exists(Path.Combine(modules, "@alicloud", "ecs20140526")))
            {
                Console.WriteLine("  baseline skipped: the official Node.js SDK is not installed. Run `npm ci` in tests/NodeSdk, then run this again.");
                return null;
            }
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { script, emulatorUrl, n.ToString(), groupId, modules }) start.ArgumentList.Add(a);
            Process process;
            try { process = Process.Start(start); }
            catch (System.ComponentModel.Win32Exception e)
            {
                Console.WriteLine("  baseline skipped: cannot run node (" + e.Message + "). Install Node.js 18+ and run `npm ci` in tests/NodeSdk.");
                return null;
            }
            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync().ConfigureAwait(false);
                if (process.ExitCode != 0)
                {
                    Console.WriteLine("  baseline failed (node exit " + process.ExitCode + "): " + (await stderr.ConfigureAwait(false)).Trim());
                    return null;
                }
                return JsonSerializer.Deserialize<Outcome>((await stdout.ConfigureAwait(false)).Trim(),
                    new JsonSerializerOptions { PropertyNameCaseInsensitive = true });
            }
        }
    }
}
