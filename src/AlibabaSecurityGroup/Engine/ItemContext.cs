using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Engine.Session;

namespace AlibabaSecurityGroup.Engine
{
    /// <summary>
    /// What an operation may use while it runs on a worker thread. Everything it says to the user goes through
    /// here and reaches PowerShell on the pipeline thread.
    /// </summary>
    public sealed class ItemContext
    {
        private readonly RemovalEngine _engine;
        private readonly Stopwatch _watch = Stopwatch.StartNew();
        private bool _progressShown;

        internal ItemContext(RemovalEngine engine, int sequence, string regionId, bool whatIf, CancellationToken cancellation)
        {
            _engine = engine;
            Sequence = sequence;
            RegionId = regionId;
            WhatIf = whatIf;
            Cancellation = cancellation;
        }

        public int Sequence { get; }
        public string RegionId { get; }
        public bool WhatIf { get; }
        public bool Wait => _engine.Settings.Wait;
        public TimeSpan WaitTimeout => _engine.Settings.WaitTimeout;
        public EngineSettings Settings => _engine.Settings;
        public CancellationToken Cancellation { get; }
        public ServiceSession Services => _engine.Session;
        public TimeSpan Elapsed => _watch.Elapsed;

        /// <summary>Set by <see cref="HoldResourceUntil"/>: the resource stays reserved until this task ends.</summary>
        internal Task ResourceHold { get; private set; }

        public void Verbose(string message) => _engine.PostVerbose(message);

        /// <summary>Shows this item's wait as a child bar under the run's progress bar.</summary>
        public void Progress(string activity, string status)
        {
            _progressShown = true;
            _engine.PostItemProgress(Sequence, activity, status, completed: false);
        }

        internal void EndProgress()
        {
            if (_progressShown) _engine.PostItemProgress(Sequence, "Waiting", "Done", completed: true);
        }

        /// <summary>
        /// Keeps the item's resource reserved after the item is reported (no -Wait), until <paramref name="settle"/>
        /// finishes: the next change to that load balancer or endpoint must not start while a job still runs.
        /// The settle task is cancelled when the run ends or is stopped.
        /// </summary>
        public void HoldResourceUntil(Func<CancellationToken, Task> settle)
        {
            var token = _engine.SettleCancellation;
            ResourceHold = Task.Run(async () =>
            {
                try { await settle(token).ConfigureAwait(false); }
                catch (Exception) { /* best effort: the next item's own retry rules still apply */ }
            });
        }

        /// <summary>True when this run already changed the resource (so a "busy" answer is our own cool-down).</summary>
        public bool ChangedInThisRun(string resourceKey) => _engine.ChangedInThisRun(resourceKey);

        public void MarkChanged(string resourceKey) => _engine.MarkChanged(resourceKey);
    }
}
