using System.Globalization;
using System.Text;

namespace Osiris.Cli.Output;

/// <summary>Text from a pipeline or an exported file, made safe to print in a message.</summary>
internal static class TerminalText
{
    /// <summary>Text from the pipeline on one line, with control characters shown as escapes so they cannot drive the terminal.</summary>
    public static string Printable(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
