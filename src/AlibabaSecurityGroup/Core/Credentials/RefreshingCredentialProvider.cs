using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Core.Logging;

namespace AlibabaSecurityGroup.Core.Credentials
{
    /// <summary>
    /// Temporary credentials (STS AssumeRole, ECS instance role) fetched lazily, cached, and fetched again
    /// <see cref="RefreshMargin"/> before they expire. Concurrent callers share one fetch. A caller's cancellation ends
    /// its own wait, never the shared fetch. When a refresh fails while the cached credentials are still valid, the
    /// cached ones are used (and the next call tries again).
    /// </summary>
    public abstract class RefreshingCredentialProvider : ICredentialProvider
    {
        /// <summary>Refresh this long before expiry: enough for a slow STS answer and the clock skew between hosts.</summary>
        public static readonly TimeSpan DefaultRefreshMargin = TimeSpan.FromMinutes(5);

        /// <summary>Cached credentials closer to expiry than this are not used even when a refresh fails.</summary>
        internal static readonly TimeSpan MinimumRemainingValidity = TimeSpan.FromSeconds(30);

        private readonly object _gate = new object();
        private readonly IClock _clock;
        private readonly RedactingCoreLog _log;
        private AlibabaCredentials _cached;
        private DateTimeOffset _refreshAt;
        private Task<AlibabaCredentials> _fetch;
        private int _fetchCount;

        protected RefreshingCredentialProvider(IClock clock, ICoreLog log, TimeSpan? refreshMargin)
        {
            _clock = clock ?? SystemClock.Instance;
            _log = RedactingCoreLog.Wrap(log);
            RefreshMargin = refreshMargin ?? DefaultRefreshMargin;
        }

        public abstract string Description { get; }

        public TimeSpan RefreshMargin { get; }

        /// <summary>How many times <see cref="FetchAsync"/> was called (tests).</summary>
        internal int FetchCount => Volatile.Read(ref _fetchCount);

        protected IClock Clock => _clock;
        internal RedactingCoreLog Log => _log;

        /// <summary>
        /// Identifies the credentials this provider fetches across clients of the process (see
        /// <see cref="TemporaryCredentialCache"/>); null: no sharing.
        /// </summary>
        internal string CacheKey { get; set; }

        /// <summary>Gets new credentials. Called by one caller at a time; the token is never a caller's token.</summary>
        protected abstract Task<AlibabaCredentials> FetchAsync(CancellationToken cancellationToken);

        public Task<AlibabaCredentials> GetCredentialsAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var cached = Volatile.Read(ref _cached);
            if (cached != null)
            {
                DateTimeOffset refreshAt;
                lock (_gate) refreshAt = _refreshAt;
                if (_clock.UtcNow < refreshAt) return Task.FromResult(cached);
            }
            return RefreshAsync(cancellationToken);
        }

        private async Task<AlibabaCredentials> RefreshAsync(CancellationToken cancellationToken)
        {
            Task<AlibabaCredentials> fetch;
            AlibabaCredentials previous;
            lock (_gate)
            {
                previous = _cached;
                if (previous != null && _clock.UtcNow < _refreshAt) return previous;
                if (_fetch == null || _fetch.IsCompleted)
                {
                    _fetch = Task.Run(() => FetchAndStoreAsync());
                    // Observe a failure even when every waiter has gone (cancelled), so it never surfaces as unobserved.
                    _fetch.ContinueWith(t => { _ = t.Exception; }, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                }
                fetch = _fetch;
            }

            try
            {
                return await WaitAsync(fetch, cancellationToken).ConfigureAwait(false);
            }
            catch (AlibabaCloudException e) when (previous != null && previous.Expiration.HasValue
                                                  && _clock.UtcNow + MinimumRemainingValidity < previous.Expiration.Value)
            {
                _log.Debug("Refreshing " + Description + " failed (" + e.Message + "); the current credentials stay valid until "
                           + Format(previous.Expiration.Value) + ", using them.");
                return previous;
            }
        }

        private async Task<AlibabaCredentials> FetchAndStoreAsync()
        {
            if (TemporaryCredentialCache.TryGet(CacheKey, _clock.UtcNow, out var shared, out var sharedRefreshAt))
            {
                lock (_gate)
                {
                    _cached = shared;
                    _refreshAt = sharedRefreshAt;
                }
                _log.Debug("Reusing " + shared + " from " + Description + " obtained earlier in this session.");
                return shared;
            }

            Interlocked.Increment(ref _fetchCount);
            var fresh = await FetchAsync(CancellationToken.None).ConfigureAwait(false);
            var now = _clock.UtcNow;
            DateTimeOffset refreshAt = DateTimeOffset.MaxValue;
            if (fresh.Expiration.HasValue)
            {
                var expiration = fresh.Expiration.Value;
                refreshAt = expiration - RefreshMargin;
                // Credentials issued with less than the margin left: use them for half their remaining life rather than
                // fetching again on every call.
                if (refreshAt <= now) refreshAt = now + TimeSpan.FromTicks(Math.Max(0, (expiration - now).Ticks / 2));
            }
            lock (_gate)
            {
                _cached = fresh;
                _refreshAt = refreshAt;
            }
            TemporaryCredentialCache.Put(CacheKey, fresh, refreshAt);
            _log.Debug("Obtained " + fresh + " from " + Description
                       + (refreshAt == DateTimeOffset.MaxValue ? "." : "; next refresh after " + Format(refreshAt) + "."));
            return fresh;
        }

        private static async Task<T> WaitAsync<T>(Task<T> task, CancellationToken cancellationToken)
        {
            if (!cancellationToken.CanBeCanceled || task.IsCompleted) return await task.ConfigureAwait(false);
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(s => ((TaskCompletionSource<bool>)s).TrySetResult(true), cancelled))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                    throw new OperationCanceledException(cancellationToken);
            }
            return await task.ConfigureAwait(false);
        }

        internal static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        /// <summary>Reads an ISO 8601 UTC expiration (<c>2024-01-01T12:00:00Z</c>).</summary>
        internal static DateTimeOffset? ParseExpiration(string text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            return DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : (DateTimeOffset?)null;
        }

        public override string ToString() => Description;
    }
}
