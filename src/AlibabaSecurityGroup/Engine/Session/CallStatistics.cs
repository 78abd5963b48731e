using System.Threading;

namespace AlibabaSecurityGroup.Engine.Session
{
    /// <summary>Counters over every OpenAPI call of a run (for Verbose summaries and the benchmark).</summary>
    public sealed class CallStatistics
    {
        private long _calls, _attempts, _throttled, _failedCalls;

        public long Calls => Interlocked.Read(ref _calls);
        public long Attempts => Interlocked.Read(ref _attempts);
        public long Retries => Attempts - Calls;
        public long ThrottledAttempts => Interlocked.Read(ref _throttled);
        public long FailedCalls => Interlocked.Read(ref _failedCalls);

        internal void Record(int attempts, int throttledAttempts, bool failed)
        {
            Interlocked.Increment(ref _calls);
            Interlocked.Add(ref _attempts, attempts);
            Interlocked.Add(ref _throttled, throttledAttempts);
            if (failed) Interlocked.Increment(ref _failedCalls);
        }
    }
}
