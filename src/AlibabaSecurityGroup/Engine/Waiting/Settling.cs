using System;
using System.Diagnostics;
using System.Threading.Tasks;

namespace AlibabaSecurityGroup.Engine.Waiting
{
    /// <summary>
    /// Reads a resource again while a change on it is still under way (a load balancer Configuring, a group Detaching),
    /// backing off, for at most the item's wait timeout; returns the last read either way.
    /// </summary>
    internal static class Settling
    {
        public static async Task<T> ReadAsync<T>(ItemContext context, Func<Task<T>> read, Func<T, bool> stillChanging)
        {
            var watch = Stopwatch.StartNew();
            var interval = context.Settings.PollInitialInterval;
            while (true)
            {
                var state = await read().ConfigureAwait(false);
                if (!stillChanging(state) || watch.Elapsed + interval > context.WaitTimeout) return state;
                await Task.Delay(interval, context.Cancellation).ConfigureAwait(false);
                interval = context.Settings.NextPollInterval(interval);
            }
        }
    }
}
