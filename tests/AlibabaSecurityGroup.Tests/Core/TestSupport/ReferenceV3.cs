using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace AlibabaSecurityGroup.Tests.Core.TestSupport
{
    /// <summary>
    /// An independent, deliberately plain V3 verifier written from api-facts.md section 2 with .NET 10 APIs
    /// (Uri.EscapeDataString, Convert.ToHexString), used to check what the core puts on the wire.
    /// </summary>
    internal static class ReferenceV3
    {
        public static string Canonicalize(IEnumerable<KeyValuePair<string, string>> parameters) =>
            string.Join("&", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal)
                .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value ?? "")));

        public static string Sha256Hex(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

        public static string HmacHex(string key, string text) =>
            Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(text))).ToLowerInvariant();

        public static string CanonicalRequest(string method, string canonicalQuery, IEnumerable<KeyValuePair<string, string>> signedHeaders, string bodyHash)
        {
            var headers = signedHeaders.Select(h => new KeyValuePair<string, string>(h.Key.ToLowerInvariant(), h.Value.Trim()))
                .OrderBy(h => h.Key, StringComparer.Ordinal).ToList();
            var sb = new StringBuilder();
            sb.Append(method).Append('\n').Append('/').Append('\n').Append(canonicalQuery).Append('\n');
            foreach (var h in headers) sb.Append(h.Key).Append(':').Append(h.Value).Append('\n');
            sb.Append('\n').Append(string.Join(";", headers.Select(h => h.Key))).Append('\n').Append(bodyHash);
            return sb.ToString();
        }

        public static string Signature(string secret, string canonicalRequest) =>
            HmacHex(secret, "ACS3-HMAC-SHA256\n" + Sha256Hex(canonicalRequest));

        /// <summary>Checks a request received by <see cref="FakeHttpServer"/> the way the service does.</summary>
        public static void Verify(FakeRequest request, string accessKeyId, string secret)
        {
            string auth = request.Header("Authorization") ?? throw new InvalidOperationException("no Authorization header");
            const string prefix = "ACS3-HMAC-SHA256 ";
            if (!auth.StartsWith(prefix, StringComparison.Ordinal)) throw new InvalidOperationException("bad algorithm");
            var parts = auth.Substring(prefix.Length).Split(',').Select(p => p.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p[1]);
            if (parts["Credential"] != accessKeyId) throw new InvalidOperationException("wrong key id " + parts["Credential"]);
            var names = parts["SignedHeaders"].Split(';');
            var headers = names.Select(n => new KeyValuePair<string, string>(n, request.Header(n) ?? throw new InvalidOperationException("signed header missing: " + n)));
            string query = Canonicalize(request.Query);
            if (query != request.RawQuery) throw new InvalidOperationException("the query on the wire is not canonical:\n" + request.RawQuery + "\n" + query);
            string bodyHash = Sha256Hex(request.Body ?? "");
            if (request.Header("x-acs-content-sha256") != bodyHash) throw new InvalidOperationException("content hash mismatch");
            string expected = Signature(secret, CanonicalRequest(request.Method, query, headers, bodyHash));
            if (parts["Signature"] != expected) throw new InvalidOperationException("signature mismatch");
        }
    }
}
