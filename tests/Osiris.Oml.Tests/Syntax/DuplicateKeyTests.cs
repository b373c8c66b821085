using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Syntax;

/// <summary>
/// OSI0004: YAML 1.2 forbids repeated keys; PyYAML silently keeps the last one, so we report each
/// repetition on its key, naming the line of the first.
/// </summary>
public sealed class DuplicateKeyTests
{
    [Fact]
    public void Analyze_ReportsOSI0004OnTheSecondKey_WhenTopLevelKeyIsRepeated()
    {
        var diagnostics = OmlMarkup.Verify("""
            oml_version: "0.1.0"
            name: first
            {|OSI0004:name|}: second
            steps:
              - id: t
                component: duckdb.processor
                mode: transform
                config: {query: q}
            """);

        var d = Assert.Single(diagnostics);
        Assert.Equal(
            "Key 'name' is already defined on line 2; YAML 1.2 does not allow duplicate keys, so remove or rename one of them",
            d.GetMessage());
        Assert.Equal(2, d.Span.StartPosition.Line);
    }

    [Fact]
    public void Analyze_ReportsEveryRepetitionAgainstTheFirstLine_WhenKeyAppearsThreeTimes()
    {
        var diagnostics = OmlMarkup.Verify("""
            oml_version: "0.1.0"
            name: one
            {|OSI0004:name|}: two
            {|OSI0004:name|}: three
            steps:
              - id: t
                component: duckdb.processor
                mode: transform
                config: {query: q}
            """);

        Assert.All(diagnostics, d => Assert.Contains("already defined on line 2;", d.GetMessage(), StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_ReportsOSI0004_WhenStepAndConfigKeysAreRepeated()
    {
        var diagnostics = OmlMarkup.Verify("""
            oml_version: "0.1.0"
            name: nested
            steps:
              - id: t
                component: duckdb.processor
                {|OSI0004:id|}: u
                mode: transform
                config:
                  query: "select 1"
                  {|OSI0004:query|}: "select 2"
            """);

        Assert.Equal("Key 'id' is already defined on line 4; YAML 1.2 does not allow duplicate keys, so remove or rename one of them", diagnostics[0].GetMessage());
        Assert.Equal("Key 'query' is already defined on line 9; YAML 1.2 does not allow duplicate keys, so remove or rename one of them", diagnostics[1].GetMessage());
    }

    [Theory]
    // Flow mappings, and a quoted key that spells the same string as a plain one.
    [InlineData("x-m: {a: 1, b: 2, {|OSI0004:a|}: 3}", "a", "3")]
    [InlineData("x-m:\n  a: 1\n  {|OSI0004:\"a\"|}: 2", "a", "4")]
    [InlineData("x-m:\n  'k': 1\n  {|OSI0004:k|}: 2", "k", "4")]
    public void Analyze_ReportsOSI0004_WhenKeysSpellTheSameString(string lines, string key, string firstLine)
    {
        var diagnostics = OmlMarkup.Verify("oml_version: \"0.1.0\"\nname: keys\n" + lines + "\n" + OmlSamples.ValidSteps);

        Assert.StartsWith($"Key '{key}' is already defined on line {firstLine};", Assert.Single(diagnostics).GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    // Keys differ in case, or live in different mappings, or are list items.
    [InlineData("x-m: {a: 1, A: 2}")]
    [InlineData("x-m: {a: 1}\nx-n: {a: 1}")]
    [InlineData("x-m: [{a: 1}, {a: 2}]")]
    [InlineData("x-m: [a, a]")]
    public void Analyze_IsQuiet_WhenNoMappingRepeatsAKey(string lines)
    {
        OmlMarkup.Quiet("oml_version: \"0.1.0\"\nname: keys\n" + lines + "\n" + OmlSamples.ValidSteps);
    }

    [Fact]
    public void Analyze_UsesTheLastValue_WhenKeyIsRepeated()
    {
        // Like YAML 1.1 readers, the rules see the last 'name': only its naming problem is reported.
        OmlMarkup.Verify("""
            oml_version: "0.1.0"
            name: good-name
            {|OSI0004:name|}: {|OSI0106:Bad Name|}
            steps:
              - id: t
                component: duckdb.processor
                mode: transform
                config: {query: q}
            """);
    }

    [Fact]
    public void Analyze_GivesTheFirstKeyAsAdditionalLocation_WhenKeyIsRepeated()
    {
        var d = Assert.Single(OmlMarkup.Verify("""
            oml_version: "0.1.0"
            name: first
            {|OSI0004:name|}: second
            steps:
              - id: t
                component: duckdb.processor
                mode: transform
                config: {query: q}
            """));

        var first = Assert.Single(d.AdditionalLocations);
        Assert.Equal(OmlMarkup.DefaultPath, first.FilePath);
        Assert.Equal(1, first.Span.StartPosition.Line);
        Assert.Equal(0, first.Span.StartPosition.Character);
        Assert.Equal(4, first.Span.Length);
    }
}
