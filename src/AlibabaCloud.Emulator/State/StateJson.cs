using System.Text.Json;
using System.Text.Json.Serialization;

namespace AlibabaCloud.Emulator.State;

/// <summary>One set of JSON options for the state file, the admin API and the journal, so they share a schema.</summary>
internal static class StateJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null, // action names in rateLimitPerSecond / request counts keep their casing
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static EmulatorState ReadState(string json)
    {
        var state = JsonSerializer.Deserialize<EmulatorState>(json, Options) ?? new EmulatorState();
        return state;
    }

    public static EmulatorState LoadFile(string path) => ReadState(File.ReadAllText(path));

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Deep copy through the serializer: simple, and guarantees the copy looks exactly like the file.</summary>
    public static T Clone<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToUtf8Bytes(value, Options), Options);
}
