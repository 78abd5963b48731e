using System;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaSecurityGroup.Core.Retry
{
    /// <summary>
    /// Back-off shared by every concurrent call of one client. Each attempt first awaits <see cref="WaitAsync"/>; a
    /// throttled answer reports <see cref="OnThrottled"/>, a success <see cref="OnSuccess"/>. When the service throttles,
    /// every in-flight worker pauses together instead of hammering it. Implementations must be thread-safe and must
    /// observe cancellation promptly.
    /// </summary>
    public interface IThrottleGate
    {
        /// <summary>Completes when the next attempt may be sent.</summary>
        Task WaitAsync(CancellationToken cancellationToken);

        /// <summary>The service throttled a call; <paramref name="retryAfter"/> is what it asked for, if anything.</summary>
        void OnThrottled(TimeSpan? retryAfter);

        /// <summary>A call got a non-throttled answer.</summary>
        void OnSuccess();
    }
}
