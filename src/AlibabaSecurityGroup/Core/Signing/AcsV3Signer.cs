using System;
using System.Collections.Generic;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AlibabaSecurityGroup.Core.Credentials;

namespace AlibabaSecurityGroup.Core.Signing
{
    /// <summary>
    /// The V3 request signature (<c>ACS3-HMAC-SHA256</c>) for RPC-style calls sent as <c>POST /?&lt;query&gt;</c> with
    /// an empty body. Thread-safe; allocation-light because every call of a bulk run goes through it.
    /// </summary>
    public static class AcsV3Signer
    {
        public const string Algorithm = "ACS3-HMAC-SHA256";

        /// <summary>Hex SHA-256 of the empty body.</summary>
        public const string EmptyBodySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

        private const string HexDigits = "0123456789abcdef";
        private const string UpperHexDigits = "0123456789ABCDEF";

        [ThreadStatic] private static SHA256 _sha256;
        [ThreadStatic] private static HMACSHA256 _hmac;
        [ThreadStatic] private static string _hmacSecret;

        /// <summary>
        /// Signs one request. <paramref name="host"/> is the value of the Host header as sent (with the port when it is
        /// not the scheme's default). Returns the canonical query (also the query string to send) and the headers
        /// to send, Authorization included.
        /// </summary>
        public static SignedRequest Sign(string method, string host, string action, string version,
            IEnumerable<KeyValuePair<string, string>> parameters, DateTimeOffset date, string nonce, AlibabaCredentials credentials)
        {
            if (string.IsNullOrEmpty(host)) throw new ArgumentException("The host is empty.", nameof(host));
            if (credentials == null) throw new ArgumentNullException(nameof(credentials));
            method = string.IsNullOrEmpty(method) ? "POST" : method.ToUpperInvariant();

            string query = CanonicalQuery(parameters);

            // Already in ordinal order: host < x-acs-accesskey-id < x-acs-action < x-acs-content-sha256 < x-acs-date
            // < x-acs-security-token < x-acs-signature-nonce < x-acs-version.
            var headers = new List<KeyValuePair<string, string>>(9);
            headers.Add(Pair("host", host));
            if (credentials.IsTemporary) headers.Add(Pair("x-acs-accesskey-id", credentials.AccessKeyId));
            headers.Add(Pair("x-acs-action", action));
            headers.Add(Pair("x-acs-content-sha256", EmptyBodySha256));
            headers.Add(Pair("x-acs-date", FormatDate(date)));
            if (credentials.IsTemporary) headers.Add(Pair("x-acs-security-token", credentials.SecurityToken));
            headers.Add(Pair("x-acs-signature-nonce", nonce));
            headers.Add(Pair("x-acs-version", version));

            var canonical = new StringBuilder(512);
            canonical.Append(method).Append("\n/\n").Append(query).Append('\n');
            var signedHeaders = new StringBuilder(160);
            for (int i = 0; i < headers.Count; i++)
            {
                canonical.Append(headers[i].Key).Append(':').Append(headers[i].Value.Trim()).Append('\n');
                if (i > 0) signedHeaders.Append(';');
                signedHeaders.Append(headers[i].Key);
            }
            string signedHeaderList = signedHeaders.ToString();
            canonical.Append('\n').Append(signedHeaderList).Append('\n').Append(EmptyBodySha256);
            string canonicalRequest = canonical.ToString();

            string hashedCanonicalRequest = Hex(Sha256().ComputeHash(Encoding.UTF8.GetBytes(canonicalRequest)));
            string stringToSign = Algorithm + "\n" + hashedCanonicalRequest;
            string signature = Hex(Hmac(credentials.AccessKeySecret).ComputeHash(Encoding.UTF8.GetBytes(stringToSign)));

            string authorization = Algorithm + " Credential=" + credentials.AccessKeyId + ",SignedHeaders=" + signedHeaderList + ",Signature=" + signature;
            headers.Add(Pair("authorization", authorization));
            return new SignedRequest(method, host, query, headers, canonicalRequest, hashedCanonicalRequest, signature);
        }

