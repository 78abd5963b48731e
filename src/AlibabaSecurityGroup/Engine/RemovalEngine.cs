using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Engine.Errors;
using AlibabaSecurityGroup.Engine.Scheduling;
using AlibabaSecurityGroup.Engine.Session;
using AlibabaSecurityGroup.Engine.Sink;
using AlibabaSecurityGroup.Engine.Validation;
using AlibabaSecurityGroup.Model;

namespace AlibabaSecurityGroup.Engine
{
    /// <summary>
    /// The one removal workflow all cmdlets share: validate -> ShouldProcess -> queue -> run (at most
    /// ThrottleLimit at once, never two changes at once on one resource) -> result or error.
    /// Submit, Complete and every sink call happen on the pipeline thread; workers only post to the mailbox.
    /// Every accepted item ends in exactly one result (or, without -PassThru, a silent success) or one error,
    /// including when the run is stopped. The first call goes alone; once the service has answered, up to
    /// ThrottleLimit run at once. When the service refuses the run's credentials or clock (see
    /// <see cref="ErrorReports.IsRunFatal"/>), nothing more is sent: the remaining items end as "not sent" errors with that code.
    /// </summary>
    public sealed partial class RemovalEngine : IDisposable
    {
        private const int RunProgressId = 1;

        private readonly IEngineSink _sink;
        private readonly Mailbox _mailbox;
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly CancellationTokenSource _settle = new CancellationTokenSource();
        private readonly LinkedList<WorkItem> _pending = new LinkedList<WorkItem>();
        private readonly HashSet<string> _busyResources = new HashSet<string>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, bool> _changed = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        private int _inFlight, _sequence, _succeeded, _failed, _finishedRuns;
        private bool _firstAnswerSeen;
        private EngineError _fatal;
        private DateTime _lastRunProgress;
        private bool _anyWaitShown;

        private readonly SessionHost _host;

        internal RemovalEngine(SessionHost host, EngineSettings settings, IEngineSink sink)
        {
            _host = host;
            Settings = settings;
            _sink = sink;
            _mailbox = host.Mailbox;
        }

        public ServiceSession Session => _host.Session;
        public EngineSettings Settings { get; }
        public int Succeeded => _succeeded;
        public int Failed => _failed;
        internal CancellationToken SettleCancellation => _settle.Token;

        /// <summary>Cancels everything in flight (Ctrl+C). Safe from any thread.</summary>
        public void Stop()
        {
            try { _stop.Cancel(); } catch (ObjectDisposedException) { }
        }

        public bool IsStopped => _stop.IsCancellationRequested;

        /// <summary>Accepts one item: validates it, asks ShouldProcess, and queues it. Pipeline thread only.</summary>
        public void Submit(RemovalOperation operation)
        {
            _mailbox.RunPending();
            var target = operation.InputObject;

            if (IsStopped)
            {
                Fail(Cancelled(operation, started: false));
                return;
            }

            var problem = operation.Validate() ?? RegionRules.Problem(operation.RegionId);
            if (problem != null)
            {
                Fail(ToError(problem, operation));
                return;
            }

            if (_fatal != null)
            {
                Fail(NotSent(operation));
                return;
            }

            string region = operation.RegionId ?? Session.DefaultRegionId;
            var decision = _sink.ShouldProcess(operation.Describe(region), operation.Action);
            if (decision == ShouldProcessDecision.Skip) return;

            var item = new WorkItem(operation, ++_sequence, region, decision == ShouldProcessDecision.WhatIf);
            _pending.AddLast(item);
            Pump();
            while (_pending.Count >= Settings.MaxQueuedItems && !IsStopped)
            {
                _mailbox.RunNext(TimeSpan.FromMilliseconds(100));
                Pump();
            }
        }

        /// <summary>Waits for every accepted item to end, writing their outcomes. Pipeline thread only.</summary>
        public void Complete()
        {
            while (_inFlight > 0 || _pending.Count > 0)
            {
                _mailbox.RunNext(TimeSpan.FromMilliseconds(100));
                Pump();
                ReportRunProgress(force: false);
            }
            _settle.Cancel();
            _mailbox.RunPending();
            if (_anyWaitShown)
                _sink.WriteProgress(new ProgressUpdate { ActivityId = RunProgressId, Activity = RunActivity, StatusDescription = "Done", Completed = true });
        }

