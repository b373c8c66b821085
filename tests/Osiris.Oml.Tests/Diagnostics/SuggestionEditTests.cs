using Osiris.Oml.Catalog;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Diagnostics;

/// <summary>
/// Every "did you mean" finding carries its suggestion as an edit (<see cref="OmlDiagnostic.Suggestion"/>):
/// applying the edit to the text makes that finding go away, and the message is the one it always was.
/// </summary>
public sealed class SuggestionEditTests
{
    private const string Valid = """
        oml_version: "0.2.0"
        name: "orders-sync"
        schedule:
          expression: "0 6 * * *"
          timezone: "Europe/Prague"
          retry: {attempts: 2, delay: 60, backoff: "fixed"}
        metadata:
          owner: "data-team@company.com"
          tests:
            - type: "row_count"
              min: 1
          notifications:
            on_failure:
              - email: "oncall@company.com"
        params:
          region: {default: "eu"}
        steps:
          - id: "extract"
            component: "mysql.extractor"
            mode: "read"
            config:
              connection: "@mysql.primary"
              query: "SELECT * FROM orders WHERE region = '${params.region}'"
          - id: "write"
            component: "filesystem.csv_writer"
            mode: "write"
            needs: ["extract"]
            config:
              path: "out/orders.csv"
              newline: "lf"
        """;

    public static TheoryData<string, string, string, string, string> Mistakes => new()
    {
        // id, what to change, into what, the expected replacement, the text the edit replaces
        { "OSI0203", "\"Europe/Prague\"", "\"Europe/Prauge\"", "Europe/Prague", "Europe/Prauge" },
        { "OSI0203", "\"Europe/Prague\"", "Europe/Prauge", "Europe/Prague", "Europe/Prauge" },
        { "OSI0203", "\"Europe/Prague\"", "'europe/prague'", "Europe/Prague", "europe/prague" },
        { "OSI0110", "component: \"mysql.extractor\"", "component: \"mysql.extractr\"", "mysql.extractor", "mysql.extractr" },
        { "OSI0113", "needs: [\"extract\"]", "needs: [\"extrct\"]", "extract", "extrct" },
        { "OSI0103", "params:", "parms:", "params", "parms" },
        { "OSI0121", "    needs:", "    neds:", "needs", "neds" },
        { "OSI0116", "      newline: \"lf\"", "      newlin: \"lf\"", "newline", "newlin" },
        { "OSI0120", "newline: \"lf\"", "newline: \"lff\"", "lf", "lff" },
        { "OSI0210", "${params.region}", "${params.regoin}", "${params.region}", "${params.regoin}" },
        { "OSI0204", "backoff: \"fixed\"", "backoff: \"fxed\"", "fixed", "fxed" },
        { "OSI0205", "retry: {attempts", "retry: {atempts", "attempts", "atempts" },
        { "OSI0205", "expression: \"0 6 * * *\"", "cron: \"0 6 * * *\"", "expression", "cron" },
        { "OSI0312", "on_failure:", "on_failur:", "on_failure", "on_failur" },
        { "OSI0311", "- email:", "- emial:", "email", "emial" },
        { "OSI0307", "type: \"row_count\"", "type: \"row_cont\"", "row_count", "row_cont" },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void TheEdit_FixesTheFinding(string id, string find, string replace, string replacement, string replaced)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        var text = Valid.Replace(find, replace, StringComparison.Ordinal);
        var finding = Assert.Single(OmlMarkup.Analyze(text).Diagnostics, d => d.Id == id);

        var suggestion = Assert.IsType<OmlSuggestion>(finding.Suggestion);
        Assert.Equal(replacement, suggestion.Replacement);
        Assert.Equal(replaced, text[suggestion.Span.Start..suggestion.Span.End]);
        Assert.Contains($"did you mean '{suggestion.Value}'", finding.GetMessage(), StringComparison.Ordinal);

        var fixedText = text[..suggestion.Span.Start] + suggestion.Replacement + text[suggestion.Span.End..];
        Assert.DoesNotContain(OmlMarkup.Analyze(fixedText).Diagnostics, d => d.Id == id);
    }

