using Osiris.Oml.Tests.Support;
using Osiris.Package.Tests.Support;

namespace Osiris.Package.Tests;

/// <summary>
/// The NuGet package as users get it: packed, restored from a folder feed into fresh projects that
/// only add a PackageReference, and built with the real `dotnet build`.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PackageBuildTests(PackageFeed feed, ITestOutputHelper output)
{
    private static string ExpectedPath => Path.Combine(RepositoryPaths.Root, "samples", "InvalidPipelines", "expected-diagnostics.txt");

    [Fact]
    public void Build_FailsWithExactDiagnostics_WhenPipelinesAreInvalid()
    {
        var (dir, result) = feed.InvalidPipelinesBuild;
        output.WriteLine(result.Output);

        Assert.NotEqual(0, result.ExitCode);
        var actual = result.OmlDiagnostics(dir);
        if (Environment.GetEnvironmentVariable("OSIRIS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllLines(ExpectedPath, actual);
        }

        Assert.Equal(File.ReadAllLines(ExpectedPath).Where(l => l.Length > 0).ToList(), actual);
        Assert.DoesNotContain("AD0001", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("CS8785", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_SucceedsWithoutDiagnostics_WhenPipelinesAreValid()
    {
        var dir = feed.CreateProject("ValidRepo", new[] { ("Osiris.Analyzers", feed.Version) });
        PackageFeed.CopyPipelines("PipelineRepository", dir);

        var result = feed.Build(dir);
        output.WriteLine(result.Output);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.OmlDiagnostics(dir));
        Assert.DoesNotContain("AD0001", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void GlobalConfig_ChangesSeverities_InARepositoryWithoutCSharpFiles()
    {
        var dir = feed.CreateProject("SeverityRepo", new[] { ("Osiris.Analyzers", feed.Version) });
        Directory.CreateDirectory(Path.Combine(dir, "pipelines"));
        File.WriteAllText(Path.Combine(dir, "pipelines", "export.oml"), """
            oml_version: "0.1.0"
            name: "Daily Export"
            steps:
              - id: "aggregate"
                component: "duckdb.processor"
                mode: "write"
                config:
                  query: "SELECT 1"
            """);
        File.WriteAllText(Path.Combine(dir, ".globalconfig"), """
            is_global = true
            dotnet_diagnostic.OSI0106.severity = error
            dotnet_diagnostic.OSI0112.severity = warning
            """);

        var result = feed.Build(dir);
        output.WriteLine(result.Output);

        Assert.Equal(
            new[] { "pipelines/export.oml(2,7): error OSI0106", "pipelines/export.oml(6,11): warning OSI0112" },
            result.OmlDiagnostics(dir));
        Assert.NotEqual(0, result.ExitCode);
    }

    [Fact]
    public void NoWarn_SilencesAWarning()
    {
        var dir = feed.CreateProject("NoWarnRepo", new[] { ("Osiris.Analyzers", feed.Version) }, "<NoWarn>$(NoWarn);OSI0106</NoWarn>");
        Directory.CreateDirectory(Path.Combine(dir, "pipelines"));
        File.WriteAllText(Path.Combine(dir, "pipelines", "export.oml"), """
            oml_version: "0.1.0"
            name: "Daily Export"
            steps:
              - id: "aggregate"
                component: "duckdb.processor"
                mode: "transform"
                config:
                  query: "SELECT 1"
            """);

        var result = feed.Build(dir);
        output.WriteLine(result.Output);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.OmlDiagnostics(dir));
    }

    private const string ValidPipeline = """
        oml_version: "0.1.0"
        name: "crash-me"
        steps:
          - id: "aggregate"
            component: "duckdb.processor"
            mode: "transform"
            config:
              query: "SELECT 1"
        """;

    [Fact]
    public void AnalyzerCrash_FailsTheBuild()
    {
        var dir = feed.CreateProject("CrashRepo", new[] { ("FakeYaml.Analyzer", "1.0.0"), ("Osiris.Analyzers", feed.Version) });
        File.WriteAllText(Path.Combine(dir, "crash-me.oml"), ValidPipeline);

        var result = feed.Build(dir);
        output.WriteLine(result.Output);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("error AD0001", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void AnalyzerCrash_IsAWarning_WhenTheProjectOptsOut()
    {
        var dir = feed.CreateProject(
            "CrashOptOutRepo",
            new[] { ("FakeYaml.Analyzer", "1.0.0"), ("Osiris.Analyzers", feed.Version) },
            "<OsirisFailOnAnalyzerCrash>false</OsirisFailOnAnalyzerCrash>");
        File.WriteAllText(Path.Combine(dir, "crash-me.oml"), ValidPipeline);

        var result = feed.Build(dir);
        output.WriteLine(result.Output);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning AD0001", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_IgnoresOmlFiles_WhenOsirisIncludeOmlFilesIsFalse()
    {
        var dir = feed.CreateProject(
            "OptOutRepo",
            new[] { ("Osiris.Analyzers", feed.Version) },
            "<OsirisIncludeOmlFiles>false</OsirisIncludeOmlFiles>");
        PackageFeed.CopyPipelines("InvalidPipelines", dir);

        var result = feed.Build(dir);
        output.WriteLine(result.Output);

        Assert.Equal(0, result.ExitCode);
        Assert.Empty(result.OmlDiagnostics(dir));
    }
}
