using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Osiris.Analyzers.Generators;
using Osiris.Analyzers.Tests.Support;

namespace Osiris.Analyzers.Tests.Generators;

/// <summary>The generator's caching, step by step (ROSLYN-NOTES "Incremental").</summary>
public sealed class IncrementalGeneratorTests
{
    private static readonly string[] Tracked =
    {
        PipelineGenerator.Steps.Settings, PipelineGenerator.Steps.Options, PipelineGenerator.Steps.Sources,
        PipelineGenerator.Steps.Names, PipelineGenerator.Steps.Pipelines,
    };

    private static string Pipeline(string name, string query = "SELECT 1", string upstream = "table: raw.a")
        => $"oml_version: \"0.2.0\"\nname: {name}\nsteps:\n  - id: a\n    component: duckdb.processor\n    mode: transform\n    config:\n      query: {query}\nmetadata:\n  owner: x@example.com\n  lineage:\n    upstream: [\"{upstream}\"]\n";

    private static (GeneratorDriver Driver, CSharpCompilation Compilation, AdditionalText[] Files) FirstRun()
    {
        var files = new AdditionalText[]
        {
            new FixedAdditionalText(GeneratorHarness.ProjectDir + "pipelines/one.oml", Pipeline("one")),
            new FixedAdditionalText(GeneratorHarness.ProjectDir + "pipelines/two.oml", Pipeline("two")),
            new FixedAdditionalText(GeneratorHarness.ProjectDir + "pipelines/three.oml", Pipeline("three")),
        };
        var compilation = GeneratorHarness.Compilation();
        var driver = GeneratorHarness.Driver(files).RunGenerators(compilation, TestContext.Current.CancellationToken);
        Assert.Single(driver.GetRunResult().Results.Single().GeneratedSources);
        return (driver, compilation, files);
    }

    private static IEnumerable<(string Step, IncrementalStepRunReason Reason)> Outputs(GeneratorDriver driver)
    {
        var result = driver.GetRunResult().Results.Single();
        foreach (var name in Tracked)
        {
            if (result.TrackedSteps.TryGetValue(name, out var runs))
            {
                foreach (var run in runs)
                {
                    foreach (var output in run.Outputs)
                    {
                        yield return (name, output.Reason);
                    }
                }
            }
        }
    }

    [Fact]
    public void EditingACSharpFile_ReusesEveryStep()
    {
        var (driver, compilation, _) = FirstRun();
        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("namespace Consumer { internal static class Program { static int X => 1; } }")));

        driver = driver.RunGenerators(edited, TestContext.Current.CancellationToken);

        var outputs = Outputs(driver).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Step + " was " + o.Reason));
        Assert.All(
            driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void EditingOnePipelinesQuery_AnalyzesOnlyThatFileAgain_AndWritesTheClassOnce()
    {
        var (driver, compilation, files) = FirstRun();
        var edited = new FixedAdditionalText(files[1].Path, Pipeline("two", query: "SELECT 2"));
        driver = driver.ReplaceAdditionalText(files[1], edited).RunGenerators(compilation, TestContext.Current.CancellationToken);

        var result = driver.GetRunResult().Results.Single();
        var sources = result.TrackedSteps[PipelineGenerator.Steps.Sources].SelectMany(r => r.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(1, sources.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(2, sources.Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));

        // The names did not change; the settings and options are reused; the class is written again, once.
        Assert.All(result.TrackedSteps[PipelineGenerator.Steps.Names].SelectMany(r => r.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        Assert.All(result.TrackedSteps[PipelineGenerator.Steps.Settings].SelectMany(r => r.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        var emitted = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs).Select(o => o.Reason).ToList();
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(emitted));
        Assert.Contains("SELECT 2", result.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void SwitchedOff_TheGeneratorReadsNoPipeline()
    {
        var files = new AdditionalText[] { new FixedAdditionalText(GeneratorHarness.ProjectDir + "pipelines/one.oml", Pipeline("one")) };
        var driver = GeneratorHarness.Driver(files, new Dictionary<string, string> { ["build_property.OsirisGeneratePipelines"] = "false" })
            .RunGenerators(GeneratorHarness.Compilation(), TestContext.Current.CancellationToken);

        var result = driver.GetRunResult().Results.Single();
        Assert.Empty(result.GeneratedSources);
        // Switched on, the same file is one output of this step (see FirstRun); switched off, there is none.
        var sources = result.TrackedSteps.TryGetValue(PipelineGenerator.Steps.Sources, out var runs) ? runs.SelectMany(r => r.Outputs).ToList() : new();
        Assert.Empty(sources);
    }

    [Fact]
    public void RunningTwiceOnTheSameInputs_GivesTheSameSources()
    {
        var (driver, compilation, _) = FirstRun();
        var first = driver.GetRunResult().Results.Single().GeneratedSources.Select(s => s.SourceText.ToString()).ToList();
        var fresh = GeneratorHarness.Driver(new AdditionalText[]
        {
            new FixedAdditionalText(GeneratorHarness.ProjectDir + "pipelines/three.oml", Pipeline("three")),
            new FixedAdditionalText(GeneratorHarness.ProjectDir + "pipelines/one.oml", Pipeline("one")),
            new FixedAdditionalText(GeneratorHarness.ProjectDir + "pipelines/two.oml", Pipeline("two")),
        }).RunGenerators(compilation, TestContext.Current.CancellationToken);
        var second = fresh.GetRunResult().Results.Single().GeneratedSources.OrderBy(s => s.HintName, StringComparer.Ordinal).Select(s => s.SourceText.ToString()).ToList();
        Assert.Equal(first.Order(StringComparer.Ordinal), second.Order(StringComparer.Ordinal));
    }
}
