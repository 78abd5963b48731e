using System;
using System.Collections.Generic;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core.Credentials;
using AlibabaSecurityGroup.Core.Endpoints;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Core.Http;
using AlibabaSecurityGroup.Core.Json;
using AlibabaSecurityGroup.Core.Logging;
using AlibabaSecurityGroup.Core.Retry;
using AlibabaSecurityGroup.Core.Signing;

namespace AlibabaSecurityGroup.Core
{
    /// <summary>
    /// One call, start to end: wait at the shared gate, get credentials, sign (fresh date and nonce), send, read the
    /// answer, and retry what the <see cref="RetryPolicy"/> says is worth retrying. Shared by <see cref="OpenApiClient"/>
    /// and the STS AssumeRole credential provider.
    /// </summary>
    internal sealed class OpenApiPipeline
    {
        private static readonly byte[] EmptyBody = new byte[0];

        private readonly ICredentialProvider _credentials;
        private readonly TransportSettings _transport;
        private readonly RetryPolicy _policy;
        private readonly IThrottleGate _gate;
        private readonly IClock _clock;
        private readonly RedactingCoreLog _log;

        public OpenApiPipeline(ICredentialProvider credentials, TransportSettings transport, RetryPolicy policy, IThrottleGate gate, IClock clock, ICoreLog log)
        {
            _credentials = credentials ?? throw new ArgumentNullException(nameof(credentials));
            _transport = transport ?? throw new ArgumentNullException(nameof(transport));
            _policy = policy ?? new RetryPolicy(null);
            _clock = clock ?? SystemClock.Instance;
            _gate = gate ?? new SharedBackoffGate(_clock);
            _log = RedactingCoreLog.Wrap(log);
        }

        public ICredentialProvider Credentials => _credentials;