        public void Dispose()
        {
            _settle.Cancel();
            _host.Dispose();
        }

        // ---- scheduling (pipeline thread) ----

        private void Pump()
        {
            if (IsStopped)
            {
                // Nothing new starts after Ctrl+C: every queued item ends as cancelled.
                while (_pending.Count > 0)
                {
                    var item = _pending.First.Value;
                    _pending.RemoveFirst();
                    Fail(Cancelled(item.Operation, started: false));
                }
                return;
            }

            if (_fatal != null)
            {
                // The service refused the run's credentials or clock: nothing else can succeed, so nothing else is sent.
                while (_pending.Count > 0)
                {
                    var item = _pending.First.Value;
                    _pending.RemoveFirst();
                    Fail(NotSent(item.Operation));
                }
                return;
            }

            // One call first: with a wrong key, secret, token or clock the run learns it from a single call instead of
            // ThrottleLimit of them. Open up once that call succeeded (every call posts its Verbose line after it is
            // counted, which wakes this thread), or once an item has finished (a failed call's error, fatal or not, is
            // posted before its item's end).
            int limit = Settings.ThrottleLimit;
            if (!_firstAnswerSeen)
            {
                var calls = Session.Statistics;
                if (_finishedRuns > 0 || (calls.Calls > 0 && calls.FailedCalls == 0)) _firstAnswerSeen = true;
                else limit = 1;
            }

            var node = _pending.First;
            while (node != null && _inFlight < limit)
            {
                var next = node.Next;
                var key = node.Value.ResourceKey;
                if (key == null || _busyResources.Add(key))
                {
                    _pending.Remove(node);
                    Start(node.Value);
                }
                node = next;
            }
        }

        private void Start(WorkItem item)
        {
            _inFlight++;
            Task.Run(() => RunAsync(item));
        }

        private async Task RunAsync(WorkItem item)
        {
            var context = new ItemContext(this, item.Sequence, item.RegionId, item.WhatIf, _stop.Token);
            var operation = item.Operation;
            try
            {
                _stop.Token.ThrowIfCancellationRequested();
                SecurityGroupRemovalResult result;
                try
                {
                    result = await operation.RunAsync(context).ConfigureAwait(false);
                }
                catch (Exception e) when (!item.WhatIf && !IsStopped && UnknownOutcome.MayHaveApplied(operation, e))
                {
                    // An attempt got no answer and the retries after it failed: the change may have been made. Read
                    // the resource once; if it was, report a result rather than an error that would not be true.
                    SecurityGroupRemovalResult confirmed = null;
                    try { confirmed = await UnknownOutcome.ConfirmAsync(operation, context).ConfigureAwait(false); }
                    catch (Exception) when (!IsStopped) { /* the read failed too: the original error stands */ }
                    if (confirmed == null) throw;
                    result = confirmed;
                }
                if (item.WhatIf)
                    PostVerbose("What-if verdict for " + operation.Describe(item.RegionId) + ": " + operation.Action +
                        " would succeed (" + operation.WhatIfMethod + ").");
                _mailbox.Post(() =>
                {
                    _succeeded++;
                    if (Settings.PassThru) _sink.WriteResult(result);
                });
            }
            catch (Exception e)
            {
                var error = e is OperationCanceledException && IsStopped ? Cancelled(operation, started: true) : ToError(e, operation);
                if (!item.WhatIf && !IsStopped && e is Core.Errors.AlibabaCloudException unknown && !unknown.OutcomeUnknown && UnknownOutcome.MayHaveApplied(operation, unknown))
                    error = new EngineError(error.ErrorId, error.Category, error.Message + (UnknownOutcome.FailedAfterTheChange(operation, unknown)
                        ? " The change had been accepted, so it may still be made; check the resource before running it again."
                        : " An earlier attempt got no answer, so the change may have been made; check the resource before running it again."),
                        error.TargetObject, error.Exception, error.RecommendedAction);
                if (item.WhatIf)
                    PostVerbose("What-if verdict for " + operation.Describe(item.RegionId) + ": " + operation.Action +
                        " would fail with " + error.ErrorId + " (" + operation.WhatIfMethod + ").");
                bool fatal = ErrorReports.IsRunFatal(e as Core.Errors.AlibabaCloudException);
                _mailbox.Post(() =>
                {
                    if (fatal && _fatal == null) _fatal = error;
                    Fail(error);
                });
            }
            finally
            {
                context.EndProgress();
                var hold = context.ResourceHold;
                var key = item.ResourceKey;
                _mailbox.Post(() =>
                {
                    _inFlight--;
                    _finishedRuns++;
                });
                if (key != null)
                {
                    if (hold == null) _mailbox.Post(() => _busyResources.Remove(key));
                    else _ = hold.ContinueWith(_ => _mailbox.Post(() => _busyResources.Remove(key)), TaskScheduler.Default);
                }
            }
        }

