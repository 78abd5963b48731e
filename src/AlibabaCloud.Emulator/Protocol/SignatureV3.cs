using System.Text;

namespace AlibabaCloud.Emulator.Protocol;

/// <summary>
/// ACS3-HMAC-SHA256 (the V3 signature every current SDK sends). Pure functions over the request's parts, so the
/// published worked example can be checked without HTTP.
/// </summary>
internal static class SignatureV3
{
    public const string Algorithm = "ACS3-HMAC-SHA256";

    /// <summary>Parameters sorted by name (ordinal), each name=value percent-encoded, joined by '&amp;'.</summary>
    public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var sorted = pairs.ToList();
        // Stable ordinal sort by name, then value, so a repeated name still canonicalises deterministically.
        sorted.Sort((a, b) =>
        {
            var c = string.CompareOrdinal(a.Key, b.Key);
            return c != 0 ? c : string.CompareOrdinal(a.Value, b.Value);
        });
        var sb = new StringBuilder();
        foreach (var p in sorted)
        {
            if (sb.Length > 0) sb.Append('&');
            sb.Append(AcsEncoding.PercentEncode(p.Key)).Append('=').Append(AcsEncoding.PercentEncode(p.Value));
        }
        return sb.ToString();
    }

    /// <summary>
    /// METHOD\nURI\nQUERY\nHEADERS(each "name:value\n")\nSIGNED-HEADERS\nPAYLOAD-HASH. The header block is built from
    /// exactly the names the client said it signed, so extra unsigned headers (proxies, user agents) do not matter.
    /// </summary>
    public static string CanonicalRequest(string method, string canonicalUri, string canonicalQuery,
        IReadOnlyList<string> signedHeaderNames, Func<string, string> headerValue, string payloadHash)
    {
        var sb = new StringBuilder(512);
        sb.Append(method).Append('\n').Append(canonicalUri).Append('\n').Append(canonicalQuery).Append('\n');
        foreach (var name in signedHeaderNames)
            sb.Append(name).Append(':').Append((headerValue(name) ?? string.Empty).Trim()).Append('\n');
        sb.Append('\n').Append(string.Join(";", signedHeaderNames)).Append('\n').Append(payloadHash);
        return sb.ToString();
    }

    public static string StringToSign(string canonicalRequest) => Algorithm + "\n" + AcsEncoding.Sha256Hex(canonicalRequest);

    public static string Sign(string secret, string stringToSign) => AcsEncoding.HmacSha256Hex(secret, stringToSign);

    /// <summary>The three parts of "ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..", or null when incomplete.</summary>
    public static AuthorizationParts ParseAuthorization(string header)
    {
        if (header == null || !header.StartsWith(Algorithm + " ", StringComparison.Ordinal)) return null;
        string credential = null, signedHeaders = null, signature = null;
        foreach (var raw in header.Substring(Algorithm.Length + 1).Split(','))
        {
            var part = raw.Trim();
            var eq = part.IndexOf('=');
            if (eq <= 0) continue;
            var key = part.Substring(0, eq);
            var value = part.Substring(eq + 1).Trim();
            if (key == "Credential") credential = value;
            else if (key == "SignedHeaders") signedHeaders = value;
            else if (key == "Signature") signature = value;
        }
        if (string.IsNullOrEmpty(credential) || string.IsNullOrEmpty(signedHeaders) || string.IsNullOrEmpty(signature)) return null;
        var names = signedHeaders.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant()).ToList();
        return new AuthorizationParts(credential, names, signedHeaders, signature);
    }
}

internal sealed record AuthorizationParts(string AccessKeyId, IReadOnlyList<string> SignedHeaders, string SignedHeadersRaw, string Signature);

/// <summary>The older RPC signature: HMAC-SHA1 over METHOD&amp;%2F&amp;encode(canonical query), key = secret + "&amp;".</summary>
internal static class SignatureV2
{
    public static string StringToSign(string method, IEnumerable<KeyValuePair<string, string>> pairsWithoutSignature) =>
        method + "&" + AcsEncoding.PercentEncode("/") + "&" + AcsEncoding.PercentEncode(SignatureV3.CanonicalQuery(pairsWithoutSignature));

    public static string Sign(string secret, string stringToSign) => AcsEncoding.HmacSha1Base64(secret + "&", stringToSign);
}
