using System;

namespace AlibabaSecurityGroup.Engine
{
    /// <summary>How one run of a removal cmdlet behaves; filled from the cmdlet's parameters.</summary>
    public sealed class EngineSettings
    {
        public const int DefaultThrottleLimit = 5;

        /// <summary>Items whose calls may be in flight at once.</summary>
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>Write one result per item (otherwise nothing is written on success).</summary>
        public bool PassThru { get; set; }

        /// <summary>Wait for asynchronous jobs (ALB job, PrivateLink detach) to finish before reporting.</summary>
        public bool Wait { get; set; }

        /// <summary>How long one item may wait for its job, or for its resource to become free (-TimeoutSec).</summary>
        public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromSeconds(300);

        /// <summary>Polling starts here and backs off by half again each time up to <see cref="PollMaxInterval"/>.</summary>
        public TimeSpan PollInitialInterval { get; set; } = TimeSpan.FromMilliseconds(500);
        public TimeSpan PollMaxInterval { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>The poll interval after <paramref name="interval"/>: half again as long, at most <see cref="PollMaxInterval"/>.</summary>
        public TimeSpan NextPollInterval(TimeSpan interval) =>
            TimeSpan.FromTicks(Math.Min(PollMaxInterval.Ticks, (long)(interval.Ticks * 1.5)));

        /// <summary>
        /// Accepted items that may wait for a slot or for their load balancer/endpoint. Bounds memory in huge
        /// pipelines: beyond it, Submit blocks (draining results) until work finishes.
        /// </summary>
        public int MaxQueuedItems => Math.Max(64, ThrottleLimit * 16);
    }
}
