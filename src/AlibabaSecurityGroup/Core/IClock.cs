using System;
using System.Threading;
using System.Threading.Tasks;

namespace AlibabaSecurityGroup.Core
{
    /// <summary>Time as the core sees it: the current UTC time and waiting. Tests pass a fake clock.</summary>
    public interface IClock
    {
        DateTimeOffset UtcNow { get; }

        /// <summary>Completes after <paramref name="delay"/>; cancelled (OperationCanceledException) as soon as the token is.</summary>
        Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken);
    }

    public sealed class SystemClock : IClock
    {
        public static readonly SystemClock Instance = new SystemClock();

        private SystemClock() { }

        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;

        public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (delay <= TimeSpan.Zero) return Task.CompletedTask;
            return Task.Delay(delay, cancellationToken);
        }
    }
}
