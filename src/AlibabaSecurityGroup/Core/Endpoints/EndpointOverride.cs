using System;
using AlibabaSecurityGroup.Core.Errors;

namespace AlibabaSecurityGroup.Core.Endpoints
{
    /// <summary>
    /// Reads an endpoint override: a host (<c>ecs.example.com</c>, optionally <c>:port</c>; https is assumed) or an
    /// absolute <c>http://</c> / <c>https://</c> URL with an optional port (<c>http://127.0.0.1:8080</c>, for the emulator).
    /// No user info, path (other than "/"), query or fragment. Anything else is an
    /// <see cref="AlibabaCloudException"/> (<see cref="ErrorKind.Configuration"/>, <c>InvalidEndpoint</c>) naming where the
    /// value came from.
    /// </summary>
    public static class EndpointOverride
    {
        public const string InvalidEndpointCode = "InvalidEndpoint";

        /// <summary>The endpoint as a URI with path "/"; <paramref name="origin"/> says where it came from, for the error.</summary>
        public static Uri Parse(string value, string origin)
        {
            if (value == null || value.Trim().Length == 0) throw Invalid(value, origin, "it is empty");
            string text = value.Trim();
            foreach (char c in text)
            {
                if (char.IsWhiteSpace(c) || char.IsControl(c)) throw Invalid(value, origin, "it contains white space or control characters");
            }

            string withScheme;
            int schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
            if (schemeEnd >= 0)
            {
                string scheme = text.Substring(0, schemeEnd);
                if (!scheme.Equals("http", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("https", StringComparison.OrdinalIgnoreCase))
                    throw Invalid(value, origin, "the scheme must be http or https");
                withScheme = text;
            }
            else
            {
                if (text.IndexOf(':') >= 0 && !LooksLikeHostAndPort(text))
                    throw Invalid(value, origin, "it is neither a host name nor an http(s) URL");
                withScheme = "https://" + text;
            }

            if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri)) throw Invalid(value, origin, "it is not a valid URL");
            if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) throw Invalid(value, origin, "the scheme must be http or https");
            if (!string.IsNullOrEmpty(uri.UserInfo)) throw Invalid(value, origin, "it must not contain user information");
            if (string.IsNullOrEmpty(uri.Host)) throw Invalid(value, origin, "the host is empty");
            if (uri.HostNameType == UriHostNameType.Unknown || uri.HostNameType == UriHostNameType.Basic)
                throw Invalid(value, origin, "the host '" + uri.Host + "' is not a valid host name");
            if (uri.AbsolutePath != "/") throw Invalid(value, origin, "it must not contain a path");
            if (!string.IsNullOrEmpty(uri.Query) || text.IndexOf('?') >= 0) throw Invalid(value, origin, "it must not contain a query");
            if (!string.IsNullOrEmpty(uri.Fragment) || text.IndexOf('#') >= 0) throw Invalid(value, origin, "it must not contain a fragment");
            if (schemeEnd >= 0)
            {
                // Uri accepts "http://host:" (empty port) and "http:///x"; refuse what the user could not have meant.
                string afterScheme = text.Substring(schemeEnd + 3);
                if (afterScheme.Length == 0 || afterScheme[0] == '/') throw Invalid(value, origin, "the host is empty");
                if (afterScheme.TrimEnd('/').EndsWith(":", StringComparison.Ordinal)) throw Invalid(value, origin, "the port is empty");
            }
            return new Uri(uri.GetLeftPart(UriPartial.Authority) + "/", UriKind.Absolute);
        }

        private static bool LooksLikeHostAndPort(string text)
        {
            int colon = text.LastIndexOf(':');
            if (colon <= 0 || colon != text.IndexOf(':')) return false;
            string port = text.Substring(colon + 1).TrimEnd('/');
            if (port.Length == 0 || port.Length > 5) return false;
            foreach (char c in port) if (c < '0' || c > '9') return false;
            return true;
        }

        private static AlibabaCloudException Invalid(string value, string origin, string why) =>
            new AlibabaCloudException(ErrorKind.Configuration, InvalidEndpointCode,
                "The endpoint '" + (value ?? string.Empty) + "' from " + origin + " is not valid: " + why
                + ". Give a host name (ecs.cn-hangzhou.aliyuncs.com) or an http(s) URL with an optional port (http://127.0.0.1:8080).");
    }
}
