using System;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core;
using AlibabaSecurityGroup.Core.Errors;

namespace AlibabaSecurityGroup.Engine.Session
{
    /// <summary>
    /// Wraps the core client to write the one Verbose line per call that users read (action, ids, region,
    /// endpoint host, attempts, RequestId, elapsed) and to count retries. Request parameters are ids and flags,
    /// never secrets; the core keeps credentials in headers it never logs.
    /// </summary>
    internal sealed class CallLoggingClient : IOpenApiClient
    {
        private readonly IOpenApiClient _inner;
        private readonly Action<string> _verbose;
        private readonly Func<OpenApiRequest, string> _hostOf;

        public CallLoggingClient(IOpenApiClient inner, Action<string> verbose, Func<OpenApiRequest, string> hostOf, CallStatistics statistics)
        {
            _inner = inner;
            _verbose = verbose;
            _hostOf = hostOf;
            Statistics = statistics;
        }

        public CallStatistics Statistics { get; }

        public async Task<OpenApiResponse> SendAsync(OpenApiRequest request, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            try
            {
                var response = await _inner.SendAsync(request, cancellationToken).ConfigureAwait(false);
                Statistics.Record(response.History?.Attempts ?? 1, response.History?.ThrottledAttempts ?? 0, failed: false);
                _verbose(Describe(request, response.EndpointHost) + ": OK, RequestId " + response.RequestId +
                    Attempts(response.History) + ", " + Millis(watch));
                return response;
            }
            catch (AlibabaCloudException e)
            {
                Statistics.Record(e.History?.Attempts ?? 1, e.History?.ThrottledAttempts ?? 0, failed: !e.IsDryRunPassed);
                string verdict = e.IsDryRunPassed ? "dry run passed" : (e.Code ?? e.Kind.ToString()) +
                    (e.HttpStatus > 0 ? " (HTTP " + e.HttpStatus.ToString(CultureInfo.InvariantCulture) + ")" : "");
                _verbose(Describe(request, _hostOf(request)) + ": " + verdict +
                    (string.IsNullOrEmpty(e.RequestId) ? "" : ", RequestId " + e.RequestId) + Attempts(e.History) + ", " + Millis(watch));
                throw;
            }
        }

        private static string Describe(OpenApiRequest request, string host)
        {
            var sb = new StringBuilder(request.Action);
            foreach (var p in request.Parameters) sb.Append(' ').Append(p.Key).Append('=').Append(p.Value);
            if (host != null) sb.Append(" -> ").Append(host);
            return sb.ToString();
        }

        private static string Attempts(CallHistory history) =>
            history == null ? ", attempt 1" : ", attempt " + history.Attempts.ToString(CultureInfo.InvariantCulture) +
                (history.ThrottledAttempts > 0 ? " (" + history.ThrottledAttempts.ToString(CultureInfo.InvariantCulture) + " throttled)" : "");

        private static string Millis(Stopwatch watch) =>
            watch.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
    }
}
