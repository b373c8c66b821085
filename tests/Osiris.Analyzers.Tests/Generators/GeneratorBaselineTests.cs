using Osiris.Oml.Tests.Support;

namespace Osiris.Analyzers.Tests.Generators;

/// <summary>
/// The generated code for the sample repositories, compared with the files under Generators/Baselines.
/// Regenerate them with <c>OSIRIS_UPDATE_BASELINES=1 dotnet test tests/Osiris.Analyzers.Tests --filter GeneratorBaselineTests</c>
/// and review the diff: the tool version is written as <c>%VERSION%</c>.
/// </summary>
public sealed class GeneratorBaselineTests
{
    private static string BaselineFolder => Path.Combine(RepositoryPaths.Root, "tests", "Osiris.Analyzers.Tests", "Generators", "Baselines");

    private static bool Update => Environment.GetEnvironmentVariable("OSIRIS_UPDATE_BASELINES") == "1";

    [Theory]
    [InlineData("PipelineRepository")]
    [InlineData("InvalidPipelines")]
    public void GeneratedCode_MatchesItsBaselines(string sample)
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Folder(Path.Combine(RepositoryPaths.Root, "samples", sample)));
        Assert.Null(result.RunResult.Results.Single().Exception);
        var folder = Path.Combine(BaselineFolder, sample);
        var version = typeof(Osiris.Analyzers.Generators.PipelineGenerator).Assembly.GetName().Version!.ToString(3);
        // Only where the tool names itself: a pipeline's own oml_version may be the same digits.
        var produced = result.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString()
            .Replace("// Osiris.Analyzers " + version + " ", "// Osiris.Analyzers %VERSION% ", StringComparison.Ordinal)
            .Replace("(\"Osiris.Analyzers\", \"" + version + "\")", "(\"Osiris.Analyzers\", \"%VERSION%\")", StringComparison.Ordinal));
        if (Update)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            foreach (var (hint, text) in produced)
            {
                File.WriteAllText(Path.Combine(folder, hint), text);
            }
        }

        var expected = Directory.GetFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, produced.Keys.Order(StringComparer.Ordinal).ToList());
        foreach (var (hint, text) in produced)
        {
            Assert.Equal(File.ReadAllText(Path.Combine(folder, hint)).Replace("\r\n", "\n"), text);
        }
    }

    [Fact]
    public void SampleRepository_GeneratesAPropertyPerPipeline_InOneFile_AndCompilesWithoutWarnings()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Folder(Path.Combine(RepositoryPaths.Root, "samples", "PipelineRepository"))).AssertCompilesClean();
        var pipelines = Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "samples", "PipelineRepository", "pipelines"), "*.oml").Length;
        Assert.Equal("Pipelines.g.cs", Assert.Single(result.Sources).HintName);
        var code = result.Source("Pipelines.g.cs");
        Assert.Equal(pipelines, System.Text.RegularExpressions.Regex.Count(code, "public static global::Osiris.Oml.Descriptors.PipelineDescriptor [A-Za-z]+ => __OsirisPipelines\\[[0-9]+\\];"));
        Assert.Contains("DailyCustomerSync => __OsirisPipelines[", code, StringComparison.Ordinal);
    }

    [Fact]
    public void InvalidSamples_StillCompile_AndPipelinesWithErrorsAreMarkedNotExportable()
    {
        var result = GeneratorHarness.Run(GeneratorHarness.Folder(Path.Combine(RepositoryPaths.Root, "samples", "InvalidPipelines"))).AssertCompilesClean();
        // Field 3 of a record is 0 for a pipeline with errors: its descriptor has no exports.
        Assert.Contains("\\u001F0\\u001F", result.Source("Pipelines.g.cs"), StringComparison.Ordinal);
    }
}
