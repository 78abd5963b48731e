using System;
using AlibabaSecurityGroup.Core.Logging;
using AlibabaSecurityGroup.Core.Retry;

namespace AlibabaSecurityGroup.Core
{
    /// <summary>Everything a cmdlet knows from its parameters, plus the seams tests use (environment, clock, log).</summary>
    public sealed class ClientOptions
    {
        /// <summary>TCP + TLS to a regional endpoint takes well under a second; 10 s tolerates a lossy link yet fails fast on
        /// an unreachable endpoint (say, a VPC endpoint used from outside the VPC). Honoured on .NET Core / .NET 5+; on
        /// .NET Framework the read timeout bounds the connect phase too.</summary>
        public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(10);

        /// <summary>The calls are light control-plane operations that answer in well under a second; 30 s leaves room for a
        /// slow Describe of 100 resources while bounding a hung connection. Kept generous on purpose: a read timeout leaves
        /// the outcome unknown, which costs a non-idempotent call (ECS LeaveSecurityGroup) a confirmation read.</summary>
        public static readonly TimeSpan DefaultReadTimeout = TimeSpan.FromSeconds(30);

        public ClientOptions()
        {
            ConnectTimeout = DefaultConnectTimeout;
            ReadTimeout = DefaultReadTimeout;
            Retry = new RetryOptions();
            Log = NullCoreLog.Instance;
            Environment = SystemEnvironment.Instance;
            Clock = SystemClock.Instance;
        }

        public string AccessKeyId { get; set; }
        public string AccessKeySecret { get; set; }
        public string SecurityToken { get; set; }
        public string ProfileName { get; set; }
        public string RegionId { get; set; }

        /// <summary>Per-call override for ECS, ALB and PrivateLink (not STS): a host or an http(s) URL with optional port.</summary>
        public string Endpoint { get; set; }

        public bool UseVpcEndpoint { get; set; }

        /// <summary>TCP + TLS connection set-up. Zero or negative: none.</summary>
        public TimeSpan ConnectTimeout { get; set; }

        /// <summary>Per attempt: from sending the request to the end of the answer's body. Zero or negative: none.</summary>
        public TimeSpan ReadTimeout { get; set; }

        public RetryOptions Retry { get; set; }

        public ICoreLog Log { get; set; }

        public IEnvironment Environment { get; set; }

        /// <summary>The "session defaults" step of the credential chain; may be null.</summary>
        public ISessionDefaults SessionDefaults { get; set; }

        public IClock Clock { get; set; }

        /// <summary>Back-off shared by every call of one client. Null: a removal run (<c>RemovalEngine.Open</c>) gives its
        /// calls one <see cref="AdaptiveRateLimiter"/> (it learns the service's rate limit and paces the run at it); any
        /// other <see cref="OpenApiClient"/> makes its own <see cref="SharedBackoffGate"/>. Pass one instance to several
        /// clients to make them pause together.</summary>
        public IThrottleGate ThrottleGate { get; set; }

        /// <summary>The ECS metadata service (instance RAM role). Null: <c>http://100.100.100.200</c>. Tests point it at a
        /// local fake.</summary>
        public Uri MetadataEndpoint { get; set; }

        /// <summary>How long the credential chain's last step waits for the metadata service before concluding that this is
        /// not an ECS instance. Null: 1 s.</summary>
        public TimeSpan? MetadataProbeTimeout { get; set; }

        /// <summary>Refresh temporary credentials this long before they expire. Null: 5 minutes.</summary>
        public TimeSpan? CredentialRefreshMargin { get; set; }

        /// <summary>A shallow copy (retry options copied too), so a caller can adjust one call's options safely.</summary>
        public ClientOptions Clone()
        {
            var copy = (ClientOptions)MemberwiseClone();
            copy.Retry = Retry?.Clone();
            return copy;
        }

        /// <summary>Names the options set, never their secret values.</summary>
        public override string ToString() =>
            "ClientOptions(AccessKeyId=" + (AccessKeyId == null ? "(none)" : Redaction.Redactor.MaskKeyId(AccessKeyId))
            + ", AccessKeySecret=" + (AccessKeySecret == null ? "(none)" : "***")
            + ", SecurityToken=" + (SecurityToken == null ? "(none)" : "***")
            + ", ProfileName=" + (ProfileName ?? "(none)") + ", RegionId=" + (RegionId ?? "(none)")
            + ", Endpoint=" + (Endpoint == null ? "(none)" : Endpoint.IndexOf('@') >= 0 ? "(set)" : Endpoint)
            + ", UseVpcEndpoint=" + UseVpcEndpoint + ")";
    }

    /// <summary>
    /// The "session defaults" step of the credential chain (a later cmdlet sets them for the PowerShell session).
    /// Keys win over <see cref="ProfileName"/>; a profile named here must exist.
    /// </summary>
    public interface ISessionDefaults
    {
        string AccessKeyId { get; }
        string AccessKeySecret { get; }
        string SecurityToken { get; }
        string ProfileName { get; }
        string RegionId { get; }
    }
}
