using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Syntax;

/// <summary>OSI0006 (the document is not a mapping) and OSI0007 (more than one document).</summary>
public sealed class DocumentShapeTests
{
    [Theory]
    // Nothing at all: empty, blank, comments only, a byte order mark only.
    [InlineData("{|OSI0006:|}", "empty")]
    [InlineData("{|OSI0006:|}   \n\n  \n", "empty")]
    [InlineData("{|OSI0006:|}# just a comment\n", "empty")]
    [InlineData("{|OSI0006:|}\uFEFF", "empty")]
    // An explicit null document.
    [InlineData("---\n{|OSI0006:|}", "null")]
    [InlineData("{|OSI0006:null|}\n", "null")]
    [InlineData("{|OSI0006:~|}\n", "null")]
    // A scalar or a list.
    [InlineData("{|OSI0006:pipeline|}\n", "a string")]
    [InlineData("{|OSI0006:42|}\n", "an integer")]
    [InlineData("{|OSI0006:true|}\n", "a boolean")]
    [InlineData("{|OSI0006:\"oml_version: 0.1.0\"|}\n", "a string")]
    [InlineData("{|OSI0006:- id: a\n- id: b|}\n", "a list")]
    [InlineData("{|OSI0006:[oml_version, name, steps]|}\n", "a list")]
    public void Analyze_ReportsOSI0006OnTheRoot_WhenDocumentIsNotAMapping(string markup, string what)
    {
        var d = Assert.Single(OmlMarkup.Verify(markup));

        Assert.Equal($"An OML document must be a mapping with oml_version, name and steps, but this one is {what}", d.GetMessage());
        Assert.Equal(string.Empty, d.Path);
    }

    [Fact]
    public void Analyze_HasNoPipelineModel_WhenDocumentIsNotAMapping()
    {
        var analysis = OmlMarkup.Analyze("- a\n");

        Assert.Null(analysis.Pipeline);
        Assert.True(analysis.HasErrors);
    }

    [Fact]
    public void Analyze_ReportsOSI0007OnTheSecondMarker_WhenFileHoldsTwoDocuments()
    {
        var d = Assert.Single(OmlMarkup.Verify("""
            oml_version: "0.1.0"
            name: first
            steps:
              - id: t
                component: duckdb.processor
                mode: transform
                config: {query: q}
            {|OSI0007:---|}
            oml_version: "0.1.0"
            name: second
            """));

        Assert.Equal(
            "An OML file holds exactly one YAML document; move the document that starts here into its own .oml file",
            d.GetMessage());
        Assert.Equal(7, d.Span.StartPosition.Line);
    }

    [Fact]
    public void Analyze_ReportsOSI0007Once_WhenFileHoldsThreeDocuments()
    {
        OmlMarkup.Verify("---\noml_version: \"0.1.0\"\nname: a\nsteps: {|OSI0107:[]|}\n{|OSI0007:---|}\nb: 1\n---\nc: 1\n");
    }

    [Fact]
    public void Analyze_ReportsOSI0007_WhenDocumentEndMarkerIsFollowedByAnotherDocument()
    {
        OmlMarkup.Verify("oml_version: \"0.1.0\"\nname: a\nsteps: {|OSI0107:[]|}\n...\n{|OSI0007:---|}\nb: 1\n");
    }

    [Fact]
    public void Analyze_StillChecksTheFirstDocument_WhenASecondOneFollows()
    {
        OmlMarkup.Verify("{|OSI0101:{|OSI0101:{|OSI0101:{|OSI0103:a|}|}|}|}: 1\n{|OSI0007:---|}\nb: 2\n");
    }

    [Theory]
    // A leading '---', a '%YAML 1.2' directive and a closing '...' all belong to one document.
    [InlineData("---\n")]
    [InlineData("%YAML 1.2\n---\n")]
    public void Analyze_IsQuiet_WhenOneDocumentHasExplicitMarkers(string prefix)
    {
        OmlMarkup.Quiet(prefix + "oml_version: \"0.1.0\"\nname: markers\n" + OmlSamples.ValidSteps + "\n...\n");
    }
}
