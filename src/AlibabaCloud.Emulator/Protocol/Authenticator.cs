using System.Collections.Concurrent;
using System.Globalization;

namespace AlibabaCloud.Emulator.Protocol;

/// <summary>
/// Verifies who sent a request and that it is fresh: V3 (Authorization header) or V2 (Signature parameter),
/// the key pair and its STS token, the 15-minute date window and nonce reuse. It never trusts the client's
/// canonical form: everything is recomputed from what arrived.
/// </summary>
internal sealed class Authenticator
{
    public static readonly TimeSpan MaxSkew = TimeSpan.FromMinutes(15);

    // Headers that, when present, must be covered by the V3 signature (the service's rule: every common request
    // header except Authorization). Without this a replayed request could carry a fresh, unsigned date or nonce.
    private static readonly string[] MustSignWhenPresent =
        { "host", "x-acs-action", "x-acs-version", "x-acs-date", "x-acs-signature-nonce", "x-acs-content-sha256", "x-acs-security-token" };

    private static readonly HashSet<string> V2CommonParams = new(StringComparer.Ordinal)
        { "AccessKeyId", "Signature", "SignatureMethod", "SignatureVersion", "SignatureNonce", "Timestamp" };

    private volatile Dictionary<string, CredentialState> _credentials = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _nonces = new(StringComparer.Ordinal);
    private int _nonceInserts;

    /// <summary>Replaces the accepted keys; an empty list means the documented default pair.</summary>
    public void SetCredentials(IEnumerable<CredentialState> credentials)
    {
        var map = new Dictionary<string, CredentialState>(StringComparer.Ordinal);
        foreach (var c in credentials ?? Enumerable.Empty<CredentialState>())
            if (!string.IsNullOrEmpty(c?.AccessKeyId)) map[c.AccessKeyId] = c;
        if (map.Count == 0)
            map[EmulatorDefaults.AccessKeyId] = new CredentialState { AccessKeyId = EmulatorDefaults.AccessKeyId, AccessKeySecret = EmulatorDefaults.AccessKeySecret };
        _credentials = map;
    }

    public void ClearNonces() => _nonces.Clear();

    /// <summary>Returns the caller's AccessKeyId, or throws the service's authentication error.</summary>
    public string Authenticate(ApiRequest request, DateTimeOffset now)
    {
        var authorization = request.Header("Authorization");
        if (authorization != null && authorization.StartsWith("ACS3-", StringComparison.Ordinal))
            return AuthenticateV3(request, authorization, now);
        if (request.Param("Signature") != null)
            return AuthenticateV2(request, now);
        throw Incomplete("The request carries neither an ACS3-HMAC-SHA256 Authorization header nor a Signature parameter.");
    }

    private string AuthenticateV3(ApiRequest request, string authorization, DateTimeOffset now)
    {
        var auth = SignatureV3.ParseAuthorization(authorization);
        if (auth == null)
            throw Incomplete(authorization.StartsWith(SignatureV3.Algorithm + " ", StringComparison.Ordinal)
                ? "The Authorization header must carry Credential, SignedHeaders and Signature."
                : "Only the ACS3-HMAC-SHA256 signature algorithm is supported.");

        foreach (var name in MustSignWhenPresent)
            if (request.Header(name) != null && !auth.SignedHeaders.Contains(name))
                throw Incomplete($"The header \"{name}\" is present but not listed in SignedHeaders.");

        var credential = FindKey(auth.AccessKeyId);
        var date = request.Header("x-acs-date") ?? throw MissingProtocolParameter("x-acs-date");
        CheckTimestamp(date, now);
        var nonce = request.Header("x-acs-signature-nonce") ?? throw MissingProtocolParameter("x-acs-signature-nonce");

        var bodyHash = AcsEncoding.Sha256Hex(request.Body);
        var claimedHash = request.Header("x-acs-content-sha256");
        if (claimedHash != null && !string.Equals(claimedHash.Trim(), bodyHash, StringComparison.OrdinalIgnoreCase))
            throw new ApiException(400, "SignatureDoesNotMatch", "The x-acs-content-sha256 header does not match the SHA-256 of the request body.");

        var canonical = SignatureV3.CanonicalRequest(request.Method, CanonicalUri(request),
            SignatureV3.CanonicalQuery(request.QueryPairs), auth.SignedHeaders, request.Header, claimedHash?.Trim() ?? bodyHash);
        var stringToSign = SignatureV3.StringToSign(canonical);
        var expected = SignatureV3.Sign(credential.AccessKeySecret, stringToSign);
        if (!AcsEncoding.FixedTimeEquals(expected, auth.Signature.ToLowerInvariant()))
            throw new ApiException(400, "SignatureDoesNotMatch",
                "Specified signature does not match our calculation. server string to sign is:" + stringToSign);

        CheckToken(credential, request.Header("x-acs-security-token") ?? request.Param("SecurityToken"), now);
        ClaimNonce(credential.AccessKeyId, nonce, date, now);
        return credential.AccessKeyId;
    }

