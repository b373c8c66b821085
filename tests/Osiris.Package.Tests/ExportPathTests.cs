using System.Text.RegularExpressions;
using Osiris.Oml.Export;
using Osiris.Oml.Tests.Support;
using Osiris.Package.Tests.Support;

namespace Osiris.Package.Tests;

/// <summary>
/// Exports on disk: <c>dotnet build -p:OsirisExportPath=exports</c> with the packed package writes each
/// pipeline's Airflow, Prefect and Dagster files, skips a pipeline with errors (OSIEXPORT01), leaves
/// unchanged files alone and deletes the exports of a removed pipeline.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class ExportPathTests(PackageFeed feed, ITestOutputHelper output)
{
    // An error the repository lowered to a warning (.globalconfig): the build succeeds, the export cannot.
    private const string Broken = """
        oml_version: "0.1.0"
        name: "broken"
        steps:
          - id: "load"
            component: "duckdb.processor"
            mode: "transform"
            needs: ["extrct"]
            config:
              query: "SELECT 1"
        """;

    private static readonly ExportFormat[] Formats = { ExportFormat.Airflow, ExportFormat.Prefect, ExportFormat.Dagster };

    [Fact]
    public void Build_WithOsirisExportPath_WritesTheExports_KeepsUnchangedFiles_AndDeletesThoseOfARemovedPipeline()
    {
        var dir = feed.CreateProject("ExportPathRepo", new[] { ("Osiris.Analyzers", feed.Version) });
        var sample = Path.Combine(RepositoryPaths.Root, "samples", "PipelineRepository");
        Directory.CreateDirectory(Path.Combine(dir, "pipelines"));
        Directory.CreateDirectory(Path.Combine(dir, "components", "acme.crm_extractor"));
        File.Copy(Path.Combine(sample, "pipelines", "csv-export.oml"), Path.Combine(dir, "pipelines", "csv-export.oml"));
        // Uses the repository's own component: the task must read components/*/spec.yaml too.
        File.Copy(Path.Combine(sample, "pipelines", "crm-accounts.oml"), Path.Combine(dir, "pipelines", "crm-accounts.oml"));
        File.Copy(Path.Combine(sample, "components", "acme.crm_extractor", "spec.yaml"), Path.Combine(dir, "components", "acme.crm_extractor", "spec.yaml"));
        File.WriteAllText(Path.Combine(dir, "pipelines", "broken.oml"), Broken);
        File.WriteAllText(Path.Combine(dir, ".globalconfig"), "is_global = true\ndotnet_diagnostic.OSI0113.severity = warning\n");
        var exports = Path.Combine(dir, "exports");

        var first = Build(dir);

        Assert.Equal(0, first.ExitCode);
        var (warnedFile, message) = Assert.Single(ExportWarnings(first));
        Assert.Equal("broken.oml", warnedFile);
        Assert.Matches(@"^pipelines/broken\.oml: not exported: OSI0113: .+; fix its errors \(dotnet build lists them\)$", message);
        Assert.Equal(
            new[]
            {
                "airflow/crm-accounts/crm_accounts.py",
                "airflow/csv-export/csv_export.py",
                "dagster/crm-accounts/crm_accounts.py",
                "dagster/csv-export/csv_export.py",
                "prefect/crm-accounts/crm_accounts.py",
                "prefect/crm-accounts/prefect.yaml",
                "prefect/csv-export/csv_export.py",
                "prefect/csv-export/prefect.yaml",
            },
            ExportedFiles(exports));
        Assert.Equal(ExportedFiles(exports), ManifestEntries(exports));

        // The bytes SourceExport gives in-process for the same text, settings and specs; only the
        // tool version in the header and the embedded block differ (the feed packs a test version).
        var settings = new Dictionary<string, string> { ["build_property.OsirisPrefectPython"] = "3.13" };
        var specs = new Dictionary<string, string>
        {
            ["components/acme.crm_extractor/spec.yaml"] = File.ReadAllText(Path.Combine(dir, "components", "acme.crm_extractor", "spec.yaml")).Replace("\r\n", "\n"),
        };
        foreach (var (pipeline, key) in new[] { ("csv-export.oml", "csv-export"), ("crm-accounts.oml", "crm-accounts") })
        {
            var text = File.ReadAllText(Path.Combine(dir, "pipelines", pipeline)).Replace("\r\n", "\n");
            foreach (var format in Formats)
            {
                foreach (var file in SourceExport.Export("pipelines/" + pipeline, text, format, settings, specs).Files)
                {
                    var path = Path.Combine(exports, ExportFormats.ToText(format), key, file.RelativePath);
                    var bytes = File.ReadAllBytes(path);
                    Assert.False(bytes.AsSpan().StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }), $"{path} has a BOM");
                    var written = System.Text.Encoding.UTF8.GetString(bytes).Replace(feed.Version, ExportOptions.Default.ToolVersion, StringComparison.Ordinal);
                    Assert.Equal(file.Content, written);
                }
            }
        }

        // Nothing changed: no file is rewritten (their time stamps are set back to see it).
        var old = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var file in Directory.GetFiles(exports, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, old);
        }

        var second = Build(dir);
        Assert.Equal(0, second.ExitCode);
        Assert.All(Directory.GetFiles(exports, "*", SearchOption.AllDirectories), f => Assert.Equal(old, File.GetLastWriteTimeUtc(f)));

        // The pipeline goes: its exports go; a file the build did not write stays.
        File.WriteAllText(Path.Combine(exports, "DEPLOY.md"), "ours\n");
        File.Delete(Path.Combine(dir, "pipelines", "csv-export.oml"));

        var third = Build(dir);

        Assert.Equal(0, third.ExitCode);
        Assert.Equal(
            new[]
            {
                "DEPLOY.md",
                "airflow/crm-accounts/crm_accounts.py",
                "dagster/crm-accounts/crm_accounts.py",
                "prefect/crm-accounts/crm_accounts.py",
                "prefect/crm-accounts/prefect.yaml",
            },
            ExportedFiles(exports));
        Assert.False(Directory.Exists(Path.Combine(exports, "airflow", "csv-export")), "the emptied folder stays");
        Assert.Equal(ExportedFiles(exports).Where(f => f != "DEPLOY.md"), ManifestEntries(exports));
        Assert.Equal(old, File.GetLastWriteTimeUtc(Path.Combine(exports, "airflow", "crm-accounts", "crm_accounts.py")));
    }

    [Fact]
    public void Build_WhereAnExportCannotBeWritten_FailsWithOSIEXPORT02NamingTheFile_AndWritesTheRest()
    {
        var dir = feed.CreateProject("ExportPathBlocked", new[] { ("Osiris.Analyzers", feed.Version) });
        Directory.CreateDirectory(Path.Combine(dir, "pipelines"));
        File.Copy(
            Path.Combine(RepositoryPaths.Root, "samples", "PipelineRepository", "pipelines", "csv-export.oml"),
            Path.Combine(dir, "pipelines", "csv-export.oml"));
        // A file where the Airflow folder must go: the Airflow export cannot be written, the others can.
        Directory.CreateDirectory(Path.Combine(dir, "exports"));
        File.WriteAllText(Path.Combine(dir, "exports", "airflow"), "not a folder\n");

        var result = feed.Build(dir, "-p:OsirisExportPath=exports", "-v:n");
        output.WriteLine(result.Output);

        Assert.NotEqual(0, result.ExitCode);
        var errors = Regex.Matches(result.Output, @"error OSIEXPORT02: (?<message>[^\r\n]*?)(?: \[[^\r\n]*\])?\r?$", RegexOptions.Multiline)
            .Select(m => m.Groups["message"].Value)
            .Distinct()
            .ToList();
        var message = Assert.Single(errors);
        Assert.StartsWith(Path.Combine(dir, "exports", "airflow", "csv-export", "csv_export.py") + ": cannot write the export: ", message, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir, "exports", "dagster", "csv-export", "csv_export.py")), "the other targets are written");
        Assert.DoesNotContain("OSIEXPORT01", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithoutOsirisExportPath_WritesNoExports()
    {
        var dir = feed.CreateProject("NoExportPathRepo", new[] { ("Osiris.Analyzers", feed.Version) });
        Directory.CreateDirectory(Path.Combine(dir, "pipelines"));
        File.Copy(
            Path.Combine(RepositoryPaths.Root, "samples", "PipelineRepository", "pipelines", "csv-export.oml"),
            Path.Combine(dir, "pipelines", "csv-export.oml"));

        var result = feed.Build(dir, "-v:n");
        output.WriteLine(result.Output);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("Osiris: exported", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("OsirisWriteExports", result.Output, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(dir, ".osiris-exports", SearchOption.AllDirectories));
    }

    private DotNetCli.Result Build(string dir)
    {
        // -v:n shows the task's summary line; -v:q (the feed's default) would hide it.
        var result = feed.Build(dir, "-p:OsirisExportPath=exports", "-p:OsirisPrefectPython=3.13", "-v:n");
        output.WriteLine(result.Output);
        Assert.Contains($"Osiris: exported {(File.Exists(Path.Combine(dir, "pipelines", "csv-export.oml")) ? 2 : 1)} pipelines to {Path.Combine(dir, "exports")}", result.Output, StringComparison.Ordinal);
        return result;
    }

    /// <summary>The OSIEXPORT01 warnings: the file they are located at (its name) and the message.</summary>
    private static IReadOnlyList<(string File, string Message)> ExportWarnings(DotNetCli.Result result)
        => Regex.Matches(result.Output, @"^(?<file>[^\r\n]*?)\s*: warning OSIEXPORT01: (?<message>[^\r\n]*?)(?: \[[^\r\n]*\])?\r?$", RegexOptions.Multiline)
            .Select(m => (Path.GetFileName(m.Groups["file"].Value.Trim()), m.Groups["message"].Value))
            .Distinct()
            .ToList();

    private static IReadOnlyList<string> ExportedFiles(string folder)
        => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
            .Where(f => f != ProjectExports.ManifestFileName)
            .Order(StringComparer.Ordinal)
            .ToList();

    private static IReadOnlyList<string> ManifestEntries(string folder)
        => File.ReadAllLines(Path.Combine(folder, ProjectExports.ManifestFileName))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .ToList();
}
