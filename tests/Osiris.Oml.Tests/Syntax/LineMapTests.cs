using Osiris.Oml.Tests.Support;
using Osiris.Oml.Text;

namespace Osiris.Oml.Tests.Syntax;

/// <summary>
/// Offsets to line positions, counted the way Roslyn's SourceText counts them, so a squiggle lands on
/// the same line and column in every host.
/// </summary>
public sealed class LineMapTests
{
    [Theory]
    // No break: one line, even for the empty text.
    [InlineData("", 1)]
    [InlineData("abc", 1)]
    // Every break kind Roslyn knows starts a line.
    [InlineData("a\nb", 2)]
    [InlineData("a\rb", 2)]
    [InlineData("a\r\nb", 2)]
    [InlineData("a\u0085b", 2)]
    [InlineData("a\u2028b", 2)]
    [InlineData("a\u2029b", 2)]
    // A break at the very end opens an empty last line.
    [InlineData("a\n", 2)]
    [InlineData("a\r", 2)]
    [InlineData("a\r\n", 2)]
    // CR LF is one break; LF CR and CR CR are two.
    [InlineData("\r\n\r\n", 3)]
    [InlineData("a\n\rb", 3)]
    [InlineData("\r\r", 3)]
    // Characters that only look like breaks (VT, FF) do not break lines.
    [InlineData("a\u000Bb\u000Cc", 1)]
    public void LineCount_CountsEachBreak_WhenTextUsesAnyBreakKind(string text, int expected)
    {
        Assert.Equal(expected, LineMap.Create(text).LineCount);
    }

    [Theory]
    // "ab⏎cd⏎ef⏎gh⏎ij⏎kl" with LF, CRLF, CR, NEL, LS and PS as the breaks.
    [InlineData(0, 0, 0)]
    [InlineData(1, 0, 1)]
    [InlineData(2, 0, 2)]   // on the LF itself: still line 0
    [InlineData(3, 1, 0)]
    [InlineData(5, 1, 2)]   // on the CR of CRLF
    [InlineData(6, 1, 3)]   // on the LF of CRLF: the same break, still line 1
    [InlineData(7, 2, 0)]
    [InlineData(10, 3, 0)]  // after CR
    [InlineData(13, 4, 0)]  // after NEL
    [InlineData(16, 5, 0)]  // after LS
    [InlineData(19, 6, 0)]  // after PS
    [InlineData(20, 6, 1)]
    [InlineData(21, 6, 2)]  // the end of the text is a valid position
    public void GetPosition_ReturnsLineAndCharacter_WhenBreaksAreMixed(int offset, int line, int character)
    {
        var map = LineMap.Create("ab\ncd\r\nef\rgh\u0085ij\u2028kl\u2029mn");

        Assert.Equal(new LinePosition(line, character), map.GetPosition(offset));
    }

    [Theory]
    // Columns count UTF-16 code units, as Roslyn does: an emoji (a surrogate pair) is two.
    [InlineData("😀x", 2, 0, 2)]
    [InlineData("😀😀x", 4, 0, 4)]
    [InlineData("a\n😀x", 4, 1, 2)]
    [InlineData("é😀\r\n😀😀x", 9, 1, 4)]
    // An offset between the halves of a pair is kept as it is, not rounded.
    [InlineData("😀x", 1, 0, 1)]
    public void GetPosition_CountsUtf16CodeUnits_WhenLineHasSurrogatePairs(string text, int offset, int line, int character)
    {
        Assert.Equal(new LinePosition(line, character), LineMap.Create(text).GetPosition(offset));
    }

    [Theory]
    [InlineData(-5, 0, 0)]
    [InlineData(100, 1, 2)]
    public void GetPosition_ClampsToTheText_WhenOffsetIsOutside(int offset, int line, int character)
    {
        Assert.Equal(new LinePosition(line, character), LineMap.Create("ab\ncd").GetPosition(offset));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 3)]
    [InlineData(2, 7)]
    [InlineData(3, 9)]   // after CR
    [InlineData(4, 12)]  // after NEL
    [InlineData(-1, 0)]  // clamped
    [InlineData(99, 12)] // clamped to the last line
    public void GetLineStart_ReturnsOffsetAfterTheBreak_WhenLineExists(int line, int expected)
    {
        Assert.Equal(expected, LineMap.Create("ab\ncd\r\ne\rfg\u0085hi").GetLineStart(line));
    }

    [Fact]
    public void GetSpan_GivesBothEndsTheirPositions_WhenSpanCrossesLines()
    {
        var span = LineMap.Create("ab\r\ncd\nef").GetSpan(1, 8);

        Assert.Equal(1, span.Start);
        Assert.Equal(8, span.End);
        Assert.Equal(7, span.Length);
        Assert.Equal(new LinePosition(0, 1), span.StartPosition);
        Assert.Equal(new LinePosition(2, 1), span.EndPosition);
    }

    [Theory]
    // Start before the text, end after it, and an end before the start.
    [InlineData(-3, 2, 0, 2)]
    [InlineData(1, 50, 1, 5)]
    [InlineData(4, 2, 4, 4)]
    public void GetSpan_ClampsAndOrdersTheEnds_WhenOffsetsAreOutOfRange(int start, int end, int expectedStart, int expectedEnd)
    {
        var span = LineMap.Create("ab\ncd").GetSpan(start, end);

        Assert.Equal(expectedStart, span.Start);
        Assert.Equal(expectedEnd, span.End);
        Assert.True(span.Length >= 0);
    }

    [Fact]
    public void LinePosition_PrintsOneBasedLineAndColumn_WhenFormatted()
    {
        Assert.Equal("3,5", new LinePosition(2, 4).ToString());
    }

    [Theory]
    // The engine's diagnostics use the same map: the line of 'Bad Name' is 1 with every break kind.
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\u0085")]
    [InlineData("\u2028")]
    [InlineData("\u2029")]
    public void Analyze_ReportsOnTheRightLine_WhenFileUsesAnyBreakKind(string nl)
    {
        var text = "oml_version: \"0.1.0\"" + nl + "name: Bad Name" + nl + "steps: []" + nl;

        var diagnostics = OmlMarkup.Analyze(text).Diagnostics;

        var naming = Assert.Single(diagnostics, d => d.Id == "OSI0106");
        Assert.Equal(new LinePosition(1, 6), naming.Span.StartPosition);
        Assert.Equal(new LinePosition(1, 14), naming.Span.EndPosition);
        Assert.Equal("Bad Name", text.Substring(naming.Span.Start, naming.Span.Length));
        var empty = Assert.Single(diagnostics, d => d.Id == "OSI0107");
        Assert.Equal(new LinePosition(2, 7), empty.Span.StartPosition);
    }

    [Fact]
    public void Analyze_CountsSurrogatePairsAsTwoColumns_WhenKeyFollowsAnEmojiOnTheSameLine()
    {
        // "x-m: {" is 6 units, "\"😀😀\"" 6 more, ": 1, " 5, "a: 2, " 6: the repeated 'a' starts at unit 23.
        var diagnostics = OmlMarkup.Verify("""
            oml_version: "0.1.0"
            name: emoji
            x-m: {"😀😀": 1, a: 2, {|OSI0004:a|}: 3}
            steps:
              - id: t
                component: duckdb.processor
                mode: transform
                config: {query: q}
            """);

        Assert.Equal(new LinePosition(2, 23), Assert.Single(diagnostics).Span.StartPosition);
    }
}
