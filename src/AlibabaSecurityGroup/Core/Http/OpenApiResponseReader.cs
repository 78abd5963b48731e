using System;
using System.Globalization;
using System.Text;
using AlibabaSecurityGroup.Core.Errors;
using AlibabaSecurityGroup.Core.Json;

namespace AlibabaSecurityGroup.Core.Http
{
    /// <summary>
    /// Reads an OpenAPI answer: a 2xx JSON body is the result; an error body <c>{RequestId, HostId, Code, Message,
    /// Recommend, AccessDeniedDetail}</c> becomes an <see cref="AlibabaCloudException"/> (<see cref="ErrorKind.Service"/>).
    /// An error answer that is not JSON (a proxy's HTML page, an empty 502) still yields a clear exception with the
    /// HTTP status and a code derived from it: 429 <c>Throttling</c>, 500 <c>InternalError</c>, 502/503/504
    /// <c>ServiceUnavailable</c>, anything else <c>UnexpectedResponse</c>.
    /// </summary>
    internal static class OpenApiResponseReader
    {
        public const string UnexpectedResponseCode = "UnexpectedResponse";
        private const int SnippetLength = 200;

        public static JsonValue Read(RawResponse response, string endpointHost)
        {
            JsonValue body = TryParse(response.Body);
            if (response.IsSuccess)
            {
                if (body != null && body.Kind == JsonKind.Object) return body;
                throw new AlibabaCloudException(ErrorKind.Service, UnexpectedResponseCode,
                    "The endpoint " + endpointHost + " answered HTTP " + Status(response) + " with a body that is not a JSON object: " + Snippet(response.Body),
                    response.Status);
            }

            AlibabaCloudException error;
            if (body != null && body.Kind == JsonKind.Object && (body["Code"] != null || body["Message"] != null))
            {
                string code = NonEmpty(body.GetString("Code")) ?? CodeForStatus(response.Status);
                string message = NonEmpty(body.GetString("Message")) ?? ("HTTP " + Status(response));
                error = new AlibabaCloudException(ErrorKind.Service, code, message, response.Status,
                    NonEmpty(body.GetString("RequestId")), NonEmpty(body.GetString("HostId")), NonEmpty(body.GetString("Recommend")));
                var detail = body["AccessDeniedDetail"];
                if (detail != null && detail.Kind != JsonKind.Null)
                    error.AccessDeniedDetail = detail.Kind == JsonKind.String ? detail.AsString() : JsonText.Write(detail);
            }
            else
            {
                error = new AlibabaCloudException(ErrorKind.Service, CodeForStatus(response.Status),
                    "The endpoint " + endpointHost + " answered HTTP " + Status(response) + " with "
                    + (string.IsNullOrWhiteSpace(response.Body) ? "an empty body." : "a body that is not an OpenAPI error: " + Snippet(response.Body)),
                    response.Status, body?.GetString("RequestId"));
            }
            error.RetryAfter = response.RetryAfter;
            error.EndpointHost = endpointHost;
            throw error;
        }

        internal static string CodeForStatus(int status)
        {
            switch (status)
            {
                case 429: return "Throttling";
                case 500: return "InternalError";
                case 502:
                case 503:
                case 504: return "ServiceUnavailable";
                default: return UnexpectedResponseCode;
            }
        }

        private static JsonValue TryParse(string text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            int i = 0;
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length || (text[i] != '{' && text[i] != '[')) return null; // cheap test before parsing HTML
            try { return JsonValue.Parse(text); } catch (FormatException) { return null; }
        }

        private static string Status(RawResponse r) =>
            r.Status.ToString(CultureInfo.InvariantCulture) + (string.IsNullOrEmpty(r.ReasonPhrase) ? string.Empty : " (" + r.ReasonPhrase + ")");

        private static string NonEmpty(string s) => string.IsNullOrWhiteSpace(s) ? null : s;

        private static string Snippet(string body)
        {
            if (string.IsNullOrEmpty(body)) return "(empty)";
            var sb = new StringBuilder(Math.Min(body.Length, SnippetLength) + 3);
            foreach (char c in body)
            {
                if (sb.Length >= SnippetLength) { sb.Append("..."); break; }
                sb.Append(char.IsControl(c) ? ' ' : c);
            }
            return "'" + sb.ToString().Trim() + "'";
        }
    }
}
