using System.Security.Cryptography;
using System.Text;

namespace AlibabaCloud.Emulator.Protocol;

/// <summary>The percent-encoding and hashing both signature versions are defined over.</summary>
internal static class AcsEncoding
{
    private const string Hex = "0123456789ABCDEF";

    /// <summary>RFC 3986 over UTF-8: only A-Z a-z 0-9 - _ . ~ survive, hex upper-case (so space is %20, * is %2A).</summary>
    public static string PercentEncode(string value)
    {
        if (string.IsNullOrEmpty(value)) return string.Empty;
        if (IsAllUnreserved(value)) return value; // the common case (ids, dates) allocates nothing
        var bytes = Encoding.UTF8.GetBytes(value);
        var sb = new StringBuilder(bytes.Length * 3);
        foreach (var b in bytes)
        {
            if (IsUnreserved((char)b) && b < 0x80) sb.Append((char)b);
            else sb.Append('%').Append(Hex[b >> 4]).Append(Hex[b & 0xF]);
        }
        return sb.ToString();
    }

    private static bool IsAllUnreserved(string value)
    {
        foreach (var c in value) if (!IsUnreserved(c)) return false;
        return true;
    }

    private static bool IsUnreserved(char c) =>
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';

    /// <summary>
    /// Decodes one query or form component. '+' means space, as in every form encoder; the official SDKs always
    /// send %2B for a literal plus, so nothing they sign is lost.
    /// </summary>
    public static string Decode(string component)
    {
        if (component.IndexOf('+') >= 0) component = component.Replace('+', ' ');
        return component.IndexOf('%') >= 0 ? Uri.UnescapeDataString(component) : component;
    }

    /// <summary>Splits a raw query string or urlencoded form into decoded (key, value) pairs, in order.</summary>
    public static List<KeyValuePair<string, string>> ParsePairs(string raw)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (string.IsNullOrEmpty(raw)) return result;
        if (raw[0] == '?') raw = raw.Substring(1);
        foreach (var part in raw.Split('&'))
        {
            if (part.Length == 0) continue;
            var eq = part.IndexOf('=');
            var key = eq < 0 ? part : part.Substring(0, eq);
            var value = eq < 0 ? string.Empty : part.Substring(eq + 1);
            result.Add(new KeyValuePair<string, string>(Decode(key), Decode(value)));
        }
        return result;
    }

    public static string Sha256Hex(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    public static string Sha256Hex(string text) => Sha256Hex(Encoding.UTF8.GetBytes(text));

    public static string HmacSha256Hex(string key, string message) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(message)));

    public static string HmacSha1Base64(string key, string message) =>
        Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(message)));

    public const string EmptyBodySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /// <summary>Compares signatures without leaking where they differ.</summary>
    public static bool FixedTimeEquals(string a, string b) =>
        a != null && b != null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
