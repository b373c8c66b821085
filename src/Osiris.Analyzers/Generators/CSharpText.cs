using System.Globalization;
using System.Text;

namespace Osiris.Analyzers.Generators;

/// <summary>
/// The one place where text from an <c>.oml</c> file enters generated C#: as a string literal, or inside a
/// comment. Whatever the text holds (quotes, backslashes, line breaks of any kind, <c>*/</c>, XML,
/// control or non-ASCII characters), the output is ASCII and cannot end the literal or the comment.
/// </summary>
internal static class CSharpText
{
    /// <summary>A regular C# string literal (<c>"..."</c>) for <paramref name="value"/>; <c>null</c> for null.</summary>
    public static string Literal(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                default:
                    if (c < 0x20 || c > 0x7E)
                    {
                        // Non-ASCII as \uXXXX (surrogates pair up again in the literal): same bytes on any
                        // machine, and no Unicode line separator can end the line.
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>
    /// Text for a <c>//</c> or <c>///</c> comment: one line, XML-escaped, ASCII (other characters as
    /// <c>?</c>), at most <paramref name="max"/> characters.
    /// </summary>
    public static string Comment(string? value, int max = 200)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var builder = new StringBuilder();
        foreach (var c in value!)
        {
            if (builder.Length >= max)
            {
                builder.Append("...");
                break;
            }

            switch (c)
            {
                case '&':
                    builder.Append("&amp;");
                    break;
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                default:
                    builder.Append(c < 0x20 ? ' ' : c > 0x7E ? '?' : c);
                    break;
            }
        }

        return builder.ToString().Trim();
    }
}
