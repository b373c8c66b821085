using Osiris.Oml.Tests.Support;
using Osiris.Package.Tests.Support;

namespace Osiris.Package.Tests;

/// <summary>
/// The NuGet package as users get it: packed, restored from a folder feed into fresh projects that
/// only add a PackageReference, and built with the real `dotnet build`.
/// </summary>
public sealed class PackageBuildTests(PackageFeed feed, ITestOutputHelper output) : IClassFixture<PackageFeed>
{
    private static string ExpectedPath => Path.Combine(RepositoryPaths.Root, "samples", "InvalidPipelines", "expected-diagnostics.txt");

    [Fact]
    public void Package_ContainsAnalyzerEngineAndDependencies_UnderAnalyzersDotnetCs()
    {
        var entries = feed.PackageEntries();
        output.WriteLine(string.Join("\n", entries));
        foreach (var expected in new[]
        {
            "analyzers/dotnet/cs/Osiris.Analyzers.dll",
            "analyzers/dotnet/cs/Osiris.Oml.dll",
            "analyzers/dotnet/cs/YamlDotNet.dll",
            "analyzers/dotnet/cs/Cronos.dll",
            "analyzers/dotnet/cs/NodaTime.dll",
            "build/Osiris.Analyzers.props",
            "build/Osiris.Analyzers.targets",
            "README.md",
        })
        {
            Assert.Contains(expected, entries);
        }

        // Nothing may land in lib/: the package must not add a compile-time reference to user projects.
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_FailsWithExactDiagnostics_WhenPipelinesAreInvalid()
    {
        var dir = feed.CreateProject("InvalidRepo", new[] { ("Osiris.Analyzers", feed.Version) });
        PackageFeed.CopyPipelines("InvalidPipelines", dir);

        var result = feed.Build(dir);
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
    public void Build_ReportsTheSameDiagnostics_WhenAnotherAnalyzerShipsAnotherYamlDotNet()
    {
        var dir = feed.CreateProject(
            "CoexistingRepo",
            new[] { ("FakeYaml.Analyzer", "1.0.0"), ("Osiris.Analyzers", feed.Version) });
        PackageFeed.CopyPipelines("InvalidPipelines", dir);

        var result = feed.Build(dir);
        output.WriteLine(result.Output);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(File.ReadAllLines(ExpectedPath).Where(l => l.Length > 0).ToList(), result.OmlDiagnostics(dir));

        // The other analyzer ran too, with whichever YamlDotNet the compiler unified on.
        Assert.Contains("FAKE001", result.Output, StringComparison.Ordinal);
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