    [Fact]
    public void TheValidDocument_IsQuiet() => OmlMarkup.Quiet(Valid);

    [Fact]
    public void ANameWithoutACloseCandidate_HasNoEdit()
    {
        var text = Valid.Replace("\"Europe/Prague\"", "\"Nowhere/Atlantis\"", StringComparison.Ordinal);
        var finding = Assert.Single(OmlMarkup.Analyze(text).Diagnostics, d => d.Id == "OSI0203");

        Assert.Null(finding.Suggestion);
        Assert.DoesNotContain("did you mean", finding.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void APositionOnTheLine_CountsUtf16CodeUnits()
    {
        // A non-BMP character (two UTF-16 code units) before the misspelled event on the same line.
        var text = Valid.Replace(
            "notifications:\n    on_failure:\n      - email: \"oncall@company.com\"",
            "notifications: {x-\U0001F600: [], on_failur: [{email: \"oncall@company.com\"}]}",
            StringComparison.Ordinal);
        var finding = Assert.Single(OmlMarkup.Analyze(text).Diagnostics, d => d.Id == "OSI0312");
        var edit = finding.Suggestion!;

        Assert.Equal("on_failur", text[edit.Span.Start..edit.Span.End]);
        var lineStart = text.LastIndexOf('\n', edit.Span.Start) + 1;
        Assert.Equal(edit.Span.Start - lineStart, edit.Span.StartPosition.Character);
        Assert.Equal(edit.Span.End - lineStart, edit.Span.EndPosition.Character);
    }

    [Theory]
    [InlineData("\"pipeline: orders-synk\"", "orders-synk")]
    [InlineData("pipeline: orders-synk", "orders-synk")]
    [InlineData("'pipeline: orders-synk'", "orders-synk")]
    public void AMisspelledLineagePipeline_GetsTheNameAsAnEdit(string entry, string replaced)
    {
        var upstream = OmlMarkup.Analyze(Valid);
        var downstreamText = Valid.Replace("name: \"orders-sync\"", "name: \"orders-report\"", StringComparison.Ordinal)
            .Replace("  owner: \"data-team@company.com\"", "  owner: \"data-team@company.com\"\n  lineage:\n    upstream:\n      - " + entry, StringComparison.Ordinal);
        var downstream = OmlEngine.AnalyzeFile("pipelines/report.oml", downstreamText, null, TestContext.Current.CancellationToken);

        var finding = Assert.Single(OmlCatalog.Analyze(new[] { upstream.Catalog!, downstream.Catalog! }, null, TestContext.Current.CancellationToken), d => d.Id == "OSI0406");
        var edit = Assert.IsType<OmlSuggestion>(finding.Suggestion);
        Assert.Equal("orders-sync", edit.Replacement);
        Assert.Equal(replaced, downstreamText[edit.Span.Start..edit.Span.End]);
        Assert.Equal(edit.Span.StartPosition.Line, edit.Span.EndPosition.Line);
    }

    [Fact]
    public void AnEscapedLineageEntry_HasNoEdit_RatherThanAWrongOne()
    {
        var upstream = OmlMarkup.Analyze(Valid);
        var downstreamText = Valid.Replace("name: \"orders-sync\"", "name: \"orders-report\"", StringComparison.Ordinal)
            .Replace("  owner: \"data-team@company.com\"", "  owner: \"data-team@company.com\"\n  lineage:\n    upstream:\n      - \"pipeline: \\x6Frders-synk\"", StringComparison.Ordinal);
        var downstream = OmlEngine.AnalyzeFile("pipelines/report.oml", downstreamText, null, TestContext.Current.CancellationToken);

        var finding = Assert.Single(OmlCatalog.Analyze(new[] { upstream.Catalog!, downstream.Catalog! }, null, TestContext.Current.CancellationToken), d => d.Id == "OSI0406");
        Assert.Contains("did you mean 'orders-sync'", finding.GetMessage(), StringComparison.Ordinal);
        Assert.Null(finding.Suggestion);
    }
}
