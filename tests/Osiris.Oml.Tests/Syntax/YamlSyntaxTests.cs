using Osiris.Oml.Tests.Support;
using Osiris.Oml.Text;

namespace Osiris.Oml.Tests.Syntax;

/// <summary>OSI0003: malformed YAML, reported where the problem is; nothing after it is checked.</summary>
public sealed class YamlSyntaxTests
{
    [Fact]
    public void Analyze_ReportsOSI0003AtTheTab_WhenTabIndentsAMappingKey()
    {
        var diagnostics = OmlMarkup.Verify("oml_version: \"0.1.0\"\nname: tabs\nsteps:\n  - id: a\n{|OSI0003:\t|}  component: x\n");

        var d = Assert.Single(diagnostics);
        Assert.StartsWith("YAML syntax error: ", d.GetMessage(), StringComparison.Ordinal);
        Assert.EndsWith("; indent with spaces, YAML does not allow tabs for indentation", d.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(new LinePosition(4, 0), d.Span.StartPosition);
    }

    [Fact]
    public void Analyze_ReportsOSI0003AtTheTab_WhenFileStartsWithByteOrderMarkAndUsesCrLf()
    {
        var diagnostics = OmlMarkup.Verify("\uFEFFa:\r\n{|OSI0003:\t|}b: 1\r\n");

        Assert.Equal(new LinePosition(1, 0), Assert.Single(diagnostics).Span.StartPosition);
    }

    [Theory]
    // Tabs are fine outside indentation: after a key's colon, inside quotes, before a comment.
    [InlineData("name:\ttabs\n")]
    [InlineData("name: tabs\t# comment\n")]
    [InlineData("name: tabs\ndescription: \"a\tb\"\n")]
    public void Analyze_IsQuiet_WhenTabIsNotIndentation(string lines)
    {
        OmlMarkup.Quiet("oml_version: \"0.1.0\"\n" + lines + OmlSamples.ValidSteps);
    }

    [Theory]
    // A value starting with a reserved indicator.
    [InlineData("name: {|OSI0003:@|}pipeline\n", "found character that cannot start any token")]
    [InlineData("name: {|OSI0003:`|}pipeline\n", "found character that cannot start any token")]
    // No space after the colon: the line is not a key.
    [InlineData("{|OSI0003:name:x|}\n", "did not find expected key")]
    // A second key on one line.
    [InlineData("name: a{|OSI0003:|}: b\n", "found invalid mapping")]
    // A flow collection closed too often.
    [InlineData("name: [a]{|OSI0003:|}]\n", "did not find expected key")]
    public void Analyze_ReportsOSI0003WithYamlDotNetReason_WhenLineIsMalformed(string line, string reason)
    {
        var diagnostics = OmlMarkup.Verify("oml_version: \"0.1.0\"\n" + line + "steps: []\n");

        var d = Assert.Single(diagnostics);
        Assert.StartsWith("YAML syntax error: ", d.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(reason, d.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(string.Empty, d.Path);
    }

    [Theory]
    [InlineData("name: [a, b\n{|OSI0003:|}", "did not find expected ',' or ']'")]
    [InlineData("name: {a: 1\n{|OSI0003:|}", "did not find expected ',' or '}'")]
    [InlineData("name: {|OSI0003:\"abc\n|}", "found unexpected end of stream")]
    [InlineData("name: {|OSI0003:'abc\n|}", "found unexpected end of stream")]
    public void Analyze_ReportsOSI0003_WhenFileEndsInsideACollectionOrQuote(string tail, string reason)
    {
        var diagnostics = OmlMarkup.Verify("oml_version: \"0.1.0\"\n" + tail);

        Assert.Contains(reason, Assert.Single(diagnostics).GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_ReportsOSI0003OnTheAlias_WhenAliasHasNoAnchor()
    {
        var diagnostics = OmlMarkup.Verify("oml_version: \"0.1.0\"\nname: {|OSI0003:*base|}\nsteps: []\n");

        Assert.Equal(
            "YAML syntax error: alias '*base' refers to no anchor defined before it; define '&base' first",
            Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public void Analyze_ReportsOSI0003OnTheAlias_WhenAnchorIsDefinedAfterIt()
    {
        OmlMarkup.Verify("oml_version: \"0.1.0\"\nname: {|OSI0003:*n|}\nx-later: &n later\nsteps: []\n");
    }

    [Fact]
    public void Analyze_ReportsOSI0003OnTheAlias_WhenAnchorRefersToItself()
    {
        OmlMarkup.Verify("oml_version: \"0.1.0\"\nname: x\nx-loop: &loop [{|OSI0003:*loop|}]\nsteps: []\n");
    }

    [Fact]
    public void Analyze_ChecksNothingElse_WhenYamlIsMalformed()
    {
        // Without the syntax error this document would draw OSI0101, OSI0102 and OSI0103.
        OmlMarkup.Verify("version: 1\nfoo: bar\nbad: {|OSI0003:@|}\n");
    }

    [Fact]
    public void Analyze_ReportsAYamlReason_WhenFlowSequenceIsNotClosedBeforeTheNextKey()
    {
        var diagnostics = OmlMarkup.Analyze("oml_version: \"0.1.0\"\nname: [a, b\nsteps: []\n").Diagnostics;

        var d = Assert.Single(diagnostics);
        Assert.Equal("OSI0003", d.Id);
        Assert.DoesNotContain("operation is not valid", d.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("flow sequence", d.GetMessage(), StringComparison.Ordinal);
    }
}
