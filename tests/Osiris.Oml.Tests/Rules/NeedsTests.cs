using System.Text;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Tests.Support;
using Osiris.Oml.Text;

namespace Osiris.Oml.Tests.Rules;

/// <summary>
/// A step's <c>needs</c>: types (OSI0104), unknown ids (OSI0113), repeats (OSI0122) and cycles
/// (OSI0114), which Osiris only finds when the pipeline runs.
/// </summary>
public sealed class NeedsTests
{
    /// <summary>A duckdb step with the given id and needs (written as YAML after "needs: ").</summary>
    private static string Step(string id, string? needs)
        => $"  - id: {id}\n    component: duckdb.processor\n    mode: transform\n    config: {{query: q}}\n"
           + (needs is null ? string.Empty : $"    needs: {needs}\n");

    private static string Pipeline(params string[] steps) => OmlSamples.Header + "steps:\n" + string.Concat(steps);

    [Theory]
    [InlineData("[extract]")]
    [InlineData("[ extract ]")]
    [InlineData("\n      - extract")]
    [InlineData("[]")]
    [InlineData("~")]
    [InlineData("")]
    public void Analyze_IsQuiet_WhenNeedsNamesExistingStepsOrNothing(string needs)
    {
        OmlMarkup.Quiet(Pipeline(Step("extract", null), Step("load", needs)));
    }

    [Fact]
    public void Analyze_IsQuiet_WhenNeedsRefersForwardToALaterStep()
    {
        OmlMarkup.Quiet(Pipeline(Step("load", "[extract]"), Step("extract", null)));
    }

    [Fact]
    public void Analyze_IsQuiet_WhenStepsFormADiamond()
    {
        OmlMarkup.Quiet(Pipeline(
            Step("a", null),
            Step("b", "[a]"),
            Step("c", "[a]"),
            Step("d", "[b, c]")));
    }

    // ---- OSI0104 -------------------------------------------------------------------------------

