using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core.Endpoints;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Core.Http;
using AlibabaSecurityGroup.Core.Logging;
using AlibabaSecurityGroup.Core.Retry;

namespace AlibabaSecurityGroup.Core
{
    /// <summary>
    /// Sends signed OpenAPI calls with retries. One per cmdlet invocation; safe for concurrent use; all instances share
    /// the process's HttpClient. Concurrent calls of one client share one <see cref="IThrottleGate"/>.
    /// </summary>
    public sealed class OpenApiClient : IOpenApiClient
    {
        private readonly ResolvedConfiguration _configuration;
        private readonly OpenApiPipeline _pipeline;
        private readonly RedactingCoreLog _log;
        private readonly ConcurrentDictionary<string, Uri> _endpoints = new ConcurrentDictionary<string, Uri>(StringComparer.Ordinal);

        public OpenApiClient(ResolvedConfiguration configuration, ClientOptions options)
        {
            _configuration = configuration ?? throw new ArgumentNullException(nameof(configuration));
            options = options ?? new ClientOptions();
            _log = RedactingCoreLog.Wrap(options.Log);
            var clock = options.Clock ?? SystemClock.Instance;
            ThrottleGate = options.ThrottleGate ?? new SharedBackoffGate(clock);
            var transport = new TransportSettings(options.ConnectTimeout, options.ReadTimeout);
            _pipeline = new OpenApiPipeline(configuration.Credentials, transport, new RetryPolicy(options.Retry), ThrottleGate, clock, _log);
        }

        public ResolvedConfiguration Configuration => _configuration;

        public IThrottleGate ThrottleGate { get; }

        /// <summary>
        /// Sends the call to the endpoint of <see cref="OpenApiRequest.RegionId"/> (or the client's region). Returns the
        /// parsed answer, or throws <see cref="AlibabaCloudException"/> with <see cref="AlibabaCloudException.History"/>
        /// set, or OperationCanceledException when <paramref name="cancellationToken"/> is cancelled.
        /// </summary>
        public Task<OpenApiResponse> SendAsync(OpenApiRequest request, CancellationToken cancellationToken)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            Uri endpoint;
            try
            {
                endpoint = EndpointFor(request.Product, string.IsNullOrWhiteSpace(request.RegionId) ? _configuration.RegionId : request.RegionId);
            }
            catch (AlibabaCloudException e)
            {
                e.History = new CallHistory(0, 0, false, TimeSpan.Zero);
                e.Action = request.Action;
                return Task.FromException<OpenApiResponse>(e);
            }
            return _pipeline.SendAsync(request, endpoint, cancellationToken);
        }

        /// <summary>The endpoint of <paramref name="product"/> for this client's region.</summary>
        public Uri EndpointFor(Product product) => EndpointFor(product, _configuration.RegionId);

        /// <summary>The endpoint of <paramref name="product"/> for <paramref name="regionId"/>.</summary>
        public Uri EndpointFor(Product product, string regionId)
        {
            string key = ((int)product).ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + (regionId ?? string.Empty);
            if (_endpoints.TryGetValue(key, out var cached)) return cached;
            var uri = _configuration.Endpoints.Resolve(product, regionId, out string source);
            if (_endpoints.TryAdd(key, uri))
                _log.Debug(OpenApiPipeline.DisplayName(product) + " endpoint" + (regionId == null ? string.Empty : " for " + regionId) + ": "
                           + uri.GetLeftPart(UriPartial.Authority) + " (from " + source + ")");
            return uri;
        }

        /// <summary>
        /// Gets credentials now (STS AssumeRole, ECS metadata), so that a bulk run fails once, up front, rather than on
        /// every item. Throws what the credential source throws.
        /// </summary>
        public async Task EnsureCredentialsAsync(CancellationToken cancellationToken)
        {
            await _configuration.Credentials.GetCredentialsAsync(cancellationToken).ConfigureAwait(false);
        }

        public override string ToString() => "OpenApiClient(" + _configuration + ")";
    }
}
