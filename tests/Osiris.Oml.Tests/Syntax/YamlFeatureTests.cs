using Osiris.Oml.Diagnostics;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Syntax;

/// <summary>
/// OSI0009: YAML that different libraries read differently — complex keys, merge keys, application
/// tags — draws a warning where it is written.
/// </summary>
public sealed class YamlFeatureTests
{
    private static string Pipeline(string extra) => "oml_version: \"0.1.0\"\nname: features\n" + extra + "\n" + OmlSamples.ValidSteps;

    [Fact]
    public void Analyze_ReportsOSI0009OnTheMergeKey_WhenMappingUsesMerge()
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline("x-base: &base {a: 1}\nx-use:\n  {|OSI0009:<<|}: *base\n  b: 2")));

        Assert.Equal("Merge keys ('<<') are a YAML 1.1 extension that OML does not read; write the merged keys out", d.GetMessage());
        Assert.Equal(OmlSeverity.Warning, d.Severity);
    }

    [Fact]
    public void Analyze_IsQuiet_WhenMergeKeyIsQuoted()
    {
        // A quoted "<<" is an ordinary key in every YAML library.
        OmlMarkup.Quiet(Pipeline("x-use:\n  \"<<\": 1"));
    }

    [Theory]
    [InlineData("? {|OSI0009:[a, b]|}\n: 1", "a list")]
    [InlineData("? {|OSI0009:{a: 1}|}\n: 1", "a mapping")]
    [InlineData("x-m: {{|OSI0009:[k]|}: v}", "a list")]
    public void Analyze_ReportsOSI0009OnTheKey_WhenKeyIsNotAScalar(string extra, string what)
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline(extra)));

        Assert.Equal($"This mapping key is {what}; OML keys are plain strings, so the entry is ignored", d.GetMessage());
    }

    [Theory]
    [InlineData("description: {|OSI0009:!!python/object:os.system echo|}", "!!python/object:os.system")]
    [InlineData("description: {|OSI0009:!!binary aGVsbG8=|}", "!!binary")]
    [InlineData("description: {|OSI0009:!custom text|}", "!custom")]
    [InlineData("x-m: {|OSI0009:!!set {a, b}|}", "!!set")]
    [InlineData("x-m: {|OSI0009:!!omap [a: 1]|}", "!!omap")]
    public void Analyze_ReportsOSI0009OnTheTaggedNode_WhenTagIsNotCore(string extra, string tag)
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline(extra)));

        Assert.Equal($"The tag '{tag}' is not part of plain YAML; OML reads the value as if it had no tag, other tools may not", d.GetMessage());
        Assert.Equal(string.Empty, d.Path);
    }

    [Theory]
    // The core schema's own tags and the non-specific '!' are plain YAML.
    [InlineData("description: !!str text")]
    [InlineData("x-a: !!int 3")]
    [InlineData("x-a: !!float 3.5")]
    [InlineData("x-a: !!bool true")]
    [InlineData("x-a: !!null ~")]
    [InlineData("x-a: !!seq [1]")]
    [InlineData("x-a: !!map {b: 1}")]
    [InlineData("x-a: ! text")]
    [InlineData("x-a: !<tag:yaml.org,2002:str> text")]
    public void Analyze_IsQuiet_WhenTagIsPartOfTheCoreSchema(string extra)
    {
        OmlMarkup.Quiet(Pipeline(extra));
    }

    [Fact]
    public void Analyze_KeepsCheckingTheRules_WhenOnlyOSI0009IsReported()
    {
        // A warning does not stop the analysis: the unknown top-level key is still found.
        OmlMarkup.Verify(Pipeline("description: {|OSI0009:!custom text|}\n{|OSI0103:nmae|}: x"));
    }
}
