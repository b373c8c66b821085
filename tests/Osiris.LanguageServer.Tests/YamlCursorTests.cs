using Osiris.Cli.LanguageServer;

namespace Osiris.LanguageServer.Tests;

/// <summary>The completion context read from half-typed text: the key path above the cursor, key or value, the word's range.</summary>
public sealed class YamlCursorTests
{
    private static YamlCursor At(string markup)
    {
        var offset = markup.IndexOf('|', StringComparison.Ordinal);
        var text = markup.Remove(offset, 1);
        var lines = new LineIndex(text);
        return YamlCursor.At(lines, lines.PositionOf(offset));
    }

    [Theory]
    [InlineData("oml_version: \"0.2.0\"\n|", "", null)]
    [InlineData("schedule:\n  expression: \"0 2 * * *\"\n  |", "schedule", null)]
    [InlineData("schedule:\n  expression: \"0 2 * * *\"\n  time|", "schedule", null)]
    [InlineData("schedule:\n  timezone: \"Eur|", "schedule", "timezone")]
    [InlineData("schedule:\n  retry:\n    attempts: 3\n    |", "schedule/retry", null)]
    [InlineData("schedule:\n  retry: {attempts: 3, back|", "schedule/retry", null)]
    [InlineData("schedule:\n  retry: {attempts: 3, backoff: \"ex|", "schedule/retry", "backoff")]
    [InlineData("steps:\n  - id: \"a\"\n    |", "steps/[]", null)]
    [InlineData("steps:\n  - |", "steps/[]", null)]
    [InlineData("steps:\n  - id: \"a\"\n    component: \"mysql.extractor\"\n    config:\n      |", "steps/[]/config", null)]
    [InlineData("steps:\n  - id: \"a\"\n    component: \"mysql.extractor\"\n    config:\n      connection: \"@x\"\n      |", "steps/[]/config", null)]
    [InlineData("steps:\n  - id: \"a\"\n  - id: \"b\"\n    needs: [\"|", "steps/[]", "needs")]
    [InlineData("steps:\n  - id: \"a\"\n  - id: \"b\"\n    needs:\n      - |", "steps/[]", "needs")]
    [InlineData("steps:\n  - id: \"a\"\n    mode: \"r|", "steps/[]", "mode")]
    [InlineData("metadata:\n  tests:\n    - type: \"row_count\"\n      |", "metadata/tests/[]", null)]
    [InlineData("metadata:\n  notifications:\n    on_failure:\n      - |", "metadata/notifications/on_failure/[]", null)]
    [InlineData("metadata:\n  lineage:\n    upstream:\n      - \"pip|", "metadata/lineage", "upstream")]
    [InlineData("metadata:\n  # a comment\n\n  |", "metadata", null)]
    public void ThePathAndTheKey(string markup, string path, string? key)
    {
        var cursor = At(markup);

        Assert.Equal(path, string.Join("/", cursor.Path));
        Assert.Equal(key, cursor.Key);
    }

    [Fact]
    public void TheNearestItem_GivesTheStepsComponent_EvenBelowTheCursor()
    {
        var above = At("steps:\n  - id: \"a\"\n    component: \"mysql.extractor\"\n    config:\n      |\n  - id: \"b\"\n    component: \"duckdb.processor\"\n");
        Assert.Equal("mysql.extractor", above.ItemValue("component"));

        var below = At("steps:\n  - id: \"a\"\n    config:\n      |\n    component: 'mysql.writer' # the writer\n  - id: \"b\"\n    component: \"duckdb.processor\"\n");
        Assert.Equal("mysql.writer", below.ItemValue("component"));
    }

    [Fact]
    public void TheWord_IsTheValueBeingTyped_InsideItsQuotes()
    {
        const string markup = "schedule:\n  timezone: \"Europe/Pr|ag\"\n";
        var cursor = At(markup);
        var text = markup.Replace("|", string.Empty, StringComparison.Ordinal);

        Assert.Equal("Europe/Prag", text[cursor.WordStart..cursor.WordEnd]);
        Assert.Equal('"', cursor.Quote);
    }
}
