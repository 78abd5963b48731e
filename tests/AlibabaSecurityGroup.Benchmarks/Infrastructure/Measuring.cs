using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Threading;
using AlibabaSecurityGroup.Engine.Sink;
using AlibabaSecurityGroup.Model;

namespace AlibabaSecurityGroup.Benchmarks.Infrastructure
{
    /// <summary>
    /// Per-item latencies in log-spaced buckets (2% wide, 10 us to 10 min): constant memory whatever N is, so the
    /// 100,000-item run measures the engine and not the benchmark's bookkeeping.
    /// </summary>
    internal sealed class LatencyHistogram
    {
        private const double Min = 1e-5, Ratio = 1.02;
        private readonly long[] _counts = new long[1000];
        private long _total;

        public long Count => _total;

        public void Add(TimeSpan value)
        {
            double s = Math.Max(value.TotalSeconds, Min);
            int i = (int)Math.Min(_counts.Length - 1, Math.Log(s / Min) / Math.Log(Ratio));
            _counts[i]++;
            _total++;
        }

        /// <summary>The upper edge of the bucket holding the q-quantile, in milliseconds.</summary>
        public double Percentile(double q)
        {
            if (_total == 0) return double.NaN;
            long rank = (long)Math.Ceiling(q * _total), seen = 0;
            for (int i = 0; i < _counts.Length; i++)
            {
                seen += _counts[i];
                if (seen >= rank) return Min * Math.Pow(Ratio, i + 1) * 1000;
            }
            return double.NaN;
        }
    }

    /// <summary>A sink that keeps counts and latencies, not the objects (nothing per item is retained).</summary>
    internal sealed class MeasuringSink : IEngineSink
    {
        public LatencyHistogram Latency { get; } = new LatencyHistogram();
        public long Results, Errors, VerboseLines, DebugLines;
        public Dictionary<string, int> ErrorIds { get; } = new Dictionary<string, int>(StringComparer.Ordinal);
        public List<string> FirstErrors { get; } = new List<string>();

        private readonly Stopwatch _clock = Stopwatch.StartNew();

        /// <summary>Results per second since the sink was made (one counter per second, not per item).</summary>
        public List<int> ResultsPerSecond { get; } = new List<int>();

        public void WriteResult(SecurityGroupRemovalResult result)
        {
            Results++;
            Latency.Add(result.Elapsed);
            int second = (int)_clock.Elapsed.TotalSeconds;
            while (ResultsPerSecond.Count <= second) ResultsPerSecond.Add(0);
            ResultsPerSecond[second]++;
        }

        public void WriteError(EngineError error)
        {
            Errors++;
            ErrorIds[error.ErrorId] = ErrorIds.TryGetValue(error.ErrorId, out var n) ? n + 1 : 1;
            if (FirstErrors.Count < 5) FirstErrors.Add(error.ToString());
        }

        public void WriteProgress(ProgressUpdate progress) { }
        public void WriteVerbose(string message) => VerboseLines++;
        public void WriteDebug(string message) => DebugLines++;
        public ShouldProcessDecision ShouldProcess(string target, string action) => ShouldProcessDecision.Proceed;
    }

    /// <summary>Samples the process's working set and managed heap while a run goes on.</summary>
    internal sealed class MemorySampler : IDisposable
    {
        private readonly Timer _timer;
        private long _peakWorkingSet, _peakManaged;

        public MemorySampler(TimeSpan every)
        {
            _timer = new Timer(_ => Sample(), null, TimeSpan.Zero, every);
        }

        public long PeakWorkingSet => Math.Max(Interlocked.Read(ref _peakWorkingSet), Process.GetCurrentProcess().PeakWorkingSet64);
        public long PeakManagedHeap => Interlocked.Read(ref _peakManaged);

        private void Sample()
        {
            using var p = Process.GetCurrentProcess();
            Max(ref _peakWorkingSet, p.WorkingSet64);
            Max(ref _peakManaged, GC.GetTotalMemory(false));
        }

        private static void Max(ref long field, long value)
        {
            long current;
            while (value > (current = Interlocked.Read(ref field)) && Interlocked.CompareExchange(ref field, value, current) != current) { }
        }

        public void Dispose()
        {
            _timer.Dispose();
            Sample();
        }
    }

    internal static class Report
    {
        public static void Title(string text)
        {
            Console.WriteLine();
            Console.WriteLine("== " + text + " ==");
        }

        public static void Line(string name, string value) => Console.WriteLine("  " + name.PadRight(38) + value);

        public static string F(double v, string format = "0.0") => v.ToString(format, CultureInfo.InvariantCulture);

        public static string Mb(long bytes) => F(bytes / 1048576.0, "0.0") + " MB";

        public static string Verdict(bool ok) => ok ? "MET" : "NOT MET";
    }
}
