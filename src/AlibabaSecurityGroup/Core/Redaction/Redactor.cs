using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace AlibabaSecurityGroup.Core.Redaction
{
    /// <summary>
    /// Keeps secrets out of every string the core produces. Two layers:
    /// <list type="number">
    /// <item>a process-wide registry of secret values (access key secrets, security tokens, metadata tokens)
    /// that the core registers the moment it loads them; every occurrence is replaced by <see cref="Mask"/>;</item>
    /// <item>pattern scrubbing for secrets the registry cannot know in advance: signatures
    /// (<c>Signature=&lt;hex&gt;</c>), Authorization header values, security tokens and key secrets written as
    /// <c>name=value</c> or <c>"name": "value"</c>.</item>
    /// </list>
    /// Every log line and exception message of the core passes through <see cref="Redact"/>.
    /// </summary>
    public static class Redactor
    {
        public const string Mask = "***";

        /// <summary>Shorter values are not registered: replacing them would shred ordinary text.</summary>
        internal const int MinimumSecretLength = 6;

        /// <summary>Temporary credentials rotate; the oldest entries (long expired) are dropped beyond this.</summary>
        internal const int MaximumRegisteredSecrets = 512;

        private static readonly object Gate = new object();
        private static readonly Queue<string> Order = new Queue<string>();
        private static readonly HashSet<string> Known = new HashSet<string>(StringComparer.Ordinal);

        // Copy-on-write snapshot, longest first so that a secret containing another is masked whole.
        private static string[] _snapshot = new string[0];

        private static readonly Regex[] Patterns =
        {
            // ACS3 / V2 signatures as a parameter or inside an Authorization value.
            new Regex(@"(?<k>Signature\s*[=:]\s*""?)(?<v>[^\s,;&""]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled),
            // Authorization header, in "name: value" or "name=value" shape: everything up to the line end or a quote.
            new Regex(@"(?<k>Authorization""?\s*[:=]\s*""?)(?<v>[^\r\n""]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled),
            // Tokens and secrets by name: x-acs-security-token, SecurityToken, sts_token, AccessKeySecret, access_key_secret,
            // X-aliyun-ecs-metadata-token (but not the ...-ttl-seconds header, whose value is a number of seconds).
            new Regex(@"(?<k>(?:x-acs-security-token|security[_-]?token|sts[_-]?token|access[_-]?key[_-]?secret|x-aliyun-ecs-metadata-token(?!-ttl))""?\s*[:=]\s*""?)(?<v>[^\s,;&""}]+)",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled),
        };

        /// <summary>Registers a value that must never appear in output. Null, empty and very short values are ignored.</summary>
        public static void RegisterSecret(string value)
        {
            if (value == null) return;
            value = value.Trim();
            if (value.Length < MinimumSecretLength) return;
            lock (Gate)
            {
                if (!Known.Add(value)) return;
                Order.Enqueue(value);
                while (Order.Count > MaximumRegisteredSecrets) Known.Remove(Order.Dequeue());
                var list = new List<string>(Known);
                list.Sort((a, b) => b.Length.CompareTo(a.Length));
                _snapshot = list.ToArray();
            }
        }

        /// <summary>True when the value is currently registered (tests and diagnostics).</summary>
        internal static bool IsRegistered(string value)
        {
            lock (Gate) return value != null && Known.Contains(value);
        }

        /// <summary>The text with every registered secret and every secret-shaped fragment replaced by <see cref="Mask"/>.</summary>
        public static string Redact(string text)
        {
            if (string.IsNullOrEmpty(text)) return text;
            var secrets = _snapshot;
            for (int i = 0; i < secrets.Length; i++)
            {
                if (text.IndexOf(secrets[i], StringComparison.Ordinal) >= 0) text = text.Replace(secrets[i], Mask);
            }
            for (int i = 0; i < Patterns.Length; i++)
            {
                text = Patterns[i].Replace(text, m => m.Groups["v"].Value == Mask ? m.Value : m.Groups["k"].Value + Mask);
            }
            return text;
        }

        /// <summary>
        /// An AccessKeyId for display: the first and last four characters of a full-length id
        /// (<c>LTAI****Ab3d</c>), less for short ids, nothing for very short ones.
        /// </summary>
        public static string MaskKeyId(string accessKeyId)
        {
            if (string.IsNullOrEmpty(accessKeyId)) return "(none)";
            if (accessKeyId.Length >= 12) return accessKeyId.Substring(0, 4) + "****" + accessKeyId.Substring(accessKeyId.Length - 4);
            if (accessKeyId.Length >= 8) return "****" + accessKeyId.Substring(accessKeyId.Length - 2);
            return "****";
        }
    }
}
