using Osiris.Oml.Export;
using Osiris.Oml.Model;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Export;

/// <summary>The sample repository's pipelines and the fixed options every export test uses.</summary>
public static class ExportSamples
{
    /// <summary>A fixed tool version so golden files do not change with the product version.</summary>
    public const string ToolVersion = "0.0.0-test";

    public static ExportOptions Options { get; } = ExportOptions.Default with { ToolVersion = ToolVersion };

    public static string PipelinesFolder => Path.Combine(RepositoryPaths.Root, "samples", "PipelineRepository", "pipelines");

    /// <summary>Every sample pipeline: its file name and its model (as the engine builds it, path relative to the repository).</summary>
    public static IReadOnlyList<(string Name, PipelineModel Model)> All()
        => Directory.GetFiles(PipelinesFolder, "*.oml")
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetFileNameWithoutExtension(f), Load(f)))
            .ToList();

    public static PipelineModel Load(string file)
    {
        var relative = "pipelines/" + Path.GetFileName(file);
        var analysis = OmlEngine.AnalyzeFile(relative, File.ReadAllText(file).Replace("\r\n", "\n"));
        Assert.False(analysis.HasErrors, string.Join("\n", analysis.Diagnostics));
        return analysis.Pipeline!;
    }

    public static PipelineModel Seed() => Load(Path.Combine(PipelinesFolder, "daily_customer_sync.oml"));

    public static TheoryData<string> Names() => new(All().Select(x => x.Name));

    public static TheoryData<string, ExportFormat> NamesAndFormats()
    {
        var data = new TheoryData<string, ExportFormat>();
        foreach (var (name, _) in All())
        {
            foreach (var format in Enum.GetValues<ExportFormat>())
            {
                data.Add(name, format);
            }
        }

        return data;
    }
}
