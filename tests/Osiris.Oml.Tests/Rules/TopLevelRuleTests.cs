using Osiris.Oml.Diagnostics;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Rules;

/// <summary>
/// The top level (OML-SPEC §1): required and legacy keys (OSI0101–OSI0103), <c>oml_version</c>
/// (OSI0104, OSI0008), <c>name</c> (OSI0104–OSI0106) and <c>description</c>.
/// </summary>
public sealed class TopLevelRuleTests
{
    private const string Steps = OmlSamples.ValidSteps;

    [Fact]
    public void Analyze_IsQuiet_WhenPipelineHasEveryKnownTopLevelKey()
    {
        OmlMarkup.Quiet("""
            oml_version: "0.2.0"
            name: daily-customer-sync
            description: Copies customers every night.
            schedule: {type: cron, expression: "0 2 * * *"}
            metadata: {owner: data@example.com}
            x-team-notes: extension keys are allowed anywhere
            steps:
              - id: transform
                component: duckdb.processor
                mode: transform
                config:
                  query: "select 1"
            """);
    }

    // ---- OSI0101 ------------------------------------------------------------------------------

    [Theory]
    [InlineData("oml_version", "for example oml_version: \"0.2.0\"", "{|OSI0101:description|}: first key\nname: required\n" + Steps)]
    [InlineData("name", "for example name: daily-customer-sync", "{|OSI0101:description|}: first key\noml_version: \"0.1.0\"\n" + Steps)]
    [InlineData("steps", "a list of steps with id, component and mode", "{|OSI0101:description|}: first key\noml_version: \"0.1.0\"\nname: required\n")]
    public void Analyze_ReportsOSI0101OnTheFirstKey_WhenRequiredKeyIsMissing(string missing, string hint, string markup)
    {
        var d = Assert.Single(OmlMarkup.Verify(markup));

        Assert.Equal($"The pipeline has no '{missing}'; add a top-level '{missing}:' key ({hint})", d.GetMessage());
        Assert.Equal("root", d.Path);
        Assert.Equal(OmlSeverity.Error, d.Severity);
    }

    [Fact]
    public void Analyze_ReportsOSI0101ForEachKey_WhenAllRequiredKeysAreMissing()
    {
        var diagnostics = OmlMarkup.Verify("{|OSI0101:{|OSI0101:{|OSI0101:description|}|}|}: nothing else\n");

        Assert.Equal(
            new[] { "name", "oml_version", "steps" },
            diagnostics.Select(d => d.Arguments[0]).OrderBy(x => x, StringComparer.Ordinal));
    }

    [Fact]
    public void Analyze_DoesNotReportOSI0101_WhenRequiredKeyIsPresentButNull()
    {
        // 'steps:' with no value is there; its type is what is wrong.
        var d = Assert.Single(OmlMarkup.Verify("oml_version: \"0.1.0\"\nname: x\nsteps:{|OSI0104:|}\n"));

        Assert.Equal("'steps' must be a list of steps, not null", d.GetMessage());
    }

    // ---- OSI0102 ------------------------------------------------------------------------------

    [Theory]
    [InlineData("version", "1.0", "use 'oml_version' instead, for example oml_version: \"0.2.0\"")]
    [InlineData("tasks", "[]", "use 'steps' instead; each task becomes a step with id, component and mode")]
    [InlineData("connectors", "{}", "reference connections from a step's config instead, for example connection: \"@mysql.primary\"")]
    [InlineData("outputs", "[]", "write outputs with writer steps (mode: write) instead")]
    public void Analyze_ReportsOSI0102OnTheKey_WhenLegacyKeyIsUsed(string key, string value, string hint)
    {
        var d = Assert.Single(OmlMarkup.Verify($"oml_version: \"0.1.0\"\nname: legacy\n{{|OSI0102:{key}|}}: {value}\n{Steps}"));

        Assert.Equal($"'{key}' is a legacy key that OML does not accept; {hint}", d.GetMessage());
        Assert.Equal("root", d.Path);
    }

    [Fact]
    public void Analyze_ReportsOSI0102AndOSI0101_WhenLegacyDocumentHasNoOmlKeys()
    {
        OmlMarkup.Verify("""
            {|OSI0101:{|OSI0101:{|OSI0101:{|OSI0102:version|}|}|}|}: 1
            {|OSI0102:connectors|}: {}
            {|OSI0102:tasks|}: []
            """);
    }

