using System;
using System.Linq;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Benchmarks.Infrastructure;
using AlibabaSecurityGroup.Benchmarks.Scenarios;

namespace AlibabaSecurityGroup.Benchmarks
{
    internal static class Program
    {
        private const string Usage = @"AlibabaSecurityGroup benchmarks: figures printed, nothing asserted.
  dotnet run -c Release --project tests/AlibabaSecurityGroup.Benchmarks -- <scenario> [options]

  throughput  [--n 2000] [--latency 20] [--jitter 0] [--throttle-limit 16] [--rate-limit 0] [--no-baseline]
              ours vs the ideal N x latency / ThrottleLimit, and vs the official Node.js SDK in a sequential loop
  ratelimit   [--rate 100] [--n 30 x rate] [--shared-gate] [--trace] [--latency 20] [--throttle-limit 16]
              sustained rate and failures under an emulator limit of R LeaveSecurityGroup calls/s
              (--shared-gate: the plain shared back-off instead of the adaptive limiter, for comparison)
  memory      [--n 100000] [--throttle-limit 16] [--latency 0]
              streams N items through the engine; peak working set of the client process
  overhead    [--iterations 200000]
              client cost per request (sign, serialize, parse) with no network
  soak        [--n 5000] [--alb 200] [--seed 1]
              the CI fault soak at a larger N (20% throttling, 5% server errors, 2% resets, jitter; ALB job failures)
  cancel      [--in-flight 16] [--items 200] [--rounds 5]
              Stop() with every call in flight: time from Stop to Complete, requests after Stop
  all         every scenario above with its defaults";

        /// <summary>Every target of the performance issue, with the arguments the README quotes.</summary>
        private static async Task<int> AllAsync()
        {
            int failures = 0;
            async Task Run(Func<Args, Task<int>> scenario, params string[] a)
            {
                try { failures += await scenario(new Args(a)) == 0 ? 0 : 1; }
                catch (Exception e) { failures++; Console.WriteLine("  FAILED: " + e); }
            }
            // Memory first: the peak working set is the process's high-water mark, so no earlier scenario may raise it.
            await Run(MemoryBenchmark.RunAsync, "--n", "100000");
            await Run(ThroughputBenchmark.RunAsync, "--n", "2000", "--latency", "20", "--throttle-limit", "16");
            await Run(ThroughputBenchmark.RunAsync, "--n", "2000", "--latency", "20", "--jitter", "10", "--throttle-limit", "16", "--no-baseline");
            await Run(RateLimitBenchmark.RunAsync, "--rate", "100");
            await Run(RateLimitBenchmark.RunAsync, "--rate", "100", "--shared-gate");
            await Run(OverheadBenchmark.RunAsync);
            await Run(SoakBenchmark.RunAsync, "--n", "5000", "--alb", "200");
            await Run(CancelBenchmark.RunAsync);
            return failures;
        }

        public static async Task<int> Main(string[] args)
        {
            if (args.Length == 0 || args[0] == "help" || args[0] == "--help" || args[0] == "-h")
            {
                Console.WriteLine(Usage);
                return args.Length == 0 ? 2 : 0;
            }
            if (args[0] == "serve") return await EmulatorHost.ServeAsync(args.Skip(1).ToArray());

            var options = new Args(args.Skip(1));
            Console.WriteLine("AlibabaSecurityGroup benchmark on " + Environment.ProcessorCount + " cores, " +
                              System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription + ", " +
                              System.Runtime.InteropServices.RuntimeInformation.OSDescription);
            switch (args[0])
            {
                case "all": return await AllAsync();
                case "throughput": return await ThroughputBenchmark.RunAsync(options);
                case "memory": return await MemoryBenchmark.RunAsync(options);
                case "soak": return await SoakBenchmark.RunAsync(options);
                case "cancel": return await CancelBenchmark.RunAsync(options);
                case "ratelimit": return await RateLimitBenchmark.RunAsync(options);
                case "overhead": return await OverheadBenchmark.RunAsync(options);
                default:
                    Console.Error.WriteLine("unknown scenario '" + args[0] + "'\n" + Usage);
                    return 2;
            }
        }
    }
}
