using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace AlibabaCloud.Emulator.Tests.Support;

public enum SignatureStyle { V3, V2 }

/// <summary>Knobs for one call, most of them for building deliberately wrong requests.</summary>
public sealed class CallOptions
{
    public SignatureStyle Style { get; set; } = SignatureStyle.V3;
    public HttpMethod Method { get; set; } = HttpMethod.Post;
    /// <summary>Send the parameters as an application/x-www-form-urlencoded body instead of the query string.</summary>
    public bool FormBody { get; set; }
    public string AccessKeyId { get; set; }
    public string Secret { get; set; }
    public string SecurityToken { get; set; }
    public DateTimeOffset? Date { get; set; }
    public string Nonce { get; set; }
    public string HostHeader { get; set; }
    public Dictionary<string, string> ExtraHeaders { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>V3: sign only these headers (lower-case names) instead of all host/x-acs-*/content-type headers.</summary>
    public List<string> SignedHeaders { get; set; }
    /// <summary>V3: the x-acs-content-sha256 value to send (default: the real hash).</summary>
    public string ContentSha256 { get; set; }
    /// <summary>Runs after signing, to tamper with what goes on the wire.</summary>
    public Action<HttpRequestMessage> AfterSigning { get; set; }
    public bool Unsigned { get; set; }
    /// <summary>Send Connection: close so a dropped connection is never silently retried by the handler.</summary>
    public bool CloseConnection { get; set; }
}

public sealed class AcsResponse
{
    public HttpStatusCode StatusCode { get; init; }
    public int Status => (int)StatusCode;
    public JsonElement Body { get; init; }
    public HttpResponseMessage Raw { get; init; }
    public string Code => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("Code", out var c) ? c.GetString() : null;
    public string Message => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("Message", out var c) ? c.GetString() : null;
    public string RequestId => Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty("RequestId", out var c) ? c.GetString() : null;
    public JsonElement this[string name] => Body.GetProperty(name);
    public string Header(string name) => Raw.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : null;
    public override string ToString() => $"{Status} {Body}";
}

/// <summary>
/// The tests' own signing client, written independently of the emulator's verifier (its own encoder, its own
/// canonical forms) and pinned to the published vectors in SignatureVectorTests, so the two cannot share a bug.
/// </summary>
public sealed class AcsTestClient : IDisposable
{
    public const string EcsVersion = "2014-05-26";
    public const string AlbVersion = "2020-06-16";
    public const string PrivateLinkVersion = "2020-04-15";

    private readonly HttpClient _http;
    private readonly Uri _base;

    public AcsTestClient(Uri baseAddress, string accessKeyId = EmulatorDefaults.AccessKeyId, string secret = EmulatorDefaults.AccessKeySecret, string securityToken = null)
    {
        _base = baseAddress;
        _http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        AccessKeyId = accessKeyId;
        Secret = secret;
        SecurityToken = securityToken;
    }

    public string AccessKeyId { get; }
    public string Secret { get; }
    public string SecurityToken { get; }

    public Task<AcsResponse> Ecs(string action, object parameters = null, CallOptions options = null) => CallAsync(action, EcsVersion, parameters, options);
    public Task<AcsResponse> Alb(string action, object parameters = null, CallOptions options = null) => CallAsync(action, AlbVersion, parameters, options);
    public Task<AcsResponse> PrivateLink(string action, object parameters = null, CallOptions options = null) => CallAsync(action, PrivateLinkVersion, parameters, options);

    /// <summary>Parameters: an anonymous object or a dictionary; list values are flattened as Name.1, Name.2...</summary>
    public async Task<AcsResponse> CallAsync(string action, string version, object parameters, CallOptions options = null)
    {
        options ??= new CallOptions();
        var pairs = Flatten(parameters);
        using var request = options.Style == SignatureStyle.V3 ? BuildV3(action, version, pairs, options) : BuildV2(action, version, pairs, options);
        if (options.CloseConnection) request.Headers.ConnectionClose = true;
        options.AfterSigning?.Invoke(request);
        var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        JsonElement body = default;
        if (text.Length > 0)
        {
            using var doc = JsonDocument.Parse(text);
            body = doc.RootElement.Clone();
        }
        return new AcsResponse { StatusCode = response.StatusCode, Body = body, Raw = response };
    }