    [Theory]
    [InlineData("{|OSI0104:extract|}", "a string")]
    [InlineData("{|OSI0104:{extract: true}|}", "a mapping")]
    [InlineData("{|OSI0104:1|}", "an integer")]
    public void Analyze_ReportsOSI0104OnTheValue_WhenNeedsIsNotAList(string needs, string type)
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline(Step("extract", null), Step("load", needs))));

        Assert.Equal($"'steps[1].needs' must be a list of step ids such as [extract_customers], not {type}", d.GetMessage());
        Assert.Equal("steps[1].needs", d.Path);
    }

    [Theory]
    [InlineData("[{|OSI0104:1|}]", "an integer")]
    [InlineData("[{|OSI0104:true|}]", "a boolean")]
    [InlineData("[{|OSI0104:~|}]", "null")]
    [InlineData("[{|OSI0104:[extract]|}]", "a list")]
    [InlineData("[{|OSI0104:{id: extract}|}]", "a mapping")]
    [InlineData("[extract, {|OSI0104:2|}]", "an integer")]
    public void Analyze_ReportsOSI0104OnTheItem_WhenNeedsItemIsNotAString(string needs, string type)
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline(Step("extract", null), Step("load", needs))));

        Assert.Matches($@"^'steps\[1\]\.needs\[\d\]' must be a step id \(a string\), not {System.Text.RegularExpressions.Regex.Escape(type)}$", d.GetMessage());
        Assert.Equal("steps[1].needs", d.Path);
    }

    // ---- OSI0113 -------------------------------------------------------------------------------

    [Theory]
    [InlineData("extrct", " (did you mean 'extract'?)")]
    [InlineData("Extract", " (did you mean 'extract'?)")]
    [InlineData("transform_orders", "")]
    public void Analyze_ReportsOSI0113OnTheItem_WhenNeedsNamesNoStep(string missing, string suggestion)
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline(Step("extract", null), Step("load", $"[extract, {{|OSI0113:{missing}|}}]"))));

        Assert.Equal($"Step 'load' needs '{missing}', which is not a step id of this pipeline{suggestion}", d.GetMessage());
        Assert.Equal("steps[1].needs", d.Path);
        Assert.Equal(OmlSeverity.Error, d.Severity);
    }

    [Fact]
    public void Analyze_DoesNotSuggestTheStepItself_WhenUnknownNeedIsCloseToItsOwnId()
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline(Step("load", "[{|OSI0113:laod|}]"))));

        Assert.Equal("Step 'load' needs 'laod', which is not a step id of this pipeline", d.GetMessage());
    }

    [Fact]
    public void Analyze_ReportsOSI0113ForEachUnknownItem_WhenSeveralAreMissing()
    {
        var diagnostics = OmlMarkup.Verify(Pipeline(Step("load", "[{|OSI0113:a|}, {|OSI0113:b|}]")));

        Assert.Equal(new[] { "a", "b" }, diagnostics.Select(d => d.Arguments[1]));
    }

    [Fact]
    public void Analyze_DoesNotCountStepsWithoutAStringId_WhenResolvingNeeds()
    {
        // The second step's id is a number, so no step is called "42".
        OmlMarkup.Verify(Pipeline(Step("load", "[{|OSI0113:\"42\"|}]"), Step("{|OSI0104:42|}", null)));
    }

    // ---- OSI0122 -------------------------------------------------------------------------------

    [Fact]
    public void Analyze_ReportsOSI0122OnTheRepeat_WhenNeedsListsAStepTwice()
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline(Step("extract", null), Step("load", "[extract, {|OSI0122:extract|}]"))));

        Assert.Equal("Step 'load' lists 'extract' more than once in needs; remove the repeated entry", d.GetMessage());
        Assert.Equal("steps[1].needs", d.Path);
        Assert.Equal(OmlSeverity.Warning, d.Severity);
    }

    [Fact]
    public void Analyze_ReportsOSI0122OnEveryRepeat_WhenNeedsListsAStepThreeTimes()
    {
        OmlMarkup.Verify(Pipeline(Step("extract", null), Step("load", "[extract, {|OSI0122:extract|}, {|OSI0122:extract|}]")));
    }

    [Fact]
    public void Analyze_ReportsTheUnknownStepOnce_WhenItIsRepeated()
    {
        OmlMarkup.Verify(Pipeline(Step("load", "[{|OSI0113:ghost|}, {|OSI0122:ghost|}]")));
    }

    // ---- OSI0114 -------------------------------------------------------------------------------

    [Fact]
    public void Analyze_ReportsOSI0114OnTheItem_WhenStepNeedsItself()
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline(Step("a", "[{|OSI0114:a|}]"))));

        Assert.Equal(
            "The steps depend on each other in a cycle (a → a); remove one of these needs so the pipeline has an order to run in",
            d.GetMessage());
        Assert.Equal("steps[0].needs", d.Path);
        Assert.Empty(d.AdditionalLocations);
        Assert.Equal(OmlSeverity.Error, d.Severity);
    }

    [Fact]
    public void Analyze_ReportsOSI0114OnceWithTheOtherEdgesAsAdditionalLocations_WhenThreeStepsFormACycle()
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline(
            Step("a", "[{|OSI0114:b|}]"),
            Step("b", "[c]"),
            Step("c", "[a]"))));

        Assert.Equal(
            "The steps depend on each other in a cycle (a → b → c → a); remove one of these needs so the pipeline has an order to run in",
            d.GetMessage());
        Assert.Equal("steps[0].needs", d.Path);
        Assert.Equal(new LinePosition(7, 12), d.Span.StartPosition);
        Assert.Collection(
            d.AdditionalLocations,
            l =>
            {
                Assert.Equal(OmlMarkup.DefaultPath, l.FilePath);
                Assert.Equal(new LinePosition(12, 12), l.Span.StartPosition);
                Assert.Equal(1, l.Span.Length);
            },
            l =>
            {
                Assert.Equal(OmlMarkup.DefaultPath, l.FilePath);
                Assert.Equal(new LinePosition(17, 12), l.Span.StartPosition);
                Assert.Equal(1, l.Span.Length);
            });
    }

    [Fact]
    public void Analyze_StartsTheCycleAtTheFirstStep_WhenCycleIsWrittenInAnotherOrder()
    {
        // c is written first, but the cycle is named from the first step of the file that is in it.
        var d = Assert.Single(OmlMarkup.Verify(Pipeline(
            Step("x", null),
            Step("c", "[{|OSI0114:a|}]"),
            Step("b", "[c]"),
            Step("a", "[b, x]"))));

        Assert.Contains("(c → a → b → c)", d.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("steps[1].needs", d.Path);
        Assert.Equal(2, d.AdditionalLocations.Length);
    }

    [Fact]
    public void Analyze_ReportsOneOSI0114PerCycle_WhenPipelineHasTwoSeparateCycles()
    {
        var diagnostics = OmlMarkup.Verify(Pipeline(
            Step("a", "[{|OSI0114:b|}]"),
            Step("b", "[a]"),
            Step("c", "[{|OSI0114:d|}]"),
            Step("d", "[c]")));

        Assert.Contains("(a → b → a)", diagnostics[0].GetMessage(), StringComparison.Ordinal);
        Assert.Contains("(c → d → c)", diagnostics[1].GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_LeavesStepsOutsideTheCycleOut_WhenTheyDependOnIt()
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline(
            Step("a", "[{|OSI0114:b|}]"),
            Step("b", "[a]"),
            Step("c", "[a, b]"))));

        Assert.Contains("(a → b → a)", d.GetMessage(), StringComparison.Ordinal);
        Assert.Single(d.AdditionalLocations);
    }

    [Fact]
    public void Analyze_ReportsTheShortestCycleThroughTheFirstStep_WhenStepsAreStronglyConnected()
    {
        // a→b→c→a and a→c→a both exist; the report names the shorter one.
        var d = Assert.Single(OmlMarkup.Verify(Pipeline(
            Step("a", "[b, {|OSI0114:c|}]"),
            Step("b", "[c]"),
            Step("c", "[a]"))));

        Assert.Contains("(a → c → a)", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_NamesTheChainShortened_WhenFiveHundredStepsFormOneCycle()
    {
        const int count = 500;
        var sb = new StringBuilder(OmlSamples.Header).Append("steps:\n");
        for (var i = 0; i < count; i++)
        {
            var next = "s" + ((i + 1) % count);
            sb.Append(Step("s" + i, i == 0 ? "[{|OSI0114:" + next + "|}]" : "[" + next + "]"));
        }

        var d = Assert.Single(OmlMarkup.Verify(sb.ToString()));

        // The message names the first ten, how many more, and the last; the additional locations hold them all.
        var expected = string.Join(" → ", Enumerable.Range(0, 10).Select(i => "s" + i)) + " → … (489 more) → s499 → s0";
        Assert.Contains("(" + expected + ")", d.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(count - 1, d.AdditionalLocations.Length);
    }

    [Fact]
    public void Analyze_IgnoresUnknownNeeds_WhenLookingForCycles()
    {
        OmlMarkup.Verify(Pipeline(Step("a", "[{|OSI0113:ghost|}]"), Step("b", "[a]")));
    }
}
