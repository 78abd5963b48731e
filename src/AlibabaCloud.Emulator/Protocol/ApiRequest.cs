using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace AlibabaCloud.Emulator.Protocol;

/// <summary>
/// A received API call, decoded once: the query pairs (which V3 signs), the form pairs (which V2 signs with the
/// query), and the merged parameter view that the products read.
/// </summary>
internal sealed class ApiRequest
{
    private readonly Dictionary<string, string> _params = new(StringComparer.Ordinal);

    public ApiRequest(HttpRequest http, List<KeyValuePair<string, string>> queryPairs, List<KeyValuePair<string, string>> formPairs, byte[] body)
    {
        Http = http;
        QueryPairs = queryPairs;
        FormPairs = formPairs;
        Body = body;
        // Query first, then form: the first occurrence of a name wins, like the service's own parser.
        foreach (var p in queryPairs) _params.TryAdd(p.Key, p.Value);
        foreach (var p in formPairs) _params.TryAdd(p.Key, p.Value);
    }

    public HttpRequest Http { get; }
    public List<KeyValuePair<string, string>> QueryPairs { get; }
    public List<KeyValuePair<string, string>> FormPairs { get; }
    public byte[] Body { get; }
    public string Method => Http.Method;

    public string Header(string name)
    {
        var values = Http.Headers[name];
        return values.Count == 0 ? null : values.ToString();
    }

    public string Param(string name) => _params.TryGetValue(name, out var v) ? v : null;

    public IEnumerable<KeyValuePair<string, string>> AllPairs => QueryPairs.Concat(FormPairs);

    /// <summary>A non-empty value, or MissingParameter.{name}.</summary>
    public string Required(string name)
    {
        var v = Param(name);
        if (string.IsNullOrEmpty(v)) throw ApiException.MissingParameter(name);
        return v;
    }

    public string Optional(string name)
    {
        var v = Param(name);
        return string.IsNullOrEmpty(v) ? null : v;
    }

    /// <summary>Booleans arrive as true/false in any casing (the SDKs send "true", some tools "True").</summary>
    public bool Bool(string name, bool defaultValue = false)
    {
        var v = Optional(name);
        if (v == null) return defaultValue;
        if (bool.TryParse(v, out var b)) return b;
        throw ApiException.InvalidParameter(name, "Expected true or false.");
    }

    public int? Int(string name, int min, int max)
    {
        var v = Optional(name);
        if (v == null) return null;
        if (!int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            throw ApiException.InvalidParameter(name, $"Expected an integer from {min} to {max}.");
        return n;
    }

    /// <summary>A flattened list: Name.1, Name.2, ... in index order (gaps allowed), empty values skipped.</summary>
    public List<string> FlatList(string name)
    {
        var prefix = name + ".";
        List<(int Index, string Value)> found = null;
        foreach (var p in _params)
        {
            if (!p.Key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            if (!int.TryParse(p.Key.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)) continue;
            if (string.IsNullOrEmpty(p.Value)) continue;
            (found ??= new()).Add((index, p.Value));
        }
        if (found == null) return new List<string>();
        found.Sort((a, b) => a.Index.CompareTo(b.Index));
        return found.Select(f => f.Value).ToList();
    }

    /// <summary>A list passed as a JSON array string (ECS InstanceIds / SecurityGroupIds): ["a","b"].</summary>
    public List<string> JsonList(string name, int max, string malformedCode)
    {
        var v = Optional(name);
        if (v == null) return null;
        List<string> items;
        try { items = JsonSerializer.Deserialize<List<string>>(v); }
        catch (JsonException) { items = null; }
        if (items == null || items.Count > max)
            throw new ApiException(400, malformedCode, $"The specified parameter \"{name}\" is not valid.");
        return items.Where(i => !string.IsNullOrEmpty(i)).ToList();
    }
}