        private void Fail(EngineError error)
        {
            _failed++;
            _sink.WriteError(error);
        }

        // ---- messages from workers ----

        internal void PostVerbose(string message) => _mailbox.Post(() => _sink.WriteVerbose(message));

        internal void PostDebug(string message) => _mailbox.Post(() => _sink.WriteDebug(message));

        internal void PostItemProgress(int sequence, string activity, string status, bool completed)
        {
            _mailbox.Post(() =>
            {
                _anyWaitShown = true;
                ReportRunProgress(force: true);
                _sink.WriteProgress(new ProgressUpdate
                {
                    ActivityId = RunProgressId + sequence,
                    ParentActivityId = RunProgressId,
                    Activity = activity,
                    StatusDescription = status,
                    Completed = completed,
                });
            });
        }

        private const string RunActivity = "Removing security group memberships";

        private void ReportRunProgress(bool force)
        {
            if (!_anyWaitShown) return;
            var now = DateTime.UtcNow;
            if (!force && now - _lastRunProgress < TimeSpan.FromMilliseconds(500)) return;
            _lastRunProgress = now;
            int done = _succeeded + _failed;
            int total = done + _inFlight + _pending.Count;
            _sink.WriteProgress(new ProgressUpdate
            {
                ActivityId = RunProgressId,
                Activity = RunActivity,
                StatusDescription = string.Format(CultureInfo.InvariantCulture,
                    "{0} of {1} done ({2} failed), {3} in progress", done, total, _failed, _inFlight),
                PercentComplete = total == 0 ? 0 : (int)(100L * done / total),
            });
        }

        internal bool ChangedInThisRun(string key) => key != null && _changed.ContainsKey(key);

        internal void MarkChanged(string key)
        {
            if (key != null) _changed[key] = true;
        }

        // ---- errors ----

        private EngineError Cancelled(RemovalOperation operation, bool started) =>
            new EngineError(ErrorCodes.OperationCancelled, EngineErrorCategory.OperationStopped,
                "Stopped before " + operation.Action.ToLowerInvariant() + " on " + operation.ResourceId + " finished" +
                (started ? "; a request already sent may still take effect on the service." : "; nothing was sent for it."),
                operation.InputObject);

        private EngineError NotSent(RemovalOperation operation) =>
            new EngineError(_fatal.ErrorId, _fatal.Category,
                "Not sent: " + operation.Action.ToLowerInvariant() + " on " + (operation.ResourceId ?? "(no id)") +
                " was skipped because an earlier call of this run was refused with " + _fatal.ErrorId +
                ", which no retry can fix (see that error). Nothing was sent for this item.",
                operation.InputObject, null, _fatal.RecommendedAction);

        private static EngineError ToError(Exception exception, RemovalOperation operation) =>
            ErrorReports.From(exception, operation.Action + " on " + (operation.ResourceId ?? "(no id)"), operation.InputObject);

        private sealed class WorkItem
        {
            public WorkItem(RemovalOperation operation, int sequence, string regionId, bool whatIf)
            {
                Operation = operation;
                Sequence = sequence;
                RegionId = regionId;
                WhatIf = whatIf;
                // A rehearsal changes nothing, so it need not wait its turn on the resource.
                ResourceKey = whatIf ? null : operation.ResourceKey;
            }

            public RemovalOperation Operation { get; }
            public int Sequence { get; }
            public string RegionId { get; }
            public bool WhatIf { get; }
            public string ResourceKey { get; }
        }
    }
}