    private string AuthenticateV2(ApiRequest request, DateTimeOffset now)
    {
        var method = request.Param("SignatureMethod");
        if (method != null && method != "HMAC-SHA1")
            throw Incomplete("Only the HMAC-SHA1 signature method is supported for signature version 1.0.");
        var keyId = request.Param("AccessKeyId") ?? throw MissingProtocolParameter("AccessKeyId");
        var credential = FindKey(keyId);
        var timestamp = request.Param("Timestamp") ?? throw MissingProtocolParameter("Timestamp");
        CheckTimestamp(timestamp, now);
        var nonce = request.Param("SignatureNonce") ?? throw MissingProtocolParameter("SignatureNonce");

        var signed = request.AllPairs.Where(p => p.Key != "Signature");
        var stringToSign = SignatureV2.StringToSign(request.Method, signed);
        var expected = SignatureV2.Sign(credential.AccessKeySecret, stringToSign);
        if (!AcsEncoding.FixedTimeEquals(expected, request.Param("Signature")))
            throw new ApiException(400, "SignatureDoesNotMatch",
                "Specified signature does not match our calculation. server string to sign is:" + stringToSign);

        CheckToken(credential, request.Param("SecurityToken") ?? request.Header("x-acs-security-token"), now);
        ClaimNonce(credential.AccessKeyId, nonce, timestamp, now);
        return credential.AccessKeyId;
    }

    public static bool IsV2CommonParameter(string name) => V2CommonParams.Contains(name);

    private CredentialState FindKey(string accessKeyId)
    {
        if (!_credentials.TryGetValue(accessKeyId, out var c))
            throw new ApiException(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
        return c;
    }

    private static void CheckTimestamp(string value, DateTimeOffset now)
    {
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var when))
            throw new ApiException(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
        if ((now - when).Duration() > MaxSkew)
            throw new ApiException(400, "InvalidTimeStamp.Expired",
                $"Specified time stamp or date value is expired. The server time is {now.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}; requests are accepted within 15 minutes of it.");
    }

    private static void CheckToken(CredentialState credential, string presented, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(credential.SecurityToken))
        {
            // A token for a permanent key cannot be one we issued.
            if (!string.IsNullOrEmpty(presented))
                throw new ApiException(400, "InvalidSecurityToken.Malformed", "Specified SecurityToken is malformed.");
            return;
        }
        if (string.IsNullOrEmpty(presented) || !AcsEncoding.FixedTimeEquals(presented, credential.SecurityToken))
            throw new ApiException(400, "InvalidSecurityToken.MismatchWithAccessKey", "Specified SecurityToken mismatch with the AccessKey.");
        if (credential.Expiration.HasValue && now >= credential.Expiration.Value)
            throw new ApiException(400, "InvalidSecurityToken.Expired", "Specified SecurityToken is expired.");
    }

    /// <summary>
    /// Remembers a nonce for as long as its request could still pass the date check; after that the date check
    /// refuses a replay on its own, so the table stays bounded under long benchmarks.
    /// </summary>
    private void ClaimNonce(string accessKeyId, string nonce, string date, DateTimeOffset now)
    {
        DateTimeOffset.TryParse(date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var when);
        var forgetAfter = (when > now ? when : now).Add(MaxSkew).AddSeconds(1).UtcTicks;
        if (!_nonces.TryAdd(accessKeyId + "\n" + nonce, forgetAfter))
            throw new ApiException(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
        if (Interlocked.Increment(ref _nonceInserts) % 4096 == 0)
        {
            var cutoff = now.UtcTicks;
            foreach (var entry in _nonces)
                if (entry.Value < cutoff) _nonces.TryRemove(entry.Key, out _);
        }
    }

    private static string CanonicalUri(ApiRequest request)
    {
        var path = request.Http.PathBase.Add(request.Http.Path).ToUriComponent();
        return string.IsNullOrEmpty(path) ? "/" : path;
    }

    private static ApiException Incomplete(string detail) =>
        new(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards. " + detail);

    private static ApiException MissingProtocolParameter(string name) =>
        new(400, "MissingParameter", $"The input parameter \"{name}\" that is mandatory for processing this request is not supplied.");
}
