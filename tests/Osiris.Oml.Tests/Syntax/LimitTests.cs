using System.Text;
using Osiris.Oml.Syntax;
using Osiris.Oml.Tests.Support;
using Osiris.Oml.Text;

namespace Osiris.Oml.Tests.Syntax;

/// <summary>
/// OSI0005: hostile or absurd files (huge, deeply nested, alias bombs) are cut short with a
/// diagnostic instead of stalling the build or overflowing the stack.
/// </summary>
public sealed class LimitTests
{
    [Fact]
    public void Default_HasTheDocumentedBounds()
    {
        Assert.Equal(new SyntaxLimits(2 * 1024 * 1024, 64, 100_000, 100_000), SyntaxLimits.Default);
        Assert.Equal(4 * 1024 * 1024, SyntaxLimits.Default.MaxExpandedLength);
        Assert.Equal(100, SyntaxLimits.Default.MaxDiagnosticsPerId);
        Assert.Equal(1000, SyntaxLimits.Default.MaxDiagnostics);
        Assert.Same(SyntaxLimits.Default, OmlAnalysisOptions.Default.Limits);
    }

    [Fact]
    public void Analyze_ReportsOSI0005AtTheAliasThatGoesPastTheLimit_WhenAliasesRepeatALongValue()
    {
        // 1 MiB written once and repeated by aliases: the third use passes 4 Mi characters.
        var value = new string('v', 1024 * 1024);
        var text = "oml_version: \"0.1.0\"\nx-a: &a \"" + value + "\"\nx-b: [*a, *a, *a, *a]\n";

        var d = Assert.Single(OmlMarkup.Analyze(text).Diagnostics);

        Assert.Equal("OSI0005", d.Id);
        Assert.Equal(
            "The file exceeds a safety limit: YAML aliases repeat long values until the document holds more than 4194304 characters; write the value once, or shorten it",
            d.GetMessage());
        var thirdUse = text.IndexOf("*a", text.IndexOf("*a", text.IndexOf("*a", StringComparison.Ordinal) + 1, StringComparison.Ordinal) + 1, StringComparison.Ordinal);
        Assert.Equal(thirdUse, d.Span.Start);
    }

    [Fact]
    public void Analyze_IsQuietAboutLimits_WhenAliasesRepeatALongValueWithinTheLimit()
    {
        var value = new string('v', 1024 * 1024);
        var text = "oml_version: \"0.1.0\"\nx-a: &a \"" + value + "\"\nx-b: [*a, *a]\n";

        Assert.DoesNotContain(OmlMarkup.Analyze(text).Diagnostics, d => d.Id == "OSI0005");
    }

    [Fact]
    public void Analyze_ReportsOSI0005AtTheStart_WhenTextIsTenMegabytes()
    {
        var text = "oml_version: \"0.1.0\"\nx-pad: \"" + new string('a', 10 * 1024 * 1024) + "\"\n";

        var d = Assert.Single(OmlMarkup.Analyze(text).Diagnostics);

        Assert.Equal("OSI0005", d.Id);
        Assert.Equal(0, d.Span.Start);
        Assert.Equal(0, d.Span.Length);
        Assert.Equal(
            $"The file exceeds a safety limit: the file has {text.Length} characters, more than the 2097152 an OML file may have",
            d.GetMessage());
    }

    [Fact]
    public void Analyze_ReportsOSI0005NotOSI0003_WhenTenMegabytesAreAlsoMalformed()
    {
        var text = new string('[', 10 * 1024 * 1024);

        var d = Assert.Single(OmlMarkup.Analyze(text).Diagnostics);

        Assert.Equal("OSI0005", d.Id);
    }

    [Fact]
    public void Analyze_ReportsOSI0005AtTheFirstTooDeepBracket_WhenAMillionBracketsAreOpen()
    {
        var text = new string('[', 1_000_000);

        var d = Assert.Single(OmlMarkup.Analyze(text).Diagnostics);

        Assert.Equal("OSI0005", d.Id);
        Assert.Equal("The file exceeds a safety limit: the nesting is deeper than 64 levels here", d.GetMessage());
        Assert.Equal(64, d.Span.Start);
        Assert.Equal(new LinePosition(0, 64), d.Span.StartPosition);
    }

    [Fact]
    public void Analyze_ReportsOSI0005_WhenAMillionFlowMappingsAreOpen()
    {
        var d = Assert.Single(OmlMarkup.Analyze(new string('{', 1_000_000)).Diagnostics);

        Assert.Equal("OSI0005", d.Id);
        Assert.Equal(64, d.Span.Start);
    }

    [Fact]
    public void Analyze_ReportsOSI0005_WhenAMillionBlockSequencesAreNestedOnOneLine()
    {
        var text = new StringBuilder().Insert(0, "- ", 1_000_000).ToString();

        var d = Assert.Single(OmlMarkup.Analyze(text).Diagnostics);

        Assert.Equal("OSI0005", d.Id);
        Assert.Contains("nesting is deeper than 64 levels", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ReportsOSI0005AtTheKeyThatOpensLevel65_WhenBlockMappingsNestTooDeep()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 100; i++)
        {
            sb.Append(' ', 2 * i).Append("k:\n");
        }

        sb.Append(' ', 200).Append("v\n");

        var d = Assert.Single(OmlMarkup.Analyze(sb.ToString()).Diagnostics);

        Assert.Equal("OSI0005", d.Id);
        Assert.Equal(new LinePosition(64, 128), d.Span.StartPosition);
    }