    // ---- OSI0103 ------------------------------------------------------------------------------

    [Theory]
    // A typo of a known key gets a suggestion.
    [InlineData("nmae", " (did you mean 'name'?)")]
    [InlineData("descripton", " (did you mean 'description'?)")]
    [InlineData("schedul", " (did you mean 'schedule'?)")]
    [InlineData("Metadata", " (did you mean 'metadata'?)")]
    [InlineData("step", " (did you mean 'steps'?)")]
    // Anything else gets none.
    [InlineData("owner", "")]
    [InlineData("x_notes", "")]
    [InlineData("1", "")]
    public void Analyze_ReportsOSI0103OnTheKey_WhenTopLevelKeyIsUnknown(string key, string suggestion)
    {
        var d = Assert.Single(OmlMarkup.Verify($"oml_version: \"0.1.0\"\nname: unknown\n{{|OSI0103:{key}|}}: 1\n{Steps}"));

        Assert.Equal(
            $"Unknown top-level key '{key}'{suggestion}; OML allows oml_version, name, description, params, schedule, metadata, steps and x-* extension keys",
            d.GetMessage());
        Assert.Equal(OmlSeverity.Warning, d.Severity);
    }

    [Theory]
    [InlineData("x-anything: 1")]
    [InlineData("x-: {}")]
    [InlineData("x-nested: {whatever: [1, 2]}")]
    public void Analyze_IsQuiet_WhenTopLevelKeyIsAnExtension(string line)
    {
        OmlMarkup.Quiet($"oml_version: \"0.1.0\"\nname: extension\n{line}\n{Steps}");
    }

    // ---- oml_version: OSI0104 and OSI0008 ------------------------------------------------------

    [Theory]
    [InlineData("oml_version: {|OSI0104:0.1|}", "a number")]
    [InlineData("oml_version: {|OSI0104:1|}", "an integer")]
    [InlineData("oml_version: {|OSI0104:true|}", "a boolean")]
    [InlineData("oml_version:{|OSI0104:|}", "null")]
    [InlineData("oml_version: {|OSI0104:~|}", "null")]
    [InlineData("oml_version: {|OSI0104:[0.1.0]|}", "a list")]
    [InlineData("oml_version: {|OSI0104:{v: 0.1.0}|}", "a mapping")]
    public void Analyze_ReportsOSI0104OnTheValue_WhenVersionIsNotAString(string line, string type)
    {
        var d = Assert.Single(OmlMarkup.Verify($"{line}\nname: versions\n{Steps}"));

        Assert.Equal($"'oml_version' must be a quoted version string such as \"0.2.0\", not {type}", d.GetMessage());
        Assert.Equal("oml_version", d.Path);
    }

    [Theory]
    [InlineData("{|OSI0008:\"1.0\"|}", "1.0")]
    [InlineData("{|OSI0008:\"0.3.0\"|}", "0.3.0")]
    [InlineData("{|OSI0008:\"v0.1.0\"|}", "v0.1.0")]
    [InlineData("{|OSI0008:\"0.1.0 \"|}", "0.1.0 ")]
    [InlineData("{|OSI0008:\"\"|}", "")]
    [InlineData("{|OSI0008:0.1.0.1|}", "0.1.0.1")]
    public void Analyze_ReportsOSI0008OnTheValue_WhenVersionIsUnknown(string value, string version)
    {
        var d = Assert.Single(OmlMarkup.Verify($"oml_version: {value}\nname: versions\n{Steps}"));

        Assert.Equal($"OML version '{version}' is not supported; use \"0.1.0\" or \"0.2.0\" (schedule and metadata need \"0.2.0\")", d.GetMessage());
        Assert.Equal("oml_version", d.Path);
        Assert.Equal(OmlSeverity.Warning, d.Severity);
    }

    [Theory]
    [InlineData("\"0.1.0\"")]
    [InlineData("\"0.2.0\"")]
    [InlineData("'0.2.0'")]
    [InlineData("0.2.0")]
    [InlineData("!!str 0.1.0")]
    public void Analyze_IsQuiet_WhenVersionIsSupported(string value)
    {
        OmlMarkup.Quiet($"oml_version: {value}\nname: versions\n{Steps}");
    }

    [Fact]
    public void Analyze_StillChecksTheSteps_WhenVersionIsUnsupported()
    {
        OmlMarkup.Verify("""
            oml_version: {|OSI0008:"9.9.9"|}
            name: future
            steps: {|OSI0107:[]|}
            """);
    }

