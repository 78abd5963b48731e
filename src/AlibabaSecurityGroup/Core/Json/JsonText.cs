using System.Globalization;
using System.Text;

namespace AlibabaSecurityGroup.Core.Json
{
    /// <summary>Writes a <see cref="JsonValue"/> back as compact JSON (for diagnostics and tests).</summary>
    public static class JsonText
    {
        public static string Write(JsonValue value)
        {
            var sb = new StringBuilder();
            Write(sb, value);
            return sb.ToString();
        }

        public static string Quote(string text)
        {
            var sb = new StringBuilder();
            WriteString(sb, text);
            return sb.ToString();
        }

        private static void Write(StringBuilder sb, JsonValue value)
        {
            switch (value?.Kind ?? JsonKind.Null)
            {
                case JsonKind.Null: sb.Append("null"); break;
                case JsonKind.Bool:
                case JsonKind.Number: sb.Append(value.AsString()); break;
                case JsonKind.String: WriteString(sb, value.AsString()); break;
                case JsonKind.Array:
                    sb.Append('[');
                    for (int i = 0; i < value.Items.Count; i++)
                    {
                        if (i > 0) sb.Append(',');
                        Write(sb, value.Items[i]);
                    }
                    sb.Append(']');
                    break;
                case JsonKind.Object:
                    sb.Append('{');
                    bool first = true;
                    foreach (var member in value.Members)
                    {
                        if (!first) sb.Append(',');
                        first = false;
                        WriteString(sb, member.Key);
                        sb.Append(':');
                        Write(sb, member.Value);
                    }
                    sb.Append('}');
                    break;
            }
        }

        private static void WriteString(StringBuilder sb, string text)
        {
            sb.Append('"');
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    default:
                        if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            sb.Append('"');
        }
    }
}
