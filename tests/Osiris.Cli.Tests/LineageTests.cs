using System.Collections.Immutable;
using Osiris.Cli.Commands;
using Osiris.Cli.Tests.Support;
using Osiris.Oml.Catalog;
using Osiris.Oml.Collections;
using Osiris.Oml.Model;

namespace Osiris.Cli.Tests;

/// <summary><c>osiris lineage</c>: Mermaid, DOT and JSON of the repository's lineage.</summary>
public sealed class LineageTests
{
    [Theory]
    [InlineData("mermaid", "lineage.mmd")]
    [InlineData("dot", "lineage.dot")]
    [InlineData("json", "lineage.json")]
    public void SampleRepository_MatchesGolden(string format, string golden)
    {
        var result = Tool.Run("lineage", "samples/PipelineRepository", "--format", format);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Err);
        Golden.Check(golden, result.Out);
    }

    [Fact]
    public void Mermaid_HasAnEdgePerLineageEntry_DeclaredOnEitherSide()
    {
        var result = Tool.Run("lineage", "samples/PipelineRepository");

        Assert.StartsWith("flowchart LR\n", result.Out, StringComparison.Ordinal);
        var nodes = result.Out.Split('\n').Where(l => l.Contains("[", StringComparison.Ordinal)).ToDictionary(l => l.Trim().Split('[', '(')[0], l => l);
        string Id(string label) => nodes.Single(n => n.Value.Contains('"' + label + '"', StringComparison.Ordinal)).Key;
        Assert.Contains($"  {Id("pipeline: order_processing")} --> {Id("pipeline: daily_customer_sync")}\n", result.Out, StringComparison.Ordinal);
        Assert.Contains($"  {Id("table: mysql.orders")} --> {Id("pipeline: daily_customer_sync")}\n", result.Out, StringComparison.Ordinal);
        Assert.Contains($"  {Id("pipeline: daily_customer_sync")} --> {Id("dashboard: customer_analytics")}\n", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Labels_AreEscapedForEachFormat()
    {
        var hostile = "x\" --> y]; click a \"javascript:alert(1)\" <b>#1</b> \\ end";
        var entry = new CatalogEntry(
            "/repo/p.oml",
            "p",
            default,
            null,
            null,
            null,
            new EquatableArray<CatalogLineage>(ImmutableArray.Create(new CatalogLineage(new LineageReference("table", hostile), "downstream", default))),
            EquatableArray<CatalogWrite>.Empty);
        var graph = LineageGraph.Build(new[] { entry });

        var mermaid = LineageCommand.Mermaid(graph);
        var label = mermaid.Split('\n').Single(l => l.Contains("table:", StringComparison.Ordinal));
        // Inside the quotes only the label's own text remains: no quote, bracket, angle bracket or '#' survives raw.
        var inner = label.Substring(label.IndexOf('"', StringComparison.Ordinal) + 1, label.LastIndexOf('"') - label.IndexOf('"', StringComparison.Ordinal) - 1);
        Assert.DoesNotContain('"', inner);
        Assert.DoesNotContain('<', inner);
        Assert.DoesNotContain(']', inner);
        Assert.Contains("#34;", inner, StringComparison.Ordinal);
        Assert.Equal(2, mermaid.Split('\n').Count(l => l.Contains("-->", StringComparison.Ordinal) || l.Contains("table:", StringComparison.Ordinal)));

        var dot = LineageCommand.Dot(graph, "/repo");
        Assert.Contains("label=\"table: x\\\" --> y]; click a \\\"javascript:alert(1)\\\" <b>#1</b> \\\\ end\"", dot, StringComparison.Ordinal);

        using var json = System.Text.Json.JsonDocument.Parse(LineageCommand.JsonGraph(graph, "/repo"));
        Assert.Contains(json.RootElement.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("name").GetString() == hostile);
    }
}
