namespace Osiris.Cli.LanguageServer;

/// <summary>
/// LSP positions of a text: zero-based lines and UTF-16 code units, the only encoding every client
/// supports. Lines end at LF, CRLF or CR (the base protocol's three), not at NEL, LS or PS as in
/// Roslyn, so positions are computed here from offsets rather than taken from the engine's line
/// positions, which follow Roslyn.
/// </summary>
internal sealed class LineIndex
{
    private readonly string _text;
    private readonly int[] _lineStarts;

    public LineIndex(string text)
    {
        _text = text;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                starts.Add(i + 1);
            }
            else if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = starts.ToArray();
    }

    public int LineCount => _lineStarts.Length;

    /// <summary>The position of <paramref name="offset"/> (clamped to the text).</summary>
    public Position PositionOf(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new Position(line, offset - _lineStarts[line]);
    }

    /// <summary>
    /// The offset of <paramref name="position"/>. A line past the end means the end of the text; a
    /// character past the end of its line means the end of the line (as the protocol says).
    /// </summary>
    public int OffsetOf(Position position)
    {
        if (position.Line < 0)
        {
            return 0;
        }

        if (position.Line >= _lineStarts.Length)
        {
            return _text.Length;
        }

        var start = _lineStarts[position.Line];
        return start + Math.Clamp(position.Character, 0, LineLength(position.Line));
    }

    /// <summary>The length of <paramref name="line"/> without its line break.</summary>
    public int LineLength(int line)
    {
        var start = _lineStarts[line];
        var end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : _text.Length;
        while (end > start && (_text[end - 1] == '\n' || _text[end - 1] == '\r'))
        {
            end--;
        }

        return end - start;
    }

    /// <summary>The text of <paramref name="line"/> without its line break.</summary>
    public string LineText(int line) => _text.Substring(_lineStarts[line], LineLength(line));

    public int LineStart(int line) => _lineStarts[Math.Clamp(line, 0, _lineStarts.Length - 1)];
}

/// <summary>A zero-based line and UTF-16 character, as LSP counts them.</summary>
internal readonly record struct Position(int Line, int Character);
