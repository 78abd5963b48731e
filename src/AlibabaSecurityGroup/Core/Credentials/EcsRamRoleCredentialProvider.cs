using System;
using System.Globalization;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Core.Http;
using AlibabaSecurityGroup.Core.Json;
using AlibabaSecurityGroup.Core.Logging;
using AlibabaSecurityGroup.Core.Redaction;

namespace AlibabaSecurityGroup.Core.Credentials
{
    /// <summary>
    /// EcsRamRole: the instance RAM role's temporary credentials from the ECS metadata service. Hardened mode first:
    /// <c>PUT /latest/api/token</c> (header <c>X-aliyun-ecs-metadata-token-ttl-seconds</c>), then the GETs carry
    /// <c>X-aliyun-ecs-metadata-token</c>. When the token request gets an HTTP error (an older metadata service) the GETs
    /// go without a token, unless <c>ALIBABA_CLOUD_IMDSV1_DISABLED=true</c>. The role name comes from the profile's
    /// <c>ram_role_name</c> / <c>ALIBABA_CLOUD_ECS_METADATA</c>, or is discovered from
    /// <c>/latest/meta-data/ram/security-credentials/</c>.
    /// </summary>
    public sealed class EcsRamRoleCredentialProvider : RefreshingCredentialProvider
    {
        public static readonly Uri DefaultMetadataEndpoint = new Uri("http://100.100.100.200/");

        /// <summary>Each metadata request: the service is link-local and answers in milliseconds on ECS.</summary>
        public static readonly TimeSpan DefaultRequestTimeout = TimeSpan.FromSeconds(5);

        /// <summary>
        /// The chain's "are we on ECS?" probe. Off ECS, 100.100.100.200 usually drops packets, so without a short bound
        /// the probe would hang for the whole connect timeout; one second is ample for a link-local service.
        /// </summary>
        public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(1);

        public const int TokenTtlSeconds = 21600;
        internal const string TokenPath = "latest/api/token";
        internal const string CredentialsPath = "latest/meta-data/ram/security-credentials/";

        private readonly Uri _endpoint;
        private readonly bool _allowV1;
        private readonly TimeSpan _requestTimeout;
        private readonly HttpClient _client;
        private string _roleName;

        internal EcsRamRoleCredentialProvider(Uri metadataEndpoint, string roleName, bool allowImdsV1, string description,
            IClock clock, ICoreLog log, TimeSpan? requestTimeout = null, TimeSpan? refreshMargin = null, HttpClient client = null)
            : base(clock, log, refreshMargin)
        {
            _endpoint = Normalize(metadataEndpoint ?? DefaultMetadataEndpoint);
            _roleName = string.IsNullOrWhiteSpace(roleName) ? null : roleName.Trim();
            _allowV1 = allowImdsV1;
            _requestTimeout = requestTimeout ?? DefaultRequestTimeout;
            _client = client ?? SharedHttpClient.Get(_requestTimeout);
            Description = description;
        }

        public override string Description { get; }

        public string RoleName => Volatile.Read(ref _roleName);

        protected override async Task<AlibabaCredentials> FetchAsync(CancellationToken cancellationToken)
        {
            string token = await GetTokenAsync(_client, _endpoint, _allowV1, _requestTimeout, cancellationToken).ConfigureAwait(false);
            string role = RoleName;
            if (role == null)
            {
                role = await DiscoverRoleAsync(_client, _endpoint, token, _requestTimeout, cancellationToken).ConfigureAwait(false);
                if (role == null)
                    throw new AlibabaCloudException(ErrorKind.Service, "MetadataError",
                        "The ECS metadata service at " + _endpoint.Authority + " lists no RAM role: attach one to the instance, or use another credential source.");
                Volatile.Write(ref _roleName, role);
            }

            var raw = await GetAsync(_client, _endpoint, CredentialsPath + Uri.EscapeDataString(role), token, _requestTimeout, cancellationToken).ConfigureAwait(false);
            if (!raw.IsSuccess)
                throw MetadataError("reading the credentials of role '" + role + "'", raw);
            JsonValue body;
            try { body = JsonValue.Parse(raw.Body); }
            catch (FormatException e)
            {
                throw new AlibabaCloudException(ErrorKind.Service, "MetadataError",
                    "The ECS metadata service answered the credentials of role '" + role + "' with a body that is not JSON.", raw.Status, inner: e);
            }
            string id = body.GetString("AccessKeyId"), secret = body.GetString("AccessKeySecret"), securityToken = body.GetString("SecurityToken");
            Redactor.RegisterSecret(secret);
            Redactor.RegisterSecret(securityToken);
            if (!string.Equals(body.GetString("Code"), "Success", StringComparison.OrdinalIgnoreCase)
                || string.IsNullOrEmpty(id) || string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(securityToken))
                throw new AlibabaCloudException(ErrorKind.Service, "MetadataError",
                    "The ECS metadata service did not return usable credentials for role '" + role + "' (Code " + (body.GetString("Code") ?? "missing") + ").", raw.Status);
            return new AlibabaCredentials(id, secret, securityToken, ParseExpiration(body.GetString("Expiration")));
        }

