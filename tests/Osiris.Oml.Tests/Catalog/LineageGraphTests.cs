using System.Collections.Immutable;
using Osiris.Oml.Catalog;
using Osiris.Oml.Collections;
using Osiris.Oml.Model;

namespace Osiris.Oml.Tests.Catalog;

public sealed class LineageGraphTests
{
    private static CatalogEntry Entry(string file, string? name, params (string Kind, string Name, string Direction)[] links)
        => new(
            file,
            name,
            default,
            null,
            null,
            null,
            new EquatableArray<CatalogLineage>(links.Select(l => new CatalogLineage(new LineageReference(l.Kind, l.Name), l.Direction, default)).ToImmutableArray()),
            EquatableArray<CatalogWrite>.Empty);

    [Fact]
    public void Build_MergesBothSidesOfALink_AndOrdersNodesAndEdges()
    {
        var graph = LineageGraph.Build(new[]
        {
            Entry("/r/b.oml", "sync", ("pipeline", "orders", "upstream"), ("table", "mysql.orders", "upstream"), ("dashboard", "kpi", "downstream")),
            Entry("/r/a.oml", "orders", ("pipeline", "sync", "downstream")),
            Entry("/r/c.oml", null, ("table", "ignored", "upstream")),
        });

        Assert.Equal(new[] { "dashboard:kpi", "pipeline:orders", "pipeline:sync", "table:mysql.orders" }, graph.Nodes.Select(n => n.Key));
        Assert.Equal("/r/a.oml", graph.Nodes.Single(n => n.Key == "pipeline:orders").FilePath);
        Assert.Null(graph.Nodes.Single(n => n.Key == "table:mysql.orders").FilePath);
        Assert.Equal(
            new[] { ("pipeline:orders", "pipeline:sync"), ("pipeline:sync", "dashboard:kpi"), ("table:mysql.orders", "pipeline:sync") },
            graph.Edges.Select(e => (e.From, e.To)));
        Assert.Equal(new[] { "orders", "sync" }, graph.Edges[0].DeclaredBy);
    }
}
