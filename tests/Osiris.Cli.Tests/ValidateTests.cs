using System.Collections.Immutable;
using System.Text.Json;
using NodaTime;
using Osiris.Analyzers.Tests.Support;
using Osiris.Cli.Tests.Support;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Tests.Support;

namespace Osiris.Cli.Tests;

/// <summary><c>osiris schedule validate</c>: the D3 summary, the build's diagnostics, exit codes, settings.</summary>
public sealed class ValidateTests
{
    private const string Seed = "samples/PipelineRepository/pipelines/daily_customer_sync.oml";

    [Fact]
    public void SeedPipeline_ReproducesTheMilestoneD3Output_WithComputedRuns()
    {
        // D3: "osiris schedule validate pipeline.oml" on 2024-01-15 after the 02:00 run lists 01-16 .. 01-20.
        var result = Tool.Run("schedule", "validate", Seed, "--from", "2024-01-15T03:00:00Z");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Err);

        // The five runs are the engine's Airflow fire times, not text typed into this test.
        var cron = CronExpression.Parse("0 2 * * *").Expression!;
        var fires = ScheduleCalculator.GetFireTimes(cron, DateTimeZone.Utc, Instant.FromUtc(2024, 1, 15, 3, 0), 5, ScheduleTarget.Airflow).FireTimes;
        var expectedRuns = fires.Select(f => "  - " + f.InUtc().LocalDateTime.ToString("uuuu'-'MM'-'dd' 'HH':'mm':'ss", null) + " UTC");
        var d3 = new[] { "✓ Valid cron expression: \"0 2 * * *\" in UTC", "✓ Next 5 runs (Airflow, tz database 2026f):" }
            .Concat(expectedRuns)
            .Concat(new[] { "✓ Window calculation valid", "✓ No schedule conflicts detected" })
            .ToList();
        var lines = result.Out.Split('\n').ToList();
        var at = lines.IndexOf(d3[0]);
        Assert.True(at >= 0, result.Out);
        Assert.Equal(d3, lines.Skip(at).Take(d3.Count).ToList());
        Assert.Equal("  - 2024-01-16 02:00:00 UTC", d3[2]);
        Assert.Equal("  - 2024-01-20 02:00:00 UTC", d3[6]);
        Golden.Check("validate-seed.txt", result.Out);
    }

    [Fact]
    public void InvalidSample_GivesExactlyTheBuildsGoldenDiagnostics()
    {
        var sample = Path.Combine(RepositoryPaths.Root, "samples", "InvalidPipelines");
        var result = Tool.RunIn(sample, "schedule", "validate", ".", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        using var json = result.Json();
        var actual = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("path").GetString()}({d.GetProperty("line").GetInt32()},{d.GetProperty("column").GetInt32()}): {d.GetProperty("severity").GetString()} {d.GetProperty("id").GetString()}")
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var expected = File.ReadAllLines(Path.Combine(sample, "expected-diagnostics.txt")).Where(l => l.Length > 0).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task InvalidSample_MessagesAndPositionsMatchTheAnalyzer()
    {
        // The analyzer, run the way the compiler runs it over the sample's AdditionalFiles and .globalconfig.
        var sample = Path.Combine(RepositoryPaths.Root, "samples", "InvalidPipelines");
        var files = Directory.GetFiles(sample, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".oml", StringComparison.Ordinal) || f.EndsWith("spec.yaml", StringComparison.Ordinal) || f.EndsWith(".py", StringComparison.Ordinal))
            .Select(f => (Microsoft.CodeAnalysis.AdditionalText)new FixedAdditionalText(f, File.ReadAllText(f)))
            .ToImmutableArray();
        var global = new Dictionary<string, string> { ["osiris_reference_date"] = "2026-11-27", ["build_property.ProjectDir"] = sample + "/" };
        var all = await AnalyzerRunner.RunAsync(files, global);
        Assert.DoesNotContain(all, d => d.Id == "AD0001");
        var analyzer = all
            .Where(d => d.Id.StartsWith("OSI", StringComparison.Ordinal))
            .Select(d =>
            {
                var span = d.Location.GetLineSpan();
                var path = Path.GetRelativePath(sample, span.Path).Replace('\\', '/');
                return $"{path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): {d.Severity.ToString().ToLowerInvariant()} {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
            })
            .Order(StringComparer.Ordinal)
            .ToList();

        var result = Tool.RunIn(sample, "schedule", "validate", ".", "--format", "json");
        using var json = result.Json();
        var cli = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Select(d => $"{d.GetProperty("path").GetString()}({d.GetProperty("line").GetInt32()},{d.GetProperty("column").GetInt32()}): {d.GetProperty("severity").GetString()} {d.GetProperty("id").GetString()}: {d.GetProperty("message").GetString()}")
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(cli);
        Assert.Equal(analyzer, cli);
    }

    [Fact]
    public void ValidRepository_ExitsZero_WithNoDiagnostics()
    {
        var result = Tool.Run("schedule", "validate", "samples/PipelineRepository", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = result.Json();
        Assert.Equal(0, json.RootElement.GetProperty("diagnostics").GetArrayLength());
        Assert.Equal(6, json.RootElement.GetProperty("summary").GetProperty("files").GetInt32());
    }

    [Fact]
    public void OneFile_IsCheckedWithItsWholeProject_SoLineageToSiblingsIsQuiet()
    {
        // daily_customer_sync names order_processing and marketing_segments: both are in its project.
        var result = Tool.Run("schedule", "validate", Seed, "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = result.Json();
        Assert.Equal(1, json.RootElement.GetProperty("files").GetArrayLength());
        Assert.Equal(0, json.RootElement.GetProperty("diagnostics").GetArrayLength());
    }

    [Fact]
    public void Json_HasTheDocumentedShape()
    {
        var result = Tool.Run("schedule", "validate", Seed, "--format", "json", "--from", "2024-01-15T03:00:00Z");

        using var json = result.Json();
        var root = json.RootElement;
        Assert.Equal("osiris", root.GetProperty("tool").GetString());
        Assert.Equal("2026f", root.GetProperty("tzdb").GetString());
        var file = root.GetProperty("files")[0];
        Assert.Equal(Seed, file.GetProperty("path").GetString());
        Assert.Equal("daily_customer_sync", file.GetProperty("pipeline").GetString());
        var schedule = file.GetProperty("schedule");
        Assert.Equal("0 2 * * *", schedule.GetProperty("cron").GetString());
        Assert.Equal(JsonValueKind.Null, schedule.GetProperty("every").ValueKind);
        Assert.Equal("UTC", schedule.GetProperty("timezone").GetString());
        Assert.Equal("airflow", schedule.GetProperty("target").GetString());
        Assert.Equal(
            new[] { "2024-01-16T02:00:00Z", "2024-01-17T02:00:00Z", "2024-01-18T02:00:00Z", "2024-01-19T02:00:00Z", "2024-01-20T02:00:00Z" },
            schedule.GetProperty("nextRuns").EnumerateArray().Select(r => r.GetString()).ToArray());
        Assert.True(file.GetProperty("windowValid").GetBoolean());
        Assert.False(file.GetProperty("conflictsDetected").GetBoolean());
        var summary = root.GetProperty("summary");
        Assert.Equal(1, summary.GetProperty("files").GetInt32());
        Assert.Equal(0, summary.GetProperty("errors").GetInt32());
    }

    [Fact]
    public void InvalidSample_TextReport_MatchesGolden()
    {
        var sample = Path.Combine(RepositoryPaths.Root, "samples", "InvalidPipelines");
        var result = Tool.RunIn(sample, "schedule", "validate", ".", "--from", "2026-12-01");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("pipelines/broken-steps.oml(9,19): error OSI0115: Connection reference '@mysql' must have the form", result.Out, StringComparison.Ordinal);
        Assert.Contains("✗ Window calculation: see OSI0401, OSI0402", result.Out, StringComparison.Ordinal);
        Golden.Check("validate-invalid.txt", result.Out);
    }

    [Fact]
    public void GlobalConfig_Severities_AndInfoDiagnostics_AreApplied()
    {
        using var repo = new TempRepo();
        repo.Write("pipelines/export.oml", """
            oml_version: "0.1.0"
            name: "Daily Export"
            steps:
              - id: "aggregate"
                component: "duckdb.processor"
                mode: "write"
                config:
                  query: "SELECT 1"
            """);
        repo.Write(".globalconfig", """
            is_global = true
            dotnet_diagnostic.OSI0106.severity = error   # naming convention mandatory
            dotnet_diagnostic.OSI0112.severity = warning
            """);

        var result = Tool.RunIn(repo.Root, "schedule", "validate", ".");

        // The same lines the package test expects from `dotnet build` of this project.
        Assert.Contains("pipelines/export.oml(2,7): error OSI0106:", result.Out, StringComparison.Ordinal);
        Assert.Contains("pipelines/export.oml(6,11): warning OSI0112:", result.Out, StringComparison.Ordinal);
        Assert.Equal(1, result.ExitCode);
    }

    [Fact]
    public void SeverityNone_SilencesADiagnostic_AndInfoIsShownUnlikeMsBuild()
    {
        using var repo = new TempRepo();
        repo.Write("pipelines/a.oml", Pipeline("alpha", downstream: "beta"));
        repo.Write("pipelines/b.oml", Pipeline("beta", downstream: null));

        var shown = Tool.RunIn(repo.Root, "schedule", "validate", ".");
        Assert.Contains("pipelines/a.oml(", shown.Out, StringComparison.Ordinal);
        Assert.Contains(": info OSI0408:", shown.Out, StringComparison.Ordinal);
        Assert.Equal(0, shown.ExitCode);

        repo.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.OSI0408.severity = none\n");
        var silenced = Tool.RunIn(repo.Root, "schedule", "validate", ".");
        Assert.DoesNotContain("OSI0408", silenced.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void WarnAsError_TurnsWarningsIntoExitCode1()
    {
        using var repo = new TempRepo();
        repo.Write("p.oml", """
            oml_version: "0.1.0"
            name: "Daily Export"
            steps:
              - id: "aggregate"
                component: "duckdb.processor"
                mode: "transform"
                config:
                  query: "SELECT 1"
            """);

        var plain = Tool.RunIn(repo.Root, "schedule", "validate", "p.oml");
        var strict = Tool.RunIn(repo.Root, "schedule", "validate", "p.oml", "--warnaserror");

        Assert.Contains("warning OSI0106", plain.Out, StringComparison.Ordinal);
        Assert.Equal(0, plain.ExitCode);
        Assert.Equal(1, strict.ExitCode);
    }

    [Fact]
    public void InvalidOsirisSetting_IsReportedAsOsi0010WithoutALocation()
    {
        using var repo = new TempRepo();
        repo.Write("p.oml", Pipeline("alpha", downstream: null));
        repo.Write(".globalconfig", "is_global = true\nosiris_targets = airflw\n");

        var result = Tool.RunIn(repo.Root, "schedule", "validate", ".");

        Assert.Contains("\nwarning OSI0010: ", result.Out, StringComparison.Ordinal);
        Assert.Contains("osiris_targets (or OsirisTargets) is 'airflw'", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void NonUtf8File_IsOsi0002_AtTheFirstNonAsciiByte()
    {
        using var repo = new TempRepo();
        var path = Path.Combine(repo.Root, "latin1.oml");
        File.WriteAllBytes(path, System.Text.Encoding.Latin1.GetBytes("oml_version: \"0.1.0\"\nname: \"caf\u00e9\"\nsteps: []\n"));

        var result = Tool.RunIn(repo.Root, "schedule", "validate", "latin1.oml");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("latin1.oml(2,11): error OSI0002: The file is not YAML text: its bytes are not valid UTF-8", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingPath_IsAnIoProblem_ExitCode2_OnStderr()
    {
        var result = Tool.Run("schedule", "validate", "no/such/file.oml");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("no/such/file.oml: no such file or folder", result.Err, StringComparison.Ordinal);
    }

    internal static string Pipeline(string name, string? downstream) => $$"""
        oml_version: "0.2.0"
        name: "{{name}}"
        metadata:
          owner: "data@company.com"
        {{(downstream is null ? string.Empty : "  lineage:\n    downstream:\n      - \"pipeline: " + downstream + "\"")}}
        steps:
          - id: "aggregate"
            component: "duckdb.processor"
            mode: "transform"
            config:
              query: "SELECT 1"
        """;
}
