using System.Globalization;
using System.Text;

namespace Osiris.Oml.Export.Python;

/// <summary>
/// The one way OML text becomes Python source: double-quoted string literals that are pure ASCII.
/// Every character outside printable ASCII is an escape, so no NUL byte, line separator (U+2028 is a
/// line break to editors, not to Python), bidirectional control (Trojan Source) or non-BMP character
/// ever reaches the file raw, and a quote, backslash or newline cannot end the literal early.
/// <c>{{</c>, <c>%</c> and <c>#</c> need no escape in Python; Jinja is the exporters' concern.
/// </summary>
internal static class PythonLiteral
{
    private const string Hex = "0123456789abcdef";

    /// <summary><c>None</c>, <c>True</c>, <c>False</c>.</summary>
    public const string None = "None";

    /// <summary>The literal of <paramref name="value"/>: <c>"..."</c>.</summary>
    public static string String(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        AppendString(sb, value);
        return sb.ToString();
    }

    /// <summary><c>"..."</c> or <c>None</c>.</summary>
    public static string StringOrNone(string? value) => value is null ? None : String(value);

    /// <summary>Appends the literal of <paramref name="value"/>.</summary>
    public static void AppendString(StringBuilder sb, string value)
    {
        sb.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '\\':
                    sb.Append("\\\\");
                    continue;
                case '"':
                    sb.Append("\\\"");
                    continue;
                case '\n':
                    sb.Append("\\n");
                    continue;
                case '\r':
                    sb.Append("\\r");
                    continue;
                case '\t':
                    sb.Append("\\t");
                    continue;
            }

            if (c >= 0x20 && c < 0x7f)
            {
                sb.Append(c);
            }
            else if (c < 0x100)
            {
                sb.Append("\\x").Append(Hex[c >> 4]).Append(Hex[c & 0xf]);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                var code = char.ConvertToUtf32(c, value[i + 1]);
                i++;
                sb.Append("\\U").Append(code.ToString("x8", CultureInfo.InvariantCulture));
            }
            else
            {
                // A lone surrogate is a valid code point in a Python str, so it is kept rather than lost.
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
        }

        sb.Append('"');
    }

    /// <summary><c>True</c> or <c>False</c>.</summary>
    public static string Bool(bool value) => value ? "True" : "False";

    /// <summary>A decimal integer.</summary>
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary><c>["a", "b"]</c>.</summary>
    public static string StringList(System.Collections.Generic.IEnumerable<string> values)
    {
        var sb = new StringBuilder("[");
        var first = true;
        foreach (var v in values)
        {
            if (!first)
            {
                sb.Append(", ");
            }

            AppendString(sb, v);
            first = false;
        }

        return sb.Append(']').ToString();
    }
}
