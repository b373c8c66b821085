using System.Text.Json.Nodes;
using Json.Schema;
using Osiris.Cli;
using Osiris.Cli.Schema;
using Osiris.Oml.Syntax;
using Osiris.Oml.Tests.Support;

namespace Osiris.LanguageServer.Tests;

/// <summary>
/// <c>osiris schema</c>: a valid draft-07 schema, identical to the file the packages ship, that the
/// valid samples pass and the invalid samples fail where a schema can tell (checked with JsonSchema.Net).
/// </summary>
public sealed class SchemaTests
{
    private static readonly string ShippedPath = Path.Combine(RepositoryPaths.Root, "schemas", OmlJsonSchema.FileName);

    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(OmlJsonSchema.Write()));

    [Fact]
    public void TheCommand_PrintsTheShippedFile_ByteForByte()
    {
        var output = new StringWriter { NewLine = "\n" };
        var code = OsirisCli.Run(new[] { "schema" }, new CliHost(output, TextWriter.Null, RepositoryPaths.Root, () => NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0), _ => null));

        Assert.Equal(0, code);
        if (Environment.GetEnvironmentVariable("OSIRIS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(ShippedPath, output.ToString());
        }

        Assert.True(File.Exists(ShippedPath), $"{ShippedPath} is missing; run the tests with OSIRIS_UPDATE_GOLDEN=1 to write it, then review it.");
        Assert.Equal(File.ReadAllText(ShippedPath), output.ToString());
        Assert.DoesNotContain('\r', output.ToString());
    }

    [Fact]
    public void TheSchema_IsAValidDraft07Schema()
    {
        var instance = JsonNode.Parse(OmlJsonSchema.Write());
        var result = MetaSchemas.Draft7.Evaluate(Element(instance), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, Errors(result));
        Assert.Equal("http://json-schema.org/draft-07/schema#", instance!["$schema"]!.GetValue<string>());
    }

    [Fact]
    public void TheSchema_NamesWhatTheEngineKnows()
    {
        var schema = JsonNode.Parse(OmlJsonSchema.Write())!;
        var definitions = schema["definitions"]!;

        Assert.Equal(OmlVocabulary.TopLevelKeys.Order(StringComparer.Ordinal), schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(OmlVocabulary.ScheduleKeys.Order(StringComparer.Ordinal), definitions["schedule"]!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(OmlVocabulary.MetadataKeys.Order(StringComparer.Ordinal), definitions["metadata"]!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(OmlVocabulary.StepKeys.Order(StringComparer.Ordinal), definitions["step"]!["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(Osiris.Oml.Components.ComponentRegistry.BuiltIn.Names, definitions["step"]!["properties"]!["component"]!["anyOf"]![0]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Contains("Europe/Prague", definitions["schedule"]!["properties"]!["timezone"]!["enum"]!.AsArray().Select(n => n!.GetValue<string>()));
    }

    public static TheoryData<string> ValidSamples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples", "PipelineRepository", "pipelines"), "*.oml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ValidSamples))]
    public void AValidSample_Passes(string file)
    {
        var result = Evaluate(Path.Combine(RepositoryPaths.Root, "samples", "PipelineRepository", "pipelines", file));

        Assert.True(result.IsValid, Errors(result));
    }

    /// <summary>
    /// Every invalid sample, and whether the schema can tell: structural mistakes (unknown keys, wrong
    /// enum values, wrong types) fail; what needs the engine (cron syntax, DST, lineage across files,
    /// project components, YAML the schema never sees) passes, and is the build's and the server's job.
    /// </summary>
    public static TheoryData<string, bool> InvalidSamples => new()
    {
        { "broken-steps.oml", false },           // a mode outside read/write/transform, a config value outside its enum
        { "custom-component.oml", true },        // project component: its spec is not in a static schema
        { "customer-export.oml", true },         // duplicate pipeline name across files
        { "daily-customer-sync-prague.oml", true }, // DST and window gaps: schedule semantics
        { "exports/customer-export.oml", true }, // duplicate pipeline name across files
        { "legacy-format.oml", false },          // version/tasks instead of oml_version/steps
        { "metadata-mistakes.oml", false },      // criticality, tag pattern, notification event and channel
        { "schedule-mistakes.oml", false },      // an unknown zone, a misspelled backoff, concurrency 0
    };

    [Theory]
    [MemberData(nameof(InvalidSamples))]
    public void AnInvalidSample_FailsWhereTheSchemaCanTell(string file, bool schemaPasses)
    {
        var result = Evaluate(Path.Combine(RepositoryPaths.Root, "samples", "InvalidPipelines", "pipelines", file));

        Assert.True(result.IsValid == schemaPasses, $"{file}: expected the schema to {(schemaPasses ? "pass" : "fail")}; {Errors(result)}");
    }

    [Fact]
    public void ATabIndentedFile_IsNotYaml_SoOnlyTheBuildCanReportIt()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "InvalidPipelines", "pipelines", "tab-indented.oml"));
        var tree = OmlSyntaxTree.Parse("tab-indented.oml", text);

        Assert.False(tree.IsComplete);
        Assert.Null(tree.Root);
    }

    private static EvaluationResults Evaluate(string path)
    {
        var tree = OmlSyntaxTree.Parse(path, File.ReadAllText(path));
        Assert.True(tree.IsComplete, path + " is not YAML");
        return Schema.Value.Evaluate(Element(ToJson(tree.Root)), new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    /// <summary>The YAML tree as JSON, with the engine's YAML 1.2 core-schema types (what yaml-language-server sees).</summary>
    private static JsonNode? ToJson(YamlNode? node) => node switch
    {
        null => null,
        YamlMappingNode map => new JsonObject(map.Entries.Select(e => KeyValuePair.Create(((YamlScalarNode)e.Key).Value, ToJson(e.Value)))),
        YamlSequenceNode list => new JsonArray(list.Items.Select(ToJson).ToArray()),
        YamlScalarNode { Type: YamlScalarType.Null } => null,
        YamlScalarNode { Type: YamlScalarType.Boolean } b => JsonValue.Create(string.Equals(b.Value, "true", StringComparison.OrdinalIgnoreCase)),
        YamlScalarNode { Type: YamlScalarType.Integer } i => JsonValue.Create(long.Parse(i.Value, System.Globalization.CultureInfo.InvariantCulture)),
        YamlScalarNode { Type: YamlScalarType.Float } f => JsonValue.Create(double.Parse(f.Value, System.Globalization.CultureInfo.InvariantCulture)),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => throw new InvalidOperationException(node.GetType().Name),
    };

    private static System.Text.Json.JsonElement Element(JsonNode? node)
    {
        using var document = System.Text.Json.JsonDocument.Parse(node?.ToJsonString() ?? "null");
        return document.RootElement.Clone();
    }

    private static string Errors(EvaluationResults result)
        => string.Join("\n", (result.Details ?? new List<EvaluationResults>())
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
}