    [Theory]
    // 64 levels are allowed (the root counts as one), the 65th is not.
    [InlineData(64, "OSI0006")]
    [InlineData(65, "OSI0005")]
    public void Analyze_AllowsExactly64Levels_WhenNestingIsAtTheLimit(int depth, string expected)
    {
        var text = new string('[', depth) + new string(']', depth);

        Assert.Equal(expected, Assert.Single(OmlMarkup.Analyze(text).Diagnostics).Id);
    }

    [Fact]
    public void Analyze_ReportsOSI0005OnAnAlias_WhenAliasesExpandExponentially()
    {
        // The "billion laughs": nine levels of ten aliases each would expand to 10^9 nodes.
        var sb = new StringBuilder("oml_version: \"0.1.0\"\nname: lol\nx-0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var i = 1; i <= 9; i++)
        {
            var alias = "*l" + (i - 1);
            sb.Append("x-").Append(i).Append(": &l").Append(i).Append(" [")
                .Append(string.Join(", ", Enumerable.Repeat(alias, 10))).Append("]\n");
        }

        sb.Append("steps: []\n");
        var text = sb.ToString();

        var d = Assert.Single(OmlMarkup.Analyze(text).Diagnostics);

        Assert.Equal("OSI0005", d.Id);
        Assert.Equal(
            "The file exceeds a safety limit: YAML aliases expand the document to more than 100000 nodes (an alias bomb?); write the values out instead of repeating aliases",
            d.GetMessage());
        Assert.StartsWith("*l", text.Substring(d.Span.Start, d.Span.Length), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_IsQuiet_WhenAFewAliasesRepeatASmallNode()
    {
        OmlMarkup.Quiet("""
            oml_version: "0.1.0"
            name: aliases
            x-query: &q "select 1"
            steps:
              - id: a
                component: duckdb.processor
                mode: transform
                config: {query: *q}
              - id: b
                component: duckdb.processor
                mode: transform
                config: {query: *q}
            """);
    }

    [Fact]
    public void Analyze_ReportsOSI0005OnTheFirstNodeOverTheLimit_WhenFileHasTooManyNodes()
    {
        var options = OmlAnalysisOptions.Default with { Limits = new SyntaxLimits(1000, 64, 3, 1_000_000) };

        var d = Assert.Single(OmlMarkup.Verify("a: [1, 2, {|OSI0005:3|}]\n", options));

        Assert.Equal("The file exceeds a safety limit: the file has more than 3 YAML nodes", d.GetMessage());
    }

    [Fact]
    public void Analyze_ReportsOSI0005AtTheOpeningBrace_WhenCustomDepthIsExceeded()
    {
        var options = OmlAnalysisOptions.Default with { Limits = new SyntaxLimits(1000, 2, 1000, 1000) };

        var d = Assert.Single(OmlMarkup.Verify("a: {b: {|OSI0005:|}{c: 1}}\n", options));

        Assert.Equal("The file exceeds a safety limit: the nesting is deeper than 2 levels here", d.GetMessage());
    }

    [Theory]
    [InlineData(10, null)]
    [InlineData(9, "OSI0005")]
    public void Analyze_AppliesTheLengthLimitToCharacters_WhenCustomLimitIsSet(int maxLength, string? expected)
    {
        var options = OmlAnalysisOptions.Default with { Limits = new SyntaxLimits(maxLength, 64, 1000, 1000) };

        // Ten characters, one of them an emoji of two UTF-16 units: "k: 😀😀😀\n" is 3 + 6 + 1.
        var diagnostics = OmlMarkup.Analyze("k: 😀😀😀\n", options).Diagnostics;

        Assert.Equal(expected, diagnostics.Select(d => d.Id).FirstOrDefault(id => id != "OSI0101" && id != "OSI0103"));
    }

    [Fact]
    public void Analyze_DoesNotReportAliasExpansion_WhenFileHasNoAliases()
    {
        var text = "oml_version: \"0.1.0\"\nname: nested\nx-data: "
            + new string('[', 50) + string.Join(",", Enumerable.Repeat("1", 2100)) + new string(']', 50)
            + "\nsteps: {|OSI0107:[]|}\n";

        OmlMarkup.Verify(text);
    }

    [Fact]
    public void Analyze_DoesNotBlameAliases_WhenFileHasNoAliases()
    {
        var text = "oml_version: \"0.1.0\"\nname: flat\nx-data: [" + string.Join(",", Enumerable.Repeat("1", 60_000)) + "]\nsteps: []\n";

        var diagnostics = OmlMarkup.Analyze(text).Diagnostics;

        Assert.DoesNotContain(diagnostics, d => d.GetMessage().Contains("alias", StringComparison.Ordinal));
        Assert.Equal("OSI0107", Assert.Single(diagnostics).Id);
    }
}
