using System;
using System.Diagnostics;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core.Errors;

namespace AlibabaSecurityGroup.Engine.Waiting
{
    /// <summary>
    /// A load balancer or endpoint this run just changed may refuse the next change for a while (ALB
    /// IncorrectStatus.LoadBalancer while the status settles; PrivateLink EndpointOperationDenied during its
    /// cool-down). When the refusal is our own doing, wait and try again, up to the wait timeout. A refusal on a
    /// resource this run has not touched is someone else's: reported at once.
    /// </summary>
    internal static class CooldownRetry
    {
        public static async Task<T> RunAsync<T>(ItemContext context, string resourceKey, Func<string, bool> isBusyCode,
            string waitedFor, Func<Task<T>> attempt)
        {
            var watch = Stopwatch.StartNew();
            var interval = context.Settings.PollInitialInterval;
            while (true)
            {
                try
                {
                    return await attempt().ConfigureAwait(false);
                }
                catch (AlibabaCloudException e) when (e.Kind == ErrorKind.Service && isBusyCode(e.Code) && context.ChangedInThisRun(resourceKey))
                {
                    var left = context.WaitTimeout - watch.Elapsed;
                    if (left <= TimeSpan.Zero) throw Poller.Timeout(context.WaitTimeout, waitedFor);
                    context.Verbose(e.Code + " on " + waitedFor + " right after this run's previous change to it; trying again in " +
                        Poller.Seconds(interval) + ".");
                    context.Progress("Waiting for " + waitedFor, "cooling down after the previous change (" + Poller.Seconds(watch.Elapsed) + ")");
                    await Task.Delay(interval < left ? interval : left, context.Cancellation).ConfigureAwait(false);
                    interval = context.Settings.NextPollInterval(interval);
                }
            }
        }
    }
}
