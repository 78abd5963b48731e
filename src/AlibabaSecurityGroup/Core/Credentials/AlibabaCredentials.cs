using System;
using System.Globalization;
using AlibabaSecurityGroup.Core.Redaction;

namespace AlibabaSecurityGroup.Core.Credentials
{
    /// <summary>
    /// One set of keys: a long-term AccessKey pair, or temporary STS credentials (with a security token and an
    /// expiration). Creating one registers the secret and the token with <see cref="Redactor"/>, so they can never
    /// appear in a log line or exception message. <see cref="ToString"/> shows the masked key id only.
    /// </summary>
    public sealed class AlibabaCredentials
    {
        public AlibabaCredentials(string accessKeyId, string accessKeySecret, string securityToken = null, DateTimeOffset? expiration = null)
        {
            if (string.IsNullOrWhiteSpace(accessKeyId)) throw new ArgumentException("The AccessKeyId is empty.", nameof(accessKeyId));
            if (string.IsNullOrWhiteSpace(accessKeySecret)) throw new ArgumentException("The AccessKeySecret is empty.", nameof(accessKeySecret));
            AccessKeyId = accessKeyId.Trim();
            AccessKeySecret = accessKeySecret.Trim();
            SecurityToken = string.IsNullOrWhiteSpace(securityToken) ? null : securityToken.Trim();
            Expiration = expiration;
            Redactor.RegisterSecret(AccessKeySecret);
            Redactor.RegisterSecret(SecurityToken);
        }

        public string AccessKeyId { get; }
        public string AccessKeySecret { get; }
        /// <summary>The STS token of temporary credentials, or null for a long-term AccessKey.</summary>
        public string SecurityToken { get; }
        /// <summary>When temporary credentials stop working; null for long-term keys.</summary>
        public DateTimeOffset? Expiration { get; }

        public bool IsTemporary => SecurityToken != null;

        public string MaskedAccessKeyId => Redactor.MaskKeyId(AccessKeyId);

        public override string ToString()
        {
            var text = (IsTemporary ? "STS credentials " : "AccessKey ") + MaskedAccessKeyId;
            if (Expiration.HasValue) text += " (expires " + Expiration.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + ")";
            return text;
        }
    }
}
