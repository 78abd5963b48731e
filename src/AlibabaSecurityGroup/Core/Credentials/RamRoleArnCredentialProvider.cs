using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core.Endpoints;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Core.Http;
using AlibabaSecurityGroup.Core.Logging;
using AlibabaSecurityGroup.Core.Retry;

namespace AlibabaSecurityGroup.Core.Credentials
{
    /// <summary>The parameters of an STS AssumeRole call.</summary>
    public sealed class AssumeRoleSettings
    {
        public const int MinimumDurationSeconds = 900;
        public const int DefaultDurationSeconds = 3600;

        public string RoleArn { get; set; }
        /// <summary>Default <c>AlibabaSecurityGroup-&lt;unix seconds&gt;</c>, so that ActionTrail shows who acted.</summary>
        public string RoleSessionName { get; set; }
        public int DurationSeconds { get; set; } = DefaultDurationSeconds;
        public string Policy { get; set; }
        public string ExternalId { get; set; }
    }

    /// <summary>
    /// RamRoleArn / ChainableRamRoleArn: STS <c>AssumeRole</c> (2015-04-01) signed with the source credentials, sent to the
    /// STS endpoint (overridable with <c>ALIBABA_CLOUD_ENDPOINT_STS</c>), cached and refreshed before expiry.
    /// </summary>
    public sealed class RamRoleArnCredentialProvider : RefreshingCredentialProvider
    {
        private readonly ICredentialProvider _source;
        private readonly AssumeRoleSettings _settings;
        private readonly Uri _stsEndpoint;
        private readonly OpenApiPipeline _pipeline;

        internal RamRoleArnCredentialProvider(ICredentialProvider source, AssumeRoleSettings settings, Uri stsEndpoint, string description,
            TransportSettings transport, RetryOptions retry, IClock clock, ICoreLog log, TimeSpan? refreshMargin = null)
            : base(clock, log, refreshMargin)
        {
            _source = source ?? throw new ArgumentNullException(nameof(source));
            _settings = settings ?? throw new ArgumentNullException(nameof(settings));
            if (string.IsNullOrWhiteSpace(settings.RoleArn)) throw new ArgumentException("The role ARN is empty.", nameof(settings));
            _stsEndpoint = stsEndpoint ?? throw new ArgumentNullException(nameof(stsEndpoint));
            Description = description;
            // Its own gate: STS throttling must not pause the product calls, nor the other way round.
            _pipeline = new OpenApiPipeline(source, transport, new RetryPolicy(StsRetry(retry)), new SharedBackoffGate(Clock), Clock, log);
        }

        public override string Description { get; }

        public Uri StsEndpoint => _stsEndpoint;

        protected override async Task<AlibabaCredentials> FetchAsync(CancellationToken cancellationToken)
        {
            int duration = Math.Max(_settings.DurationSeconds, AssumeRoleSettings.MinimumDurationSeconds);
            string session = string.IsNullOrWhiteSpace(_settings.RoleSessionName)
                ? "AlibabaSecurityGroup-" + Clock.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)
                : _settings.RoleSessionName;

            var request = new OpenApiRequest(Product.Sts, "AssumeRole")
                .Add("RoleArn", _settings.RoleArn)
                .Add("RoleSessionName", session)
                .Add("DurationSeconds", duration.ToString(CultureInfo.InvariantCulture))
                .Add("Policy", string.IsNullOrWhiteSpace(_settings.Policy) ? null : _settings.Policy)
                .Add("ExternalId", string.IsNullOrWhiteSpace(_settings.ExternalId) ? null : _settings.ExternalId);

            OpenApiResponse response;
            try
            {
                response = await _pipeline.SendAsync(request, _stsEndpoint, cancellationToken).ConfigureAwait(false);
            }
            catch (AlibabaCloudException e)
            {
                throw new AlibabaCloudException(e.Kind, e.Code,
                    "Could not assume role " + _settings.RoleArn + " for " + Description + ": " + (e.ServiceMessage ?? e.Message),
                    e.HttpStatus, e.RequestId, e.HostId, e.Recommend, e)
                {
                    History = e.History, RetryAfter = e.RetryAfter, Action = e.Action, EndpointHost = e.EndpointHost,
                    RequestNotSent = e.RequestNotSent, AccessDeniedDetail = e.AccessDeniedDetail,
                };
            }

            var c = response.Body["Credentials"];
            string id = c?.GetString("AccessKeyId"), secret = c?.GetString("AccessKeySecret"), token = c?.GetString("SecurityToken");
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(token))
                throw new AlibabaCloudException(ErrorKind.Service, "InvalidResponse",
                    "STS AssumeRole for " + Description + " answered without complete Credentials.", response.HttpStatus, response.RequestId);
            return new AlibabaCredentials(id, secret, token, ParseExpiration(c.GetString("Expiration")));
        }

        private static RetryOptions StsRetry(RetryOptions retry)
        {
            // Credentials are fetched once per hour or so: a few attempts, a short budget.
            var o = (retry ?? new RetryOptions()).Clone();
            if (o.MaxAttempts > 4) o.MaxAttempts = 4;
            if (o.MaxTotalTime > TimeSpan.FromSeconds(30)) o.MaxTotalTime = TimeSpan.FromSeconds(30);
            return o;
        }
    }
}