        /// <summary>
        /// The chain's probe: gets a metadata token and, without <paramref name="roleName"/>, discovers the role. Returns the
        /// role name, or null when the service answers but lists no role; throws an <see cref="AlibabaCloudException"/>
        /// (Transport / Timeout) when nothing answers within <paramref name="timeout"/>.
        /// </summary>
        internal static async Task<string> ProbeAsync(Uri endpoint, bool allowV1, string roleName, TimeSpan timeout, CancellationToken cancellationToken)
        {
            endpoint = Normalize(endpoint ?? DefaultMetadataEndpoint);
            var client = SharedHttpClient.Get(timeout);
            string token = await GetTokenAsync(client, endpoint, allowV1, timeout, cancellationToken).ConfigureAwait(false);
            return roleName ?? await DiscoverRoleAsync(client, endpoint, token, timeout, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>A plain-text metadata item (e.g. <c>latest/meta-data/region-id</c>), or null when it is not there.</summary>
        internal static async Task<string> GetMetadataTextAsync(Uri endpoint, string path, bool allowV1, TimeSpan timeout, CancellationToken cancellationToken)
        {
            endpoint = Normalize(endpoint ?? DefaultMetadataEndpoint);
            var client = SharedHttpClient.Get(timeout);
            string token = await GetTokenAsync(client, endpoint, allowV1, timeout, cancellationToken).ConfigureAwait(false);
            var raw = await GetAsync(client, endpoint, path, token, timeout, cancellationToken).ConfigureAwait(false);
            return raw.IsSuccess && !string.IsNullOrWhiteSpace(raw.Body) ? raw.Body.Trim() : null;
        }

        private static async Task<string> GetTokenAsync(HttpClient client, Uri endpoint, bool allowV1, TimeSpan timeout, CancellationToken cancellationToken)
        {
            using (var request = new HttpRequestMessage(HttpMethod.Put, new Uri(endpoint, TokenPath)))
            {
                request.Headers.TryAddWithoutValidation("X-aliyun-ecs-metadata-token-ttl-seconds", TokenTtlSeconds.ToString(CultureInfo.InvariantCulture));
                request.Headers.TryAddWithoutValidation("User-Agent", UserAgent.Value);
                var raw = await HttpExchange.SendAsync(client, request, timeout, cancellationToken).ConfigureAwait(false);
                if (raw.IsSuccess && !string.IsNullOrWhiteSpace(raw.Body))
                {
                    string token = raw.Body.Trim();
                    Redactor.RegisterSecret(token);
                    return token;
                }
                if (allowV1) return null;
                throw MetadataError("getting a metadata token (IMDSv1 fallback is disabled)", raw);
            }
        }

        private static async Task<string> DiscoverRoleAsync(HttpClient client, Uri endpoint, string token, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var raw = await GetAsync(client, endpoint, CredentialsPath, token, timeout, cancellationToken).ConfigureAwait(false);
            if (raw.Status == 404) return null;
            if (!raw.IsSuccess) throw MetadataError("listing the instance's RAM role", raw);
            foreach (var line in (raw.Body ?? string.Empty).Split('\n'))
            {
                var name = line.Trim();
                if (name.Length > 0) return name;
            }
            return null;
        }

        private static async Task<RawResponse> GetAsync(HttpClient client, Uri endpoint, string path, string token, TimeSpan timeout, CancellationToken cancellationToken)
        {
            using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, path)))
            {
                if (token != null) request.Headers.TryAddWithoutValidation("X-aliyun-ecs-metadata-token", token);
                request.Headers.TryAddWithoutValidation("User-Agent", UserAgent.Value);
                return await HttpExchange.SendAsync(client, request, timeout, cancellationToken).ConfigureAwait(false);
            }
        }

        private static AlibabaCloudException MetadataError(string what, RawResponse raw) =>
            new AlibabaCloudException(ErrorKind.Service, "MetadataError",
                "The ECS metadata service answered HTTP " + raw.Status.ToString(CultureInfo.InvariantCulture) + " when " + what + ".", raw.Status);

        internal static Uri Normalize(Uri endpoint) => new Uri(endpoint.GetLeftPart(UriPartial.Authority) + "/", UriKind.Absolute);
    }
}
