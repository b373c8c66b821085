using System.Text.Json;
using Json.Schema;
using Osiris.Cli.Tests.Support;
using Osiris.Oml.Tests.Support;

namespace Osiris.Cli.Tests;

/// <summary><c>--format sarif</c>: valid SARIF 2.1.0 that GitHub code scanning can place on pull requests.</summary>
public sealed class SarifTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromFile(Path.Combine(AppContext.BaseDirectory, "TestData", "sarif-schema-2.1.0.json"));

    private static Tool.Result InvalidSample()
        => Tool.RunIn(Path.Combine(RepositoryPaths.Root, "samples", "InvalidPipelines"), "schedule", "validate", ".", "--format", "sarif");

    [Fact]
    public void Output_IsValidAgainstTheSarif210Schema()
    {
        var result = InvalidSample();

        Assert.Equal(1, result.ExitCode);
        using var log = JsonDocument.Parse(result.Out);
        var evaluation = Schema.Evaluate(log.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (evaluation.Details ?? new List<EvaluationResults>()).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value));
        Assert.True(evaluation.IsValid, string.Join("\n", errors));
    }

    [Fact]
    public void Schema_RejectsABrokenLog_SoTheValidationIsReal()
    {
        using var broken = JsonDocument.Parse("""{ "version": "2.1.0", "runs": [ { "tool": { "driver": { } }, "results": [ { "level": "fatal" } ] } ] }""");

        Assert.False(Schema.Evaluate(broken.RootElement).IsValid);
    }

    [Fact]
    public void Results_UseRelativeUris_WithSrcRootDeclaredInOriginalUriBaseIds()
    {
        using var json = JsonDocument.Parse(InvalidSample().Out);
        var run = json.RootElement.GetProperty("runs")[0];
        var baseUri = run.GetProperty("originalUriBaseIds").GetProperty("%SRCROOT%").GetProperty("uri").GetString()!;
        Assert.StartsWith("file:///", baseUri, StringComparison.Ordinal);
        Assert.EndsWith("/", baseUri, StringComparison.Ordinal);

        var located = run.GetProperty("results").EnumerateArray().Where(r => r.GetProperty("locations").GetArrayLength() > 0).ToList();
        Assert.NotEmpty(located);
        foreach (var result in located)
        {
            var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
            var uri = artifact.GetProperty("uri").GetString()!;
            Assert.False(Uri.TryCreate(uri, UriKind.Absolute, out _) && uri.Contains(':', StringComparison.Ordinal), uri);
            Assert.Equal("%SRCROOT%", artifact.GetProperty("uriBaseId").GetString());

            // The base plus the relative URI is the file on disk.
            var full = new Uri(new Uri(baseUri), uri).LocalPath;
            Assert.True(File.Exists(full), full);
        }

        var first = located.First(r => r.GetProperty("ruleId").GetString() == "OSI0115");
        var region = first.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region");
        Assert.Equal("samples/InvalidPipelines/pipelines/broken-steps.oml", first.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(9, region.GetProperty("startLine").GetInt32());
        Assert.Equal(19, region.GetProperty("startColumn").GetInt32());
        Assert.Equal("error", first.GetProperty("level").GetString());
    }

    [Fact]
    public void Rules_CarryHelpUris_AndResultsPointAtTheirRule()
    {
        using var json = JsonDocument.Parse(InvalidSample().Out);
        var run = json.RootElement.GetProperty("runs")[0];
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(Osiris.Oml.Diagnostics.DiagnosticCatalog.All.Length, rules.Count);
        foreach (var rule in rules)
        {
            Assert.StartsWith("https://github.com/", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
            Assert.EndsWith(rule.GetProperty("id").GetString() + ".md", rule.GetProperty("helpUri").GetString(), StringComparison.Ordinal);
        }

        foreach (var result in run.GetProperty("results").EnumerateArray())
        {
            var index = result.GetProperty("ruleIndex").GetInt32();
            Assert.Equal(result.GetProperty("ruleId").GetString(), rules[index].GetProperty("id").GetString());
        }

        // A duplicate pipeline name points at the other declaration too.
        var duplicate = run.GetProperty("results").EnumerateArray().First(r => r.GetProperty("ruleId").GetString() == "OSI0405");
        Assert.Equal(1, duplicate.GetProperty("relatedLocations").GetArrayLength());
    }
}
