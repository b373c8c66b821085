using System.Globalization;
using System.Text;
using Osiris.Oml.Syntax;

namespace Osiris.Oml.Export.Oml;

/// <summary>
/// YAML scalars as the OML writer and prefect.yaml write them: double-quoted strings with every
/// character YAML cannot hold raw, or that hides in an editor (line and paragraph separators, BOM,
/// bidirectional controls, control characters), escaped; literal blocks for readable multi-line text.
/// </summary>
internal static class YamlText
{
    /// <summary><c>"..."</c> that reads back as exactly <paramref name="value"/>.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': sb.Append("\\\""); continue;
                case '\\': sb.Append("\\\\"); continue;
                case '\n': sb.Append("\\n"); continue;
                case '\t': sb.Append("\\t"); continue;
                case '\r': sb.Append("\\r"); continue;
                case '\0': sb.Append("\\0"); continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                sb.Append(c).Append(value[i + 1]);
                i++;
            }
            else if (NeedsEscape(c))
            {
                sb.Append(c < 0x100 ? "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture) : "\\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Whether a character must be escaped rather than written raw.</summary>
    private static bool NeedsEscape(char c)
        => c < 0x20 || (c >= 0x7f && c <= 0x9f) || c is '\u2028' or '\u2029' or '\ufeff' or '\ufffe' or '\uffff' or '\u00a0'
           || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c is '\u200e' or '\u200f' or '\u061c'
           || char.IsSurrogate(c);

    /// <summary>
    /// Whether <paramref name="value"/> reads better as a literal block (<c>|</c>) and can be one exactly:
    /// several lines, nothing that needs an escape, no leading space or blank first line.
    /// </summary>
    public static bool FitsLiteralBlock(string value)
    {
        if (value.IndexOf('\n') < 0 || value[0] is ' ' or '\n' or '\t')
        {
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\n')
            {
                continue;
            }

            if (c == '\t')
            {
                // A tab is content, but not at the start of a line, where it would look like indentation.
                if (i > 0 && value[i - 1] == '\n')
                {
                    return false;
                }

                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (NeedsEscape(c))
            {
                return false;
            }
        }

        // Lines of spaces only before the first line would be read as indentation; leading ones are excluded above.
        return true;
    }

    /// <summary>The chomping indicator that keeps <paramref name="value"/>'s trailing line breaks: <c>|-</c>, <c>|</c> or <c>|+</c>.</summary>
    public static string LiteralHeader(string value)
    {
        if (!value.EndsWith("\n", System.StringComparison.Ordinal))
        {
            return "|-";
        }

        return value.EndsWith("\n\n", System.StringComparison.Ordinal) ? "|+" : "|";
    }

    /// <summary>The YAML tag of a non-string type, for scalars whose text would not resolve to it plain.</summary>
    public static string Tag(YamlScalarType type) => type switch
    {
        YamlScalarType.Null => "!!null",
        YamlScalarType.Boolean => "!!bool",
        YamlScalarType.Integer => "!!int",
        YamlScalarType.Float => "!!float",
        _ => "!!str",
    };
}
