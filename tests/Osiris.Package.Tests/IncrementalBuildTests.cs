using Osiris.Package.Tests.Support;

namespace Osiris.Package.Tests;

/// <summary>
/// Incremental builds: a build that skips the compile must never hide a finding. MSBuild skips
/// CoreCompile when no input is newer than the output, which misses removed and renamed files, and
/// which hides the warnings of the last build.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class IncrementalBuildTests(PackageFeed feed, ITestOutputHelper output)
{
    private const string MarkerSource = "internal static class Marker\n{\n}\n";

    private const string WarningPipeline = """
        oml_version: "0.1.0"
        name: "Daily Export"
        steps:
          - id: "aggregate"
            component: "duckdb.processor"
            mode: "transform"
            config:
              query: "SELECT 1"
        """;

    [Fact]
    public void IncrementalBuild_Fails_WhenAPipelineThatOthersReferenceIsDeleted()
    {
        // A project with C# of its own: there the compile runs only when an input changed.
        var dir = feed.CreateProject("DeletedPipelineRepo", new[] { ("Osiris.Analyzers", feed.Version) });
        PackageFeed.CopyPipelines("PipelineRepository", dir);
        File.WriteAllText(Path.Combine(dir, "Marker.cs"), MarkerSource);

        var first = Run(dir);
        Assert.Equal(0, first.ExitCode);
        Assert.Empty(first.OmlDiagnostics(dir));
        var assembly = Path.Combine(dir, "obj", "Debug", "net10.0", "DeletedPipelineRepo.dll");
        var compiled = File.GetLastWriteTimeUtc(assembly);

        // Nothing changed: the compile is skipped (OsirisAnalyzeOnEveryBuild is off by default for C# projects).
        Assert.Equal(0, Run(dir).ExitCode);
        Assert.Equal(compiled, File.GetLastWriteTimeUtc(assembly));

        File.Delete(Path.Combine(dir, "pipelines", "daily_customer_sync.oml"));
        var second = Run(dir);

        Assert.NotEqual(0, second.ExitCode);
        Assert.Equal(
            new[] { "pipelines/marketing_segments.oml(18,9): error OSI0406", "pipelines/order_processing.oml(23,9): error OSI0406" },
            second.OmlDiagnostics(dir));
    }

    [Fact]
    public void IncrementalBuild_Fails_WhenATestScriptIsRenamed_InAProjectThatOptedOutOfAnalyzingEveryBuild()
    {
        // No C# here, but the project opts out of the compile on every build: only the input set can tell.
        var dir = feed.CreateProject(
            "RenamedScriptRepo",
            new[] { ("Osiris.Analyzers", feed.Version) },
            "<OsirisAnalyzeOnEveryBuild>false</OsirisAnalyzeOnEveryBuild>");
        PackageFeed.CopyPipelines("PipelineRepository", dir);

        var first = Run(dir);
        Assert.Equal(0, first.ExitCode);
        Assert.Empty(first.OmlDiagnostics(dir));
        var assembly = Path.Combine(dir, "obj", "Debug", "net10.0", "RenamedScriptRepo.dll");
        var compiled = File.GetLastWriteTimeUtc(assembly);

        // Nothing changed: the opt-out holds, the compile is skipped.
        Assert.Equal(0, Run(dir).ExitCode);
        Assert.Equal(compiled, File.GetLastWriteTimeUtc(assembly));

        // A rename keeps the file's time stamp: no input looks newer than the last build's output.
        File.Move(Path.Combine(dir, "tests", "validate_customers.py"), Path.Combine(dir, "tests", "validate_customer.py"));
        var second = Run(dir);

        Assert.NotEqual(0, second.ExitCode);
        Assert.Equal(new[] { "pipelines/daily_customer_sync.oml(45,15): error OSI0308" }, second.OmlDiagnostics(dir));
    }

    [Fact]
    public void SecondBuild_WithNothingChanged_ShowsTheWarningsAgain()
    {
        var dir = feed.CreateProject("RepeatedWarningsRepo", new[] { ("Osiris.Analyzers", feed.Version) });
        Directory.CreateDirectory(Path.Combine(dir, "pipelines"));
        File.WriteAllText(Path.Combine(dir, "pipelines", "export.oml"), WarningPipeline);

        var first = Run(dir);
        var second = Run(dir);

        Assert.Equal(new[] { "pipelines/export.oml(2,7): warning OSI0106" }, first.OmlDiagnostics(dir));
        Assert.Equal(first.OmlDiagnostics(dir), second.OmlDiagnostics(dir));
        Assert.Equal(0, second.ExitCode);
    }

    private DotNetCli.Result Run(string dir)
    {
        var result = feed.Build(dir);
        output.WriteLine(result.Output);
        return result;
    }
}
