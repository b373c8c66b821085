using Osiris.Oml.Descriptors;

namespace Osiris.Oml.Tests.Descriptors;

/// <summary>The data string the generated Pipelines class embeds, read back by the runtime library.</summary>
public sealed class GeneratedPipelineSetTests
{
    private static readonly KeyValuePair<string, string>[] None = Array.Empty<KeyValuePair<string, string>>();

    private static string Model(string name, string upstream = "table: raw.a")
    {
        var text = $"oml_version: \"0.2.0\"\nname: {System.Text.Json.JsonSerializer.Serialize(name, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })}\nsteps:\n  - id: a\n    component: duckdb.processor\n    mode: transform\n    config:\n      query: SELECT 1\nmetadata:\n  owner: x@example.com\n  lineage:\n    upstream: [\"{upstream}\"]\n";
        var analysis = OmlEngine.AnalyzeFile("pipelines/" + name.Length + ".oml", text);
        return GeneratedPipeline.ToJson(analysis.Pipeline!);
    }

    [Fact]
    public void Records_RoundTrip_NamesWithTheSeparatorsQuotesAndUnicode()
    {
        var names = new[] { "plain", "with\u001eseparator", "with\u001ffield", "quote\"back\\slash", "ünïcødé 🚀" };
        var data = GeneratedPipelineSet.Encode(names.Select((n, i) => (n, "sha256:" + i, i % 2 == 0, Model(n))));

        var set = new GeneratedPipelineSet(names.Length, data, None, None);

        Assert.Equal(names, set.Select(p => p.Name));
        Assert.Equal(names.Select((_, i) => "sha256:" + i), set.Select(p => p.ContentHash));
        Assert.Equal(names.Select((_, i) => i % 2 == 0), set.Select(p => p.Exports is not null));
        Assert.All(names, n => Assert.Equal(n, set.Find(n)?.Name));
    }

    [Fact]
    public void Descriptors_AreBuiltOnce_AndFindReturnsTheFirstOfTwoWithOneName()
    {
        var data = GeneratedPipelineSet.Encode(new[] { ("same", "sha256:first", true, Model("same")), ("same", "sha256:second", true, Model("same")) });
        var set = new GeneratedPipelineSet(2, data, None, None);

        Assert.Same(set[1], set[1]);
        Assert.Equal("sha256:first", set.Find("same")!.ContentHash);
        Assert.Null(set.Find("other"));
        Assert.Null(set.Find(null!));
    }

    [Fact]
    public void Lineage_IsTheGraphOfEveryPipeline()
    {
        var data = GeneratedPipelineSet.Encode(new[] { ("a", "h", true, Model("a", "pipeline: b")), ("b", "h", true, Model("b")) });
        var set = new GeneratedPipelineSet(2, data, None, None);

        Assert.Contains(set.Lineage.Edges, e => e.From == "pipeline:b" && e.To == "pipeline:a");
        Assert.Contains(set.Lineage.Edges, e => e.From == "table:raw.a" && e.To == "pipeline:b");
    }

    [Fact]
    public void NoPipelines_IsAnEmptySet_AndAWrongCountSaysToRebuild()
    {
        Assert.Empty(new GeneratedPipelineSet(0, string.Empty, None, None));
        var ex = Assert.Throws<FormatException>(() => new GeneratedPipelineSet(3, GeneratedPipelineSet.Encode(new[] { ("a", "h", true, Model("a")) }), None, None));
        Assert.Contains("rebuild the project", ex.Message, StringComparison.Ordinal);
    }
}