    // ---- name: OSI0104, OSI0105, OSI0106 -------------------------------------------------------

    [Theory]
    [InlineData("name: {|OSI0104:42|}", "an integer")]
    [InlineData("name: {|OSI0104:4.2|}", "a number")]
    [InlineData("name: {|OSI0104:false|}", "a boolean")]
    [InlineData("name: {|OSI0104:[a]|}", "a list")]
    [InlineData("name: {|OSI0104:{a: 1}|}", "a mapping")]
    public void Analyze_ReportsOSI0104OnTheValue_WhenNameIsNotAString(string line, string type)
    {
        var d = Assert.Single(OmlMarkup.Verify($"oml_version: \"0.1.0\"\n{line}\n{Steps}"));

        Assert.Equal($"'name' must be a string, not {type}", d.GetMessage());
        Assert.Equal("name", d.Path);
    }

    [Theory]
    // A null name has no text to point at: the key is reported.
    [InlineData("{|OSI0105:name|}:")]
    [InlineData("{|OSI0105:name|}: ~")]
    [InlineData("{|OSI0105:name|}: null")]
    // An empty or blank string is reported where it is written.
    [InlineData("name: {|OSI0105:\"\"|}")]
    [InlineData("name: {|OSI0105:'   '|}")]
    [InlineData("name: {|OSI0105:\"\\t\"|}")]
    public void Analyze_ReportsOSI0105_WhenNameIsEmpty(string line)
    {
        var d = Assert.Single(OmlMarkup.Verify($"oml_version: \"0.1.0\"\n{line}\n{Steps}"));

        Assert.Equal("'name' must not be empty; give the pipeline a name such as daily-customer-sync", d.GetMessage());
        Assert.Equal("name", d.Path);
    }

    [Theory]
    [InlineData("My Pipeline", "my-pipeline")]
    [InlineData("DailySync", "dailysync")]
    [InlineData("daily sync!", "daily-sync")]
    [InlineData("-leading-hyphen", "leading-hyphen")]
    [InlineData("_leading_underscore", "leading_underscore")]
    [InlineData("café-export", "caf-export")]
    [InlineData("!!!", "my-pipeline")]
    [InlineData("a.b.c", "a-b-c")]
    public void Analyze_ReportsOSI0106WithASuggestion_WhenNameBreaksTheConvention(string name, string suggestion)
    {
        var d = Assert.Single(OmlMarkup.Verify($"oml_version: \"0.1.0\"\nname: {{|OSI0106:\"{name}\"|}}\n{Steps}"));

        Assert.Equal(
            $"Pipeline name '{name}' should use lowercase letters, digits, '-' and '_' and start with a letter or digit, for example '{suggestion}'",
            d.GetMessage());
        Assert.Equal("name", d.Path);
        Assert.Equal(OmlSeverity.Warning, d.Severity);
    }

    [Theory]
    [InlineData("daily-customer-sync")]
    [InlineData("etl2")]
    [InlineData("2024-backfill")]
    [InlineData("a")]
    public void Analyze_IsQuiet_WhenNameFollowsTheConvention(string name)
    {
        OmlMarkup.Quiet($"oml_version: \"0.1.0\"\nname: {name}\n{Steps}");
    }

    // ---- description ---------------------------------------------------------------------------

    [Theory]
    [InlineData("description: {|OSI0104:[a, b]|}", "a list")]
    [InlineData("description: {|OSI0104:{a: 1}|}", "a mapping")]
    [InlineData("description: {|OSI0104:42|}", "an integer")]
    [InlineData("description: {|OSI0104:true|}", "a boolean")]
    public void Analyze_ReportsOSI0104_WhenDescriptionIsNotAString(string line, string type)
    {
        var d = Assert.Single(OmlMarkup.Verify($"oml_version: \"0.1.0\"\nname: described\n{line}\n{Steps}"));

        Assert.Equal($"'description' must be a string, not {type}", d.GetMessage());
        Assert.Equal("description", d.Path);
    }

    [Theory]
    [InlineData("description:")]
    [InlineData("description: ~")]
    [InlineData("description: \"\"")]
    [InlineData("description: |\n  Two\n  lines.")]
    public void Analyze_IsQuiet_WhenDescriptionIsTextOrNull(string line)
    {
        OmlMarkup.Quiet($"oml_version: \"0.1.0\"\nname: described\n{line}\n{Steps}");
    }
}
