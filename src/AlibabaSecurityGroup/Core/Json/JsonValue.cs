using System;
using System.Collections.Generic;
using System.Globalization;

namespace AlibabaSecurityGroup.Core.Json
{
    public enum JsonKind { Null, Bool, Number, String, Array, Object }

    /// <summary>
    /// A parsed JSON document node. The module cannot ship System.Text.Json (a third-party DLL on
    /// .NET Framework), so responses are read into this small immutable tree instead.
    /// Lookups are forgiving: a missing member yields null, so callers can walk optional paths.
    /// </summary>
    public sealed class JsonValue
    {
        private static readonly IReadOnlyList<JsonValue> EmptyItems = new JsonValue[0];

        private readonly object _scalar;
        private readonly List<JsonValue> _items;
        private readonly List<KeyValuePair<string, JsonValue>> _members;

        public JsonKind Kind { get; }

        private JsonValue(JsonKind kind, object scalar, List<JsonValue> items, List<KeyValuePair<string, JsonValue>> members)
        {
            Kind = kind;
            _scalar = scalar;
            _items = items;
            _members = members;
        }

        public static readonly JsonValue Null = new JsonValue(JsonKind.Null, null, null, null);
        public static JsonValue FromString(string value) => value == null ? Null : new JsonValue(JsonKind.String, value, null, null);
        public static JsonValue FromBool(bool value) => new JsonValue(JsonKind.Bool, value, null, null);
        /// <summary>Numbers keep their source text so that large ids and decimals survive unchanged.</summary>
        public static JsonValue FromNumberText(string text) => new JsonValue(JsonKind.Number, text, null, null);
        public static JsonValue FromArray(List<JsonValue> items) => new JsonValue(JsonKind.Array, null, items, null);
        public static JsonValue FromObject(List<KeyValuePair<string, JsonValue>> members) => new JsonValue(JsonKind.Object, null, null, members);

        public static JsonValue Parse(string text) => JsonParser.Parse(text);

        /// <summary>The member with this name (first match, ordinal), or null when absent or not an object.</summary>
        public JsonValue this[string name]
        {
            get
            {
                if (_members == null) return null;
                foreach (var member in _members)
                {
                    if (string.Equals(member.Key, name, StringComparison.Ordinal)) return member.Value;
                }
                return null;
            }
        }

        /// <summary>Walks nested members; null as soon as one is missing.</summary>
        public JsonValue Path(params string[] names)
        {
            JsonValue current = this;
            foreach (var name in names)
            {
                current = current?[name];
                if (current == null) return null;
            }
            return current;
        }

        public IReadOnlyList<JsonValue> Items => (IReadOnlyList<JsonValue>)_items ?? EmptyItems;

        public IEnumerable<KeyValuePair<string, JsonValue>> Members =>
            (IEnumerable<KeyValuePair<string, JsonValue>>)_members ?? new KeyValuePair<string, JsonValue>[0];

        /// <summary>Strings as they are; numbers and booleans as their JSON text; null otherwise.</summary>
        public string AsString()
        {
            switch (Kind)
            {
                case JsonKind.String: return (string)_scalar;
                case JsonKind.Number: return (string)_scalar;
                case JsonKind.Bool: return (bool)_scalar ? "true" : "false";
                default: return null;
            }
        }

        public long? AsInt64()
        {
            var text = AsString();
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (long?)null;
        }

        public bool? AsBool()
        {
            if (Kind == JsonKind.Bool) return (bool)_scalar;
            if (Kind == JsonKind.String && bool.TryParse((string)_scalar, out var b)) return b;
            return null;
        }

        /// <summary>Convenience: the string value of a member, or null.</summary>
        public string GetString(string name) => this[name]?.AsString();

        /// <summary>
        /// Alibaba responses wrap lists two ways: a plain array, or an object holding one array
        /// (<c>"SecurityGroupIds": {"SecurityGroupId": [...]}</c>). This returns the items either way.
        /// </summary>
        public IReadOnlyList<JsonValue> AsList()
        {
            if (Kind == JsonKind.Array) return Items;
            if (Kind == JsonKind.Object && _members.Count == 1 && _members[0].Value.Kind == JsonKind.Array)
                return _members[0].Value.Items;
            return EmptyItems;
        }

        public override string ToString() => JsonText.Write(this);
    }
}
