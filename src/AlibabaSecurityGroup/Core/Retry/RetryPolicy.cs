using System;
using AlibabaSecurityGroup.Core.Errors;

namespace AlibabaSecurityGroup.Core.Retry
{
    /// <summary>
    /// Which failures are worth another attempt, and how long to wait before it.
    /// Retried: throttling (any code containing <c>Throttling</c>, or HTTP 429), <c>ServiceUnavailable</c>,
    /// <c>InternalError</c>, <c>SignatureNonceUsed</c> (a nonce collision; the retry gets a fresh one), any other HTTP 5xx,
    /// connection failures and timeouts. Never retried: <c>DryRunOperation</c> (it is the dry run's verdict), every other
    /// 4xx business error, configuration errors.
    /// Waits grow exponentially with decorrelated jitter: <c>min(MaxDelay, uniform(BaseDelay, 3 x previous))</c>, and are
    /// never shorter than the service's <c>x-acs-retry-after</c>.
    /// </summary>
    public sealed class RetryPolicy
    {
        private readonly Func<double> _random;

        public RetryPolicy(RetryOptions options) : this(options, null) { }

        internal RetryPolicy(RetryOptions options, Func<double> random)
        {
            Options = (options ?? new RetryOptions()).Normalized();
            _random = random ?? Jitter.NextDouble;
        }

        public RetryOptions Options { get; }

        public static bool IsRetryable(AlibabaCloudException error)
        {
            if (error == null) return false;
            switch (error.Kind)
            {
                case ErrorKind.Transport:
                case ErrorKind.Timeout:
                    return true;
                case ErrorKind.Configuration:
                    return false;
            }
            if (error.IsDryRunPassed) return false;
            if (IsThrottled(error)) return true;
            switch (error.Code)
            {
                case "ServiceUnavailable":
                case "InternalError":
                case "SignatureNonceUsed":
                    return true;
            }
            if (error.Code != null && (error.Code.StartsWith("ServiceUnavailable", StringComparison.Ordinal)
                                       || error.Code.StartsWith("InternalError", StringComparison.Ordinal))) return true;
            return error.HttpStatus >= 500;
        }

        public static bool IsThrottled(AlibabaCloudException error) =>
            error != null && error.Kind == ErrorKind.Service && (error.IsThrottling || error.HttpStatus == 429);

        /// <summary>
        /// The wait before the next attempt given the previous computed wait (<see cref="TimeSpan.Zero"/> before the
        /// first retry) and the service's retry-after, if any.
        /// </summary>
        public TimeSpan NextDelay(TimeSpan previous, TimeSpan? retryAfter)
        {
            long baseTicks = Options.BaseDelay.Ticks;
            long maxTicks = Options.MaxDelay.Ticks;
            long upper = previous <= TimeSpan.Zero ? baseTicks * 2 : SaturatingTriple(previous.Ticks);
            if (upper < baseTicks) upper = baseTicks;
            if (upper > maxTicks) upper = maxTicks;
            long ticks = baseTicks + (long)((upper - baseTicks) * _random());
            if (ticks > maxTicks) ticks = maxTicks;
            var delay = TimeSpan.FromTicks(ticks);
            if (retryAfter.HasValue && retryAfter.Value > delay) delay = retryAfter.Value;
            return delay;
        }

        private static long SaturatingTriple(long ticks) => ticks > long.MaxValue / 3 ? long.MaxValue : ticks * 3;
    }
}
