using System.Text;

namespace Osiris.Oml.Export.Python;

/// <summary>Writes source text line by line with an indentation counter and LF line ends.</summary>
internal sealed class SourceWriter
{
    private readonly StringBuilder _sb = new(4096);
    private readonly string _unit;

    public SourceWriter(string unit = "    ") => _unit = unit;

    /// <summary>The current depth.</summary>
    public int Indent { get; set; }

    /// <summary>Writes one line at the current depth (an empty line has no trailing spaces).</summary>
    public SourceWriter Line(string text = "")
    {
        if (text.Length > 0)
        {
            for (var i = 0; i < Indent; i++)
            {
                _sb.Append(_unit);
            }

            _sb.Append(text);
        }

        _sb.Append('\n');
        return this;
    }

    /// <summary>Writes one line at depth <paramref name="indent"/>, whatever the current depth.</summary>
    public SourceWriter LineAt(int indent, string text)
    {
        var saved = Indent;
        Indent = indent;
        Line(text);
        Indent = saved;
        return this;
    }

    /// <summary>
    /// A comment line per line of <paramref name="text"/>, each starting with <c># </c>. Anything but
    /// printable ASCII is written as a <c>\u</c> escape, so no text can end the comment and become code.
    /// </summary>
    public SourceWriter Comment(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            Line(line.Length == 0 ? "#" : "# " + Printable(line));
        }

        return this;
    }

    /// <summary><paramref name="text"/> with every character outside printable ASCII as <c>\uXXXX</c>.</summary>
    public static string Printable(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c >= 0x20 && c < 0x7f)
            {
                sb.Append(c);
            }
            else
            {
                sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    public override string ToString() => _sb.ToString();
}
