using System.Text;

namespace Osiris.Oml.Export;

/// <summary>OML text inside generated Markdown (Airflow's doc_md): no HTML, no table breaks, one line.</summary>
internal static class Markdown
{
    /// <summary><paramref name="text"/> with &amp;, &lt;, &gt; as entities, '|' escaped and line breaks as spaces.</summary>
    public static string Inline(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '|': sb.Append("\\|"); break;
                case '`': sb.Append("\\`"); break;
                case '\r':
                case '\n':
                case '\u2028':
                case '\u2029':
                case '\u0085':
                    sb.Append(' ');
                    break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    /// <summary>A paragraph: as <see cref="Inline"/>, keeping line breaks.</summary>
    public static string Block(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            lines[i] = Inline(lines[i]);
        }

        return string.Join("\n", lines).TrimEnd();
    }
}
