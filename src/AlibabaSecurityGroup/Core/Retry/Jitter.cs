using System;

namespace AlibabaSecurityGroup.Core.Retry
{
    /// <summary>A thread-safe source of uniform doubles in [0, 1) for back-off jitter (not for anything secret).</summary>
    internal static class Jitter
    {
        private static readonly Random Seed = new Random();
        [ThreadStatic] private static Random _local;

        public static double NextDouble()
        {
            var r = _local;
            if (r == null)
            {
                int seed;
                lock (Seed) seed = Seed.Next();
                _local = r = new Random(seed);
            }
            return r.NextDouble();
        }
    }
}
