using System.Text.Json.Nodes;
using Osiris.Cli.LanguageServer;
using Osiris.Oml;

namespace Osiris.LanguageServer.Tests;

/// <summary>
/// LSP positions: zero-based lines split at LF, CRLF and CR only, characters in UTF-16 code units; and
/// incremental edits applied at those positions.
/// </summary>
public sealed class PositionTests
{
    [Theory]
    [InlineData("a\nbc\nd", 4, 1, 2)]
    [InlineData("a\r\nbc\r\nd", 5, 1, 2)]
    [InlineData("a\rbc\rd", 4, 1, 2)]
    [InlineData("a\r\n\r\nb", 5, 2, 0)]
    [InlineData("x: \U0001F600y", 5, 0, 5)]
    [InlineData("x\u0085y\u2028z", 4, 0, 4)]
    public void OffsetsAndPositions_RoundTrip(string text, int offset, int line, int character)
    {
        var lines = new LineIndex(text);

        Assert.Equal(new Position(line, character), lines.PositionOf(offset));
        Assert.Equal(offset, lines.OffsetOf(new Position(line, character)));
    }

    [Fact]
    public void ACharacterPastTheEndOfItsLine_IsTheEndOfTheLine_BeforeTheBreak()
    {
        var lines = new LineIndex("ab\r\ncd");

        Assert.Equal(2, lines.OffsetOf(new Position(0, 99)));
        Assert.Equal(6, lines.OffsetOf(new Position(7, 0)));
        Assert.Equal(2, lines.LineLength(0));
    }

    [Fact]
    public void AnEngineSpan_AfterANonBmpCharacter_AndACrlf_MapsToTheUtf16Range()
    {
        // The emoji is two UTF-16 code units; the build's 1-based column of the zone is 18 (Roslyn counts code units too).
        var text = "oml_version: \"0.2.0\"\r\nname: \"a\"\r\nschedule:\r\n  x-note: \"\U0001F600\"\r\n  expression: \"0 6 * * *\"\r\n  timezone: {x-\U0001F600: 1, a: \"Europe/Prauge\"}\r\nsteps: []\r\n";
        var analysis = OmlEngine.AnalyzeFile("a.oml", text, null, TestContext.Current.CancellationToken);
        var wrongType = Assert.Single(analysis.Diagnostics, d => d.Id == "OSI0104" && d.Path == "schedule.timezone");
        var lines = new LineIndex(text);

        var start = lines.PositionOf(wrongType.Span.Start);
        Assert.Equal(5, start.Line);
        Assert.Equal("  timezone: ".Length, start.Character);
        Assert.Equal(wrongType.Span.StartPosition.Character, start.Character);
        var end = lines.PositionOf(wrongType.Span.End);
        Assert.Equal(text.Split("\r\n")[5].Length, end.Character);
    }

    [Fact]
    public void ANextLineCharacter_IsNoLineBreakForLsp_ThoughTheEngineCountsOne()
    {
        // Roslyn (and so the build) breaks lines at NEL; LSP clients do not. Ranges come from offsets.
        var text = "# note\u0085more\nname: 1\n";
        var lines = new LineIndex(text);
        var offset = text.IndexOf("name", StringComparison.Ordinal);
        var engine = Osiris.Oml.Text.LineMap.Create(text).GetPosition(offset);

        Assert.Equal(2, engine.Line);
        Assert.Equal(new Position(1, 0), lines.PositionOf(offset));
    }

    [Fact]
    public void IncrementalChanges_ApplyInOrder_AtPositionsOfTheTextBeforeEach()
    {
        var text = "ab\r\ncd\nef";
        text = TextDocuments.Apply(text, Change(1, 1, 1, 2, "XY"));
        Assert.Equal("ab\r\ncXY\nef", text);
        text = TextDocuments.Apply(text, Change(0, 2, 1, 0, string.Empty));
        Assert.Equal("abcXY\nef", text);
        text = TextDocuments.Apply(text, Change(1, 2, 1, 2, "\n\U0001F600"));
        Assert.Equal("abcXY\nef\n\U0001F600", text);
        text = TextDocuments.Apply(text, Change(2, 2, 2, 2, "!"));
        Assert.Equal("abcXY\nef\n\U0001F600!", text);
        text = TextDocuments.Apply(text, new JsonObject { ["text"] = "whole" });
        Assert.Equal("whole", text);
    }

    [Fact]
    public void AnOpenDocument_TakesEveryChangeOfOneNotification()
    {
        var documents = new TextDocuments();
        documents.Open("file:///a.oml", "/a.oml", 1, "one\ntwo\n");

        var changed = documents.Change("/a.oml", 2, new JsonArray(Change(0, 0, 0, 3, "1"), Change(1, 0, 1, 3, "2")))!;

        Assert.Equal("1\n2\n", changed.Text);
        Assert.Equal(2, changed.Version);
        Assert.Equal(new Position(1, 1), changed.Lines.PositionOf(3));
        Assert.Null(documents.Change("/other.oml", 2, new JsonArray()));
    }

    private static JsonObject Change(int startLine, int startCharacter, int endLine, int endCharacter, string text) => new()
    {
        ["range"] = new JsonObject
        {
            ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
            ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
        },
        ["text"] = text,
    };
}
