using System.Collections.Generic;

namespace AlibabaSecurityGroup.Core.Signing
{
    /// <summary>
    /// The outcome of signing: the query string to send and the headers to send (Authorization included).
    /// <see cref="ToString"/> shows the method, host and query only: headers carry the signature and, with STS
    /// credentials, the security token.
    /// </summary>
    public sealed class SignedRequest
    {
        internal SignedRequest(string method, string host, string canonicalQuery, IReadOnlyList<KeyValuePair<string, string>> headers,
            string canonicalRequest, string hashedCanonicalRequest, string signature)
        {
            Method = method;
            Host = host;
            CanonicalQuery = canonicalQuery;
            Headers = headers;
            CanonicalRequest = canonicalRequest;
            HashedCanonicalRequest = hashedCanonicalRequest;
            Signature = signature;
        }

        public string Method { get; }
        public string Host { get; }

        /// <summary>The canonical query; also the query string sent on the wire (after '?').</summary>
        public string CanonicalQuery { get; }

        /// <summary>Lower-case header names and values to send, <c>host</c> and <c>authorization</c> included.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Headers { get; }

        /// <summary>For tests and signature troubleshooting (contains the security token with STS credentials).</summary>
        internal string CanonicalRequest { get; }
        public string HashedCanonicalRequest { get; }
        internal string Signature { get; }

        public override string ToString() => Method + " " + Host + "/?" + CanonicalQuery;
    }
}
