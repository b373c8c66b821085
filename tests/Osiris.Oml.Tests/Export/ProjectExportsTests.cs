using Osiris.Oml.Export;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Export;

/// <summary>
/// What the <c>OsirisExportPath</c> build step writes, planned without the file system: the layout,
/// the keys of pipelines with the same file name, pipelines with errors, and the manifest's cleanup rule.
/// </summary>
public sealed class ProjectExportsTests
{
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

    private static string Sample(string name)
        => File.ReadAllText(Path.Combine(RepositoryPaths.Root, "samples", "PipelineRepository", "pipelines", name));

    [Fact]
    public void Plan_WritesEachTargetsFilesUnderFormatAndKey_WithTheContentSourceExportGives()
    {
        var text = Sample("csv-export.oml");
        var settings = new Dictionary<string, string> { ["build_property.OsirisPrefectPython"] = "3.13" };

        var plan = ProjectExports.Plan(new Dictionary<string, string> { ["pipelines/csv-export.oml"] = text }, settings);

        Assert.Equal(1, plan.ExportedPipelines);
        Assert.Empty(plan.Skipped);
        Assert.Equal(
            new[]
            {
                "airflow/csv-export/csv_export.py",
                "dagster/csv-export/csv_export.py",
                "prefect/csv-export/csv_export.py",
                "prefect/csv-export/prefect.yaml",
            },
            plan.Files.Select(f => f.RelativePath));
        foreach (var format in new[] { ExportFormat.Airflow, ExportFormat.Prefect, ExportFormat.Dagster })
        {
            foreach (var file in SourceExport.Export("pipelines/csv-export.oml", text, format, settings).Files)
            {
                var planned = plan.Files.Single(f => f.RelativePath == $"{ExportFormats.ToText(format)}/csv-export/{file.RelativePath}");
                Assert.Equal(file.Content, planned.Content);
                Assert.Equal("pipelines/csv-export.oml", planned.Source);
            }
        }

        Assert.Contains("\"prefect_python\": \"3.13\"", plan.Files[0].Content, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_SkipsAPipelineWithErrors_WithTheFirstError_AndExportsTheOthers()
    {
        var plan = ProjectExports.Plan(new Dictionary<string, string>
        {
            ["pipelines/broken.oml"] = Broken,
            ["pipelines/csv-export.oml"] = Sample("csv-export.oml"),
        });

        Assert.Equal(1, plan.ExportedPipelines);
        var skipped = Assert.Single(plan.Skipped);
        Assert.Equal("pipelines/broken.oml", skipped.Source);
        Assert.StartsWith("OSI0113: ", skipped.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Files, f => f.Source == "pipelines/broken.oml");
        Assert.Equal(4, plan.Files.Count);
    }

    [Fact]
    public void Plan_ReadsCrlfTextAsLf()
    {
        var lf = Sample("csv-export.oml").Replace("\r\n", "\n");

        var fromLf = ProjectExports.Plan(new Dictionary<string, string> { ["a.oml"] = lf });
        var fromCrlf = ProjectExports.Plan(new Dictionary<string, string> { ["a.oml"] = lf.Replace("\n", "\r\n") });

        Assert.Equal(fromLf, fromCrlf);
        Assert.All(fromCrlf.Files, f => Assert.DoesNotContain('\r', f.Content));
    }

    [Fact]
    public void Keys_AreFileNames_AndPathsForFilesWithTheSameName()
    {
        var keys = ProjectExports.Keys(new[]
        {
            "pipelines/eu/sync.oml",
            "pipelines/us/Sync.oml",
            "pipelines/orders.oml",
            "daily.oml",
        });

        Assert.Equal("pipelines-eu-sync", keys["pipelines/eu/sync.oml"]);
        Assert.Equal("pipelines-us-Sync", keys["pipelines/us/Sync.oml"]);
        Assert.Equal("orders", keys["pipelines/orders.oml"]);
        Assert.Equal("daily", keys["daily.oml"]);
    }

    [Fact]
    public void Keys_NumberWhatStillCollides_InPathOrder_IgnoringCase()
    {
        // "a-b/c.oml" and "a/b-c.oml" both become "a-b-c" (their names are not unique); "A-B-C.oml" keeps its name.
        var keys = ProjectExports.Keys(new[] { "y/b-c.oml", "a/b-c.oml", "a-b/c.oml", "x/c.oml", "A-B-C.oml" });

        Assert.Equal("A-B-C", keys["A-B-C.oml"]);
        Assert.Equal("a-b-c-2", keys["a-b/c.oml"]);
        Assert.Equal("a-b-c-3", keys["a/b-c.oml"]);
        Assert.Equal("x-c", keys["x/c.oml"]);
        Assert.Equal("y-b-c", keys["y/b-c.oml"]);
        Assert.Equal(keys.Count, keys.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void StaleFiles_AreThoseThePreviousManifestListsAndThisBuildDoesNotWrite()
    {
        var manifest = ProjectExports.FormatManifest(new[] { "prefect/a/prefect.yaml", "airflow/a/a.py", "airflow/b/b.py" });

        Assert.StartsWith("# ", manifest, StringComparison.Ordinal);
        Assert.EndsWith("airflow/a/a.py\nairflow/b/b.py\nprefect/a/prefect.yaml\n", manifest, StringComparison.Ordinal);
        Assert.Equal(new[] { "airflow/b/b.py", "prefect/a/prefect.yaml" }, ProjectExports.StaleFiles(manifest, new[] { "airflow/a/a.py" }));
        Assert.Empty(ProjectExports.StaleFiles(null, Array.Empty<string>()));
    }

    [Fact]
    public void StaleFiles_NeverReachOutsideTheExportFolder()
    {
        var manifest = string.Join("\r\n", new[]
        {
            "../secrets.txt",
            "/etc/passwd",
            "C:/Windows/win.ini",
            "airflow/../../x.py",
            "airflow\\a.py",
            "./airflow/a.py",
            "airflow//a.py",
            ".osiris-exports",
            "airflow/ok/ok.py",
        });

        Assert.Equal(new[] { "airflow/ok/ok.py" }, ProjectExports.StaleFiles(manifest, Array.Empty<string>()));
    }

    [Theory]
    [InlineData("/repo/pipelines/a.oml", "/repo", "pipelines/a.oml")]
    [InlineData("/repo/pipelines/a.oml", "/repo/", "pipelines/a.oml")]
    [InlineData(@"C:\repo\pipelines\a.oml", @"C:\repo", "pipelines/a.oml")]
    [InlineData("/elsewhere/a.oml", "/repo", "a.oml")]
    public void RelativePath_IsProjectRelativeWithSlashes(string path, string projectDirectory, string expected)
        => Assert.Equal(expected, ProjectExports.RelativePath(path, projectDirectory));
}
