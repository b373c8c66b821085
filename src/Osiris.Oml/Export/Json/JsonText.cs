using System;
using System.Globalization;
using System.Text;

namespace Osiris.Oml.Export.Json;

/// <summary>
/// A small deterministic JSON writer and reader. The engine loads inside the compiler, where
/// System.Text.Json would be one more assembly to carry and version against the host's; the block
/// needs only this. Output is pure ASCII (every other character is a <c>\u</c> escape), so it can sit
/// in Python and YAML comments whatever the pipeline's text holds, indented by two spaces, with LF.
/// </summary>
internal static class JsonText
{
    private const int MaxDepth = 64;

    /// <summary>The text of <paramref name="node"/>, one member or item per line.</summary>
    public static string Write(JsonNode node)
    {
        var sb = new StringBuilder();
        Write(sb, node, 0);
        return sb.ToString();
    }

    /// <summary>The text of <paramref name="node"/> on one line without spaces (the generated descriptors embed it).</summary>
    public static string WriteCompact(JsonNode node)
    {
        var sb = new StringBuilder();
        WriteCompact(sb, node);
        return sb.ToString();
    }

    private static void WriteCompact(StringBuilder sb, JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                sb.Append('{');
                for (var i = 0; i < o.Members.Count; i++)
                {
                    sb.Append(i > 0 ? "," : string.Empty);
                    AppendString(sb, o.Members[i].Key);
                    sb.Append(':');
                    WriteCompact(sb, o.Members[i].Value);
                }

                sb.Append('}');
                break;
            case JsonArray a:
                sb.Append('[');
                for (var i = 0; i < a.Items.Count; i++)
                {
                    sb.Append(i > 0 ? "," : string.Empty);
                    WriteCompact(sb, a.Items[i]);
                }

                sb.Append(']');
                break;
            default:
                Write(sb, node, 0);
                break;
        }
    }

    private static void Write(StringBuilder sb, JsonNode node, int indent)
    {
        switch (node)
        {
            case JsonObject o when o.Members.Count == 0:
                sb.Append("{}");
                break;
            case JsonObject o:
                sb.Append("{\n");
                for (var i = 0; i < o.Members.Count; i++)
                {
                    sb.Append(' ', (indent + 1) * 2);
                    AppendString(sb, o.Members[i].Key);
                    sb.Append(": ");
                    Write(sb, o.Members[i].Value, indent + 1);
                    sb.Append(i + 1 < o.Members.Count ? ",\n" : "\n");
                }

                sb.Append(' ', indent * 2).Append('}');
                break;
            case JsonArray a when a.Items.Count == 0:
                sb.Append("[]");
                break;
            case JsonArray a when a.Items.TrueForAll(x => x is JsonString or JsonNumber or JsonBool or JsonNull):
                sb.Append('[');
                for (var i = 0; i < a.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    Write(sb, a.Items[i], indent + 1);
                }

                sb.Append(']');
                break;
            case JsonArray a:
                sb.Append("[\n");
                for (var i = 0; i < a.Items.Count; i++)
                {
                    sb.Append(' ', (indent + 1) * 2);
                    Write(sb, a.Items[i], indent + 1);
                    sb.Append(i + 1 < a.Items.Count ? ",\n" : "\n");
                }

                sb.Append(' ', indent * 2).Append(']');
                break;
            case JsonString s:
                AppendString(sb, s.Value);
                break;
            case JsonNumber n:
                sb.Append(n.Text);
                break;
            case JsonBool b:
                sb.Append(b.Value ? "true" : "false");
                break;
            default:
                sb.Append("null");
                break;
        }
    }

    private static void AppendString(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    sb.Append("\\r");
                    break;
                case '\t':
                    sb.Append("\\t");
                    break;
                default:
                    if (c < 0x20 || c >= 0x7f)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>Reads <paramref name="text"/>; on failure, null with a message and the offset of the problem.</summary>
    public static JsonNode? Parse(string text, out string? error, out int errorOffset)
    {
        var reader = new Reader(text);
        try
        {
            reader.SkipWhitespace();
            var node = reader.ReadValue(0);
            reader.SkipWhitespace();
            if (reader.Position != text.Length)
            {
                throw new FormatException("unexpected text after the JSON value");
            }

            error = null;
            errorOffset = 0;
            return node;
        }
        catch (FormatException ex)
        {
            error = ex.Message;
            errorOffset = reader.Position;
            return null;
        }
    }

    private sealed class Reader
    {
        private readonly string _text;

        public Reader(string text) => _text = text;

        public int Position { get; private set; }

        public void SkipWhitespace()
        {
            while (Position < _text.Length && _text[Position] is ' ' or '\t' or '\n' or '\r')
            {
                Position++;
            }
        }

        public JsonNode ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new FormatException("the JSON is nested too deeply");
            }

            if (Position >= _text.Length)
            {
                throw new FormatException("the JSON ends early");
            }

            var start = Position;
            JsonNode node;
            switch (_text[Position])
            {
                case '{':
                    node = ReadObject(depth);
                    break;
                case '[':
                    node = ReadArray(depth);
                    break;
                case '"':
                    node = new JsonString(ReadString());
                    break;
                case 't':
                    Expect("true");
                    node = new JsonBool(true);
                    break;
                case 'f':
                    Expect("false");
                    node = new JsonBool(false);
                    break;
                case 'n':
                    Expect("null");
                    node = new JsonNull();
                    break;
                default:
                    node = ReadNumber();
                    break;
            }

            node.Start = start;
            node.End = Position;
            return node;
        }

        private JsonObject ReadObject(int depth)
        {
            var result = new JsonObject();
            Position++;
            SkipWhitespace();
            if (Peek() == '}')
            {
                Position++;
                return result;
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw new FormatException("expected a quoted member name");
                }

                var key = ReadString();
                SkipWhitespace();
                if (Peek() != ':')
                {
                    throw new FormatException("expected ':' after a member name");
                }

                Position++;
                SkipWhitespace();
                result.Add(key, ReadValue(depth + 1));
                SkipWhitespace();
                var c = Peek();
                Position++;
                if (c == '}')
                {
                    return result;
                }

                if (c != ',')
                {
                    Position--;
                    throw new FormatException("expected ',' or '}'");
                }
            }
        }

        private JsonArray ReadArray(int depth)
        {
            var result = new JsonArray();
            Position++;
            SkipWhitespace();
            if (Peek() == ']')
            {
                Position++;
                return result;
            }

            while (true)
            {
                SkipWhitespace();
                result.Add(ReadValue(depth + 1));
                SkipWhitespace();
                var c = Peek();
                Position++;
                if (c == ']')
                {
                    return result;
                }

                if (c != ',')
                {
                    Position--;
                    throw new FormatException("expected ',' or ']'");
                }
            }
        }

        private string ReadString()
        {
            Position++;
            var sb = new StringBuilder();
            while (true)
            {
                if (Position >= _text.Length)
                {
                    throw new FormatException("a string is not closed");
                }

                var c = _text[Position++];
                if (c == '"')
                {
                    return sb.ToString();
                }

                if (c < 0x20)
                {
                    Position--;
                    throw new FormatException("a control character in a string must be escaped");
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                var e = Position < _text.Length ? _text[Position++] : '\0';
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
                        if (Position + 4 > _text.Length
                            || !int.TryParse(_text.Substring(Position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new FormatException("a \\u escape needs four hex digits");
                        }

                        sb.Append((char)code);
                        Position += 4;
                        break;
                    default:
                        Position--;
                        throw new FormatException("unknown escape in a string");
                }
            }
        }

        private JsonNumber ReadNumber()
        {
            var start = Position;
            if (Peek() == '-')
            {
                Position++;
            }

            while (Position < _text.Length && (char.IsDigit(_text[Position]) || _text[Position] is '.' or 'e' or 'E' or '+' or '-'))
            {
                Position++;
            }

            var text = _text.Substring(start, Position - start);
            if (text.Length == 0 || text == "-" || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                Position = start;
                throw new FormatException("expected a value");
            }

            return new JsonNumber(text);
        }

        private void Expect(string word)
        {
            if (string.CompareOrdinal(_text, Position, word, 0, word.Length) != 0)
            {
                throw new FormatException("expected a value");
            }

            Position += word.Length;
        }

        private char Peek() => Position < _text.Length ? _text[Position] : '\0';
    }
}
