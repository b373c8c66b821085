using System;
using System.Collections.Generic;

namespace Osiris.Oml.Text;

/// <summary>
/// Maps UTF-16 offsets of a text to line positions. Line breaks are counted the way Roslyn's
/// <c>SourceText</c> counts them (CR, LF, CRLF, NEL, LS, PS), so a span computed here lands on the
/// same line and column in Visual Studio, Rider and the CLI.
/// </summary>
public sealed class LineMap
{
    private readonly int[] _lineStarts;
    private readonly int _length;

    private LineMap(int[] lineStarts, int length)
    {
        _lineStarts = lineStarts;
        _length = length;
    }

    /// <summary>The number of lines (a text without a break has one).</summary>
    public int LineCount => _lineStarts.Length;

    /// <summary>Builds the map of <paramref name="text"/>.</summary>
    public static LineMap Create(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
            {
                starts.Add(i + 1);
            }
        }

        return new LineMap(starts.ToArray(), text.Length);
    }

    /// <summary>The line position of <paramref name="offset"/> (clamped to the text).</summary>
    public LinePosition GetPosition(int offset)
    {
        offset = Math.Max(0, Math.Min(offset, _length));
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new LinePosition(line, offset - _lineStarts[line]);
    }

    /// <summary>The offset where zero-based <paramref name="line"/> starts.</summary>
    public int GetLineStart(int line) => _lineStarts[Math.Max(0, Math.Min(line, _lineStarts.Length - 1))];

    /// <summary>A span from two offsets.</summary>
    public SourceSpan GetSpan(int start, int end)
    {
        start = Math.Max(0, Math.Min(start, _length));
        end = Math.Max(start, Math.Min(end, _length));
        return new SourceSpan(start, end, GetPosition(start), GetPosition(end));
    }
}
