using System;

namespace AlibabaSecurityGroup.Core.Retry
{
    /// <summary>
    /// How hard one call tries. Defaults are sized for bulk runs that meet heavy throttling: up to 8 attempts,
    /// exponential backoff with decorrelated jitter between <see cref="BaseDelay"/> and <see cref="MaxDelay"/>, and no
    /// new attempt once <see cref="MaxTotalTime"/> would be exceeded by the wait before it.
    /// </summary>
    public sealed class RetryOptions
    {
        public static readonly TimeSpan DefaultBaseDelay = TimeSpan.FromMilliseconds(500);
        public static readonly TimeSpan DefaultMaxDelay = TimeSpan.FromSeconds(20);
        public static readonly TimeSpan DefaultMaxTotalTime = TimeSpan.FromMinutes(2);
        public const int DefaultMaxAttempts = 8;

        /// <summary>Attempts in all, the first one included. 1 disables retries.</summary>
        public int MaxAttempts { get; set; } = DefaultMaxAttempts;

        /// <summary>The smallest wait before a retry, and the seed of the exponential growth.</summary>
        public TimeSpan BaseDelay { get; set; } = DefaultBaseDelay;

        /// <summary>The largest computed wait before a retry (a longer <c>x-acs-retry-after</c> is still honoured).</summary>
        public TimeSpan MaxDelay { get; set; } = DefaultMaxDelay;

        /// <summary>
        /// The time budget of one call, from its first attempt: a retry whose wait would end past it is not made and the
        /// last error is reported. An attempt already under way is not cut short (its read timeout bounds it).
        /// </summary>
        public TimeSpan MaxTotalTime { get; set; } = DefaultMaxTotalTime;

        /// <summary>No retries at all: for callers that do their own.</summary>
        public static RetryOptions None => new RetryOptions { MaxAttempts = 1 };

        public RetryOptions Clone() => (RetryOptions)MemberwiseClone();

        internal RetryOptions Normalized()
        {
            var o = Clone();
            if (o.MaxAttempts < 1) o.MaxAttempts = 1;
            if (o.BaseDelay < TimeSpan.Zero) o.BaseDelay = TimeSpan.Zero;
            if (o.MaxDelay < o.BaseDelay) o.MaxDelay = o.BaseDelay;
            if (o.MaxTotalTime < TimeSpan.Zero) o.MaxTotalTime = TimeSpan.Zero;
            return o;
        }

        public override string ToString() =>
            "MaxAttempts=" + MaxAttempts + ", BaseDelay=" + BaseDelay + ", MaxDelay=" + MaxDelay + ", MaxTotalTime=" + MaxTotalTime;
    }
}
