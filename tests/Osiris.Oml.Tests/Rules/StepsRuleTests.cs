using Osiris.Oml.Diagnostics;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Rules;

/// <summary>
/// The <c>steps</c> list and each step's shape (OML-SPEC §1): OSI0104, OSI0105, OSI0107–OSI0112 and
/// OSI0121. The <c>needs</c> of a step are in <see cref="NeedsTests"/>, its config in
/// <see cref="StepConfigRuleTests"/>.
/// </summary>
public sealed class StepsRuleTests
{
    private const string Header = OmlSamples.Header;

    private const string KnownComponents =
        "duckdb.processor, filesystem.csv_extractor, filesystem.csv_writer, graphql.extractor, mysql.extractor, mysql.writer, posthog.extractor, supabase.extractor, supabase.writer";

    [Theory]
    // Every built-in component in its own mode, with the smallest config its schema accepts.
    [InlineData("duckdb.processor", "transform", "query: \"select * from input_df\"")]
    [InlineData("filesystem.csv_extractor", "read", "path: data/in.csv")]
    [InlineData("filesystem.csv_writer", "write", "path: data/out.csv")]
    [InlineData("graphql.extractor", "read", "endpoint: https://api.example.com/graphql\nquery: \"{ users { id } }\"")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"\ntable: customers")]
    [InlineData("mysql.writer", "write", "connection: \"@mysql.primary\"\ntable: customers")]
    [InlineData("posthog.extractor", "read", "connection: \"@posthog.main\"\ndata_type: events")]
    [InlineData("supabase.extractor", "read", "connection: \"@supabase.main\"\ntable: customers")]
    [InlineData("supabase.writer", "write", "connection: \"@supabase.main\"\ntable: customers")]
    public void Analyze_IsQuiet_WhenStepUsesBuiltInComponentInItsMode(string component, string mode, string config)
    {
        OmlMarkup.Quiet(OmlSamples.SingleStep(component, mode, config));
    }

    [Fact]
    public void Analyze_IsQuiet_WhenStepsAreWrittenInFlowStyle()
    {
        OmlMarkup.Quiet(Header + "steps: [{id: a, component: duckdb.processor, mode: transform, config: {query: q}}]\n");
    }

    // ---- steps: OSI0104, OSI0107 ---------------------------------------------------------------

    [Theory]
    [InlineData("steps: {|OSI0104:{a: 1}|}", "a mapping")]
    [InlineData("steps: {|OSI0104:extract|}", "a string")]
    [InlineData("steps: {|OSI0104:3|}", "an integer")]
    [InlineData("steps:{|OSI0104:|}", "null")]
    public void Analyze_ReportsOSI0104OnTheValue_WhenStepsIsNotAList(string line, string type)
    {
        var d = Assert.Single(OmlMarkup.Verify(Header + line + "\n"));

        Assert.Equal($"'steps' must be a list of steps, not {type}", d.GetMessage());
        Assert.Equal("steps", d.Path);
    }

    [Theory]
    [InlineData("steps: {|OSI0107:[]|}")]
    [InlineData("steps: {|OSI0107:[ ]|}")]
    [InlineData("steps: {|OSI0107:!!seq []|}")]
    public void Analyze_ReportsOSI0107OnTheList_WhenStepsIsEmpty(string line)
    {
        var d = Assert.Single(OmlMarkup.Verify(Header + line + "\n"));

        Assert.Equal("The pipeline has no steps; add at least one step with id, component and mode", d.GetMessage());
        Assert.Equal("steps", d.Path);
        Assert.Equal(OmlSeverity.Error, d.Severity);
    }

    // ---- a step: OSI0104, OSI0108 --------------------------------------------------------------

    [Theory]
    [InlineData("  - {|OSI0104:extract|}", "a string")]
    [InlineData("  - {|OSI0104:[id, component]|}", "a list")]
    [InlineData("  - {|OSI0104:42|}", "an integer")]
    [InlineData("  -{|OSI0104:|}", "null")]
    public void Analyze_ReportsOSI0104OnTheItem_WhenStepIsNotAMapping(string item, string type)
    {
        var d = Assert.Single(OmlMarkup.Verify(Header + "steps:\n" + item + "\n"));

        Assert.Equal($"'steps[0]' must be a mapping with id, component and mode, not {type}", d.GetMessage());
        Assert.Equal("steps[0]", d.Path);
    }

    [Fact]
    public void Analyze_NumbersTheSteps_WhenSeveralAreNotMappings()
    {
        var diagnostics = OmlMarkup.Verify(Header + """
            steps:
              - id: ok
                component: duckdb.processor
                mode: transform
                config: {query: q}
              - {|OSI0104:second|}
              - {|OSI0104:third|}
            """);

        Assert.Equal(new[] { "steps[1]", "steps[2]" }, diagnostics.Select(d => d.Path));
    }

    [Theory]
    [InlineData("id", "  - {|OSI0108:component|}: duckdb.processor\n    mode: transform\n    config: {query: q}\n", "steps[0]")]
    [InlineData("component", "  - {|OSI0108:id|}: t\n    mode: transform\n    config: {query: q}\n", "'t'")]
    [InlineData("mode", "  - {|OSI0108:id|}: t\n    component: duckdb.processor\n    config: {query: q}\n", "'t'")]
    public void Analyze_ReportsOSI0108OnTheFirstKey_WhenStepFieldIsMissing(string field, string step, string label)
    {
        var d = Assert.Single(OmlMarkup.Verify(Header + "steps:\n" + step));

        Assert.Equal($"Step {label} has no '{field}'; every step needs id, component and mode", d.GetMessage());
        Assert.Equal("steps[0]." + field, d.Path);
    }

    [Fact]
    public void Analyze_ReportsOSI0108ForEachField_WhenStepIsAnEmptyMapping()
    {
        var diagnostics = OmlMarkup.Verify(Header + "steps:\n  - {|OSI0108:{|OSI0108:{|OSI0108:{}|}|}|}\n");

        Assert.Equal(
            new[] { "steps[0].component", "steps[0].id", "steps[0].mode" },
            diagnostics.Select(d => d.Path).OrderBy(p => p, StringComparer.Ordinal));
    }

    [Fact]
    public void Analyze_DoesNotReportOSI0108_WhenOnlyConfigIsMissing()
    {
        // 'config' is optional in OML; a component that needs keys draws OSI0123 instead (see StepConfigRuleTests).
        OmlMarkup.Verify(Header + "steps:\n  - id: t\n    component: {|OSI0110:acme.custom|}\n    mode: transform\n");
    }

    // ---- id: OSI0104, OSI0105, OSI0109 ---------------------------------------------------------

    [Theory]
    [InlineData("id: {|OSI0104:123|}", "an integer")]
    [InlineData("id: {|OSI0104:true|}", "a boolean")]
    [InlineData("id: {|OSI0104:[a]|}", "a list")]
    [InlineData("id: {|OSI0104:{a: 1}|}", "a mapping")]
    public void Analyze_ReportsOSI0104OnTheValue_WhenIdIsNotAString(string line, string type)
    {
        var d = Assert.Single(OmlMarkup.Verify(Header + "steps:\n  - " + line + "\n    component: duckdb.processor\n    mode: transform\n    config: {query: q}\n"));

        Assert.Equal($"'steps[0].id' must be a string such as extract_customers, not {type}", d.GetMessage());
        Assert.Equal("steps[0].id", d.Path);
    }

    [Theory]
    [InlineData("{|OSI0105:id|}:")]
    [InlineData("{|OSI0105:id|}: ~")]
    [InlineData("id: {|OSI0105:\"\"|}")]
    [InlineData("id: {|OSI0105:\"  \"|}")]
    public void Analyze_ReportsOSI0105_WhenIdIsEmpty(string line)
    {
        var d = Assert.Single(OmlMarkup.Verify(Header + "steps:\n  - " + line + "\n    component: duckdb.processor\n    mode: transform\n    config: {query: q}\n"));

        Assert.Equal("'steps[0].id' must not be empty; give the step an id such as extract_customers", d.GetMessage());
        Assert.Equal("steps[0].id", d.Path);
    }

    [Fact]
    public void Analyze_ReportsOSI0109OnEveryRepetition_WhenStepIdIsUsedThreeTimes()
    {
        var diagnostics = OmlMarkup.Verify(Header + """
            steps:
              - id: load
                component: duckdb.processor
                mode: transform
                config: {query: q}
              - id: {|OSI0109:load|}
                component: duckdb.processor
                mode: transform
                config: {query: q}
              - id: {|OSI0109:load|}
                component: duckdb.processor
                mode: transform
                config: {query: q}
            """);

        Assert.All(diagnostics, d => Assert.Equal("Step id 'load' is already used on line 4; give every step a unique id", d.GetMessage()));
        Assert.Equal(new[] { "steps[1].id", "steps[2].id" }, diagnostics.Select(d => d.Path));
    }

    [Fact]
    public void Analyze_IsQuiet_WhenStepIdsDifferOnlyInCase()
    {
        OmlMarkup.Quiet(Header + """
            steps:
              - id: load
                component: duckdb.processor
                mode: transform
                config: {query: q}
              - id: Load
                component: duckdb.processor
                mode: transform
                config: {query: q}
            """);
    }

    [Fact]
    public void Analyze_GivesTheFirstIdAsAdditionalLocation_WhenStepIdIsRepeated()
    {
        var d = Assert.Single(OmlMarkup.Verify(Header + """
            steps:
              - id: load
                component: duckdb.processor
                mode: transform
                config: {query: q}
              - id: {|OSI0109:load|}
                component: duckdb.processor
                mode: transform
                config: {query: q}
            """));

        var first = Assert.Single(d.AdditionalLocations);
        Assert.Equal(3, first.Span.StartPosition.Line);
        Assert.Equal(8, first.Span.StartPosition.Character);
    }

    // ---- component: OSI0104, OSI0105, OSI0110 --------------------------------------------------

    [Theory]
    [InlineData("mysql.extractr", " (did you mean 'mysql.extractor'?)")]
    [InlineData("MySQL.Extractor", " (did you mean 'mysql.extractor'?)")]
    [InlineData("duckdb.procesor", " (did you mean 'duckdb.processor'?)")]
    [InlineData("kafka.consumer", "")]
    [InlineData("acme.custom", "")]
    public void Analyze_ReportsOSI0110OnTheValue_WhenComponentIsUnknown(string component, string suggestion)
    {
        var d = Assert.Single(OmlMarkup.Verify(Header + $"steps:\n  - id: t\n    component: {{|OSI0110:{component}|}}\n    mode: read\n    config: {{any: thing}}\n"));

        Assert.Equal($"Unknown component '{component}'{suggestion}; the known components are {KnownComponents}", d.GetMessage());
        Assert.Equal("steps[0].component", d.Path);
        Assert.Equal(OmlSeverity.Warning, d.Severity);
    }

    [Theory]
    [InlineData("component: {|OSI0104:42|}", "an integer")]
    [InlineData("component: {|OSI0104:[mysql.extractor]|}", "a list")]
    [InlineData("component: {|OSI0104:{name: mysql.extractor}|}", "a mapping")]
    public void Analyze_ReportsOSI0104OnTheValue_WhenComponentIsNotAString(string line, string type)
    {
        var d = Assert.Single(OmlMarkup.Verify(Header + "steps:\n  - id: t\n    " + line + "\n    mode: read\n"));

        Assert.Equal($"'steps[0].component' must be a component name such as mysql.extractor, not {type}", d.GetMessage());
    }

    [Theory]
    [InlineData("{|OSI0105:component|}:")]
    [InlineData("component: {|OSI0105:\"\"|}")]
    [InlineData("component: {|OSI0105:\" \"|}")]
    public void Analyze_ReportsOSI0105_WhenComponentIsEmpty(string line)
    {
        var d = Assert.Single(OmlMarkup.Verify(Header + "steps:\n  - id: t\n    " + line + "\n    mode: read\n"));

        Assert.Equal("'steps[0].component' must not be empty; name the component that runs the step, such as mysql.extractor", d.GetMessage());
        Assert.Equal("steps[0].component", d.Path);
    }

    // ---- mode: OSI0104, OSI0105, OSI0111, OSI0112 ----------------------------------------------

    [Theory]
    // Component-spec spellings and other casings are not OML modes.
    [InlineData("extract")]
    [InlineData("Read")]
    [InlineData("READ")]
    [InlineData("load")]
    [InlineData("discover")]
    public void Analyze_ReportsOSI0111OnTheValue_WhenModeIsNotAnOmlMode(string mode)
    {
        var d = Assert.Single(OmlMarkup.Verify(OmlSamples.SingleStep("mysql.extractor", "{|OSI0111:" + mode + "|}", "connection: \"@mysql.primary\"")));

        Assert.Equal($"Mode '{mode}' is not valid; use read, write or transform", d.GetMessage());
        Assert.Equal("steps[0].mode", d.Path);
    }

    [Theory]
    [InlineData("{|OSI0104:1|}", "an integer")]
    [InlineData("{|OSI0104:[read]|}", "a list")]
    [InlineData("{|OSI0104:true|}", "a boolean")]
    public void Analyze_ReportsOSI0104OnTheValue_WhenModeIsNotAString(string mode, string type)
    {
        var d = Assert.Single(OmlMarkup.Verify(OmlSamples.SingleStep("mysql.extractor", mode, "connection: \"@mysql.primary\"")));

        Assert.Equal($"'steps[0].mode' must be one of read, write or transform, not {type}", d.GetMessage());
    }

    [Fact]
    public void Analyze_ReportsOSI0105OnTheKey_WhenModeIsNull()
    {
        var d = Assert.Single(OmlMarkup.Verify(Header + "steps:\n  - id: t\n    component: duckdb.processor\n    {|OSI0105:mode|}:\n    config: {query: q}\n"));

        Assert.Equal("'steps[0].mode' must not be empty; use read, write or transform", d.GetMessage());
    }

    [Theory]
    [InlineData("mysql.extractor", "write", "read", "connection: \"@mysql.primary\"")]
    [InlineData("mysql.extractor", "transform", "read", "connection: \"@mysql.primary\"")]
    [InlineData("mysql.writer", "read", "write", "connection: \"@mysql.primary\"\ntable: t")]
    [InlineData("duckdb.processor", "read", "transform", "query: q")]
    [InlineData("duckdb.processor", "write", "transform", "query: q")]
    [InlineData("filesystem.csv_writer", "transform", "write", "path: out.csv")]
    [InlineData("supabase.extractor", "write", "read", "connection: \"@supabase.main\"\ntable: t")]
    public void Analyze_ReportsOSI0112OnTheMode_WhenComponentDoesNotOfferIt(string component, string mode, string offered, string config)
    {
        var d = Assert.Single(OmlMarkup.Verify(OmlSamples.SingleStep(component, "{|OSI0112:" + mode + "|}", config)));

        Assert.Equal($"Component '{component}' does not support mode '{mode}'; use mode: {offered}", d.GetMessage());
        Assert.Equal("steps[0].mode", d.Path);
        Assert.Equal(OmlSeverity.Error, d.Severity);
    }

    [Theory]
    [InlineData("read")]
    [InlineData("write")]
    [InlineData("transform")]
    public void Analyze_DoesNotCheckTheMode_WhenComponentIsUnknown(string mode)
    {
        OmlMarkup.Verify(OmlSamples.SingleStep("{|OSI0110:acme.custom|}", mode, "anything: 1"));
    }

    // ---- OSI0121 -------------------------------------------------------------------------------

    [Theory]
    [InlineData("need", " (did you mean 'needs'?)")]
    [InlineData("configs", " (did you mean 'config'?)")]
    [InlineData("ID", " (did you mean 'id'?)")]
    [InlineData("modes", " (did you mean 'mode'?)")]
    [InlineData("description", "")]
    [InlineData("depends_on", "")]
    public void Analyze_ReportsOSI0121OnTheKey_WhenStepKeyIsUnknown(string key, string suggestion)
    {
        var d = Assert.Single(OmlMarkup.Verify(Header + $"steps:\n  - id: t\n    component: duckdb.processor\n    mode: transform\n    config: {{query: q}}\n    {{|OSI0121:{key}|}}: 1\n"));

        Assert.Equal(
            $"Unknown step key '{key}'{suggestion}; a step has id, component, mode, config and needs (and x-* extension keys)",
            d.GetMessage());
        Assert.Equal("steps[0]." + key, d.Path);
        Assert.Equal(OmlSeverity.Warning, d.Severity);
    }

    [Fact]
    public void Analyze_IsQuiet_WhenStepHasExtensionKeys()
    {
        OmlMarkup.Quiet(Header + "steps:\n  - id: t\n    component: duckdb.processor\n    mode: transform\n    config: {query: q}\n    x-owner: data-team\n    x-retry: {attempts: 3}\n");
    }

    [Fact]
    public void Analyze_ReportsEachStepsProblems_WhenSeveralStepsAreWrong()
    {
        var diagnostics = OmlMarkup.Verify(Header + """
            steps:
              - id: extract
                component: {|OSI0110:mysql.extractr|}
                mode: read
                config: {x: 1}
              - id: {|OSI0109:extract|}
                component: duckdb.processor
                mode: {|OSI0112:write|}
                config: {query: q}
              - id: load
                component: filesystem.csv_writer
                mode: {|OSI0111:writ|}
                config: {path: out.csv}
                {|OSI0121:neds|}: [extract]
            """);

        Assert.Equal(
            new[] { "steps[0].component", "steps[1].id", "steps[1].mode", "steps[2].mode", "steps[2].neds" },
            diagnostics.Select(d => d.Path));
    }
}
