using NodaTime;
using Osiris.Cli.Tests.Support;
using Osiris.Oml;
using Osiris.Oml.Components;
using Osiris.Oml.Export;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Tests.Support;

namespace Osiris.Cli.Tests;

/// <summary>
/// <c>osiris schedule export</c> through the real entry point: the engine's export with the repository's
/// settings byte for byte, the engine's golden files when the settings match, -o, refusal of pipelines
/// with errors, the command options.
/// </summary>
public sealed class ExportTests
{
    private const string SeedRelative = "pipelines/daily_customer_sync.oml";

    public static TheoryData<string> Formats() => new("airflow", "prefect", "dagster");

    [Theory]
    [MemberData(nameof(Formats))]
    public void Export_OfTheSeed_ToStdout_IsTheEnginesExport_ForTheRepositorysSettings(string format)
    {
        var result = Tool.Run("schedule", "export", "samples/PipelineRepository/" + SeedRelative, "--format", format);

        Assert.Equal(0, result.ExitCode);
        // The sample repository pins no reference date: the engine then counts from the build date (the clock's day, UTC).
        var expected = EngineExport(SampleRepository, Parse(format), SampleOptions(Tool.Now.InUtc().Date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant()));
        Assert.Equal(expected.Files.First(f => f.RelativePath.EndsWith(".py", StringComparison.Ordinal)).Content, result.Out);
        Assert.Contains("osiris: note: osiris_reference_date is not set, so the export records today, 2026-11-27, as its reference date", result.Err, StringComparison.Ordinal);
        // What the target cannot express is named on stderr too, not only in the file's header.
        Assert.NotEmpty(expected.Unsupported);
        var title = char.ToUpperInvariant(format[0]) + format[1..];
        Assert.All(expected.Unsupported, u => Assert.Contains($"osiris: note: {title} cannot express {u}\n", result.Err, StringComparison.Ordinal));
        if (format == "prefect")
        {
            Assert.Contains("osiris: note: stdout holds daily_customer_sync.py; prefect.yaml was not written: give -o FOLDER to write both files", result.Err, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("was not written", result.Err, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Export_WithTheGoldenFilesSettings_WritesTheEnginesGoldenFiles(string format)
    {
        // The engine's golden files use the default settings with the reference date 2026-01-01 and a fixed tool
        // version; a copy of the sample repository pinning that date gives the same bytes but for the version.
        using var repo = SampleCopy("osiris_reference_date = 2026-01-01\n");
        var result = Tool.RunIn(repo.Root, "schedule", "export", SeedRelative, "--format", format, "-o", "out/");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("osiris_reference_date", result.Err, StringComparison.Ordinal);
        var golden = Path.Combine(RepositoryPaths.Root, "tests", "Osiris.Oml.Tests", "Export", "Golden", "daily_customer_sync", format);
        var names = Directory.GetFiles(golden).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(names, Directory.GetFiles(Path.Combine(repo.Root, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(string.Concat(names.Select(n => "Wrote out/" + n + "\n")), string.Concat(result.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).Select(l => l + "\n")));
        foreach (var name in names)
        {
            var expected = File.ReadAllText(Path.Combine(golden, name!)).ReplaceLineEndings("\n")
                .Replace("0.0.0-test", ExportOptions.Default.ToolVersion, StringComparison.Ordinal);
            Assert.Equal(expected, File.ReadAllText(Path.Combine(repo.Root, "out", name!)));
        }
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Export_FollowsTheGlobalConfigSettings_AsTheEngineDoes(string format)
    {
        using var repo = SampleCopy("osiris_reference_date = 2027-03-01\nosiris_prefect_python = 3.13\nosiris_dagster_version = 1.13\n");
        var result = Tool.RunIn(repo.Root, "schedule", "export", SeedRelative, "--format", format, "-o", "out/");

        Assert.Equal(0, result.ExitCode);
        var unpinned = SampleOptions(Instant.FromUtc(2027, 3, 1, 0, 0));
        var options = unpinned with { Schedule = unpinned.Schedule with { PrefectPython = PrefectPython.Python313OrNewer, DagsterVersion = DagsterVersion.Current } };
        var expected = EngineExport(repo.Root, Parse(format), options);
        var unset = EngineExport(repo.Root, Parse(format), unpinned);
        foreach (var file in expected.Files)
        {
            var written = File.ReadAllText(Path.Combine(repo.Root, "out", file.RelativePath));
            Assert.Equal(file.Content, written);
            Assert.Contains("\"reference_time\": \"2027-03-01T00:00:00Z\"", written, StringComparison.Ordinal);
        }

        // The versions matter: without them the files differ (both semantics are named, or the block records "unknown").
        Assert.NotEqual(unset.Files, expected.Files);
    }

    [Fact]
    public void Export_RecordsTheProjectRelativePath_WhateverTheCurrentFolder()
    {
        var fromRoot = Tool.Run("schedule", "export", "samples/PipelineRepository/" + SeedRelative, "--format", "airflow");
        var fromPipelines = Tool.RunIn(Path.Combine(SampleRepository, "pipelines"), "schedule", "export", "daily_customer_sync.oml", "--format", "airflow");

        Assert.Equal(0, fromRoot.ExitCode);
        Assert.Equal(fromRoot.Out, fromPipelines.Out);
        Assert.Contains("# Generated by Osiris.Analyzers " + ExportOptions.Default.ToolVersion + " from pipelines/daily_customer_sync.oml.\n", fromRoot.Out, StringComparison.Ordinal);
        Assert.Contains("#     \"source\": \"pipelines/daily_customer_sync.oml\",\n", fromRoot.Out, StringComparison.Ordinal);
        Assert.Contains("PIPELINE = \"pipelines/daily_customer_sync.oml\"", fromRoot.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(RepositoryPaths.Root, fromRoot.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', fromRoot.Out);
    }

    [Fact]
    public void Export_IsDeterministic()
    {
        var a = Tool.Run("schedule", "export", "samples/PipelineRepository/" + SeedRelative, "--format", "dagster");
        var b = Tool.Run("schedule", "export", "samples/PipelineRepository/" + SeedRelative, "--format", "dagster");

        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Out, b.Out);
        Assert.Equal(a.Err, b.Err);
    }

    [Fact]
    public void Export_WithOToAFile_WritesThatFile_AndToAnExistingFolder_UsesTheExportsName()
    {
        using var repo = SampleCopy("osiris_reference_date = 2026-01-01\n");
        Directory.CreateDirectory(Path.Combine(repo.Root, "dags"));

        var toFile = Tool.RunIn(repo.Root, "schedule", "export", SeedRelative, "--format", "airflow", "-o", "deploy/my_dag.py");
        var toFolder = Tool.RunIn(repo.Root, "schedule", "export", SeedRelative, "--format", "airflow", "--output", "dags");
        var stdout = Tool.RunIn(repo.Root, "schedule", "export", SeedRelative, "--format", "airflow");

        Assert.Equal((0, "Wrote deploy/my_dag.py\n"), (toFile.ExitCode, toFile.Out));
        Assert.Equal((0, "Wrote dags/daily_customer_sync.py\n"), (toFolder.ExitCode, toFolder.Out));
        Assert.Equal(stdout.Out, File.ReadAllText(Path.Combine(repo.Root, "deploy", "my_dag.py")));
        Assert.Equal(stdout.Out, File.ReadAllText(Path.Combine(repo.Root, "dags", "daily_customer_sync.py")));
        // UTF-8 without a byte order mark.
        Assert.Equal((byte)'#', File.ReadAllBytes(Path.Combine(repo.Root, "dags", "daily_customer_sync.py"))[0]);
    }

    [Fact]
    public void Export_ToPrefect_WithO_WritesBothFilesIntoTheFolder_AndRefusesAFile()
    {
        using var repo = SampleCopy("osiris_reference_date = 2026-01-01\n");
        repo.Write("taken.txt", "x\n");

        var toFolder = Tool.RunIn(repo.Root, "schedule", "export", SeedRelative, "--format", "prefect", "-o", "flows/sync");
        var toFile = Tool.RunIn(repo.Root, "schedule", "export", SeedRelative, "--format", "prefect", "-o", "taken.txt");

        Assert.Equal((0, "Wrote flows/sync/daily_customer_sync.py\nWrote flows/sync/prefect.yaml\n"), (toFolder.ExitCode, toFolder.Out));
        Assert.Contains("entrypoint: \"daily_customer_sync.py:", File.ReadAllText(Path.Combine(repo.Root, "flows", "sync", "prefect.yaml")), StringComparison.Ordinal);
        Assert.Equal(2, toFile.ExitCode);
        Assert.Equal(string.Empty, toFile.Out);
        Assert.Contains("osiris: -o taken.txt: a prefect export is 2 files, so -o must name a folder, not a file", toFile.Err, StringComparison.Ordinal);
        Assert.Equal("x\n", File.ReadAllText(Path.Combine(repo.Root, "taken.txt")));
    }

    [Fact]
    public void Export_OfAPipelineWithErrors_IsRefused_WithValidatesDiagnostics_UnlessForced()
    {
        using var repo = new TempRepo();
        var seed = File.ReadAllText(Path.Combine(SampleRepository, SeedRelative));
        repo.Write("pipelines/bad.oml", seed.Replace("expression: \"0 2 * * *\"", "expression: \"0 25 * * *\"", StringComparison.Ordinal));
        var validate = Tool.RunIn(repo.Root, "schedule", "validate", "pipelines/bad.oml");
        var errorLines = validate.Out.Split('\n').Where(l => l.Contains(": error OSI", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(errorLines);
        Assert.Contains(errorLines, l => l.StartsWith("pipelines/bad.oml(8,", StringComparison.Ordinal) && l.Contains("error OSI0201", StringComparison.Ordinal));

        var refused = Tool.RunIn(repo.Root, "schedule", "export", "pipelines/bad.oml", "--format", "airflow", "-o", "dags/");
        var forced = Tool.RunIn(repo.Root, "schedule", "export", "pipelines/bad.oml", "--format", "airflow", "--force");

        Assert.Equal(1, refused.ExitCode);
        Assert.Equal(string.Empty, refused.Out);
        var lines = refused.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(errorLines, lines.Where(l => l.Contains(": error OSI", StringComparison.Ordinal)).ToList());
        var count = errorLines.Count;
        Assert.Equal($"osiris: pipelines/bad.oml has {count} error{(count == 1 ? string.Empty : "s")}, so it was not exported; fix {(count == 1 ? "it" : "them")}, or pass --force to export it anyway", lines[^1]);
        Assert.False(Directory.Exists(Path.Combine(repo.Root, "dags")));

        Assert.Equal(0, forced.ExitCode);
        Assert.StartsWith("# Airflow DAG of the Osiris pipeline \"daily_customer_sync\"", forced.Out, StringComparison.Ordinal);
        Assert.Contains("\"0 25 * * *\"", forced.Out, StringComparison.Ordinal);
        Assert.Contains($"osiris: warning: exporting pipelines/bad.oml despite {count} error", forced.Err, StringComparison.Ordinal);
        Assert.Equal(errorLines, forced.Err.Split('\n').Where(l => l.Contains(": error OSI", StringComparison.Ordinal)).ToList());
    }

    [Fact]
    public void Export_AppliesTheRepositorysSeverities_WhenDecidingWhatIsAnError()
    {
        // OSI0301 (no owner) is an error by default; a repository may lower it, and then the export goes ahead.
        using var repo = SampleCopy("osiris_reference_date = 2026-01-01\n");
        var seed = File.ReadAllText(Path.Combine(SampleRepository, SeedRelative));
        repo.Write(SeedRelative, seed.Replace("  owner: \"data-team@company.com\"\n", string.Empty, StringComparison.Ordinal));

        var strict = Tool.RunIn(repo.Root, "schedule", "export", SeedRelative, "--format", "dagster");
        repo.Write(".globalconfig", "is_global = true\nosiris_reference_date = 2026-01-01\ndotnet_diagnostic.OSI0301.severity = warning\n");
        var lowered = Tool.RunIn(repo.Root, "schedule", "export", SeedRelative, "--format", "dagster");

        Assert.Equal(1, strict.ExitCode);
        Assert.Equal(2, strict.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("pipelines/daily_customer_sync.oml(23,1): error OSI0301: ", strict.Err, StringComparison.Ordinal);
        Assert.Equal(0, lowered.ExitCode);
        Assert.Contains(": warning OSI0301: ", lowered.Err, StringComparison.Ordinal);
        Assert.StartsWith("# Dagster", lowered.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_PassesTheCommandOptions_ToTheExporter()
    {
        var result = Tool.Run(
            "schedule", "export", "samples/PipelineRepository/" + SeedRelative, "--format", "airflow",
            "--run-command", "python -m osiris run {pipeline}",
            "--window-arguments", "--from {window_start} --to {window_end}",
            "--test-command", "python -m osiris test {pipeline} --strict",
            "--prefect-work-pool", "k8s");

        Assert.Equal(0, result.ExitCode);
        var options = SampleOptions(Tool.Now.InUtc().Date.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant()) with
        {
            RunCommand = "python -m osiris run {pipeline}",
            WindowArguments = "--from {window_start} --to {window_end}",
            TestCommand = "python -m osiris test {pipeline} --strict",
            PrefectWorkPool = "k8s",
        };
        Assert.Equal(EngineExport(SampleRepository, ExportFormat.Airflow, options).Files.Single().Content, result.Out);
        Assert.Contains("#     \"run_command\": \"python -m osiris run {pipeline}\",", result.Out, StringComparison.Ordinal);
        Assert.Contains("\"--strict\"", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_WithABadCommandTemplate_IsAUsageError()
    {
        var result = Tool.Run("schedule", "export", "samples/PipelineRepository/" + SeedRelative, "--format", "airflow", "--run-command", "osiris run {pipline}");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.StartsWith("osiris: The command 'osiris run {pipline} ", result.Err, StringComparison.Ordinal);
        Assert.Contains(" names '{pipline}'; use {pipeline}, {window_start} or {window_end}.", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_ToAnOrchestratorOutsideOsirisTargets_Warns()
    {
        using var repo = SampleCopy("osiris_reference_date = 2026-01-01\nosiris_targets = airflow\n");

        var result = Tool.RunIn(repo.Root, "schedule", "export", SeedRelative, "--format", "dagster");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("osiris: warning: osiris_targets does not list dagster, so the build does not check this pipeline against Dagster's semantics", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_NamesTheInlineSecretsItReplaced_AndNeverWritesThem()
    {
        using var repo = new TempRepo();
        repo.Write("pipelines/leaky.oml", """
            oml_version: "0.2.0"
            name: "leaky"
            schedule:
              expression: "0 2 * * *"
            metadata:
              owner: "data-team@company.com"
            steps:
              - id: "extract"
                component: "mysql.extractor"
                mode: "read"
                config:
                  host: "db.internal"
                  database: "crm"
                  user: "etl"
                  password: "s3cr3t-Passw0rd"
                  table: "customers"
            """);

        var export = Tool.RunIn(repo.Root, "schedule", "export", "pipelines/leaky.oml", "--format", "airflow", "-o", "dags/");
        var import = Tool.RunIn(repo.Root, "schedule", "import", "dags/leaky.py");

        Assert.Equal(0, export.ExitCode);
        Assert.Contains(": warning OSI0503: ", export.Err, StringComparison.Ordinal);
        Assert.Contains("osiris: note: steps[0].config.password holds an inline secret; the export writes ${MYSQL_PASSWORD} instead\n", export.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-Passw0rd", File.ReadAllText(Path.Combine(repo.Root, "dags", "leaky.py")), StringComparison.Ordinal);
        Assert.Equal(0, import.ExitCode);
        Assert.Equal("osiris: note: steps[0].config.password held an inline secret when exported; the imported pipeline has ${MYSQL_PASSWORD}\n", import.Err);
        Assert.Contains("password: \"${MYSQL_PASSWORD}\"", import.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-Passw0rd", export.Err + export.Out + import.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("samples/PipelineRepository/pipelines/missing.oml", "no such file")]
    [InlineData("samples/PipelineRepository/pipelines", "no such file")]
    [InlineData("samples/PipelineRepository/PipelineRepository.csproj", "not an .oml file")]
    public void Export_OfAMissingOrWrongFile_ExitsTwo(string path, string message)
    {
        var result = Tool.Run("schedule", "export", path, "--format", "airflow");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.StartsWith("osiris: " + path + ": " + message, result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_WithoutFormat_IsAUsageError()
    {
        var result = Tool.Run("schedule", "export", "samples/PipelineRepository/" + SeedRelative);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--format", result.Err, StringComparison.Ordinal);
        Assert.Contains("Run 'osiris schedule export --help' for usage.", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_ColoursStderrOnATerminal_WithoutNoColor_AndNeverTheExport()
    {
        using var repo = new TempRepo();
        var seed = File.ReadAllText(Path.Combine(SampleRepository, SeedRelative));
        repo.Write("pipelines/bad.oml", seed.Replace("expression: \"0 2 * * *\"", "expression: \"0 25 * * *\"", StringComparison.Ordinal));
        string[] args = { "schedule", "export", "pipelines/bad.oml", "--format", "airflow", "--force" };

        var terminal = Tool.RunWith(repo.Root, new Dictionary<string, string>(), terminal: true, args);
        var noColor = Tool.RunWith(repo.Root, new Dictionary<string, string> { ["NO_COLOR"] = "1" }, terminal: true, args);
        var piped = Tool.RunWith(repo.Root, new Dictionary<string, string>(), terminal: false, args);

        Assert.Contains("\u001b[31merror OSI0201\u001b[0m", terminal.Err, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', terminal.Out);
        Assert.DoesNotContain('\u001b', noColor.Err);
        Assert.DoesNotContain('\u001b', piped.Err);
        Assert.Equal(terminal.Out, piped.Out);
    }

    internal static string SampleRepository => Path.Combine(RepositoryPaths.Root, "samples", "PipelineRepository");

    internal static ExportFormat Parse(string format) => ExportFormats.TryParse(format, out var f) ? f : throw new ArgumentException(format);

    /// <summary>The engine's options for the sample repository: its component specs, default settings counted from <paramref name="reference"/>.</summary>
    internal static ExportOptions SampleOptions(Instant reference)
        => ExportOptions.Default with
        {
            Schedule = ScheduleSettings.Default with { ReferenceTime = reference },
            Components = SampleComponents(),
        };

    internal static ComponentRegistry SampleComponents()
        => ComponentRegistry.BuiltIn.With(Directory.GetFiles(Path.Combine(SampleRepository, "components"), "spec.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(p => ComponentSpecReader.Read(p, File.ReadAllText(p)).Spec!));

    /// <summary>The seed as the engine builds it from <paramref name="root"/>, named by its project-relative path, exported with <paramref name="options"/>.</summary>
    internal static ExportResult EngineExport(string root, ExportFormat format, ExportOptions options)
        => PipelineExporter.Export(Seed(root, options), format, options);

    internal static PipelineModel Seed(string root, ExportOptions options)
    {
        var analysis = OmlEngine.AnalyzeFile(SeedRelative, File.ReadAllText(Path.Combine(root, SeedRelative)), OmlAnalysisOptions.Default with { Components = options.Components, Schedule = options.Schedule });
        Assert.False(analysis.HasErrors, string.Join("\n", analysis.Diagnostics));
        return analysis.Pipeline!;
    }

    /// <summary>A copy of the sample repository with a .globalconfig of <paramref name="settings"/>.</summary>
    internal static TempRepo SampleCopy(string settings)
    {
        var repo = new TempRepo();
        File.Delete(Path.Combine(repo.Root, "Pipelines.csproj"));
        foreach (var file in Directory.GetFiles(SampleRepository, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(SampleRepository, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "bin" or "obj")
            {
                continue;
            }

            repo.Write(relative, File.ReadAllText(file));
        }

        repo.Write(".globalconfig", "is_global = true\n" + settings);
        return repo;
    }
}
