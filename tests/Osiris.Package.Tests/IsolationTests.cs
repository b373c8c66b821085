using Osiris.Package.Tests.Support;

namespace Osiris.Package.Tests;

/// <summary>
/// The compiler loads one copy of each analyzer dependency per name: the highest version any
/// analyzer package ships. The package gives its copies private names, so what other packages ship
/// changes nothing in our findings, and our copies change nothing for them.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class IsolationTests(PackageFeed feed, ITestOutputHelper output)
{
    [Fact]
    public void Build_ReportsTheSameDiagnostics_WhenAnotherPackageShipsNewerYamlDotNetNodaTimeAndCronos()
    {
        var (baselineDir, baseline) = feed.InvalidPipelinesBuild;
        var dir = feed.CreateProject(
            "NewerLibrariesRepo",
            new[] { (FakeDependencyPackages.Newer, FakeDependencyPackages.Version), ("Osiris.Analyzers", feed.Version) });
        PackageFeed.CopyPipelines("InvalidPipelines", dir);

        var result = feed.Build(dir);
        output.WriteLine(result.Output);

        Assert.NotEmpty(baseline.Lines(baselineDir, "OSI"));
        Assert.Equal(baseline.Lines(baselineDir, "OSI"), result.Lines(dir, "OSI"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("OSI0001", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("AD0001", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ReportsTheSameDiagnostics_AndOtherAnalyzersKeepTheirOwnYamlDotNet_WhenPackagesShipOlderCopies()
    {
        var (baselineDir, baseline) = feed.InvalidPipelinesBuild;
        var dir = feed.CreateProject(
            "OlderLibrariesRepo",
            new[]
            {
                ("FakeYaml.Analyzer", "1.0.0"),
                (FakeDependencyPackages.Older, FakeDependencyPackages.Version),
                ("Osiris.Analyzers", feed.Version),
            });
        PackageFeed.CopyPipelines("InvalidPipelines", dir);

        var result = feed.Build(dir);
        output.WriteLine(result.Output);

        Assert.Equal(baseline.Lines(baselineDir, "OSI"), result.Lines(dir, "OSI"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.DoesNotContain("AD0001", result.Output, StringComparison.Ordinal);

        // The other analyzer runs on the highest YamlDotNet of the copies that share the name — its own
        // 13.x — and no longer on the YamlDotNet 18 that Osiris.Analyzers ships.
        var major = PackageFeed.FakeYamlDotNetVersion.Split('.')[0];
        Assert.Contains($"with YamlDotNet {major}.0.0.0", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("with YamlDotNet 18.", result.Output, StringComparison.Ordinal);
    }
}
