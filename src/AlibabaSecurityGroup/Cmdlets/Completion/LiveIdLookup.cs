using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Retry;
using AlibabaSecurityGroup.Engine.Reading;
using AlibabaSecurityGroup.Engine.Session;
using AlibabaSecurityGroup.Engine.Validation;

namespace AlibabaSecurityGroup.Cmdlets.Completion
{
    /// <summary>
    /// Live id completion: one quick listing call, cached for a minute per (session, kind, region, endpoint,
    /// credentials). Silent by design: no credentials, no network, a slow service, any error -> no suggestions,
    /// never an error or a prompt in the middle of typing.
    /// </summary>
    public sealed class LiveIdLookup
    {
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(3);
        public static readonly TimeSpan CacheLifetime = TimeSpan.FromMinutes(1);

        private readonly ConcurrentDictionary<string, Entry> _cache = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);

        public IReadOnlyList<string> Find(ClientOptions options, IdKind kind, TimeSpan timeout)
        {
            try
            {
                options.Retry = RetryOptions.None;
                options.ConnectTimeout = timeout;
                options.ReadTimeout = timeout;
                var configuration = ClientConfiguration.Resolve(options);
                string key = kind + "|" + configuration.RegionId + "|" + options.Endpoint + "|" + configuration.CredentialSource;
                if (_cache.TryGetValue(key, out var cached) && DateTime.UtcNow - cached.Time < CacheLifetime) return cached.Ids;

                var session = ServiceSession.Open(options, _ => { });
                using (var cts = new CancellationTokenSource(timeout))
                {
                    var ids = Task.Run(() => IdCatalog.ListAsync(session, kind, configuration.RegionId, cts.Token)).GetAwaiter().GetResult();
                    _cache[key] = new Entry(ids);
                    return ids;
                }
            }
            catch (Exception)
            {
                return new string[0];
            }
        }

        private sealed class Entry
        {
            public Entry(IReadOnlyList<string> ids)
            {
                Ids = ids;
                Time = DateTime.UtcNow;
            }

            public IReadOnlyList<string> Ids { get; }
            public DateTime Time { get; }
        }
    }
}
