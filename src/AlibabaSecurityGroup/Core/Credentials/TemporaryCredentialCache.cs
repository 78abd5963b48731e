using System;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using AlibabaSecurityGroup.Core.Signing;

namespace AlibabaSecurityGroup.Core.Credentials
{
    /// <summary>
    /// Temporary credentials shared across clients of the process. Every cmdlet invocation resolves its own configuration;
    /// without this, a script that calls a cmdlet 500 times in a loop would call STS AssumeRole 500 times (and be
    /// throttled). Keys describe the source (role ARN, endpoint, session, policy, a SHA-256 of the source secret),
    /// never hold a secret.
    /// </summary>
    internal static class TemporaryCredentialCache
    {
        private const int MaxEntries = 64;
        private static readonly ConcurrentDictionary<string, Entry> Entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);

        public static bool TryGet(string key, DateTimeOffset now, out AlibabaCredentials credentials, out DateTimeOffset refreshAt)
        {
            credentials = null;
            refreshAt = default(DateTimeOffset);
            if (key == null || !Entries.TryGetValue(key, out var e) || now >= e.RefreshAt) return false;
            credentials = e.Credentials;
            refreshAt = e.RefreshAt;
            return true;
        }

        public static void Put(string key, AlibabaCredentials credentials, DateTimeOffset refreshAt)
        {
            if (key == null) return;
            if (Entries.Count >= MaxEntries) Entries.Clear(); // crude but bounded; entries are cheap to refetch
            Entries[key] = new Entry(credentials, refreshAt);
        }

        internal static void Clear() => Entries.Clear();

        /// <summary>A stable fingerprint of static credentials: the key id plus a hash of secret and token.</summary>
        public static string Fingerprint(AlibabaCredentials credentials)
        {
            using (var sha = SHA256.Create())
            {
                var bytes = Encoding.UTF8.GetBytes(credentials.AccessKeySecret + "\n" + (credentials.SecurityToken ?? string.Empty));
                return credentials.AccessKeyId + ":" + AcsV3Signer.Hex(sha.ComputeHash(bytes));
            }
        }

        private sealed class Entry
        {
            public Entry(AlibabaCredentials credentials, DateTimeOffset refreshAt) { Credentials = credentials; RefreshAt = refreshAt; }
            public AlibabaCredentials Credentials { get; }
            public DateTimeOffset RefreshAt { get; }
        }
    }
}
