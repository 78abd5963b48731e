using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace AlibabaSecurityGroup.Core.Json
{
    /// <summary>A strict RFC 8259 reader producing <see cref="JsonValue"/> trees.</summary>
    internal sealed class JsonParser
    {
        private const int MaxDepth = 128;
        private readonly string _text;
        private int _pos;

        private JsonParser(string text) { _text = text; }

        public static JsonValue Parse(string text)
        {
            if (text == null) throw new ArgumentNullException(nameof(text));
            var parser = new JsonParser(text);
            parser.SkipWhitespace();
            var value = parser.ReadValue(0);
            parser.SkipWhitespace();
            if (parser._pos != text.Length) throw parser.Error("unexpected text after the JSON value");
            return value;
        }

        private JsonValue ReadValue(int depth)
        {
            if (depth > MaxDepth) throw Error("nesting is too deep");
            if (_pos >= _text.Length) throw Error("unexpected end of input");
            char c = _text[_pos];
            switch (c)
            {
                case '{': return ReadObject(depth);
                case '[': return ReadArray(depth);
                case '"': return JsonValue.FromString(ReadString());
                case 't': ExpectWord("true"); return JsonValue.FromBool(true);
                case 'f': ExpectWord("false"); return JsonValue.FromBool(false);
                case 'n': ExpectWord("null"); return JsonValue.Null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return ReadNumber();
                    throw Error("unexpected character '" + c + "'");
            }
        }

        private JsonValue ReadObject(int depth)
        {
            _pos++; // {
            var members = new List<KeyValuePair<string, JsonValue>>();
            SkipWhitespace();
            if (Peek() == '}') { _pos++; return JsonValue.FromObject(members); }
            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"') throw Error("expected a member name");
                var name = ReadString();
                SkipWhitespace();
                if (Peek() != ':') throw Error("expected ':'");
                _pos++;
                SkipWhitespace();
                members.Add(new KeyValuePair<string, JsonValue>(name, ReadValue(depth + 1)));
                SkipWhitespace();
                char c = Peek();
                _pos++;
                if (c == ',') continue;
                if (c == '}') return JsonValue.FromObject(members);
                throw Error("expected ',' or '}'");
            }
        }

        private JsonValue ReadArray(int depth)
        {
            _pos++; // [
            var items = new List<JsonValue>();
            SkipWhitespace();
            if (Peek() == ']') { _pos++; return JsonValue.FromArray(items); }
            while (true)
            {
                SkipWhitespace();
                items.Add(ReadValue(depth + 1));
                SkipWhitespace();
                char c = Peek();
                _pos++;
                if (c == ',') continue;
                if (c == ']') return JsonValue.FromArray(items);
                throw Error("expected ',' or ']'");
            }
        }

        private string ReadString()
        {
            _pos++; // opening quote
            var sb = new StringBuilder();
            while (true)
            {
                if (_pos >= _text.Length) throw Error("unterminated string");
                char c = _text[_pos++];
                if (c == '"') return sb.ToString();
                if (c < 0x20) throw Error("control character in string");
                if (c != '\\') { sb.Append(c); continue; }
                if (_pos >= _text.Length) throw Error("unterminated escape");
                char e = _text[_pos++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (_pos + 4 > _text.Length) throw Error("short \\u escape");
                        if (!int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                            throw Error("bad \\u escape");
                        sb.Append((char)code);
                        _pos += 4;
                        break;
                    default: throw Error("bad escape '\\" + e + "'");
                }
            }
        }

        private JsonValue ReadNumber()
        {
            int start = _pos;
            if (Peek() == '-') _pos++;
            if (!IsDigit(Peek())) throw Error("bad number");
            if (Peek() == '0') _pos++;
            else while (IsDigit(Peek())) _pos++;
            if (Peek() == '.')
            {
                _pos++;
                if (!IsDigit(Peek())) throw Error("bad number");
                while (IsDigit(Peek())) _pos++;
            }
            if (Peek() == 'e' || Peek() == 'E')
            {
                _pos++;
                if (Peek() == '+' || Peek() == '-') _pos++;
                if (!IsDigit(Peek())) throw Error("bad number");
                while (IsDigit(Peek())) _pos++;
            }
            return JsonValue.FromNumberText(_text.Substring(start, _pos - start));
        }

        private void ExpectWord(string word)
        {
            if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0) throw Error("unexpected literal");
            _pos += word.Length;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';
        private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

        private void SkipWhitespace()
        {
            while (_pos < _text.Length)
            {
                char c = _text[_pos];
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') _pos++;
                else break;
            }
        }

        private FormatException Error(string what) =>
            new FormatException("Invalid JSON at offset " + _pos.ToString(CultureInfo.InvariantCulture) + ": " + what + ".");
    }
}