        /// <summary>Parameters sorted by name (ordinal, then by value), each <c>name=value</c> percent-encoded, joined by '&amp;'.</summary>
        public static string CanonicalQuery(IEnumerable<KeyValuePair<string, string>> parameters)
        {
            if (parameters == null) return string.Empty;
            var list = parameters as IReadOnlyList<KeyValuePair<string, string>> ?? new List<KeyValuePair<string, string>>(parameters);
            int n = list.Count;
            if (n == 0) return string.Empty;
            var sorted = new KeyValuePair<string, string>[n];
            for (int i = 0; i < n; i++) sorted[i] = list[i];
            if (n > 1) Array.Sort(sorted, ParameterOrder.Instance);
            var sb = new StringBuilder(n * 32);
            for (int i = 0; i < n; i++)
            {
                if (i > 0) sb.Append('&');
                AppendPercentEncoded(sb, sorted[i].Key);
                sb.Append('=');
                AppendPercentEncoded(sb, sorted[i].Value);
            }
            return sb.ToString();
        }

        /// <summary>RFC 3986 percent-encoding over UTF-8: only <c>A-Z a-z 0-9 - _ . ~</c> stay as they are; hex is upper-case.</summary>
        public static string PercentEncode(string value)
        {
            if (string.IsNullOrEmpty(value)) return string.Empty;
            var sb = new StringBuilder(value.Length + 16);
            AppendPercentEncoded(sb, value);
            return sb.ToString();
        }

        internal static void AppendPercentEncoded(StringBuilder sb, string value)
        {
            if (string.IsNullOrEmpty(value)) return;
            int length = value.Length;
            for (int i = 0; i < length; i++)
            {
                char c = value[i];
                if (IsUnreserved(c))
                {
                    sb.Append(c);
                }
                else if (c < 0x80)
                {
                    AppendEscaped(sb, (byte)c);
                }
                else
                {
                    // Encode the run of non-ASCII characters at once so that surrogate pairs stay together.
                    int start = i;
                    while (i + 1 < length && value[i + 1] >= 0x80) i++;
                    var bytes = Encoding.UTF8.GetBytes(value.Substring(start, i - start + 1));
                    for (int b = 0; b < bytes.Length; b++) AppendEscaped(sb, bytes[b]);
                }
            }
        }

        public static string FormatDate(DateTimeOffset date) =>
            date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        /// <summary>A fresh, unique nonce: 32 lower-case hex characters from a random GUID.</summary>
        public static string NewNonce() => Guid.NewGuid().ToString("N");

        private static bool IsUnreserved(char c) =>
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';

        private static void AppendEscaped(StringBuilder sb, byte b)
        {
            sb.Append('%').Append(UpperHexDigits[b >> 4]).Append(UpperHexDigits[b & 0xF]);
        }

        internal static string Hex(byte[] bytes)
        {
            var chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = HexDigits[bytes[i] >> 4];
                chars[2 * i + 1] = HexDigits[bytes[i] & 0xF];
            }
            return new string(chars);
        }

        private static SHA256 Sha256() => _sha256 ?? (_sha256 = SHA256.Create());

        private static HMACSHA256 Hmac(string secret)
        {
            // One HMAC per thread, re-keyed only when the secret changes (it rarely does within a run).
            if (_hmac == null || !string.Equals(_hmacSecret, secret, StringComparison.Ordinal))
            {
                _hmac?.Dispose();
                _hmac = new HMACSHA256(Encoding.UTF8.GetBytes(secret));
                _hmacSecret = secret;
            }
            return _hmac;
        }

        private static KeyValuePair<string, string> Pair(string name, string value) => new KeyValuePair<string, string>(name, value ?? string.Empty);

        private sealed class ParameterOrder : IComparer<KeyValuePair<string, string>>
        {
            public static readonly ParameterOrder Instance = new ParameterOrder();

            public int Compare(KeyValuePair<string, string> x, KeyValuePair<string, string> y)
            {
                int c = string.CompareOrdinal(x.Key, y.Key);
                return c != 0 ? c : string.CompareOrdinal(x.Value, y.Value);
            }
        }
    }
}