        public async Task<OpenApiResponse> SendAsync(OpenApiRequest request, Uri endpoint, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            if (endpoint == null) throw new ArgumentNullException(nameof(endpoint));
            cancellationToken.ThrowIfCancellationRequested();

            var options = _policy.Options;
            string host = endpoint.Authority;
            string name = DisplayName(request.Product) + " " + request.Action;
            DateTimeOffset start = _clock.UtcNow;
            int attempts = 0, throttled = 0;
            bool outcomeUnknown = false;
            TimeSpan previousDelay = TimeSpan.Zero;

            while (true)
            {
                await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);

                AlibabaCredentials credentials;
                try
                {
                    credentials = await _credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (AlibabaCloudException e)
                {
                    // The credential provider has its own retries; its failure ends this call. The exception may be shared
                    // by every caller waiting on the same refresh, so each gets a copy with its own history.
                    throw e.WithHistory(new CallHistory(attempts, throttled, outcomeUnknown, _clock.UtcNow - start));
                }

                attempts++;
                DateTimeOffset attemptStart = _clock.UtcNow;
                AlibabaCloudException error;
                try
                {
                    var raw = await SendOnceAsync(request, endpoint, credentials, attemptStart, cancellationToken).ConfigureAwait(false);
                    JsonValue body = OpenApiResponseReader.Read(raw, host);
                    _gate.OnSuccess();
                    var history = new CallHistory(attempts, throttled, outcomeUnknown, _clock.UtcNow - start);
                    if (_log.IsEnabled)
                        _log.Debug(AttemptLine(name, host, attempts, options.MaxAttempts) + ": HTTP " + raw.Status.ToString(CultureInfo.InvariantCulture)
                                   + ", RequestId " + (body.GetString("RequestId") ?? "(none)") + ", " + Ms(_clock.UtcNow - attemptStart));
                    return new OpenApiResponse(body, raw.Status, host, history);
                }
                catch (AlibabaCloudException e)
                {
                    error = e;
                }

                error.Action = request.Action;
                if (error.EndpointHost == null) error.EndpointHost = host;
                bool isThrottled = RetryPolicy.IsThrottled(error);
                if (isThrottled)
                {
                    throttled++;
                    _gate.OnThrottled(error.RetryAfter);
                }
                else if (error.Kind == ErrorKind.Service)
                {
                    _gate.OnSuccess(); // the service answered without throttling
                }

                // Earlier attempts only: the failing attempt's own outcome is told by the exception's kind.
                var finalHistory = new CallHistory(attempts, throttled, outcomeUnknown, _clock.UtcNow - start);
                string line = _log.IsEnabled ? AttemptLine(name, host, attempts, options.MaxAttempts) + ": " + Describe(error) + ", " + Ms(_clock.UtcNow - attemptStart) : null;
                outcomeUnknown |= error.OutcomeUnknown;

                string stop = null;
                TimeSpan delay = TimeSpan.Zero;
                if (error.IsDryRunPassed) stop = "dry run passed";
                else if (!RetryPolicy.IsRetryable(error)) stop = "not retried";
                else if (attempts >= options.MaxAttempts) stop = "giving up after " + attempts.ToString(CultureInfo.InvariantCulture) + " attempts";
                else
                {
                    delay = _policy.NextDelay(previousDelay, error.RetryAfter);
                    var elapsed = _clock.UtcNow - start;
                    if (elapsed + delay > options.MaxTotalTime)
                        stop = "giving up: waiting " + Ms(delay) + " more would pass the " + Ms(options.MaxTotalTime) + " budget";
                }

                if (stop != null)
                {
                    if (line != null) _log.Debug(line + "; " + stop);
                    error.History = finalHistory;
                    throw error;
                }

                if (line != null) _log.Debug(line + "; retrying in " + Ms(delay));
                previousDelay = delay > options.MaxDelay ? options.MaxDelay : delay;
                await _clock.DelayAsync(delay, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<RawResponse> SendOnceAsync(OpenApiRequest request, Uri endpoint, AlibabaCredentials credentials, DateTimeOffset date, CancellationToken cancellationToken)
        {
            string authority = endpoint.Authority;
            SignedRequest signed = AcsV3Signer.Sign("POST", authority, request.Action, request.Version, request.Parameters, date, AcsV3Signer.NewNonce(), credentials);
            var uri = new Uri(BaseOf(endpoint) + (signed.CanonicalQuery.Length == 0 ? string.Empty : "?" + signed.CanonicalQuery), UriKind.Absolute);
            using (var message = new HttpRequestMessage(HttpMethod.Post, uri))
            {
                message.Content = new ByteArrayContent(EmptyBody);
                foreach (var header in signed.Headers)
                {
                    if (header.Key == "host") message.Headers.Host = header.Value;
                    else message.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
                message.Headers.TryAddWithoutValidation("User-Agent", UserAgent.Value);
                message.Headers.TryAddWithoutValidation("Accept", "application/json");
                return await HttpExchange.SendAsync(_transport.Client, message, _transport.ReadTimeout, cancellationToken).ConfigureAwait(false);
            }
        }

        private static string BaseOf(Uri endpoint) => endpoint.Scheme + "://" + endpoint.Authority + "/";

        internal static string DisplayName(Product product)
        {
            switch (product)
            {
                case Product.Ecs: return "ECS";
                case Product.Alb: return "ALB";
                case Product.PrivateLink: return "PrivateLink";
                default: return "STS";
            }
        }

        private static string AttemptLine(string name, string host, int attempt, int max) =>
            name + " attempt " + attempt.ToString(CultureInfo.InvariantCulture) + "/" + max.ToString(CultureInfo.InvariantCulture) + " to " + host;

        private static string Describe(AlibabaCloudException e)
        {
            var sb = new StringBuilder();
            if (e.Kind == ErrorKind.Service)
            {
                sb.Append("HTTP ").Append(e.HttpStatus.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(e.Code);
                sb.Append(", RequestId ").Append(e.RequestId ?? "(none)");
                if (e.RetryAfter.HasValue) sb.Append(", retry-after ").Append(Ms(e.RetryAfter.Value));
            }
            else
            {
                sb.Append(e.Kind.ToString()).Append(' ').Append(e.Code);
            }
            return sb.ToString();
        }

        internal static string Ms(TimeSpan t) => ((long)Math.Round(t.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) + " ms";
    }
}