    private HttpRequestMessage BuildV3(string action, string version, List<KeyValuePair<string, string>> pairs, CallOptions o)
    {
        var query = o.FormBody ? string.Empty : Canonical(pairs);
        var bodyText = o.FormBody ? Canonical(pairs) : string.Empty;
        var bodyBytes = Encoding.UTF8.GetBytes(bodyText);
        var request = new HttpRequestMessage(o.Method, new Uri(_base, "/" + (query.Length > 0 ? "?" + query : string.Empty)));
        var host = o.HostHeader ?? _base.Authority;
        var hash = Hex(SHA256.HashData(bodyBytes));
        var headers = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = host,
            ["x-acs-action"] = action,
            ["x-acs-version"] = version,
            ["x-acs-date"] = (o.Date ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"),
            ["x-acs-signature-nonce"] = o.Nonce ?? Guid.NewGuid().ToString("N"),
            ["x-acs-content-sha256"] = o.ContentSha256 ?? hash,
        };
        var token = o.SecurityToken ?? SecurityToken;
        if (token != null) headers["x-acs-security-token"] = token;
        if (o.FormBody) headers["content-type"] = "application/x-www-form-urlencoded";
        foreach (var h in o.ExtraHeaders) headers[h.Key.ToLowerInvariant()] = h.Value;

        var signed = o.SignedHeaders ?? headers.Keys.Where(k => k == "host" || k == "content-type" || k.StartsWith("x-acs-", StringComparison.Ordinal)).ToList();
        var canonicalRequest = new StringBuilder()
            .Append(o.Method.Method).Append('\n').Append('/').Append('\n').Append(query).Append('\n');
        foreach (var name in signed) canonicalRequest.Append(name).Append(':').Append(headers.GetValueOrDefault(name, string.Empty).Trim()).Append('\n');
        canonicalRequest.Append('\n').Append(string.Join(";", signed)).Append('\n').Append(headers["x-acs-content-sha256"]);
        var stringToSign = "ACS3-HMAC-SHA256\n" + Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest.ToString())));
        var signature = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(o.Secret ?? Secret), Encoding.UTF8.GetBytes(stringToSign)));

        foreach (var h in headers)
        {
            if (h.Key == "host") request.Headers.Host = h.Value;
            else if (h.Key != "content-type") request.Headers.TryAddWithoutValidation(h.Key, h.Value);
        }
        if (!o.Unsigned)
            request.Headers.TryAddWithoutValidation("Authorization",
                $"ACS3-HMAC-SHA256 Credential={o.AccessKeyId ?? AccessKeyId},SignedHeaders={string.Join(";", signed)},Signature={signature}");
        request.Content = new ByteArrayContent(bodyBytes);
        if (o.FormBody) request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-www-form-urlencoded");
        return request;
    }

    private HttpRequestMessage BuildV2(string action, string version, List<KeyValuePair<string, string>> pairs, CallOptions o)
    {
        var all = new List<KeyValuePair<string, string>>(pairs)
        {
            new("Action", action), new("Version", version), new("Format", "JSON"),
            new("AccessKeyId", o.AccessKeyId ?? AccessKeyId), new("SignatureMethod", "HMAC-SHA1"), new("SignatureVersion", "1.0"),
            new("SignatureNonce", o.Nonce ?? Guid.NewGuid().ToString()),
            new("Timestamp", (o.Date ?? DateTimeOffset.UtcNow).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'")),
        };
        var token = o.SecurityToken ?? SecurityToken;
        if (token != null) all.Add(new("SecurityToken", token));
        var signature = SignV2(o.Method.Method, all, o.Secret ?? Secret);
        if (!o.Unsigned) all.Add(new("Signature", signature));
        var encoded = Canonical(all);
        HttpRequestMessage request;
        if (o.FormBody)
        {
            request = new HttpRequestMessage(o.Method, new Uri(_base, "/"));
            request.Content = new StringContent(encoded, Encoding.UTF8, "application/x-www-form-urlencoded");
        }
        else request = new HttpRequestMessage(o.Method, new Uri(_base, "/?" + encoded));
        if (o.HostHeader != null) request.Headers.Host = o.HostHeader;
        foreach (var h in o.ExtraHeaders) request.Headers.TryAddWithoutValidation(h.Key, h.Value);
        return request;
    }

    public static string SignV2(string method, IEnumerable<KeyValuePair<string, string>> parameters, string secret)
    {
        var stringToSign = method + "&" + Encode("/") + "&" + Encode(Canonical(parameters));
        return Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret + "&"), Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>Sorted name=value pairs, RFC 3986 encoded (Uri.EscapeDataString keeps exactly A-Z a-z 0-9 - _ . ~).</summary>
    public static string Canonical(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join("&", pairs.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => Encode(p.Key) + "=" + Encode(p.Value)));

    public static string Encode(string value) => Uri.EscapeDataString(value ?? string.Empty);

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLowerInvariant();

    private static List<KeyValuePair<string, string>> Flatten(object parameters)
    {
        var result = new List<KeyValuePair<string, string>>();
        if (parameters == null) return result;
        IEnumerable<KeyValuePair<string, object>> source = parameters is IDictionary<string, object> d ? d
            : parameters is IDictionary<string, string> s ? s.Select(p => new KeyValuePair<string, object>(p.Key, p.Value))
            : parameters.GetType().GetProperties().Select(p => new KeyValuePair<string, object>(p.Name, p.GetValue(parameters)));
        foreach (var p in source)
        {
            switch (p.Value)
            {
                case null: break;
                case string str: result.Add(new(p.Key, str)); break;
                case bool b: result.Add(new(p.Key, b ? "true" : "false")); break;
                case System.Collections.IEnumerable list:
                    var i = 1;
                    foreach (var item in list) result.Add(new($"{p.Key}.{i++}", Convert.ToString(item, System.Globalization.CultureInfo.InvariantCulture)));
                    break;
                default: result.Add(new(p.Key, Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture))); break;
            }
        }
        return result;
    }

    public void Dispose() => _http.Dispose();
}
