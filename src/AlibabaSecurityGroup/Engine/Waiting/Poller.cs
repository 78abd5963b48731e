using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Engine.Errors;
using AlibabaSecurityGroup.Engine.Sink;

namespace AlibabaSecurityGroup.Engine.Waiting
{
    /// <summary>
    /// Polls until a condition holds, backing off from the initial interval to the maximum, and gives up with
    /// a WaitTimeout error at the deadline. Cancellation ends the wait at once.
    /// </summary>
    internal static class Poller
    {
        public static async Task<T> UntilAsync<T>(
            Func<CancellationToken, Task<T>> probe,
            Func<T, bool> isDone,
            EngineSettings settings,
            TimeSpan timeout,
            Func<string> describeWaitedFor,
            Action<T, TimeSpan> onProbe,
            CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            var interval = settings.PollInitialInterval;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var state = await probe(cancellationToken).ConfigureAwait(false);
                if (isDone(state)) return state;
                onProbe?.Invoke(state, watch.Elapsed);

                var left = timeout - watch.Elapsed;
                if (left <= TimeSpan.Zero) throw Timeout(timeout, describeWaitedFor());
                await Task.Delay(interval < left ? interval : left, cancellationToken).ConfigureAwait(false);
                interval = settings.NextPollInterval(interval);
            }
        }

        public static RemovalFailure Timeout(TimeSpan timeout, string waitedFor) =>
            new RemovalFailure(ErrorCodes.WaitTimeout, EngineErrorCategory.OperationTimeout,
                "Timed out after " + Seconds(timeout) + " waiting for " + waitedFor + ".",
                "Raise -TimeoutSec, or check the resource later; the service may still complete the change.");

        public static string Seconds(TimeSpan t) =>
            t.TotalSeconds >= 1 ? Math.Round(t.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + " s"
                                : ((int)t.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) + " ms";
    }
}
