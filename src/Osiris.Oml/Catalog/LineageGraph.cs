using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Osiris.Oml.Catalog;

/// <summary>A node of the lineage graph: a pipeline of the repository or something a pipeline names.</summary>
/// <param name="Kind">pipeline, table, dashboard, or any other kind a lineage entry uses.</param>
/// <param name="Name">The name as written.</param>
/// <param name="FilePath">The file of a pipeline of the repository; null for everything else (and for pipelines named but not found).</param>
public sealed record LineageNode(string Kind, string Name, string? FilePath)
{
    /// <summary>A key unique in the graph: <c>kind:name</c>.</summary>
    public string Key => Kind + ":" + Name;
}

/// <summary>An edge: data flows from <paramref name="From"/> to <paramref name="To"/>.</summary>
/// <param name="From">The upstream node's <see cref="LineageNode.Key"/>.</param>
/// <param name="To">The downstream node's <see cref="LineageNode.Key"/>.</param>
/// <param name="DeclaredBy">The pipelines whose lineage says so, ordinal order.</param>
public sealed record LineageEdge(string From, string To, ImmutableArray<string> DeclaredBy);

/// <summary>
/// The repository's lineage: every pipeline, everything their <c>metadata.lineage</c> names, and an
/// edge for each upstream → pipeline and pipeline → downstream entry (declared once or on both sides,
/// an edge appears once). Nodes and edges are in ordinal order, so the same repository gives the
/// same graph on every machine.
/// </summary>
public sealed class LineageGraph
{
    private LineageGraph(ImmutableArray<LineageNode> nodes, ImmutableArray<LineageEdge> edges)
    {
        Nodes = nodes;
        Edges = edges;
    }

    /// <summary>A graph from its parts, as <see cref="Nodes"/> and <see cref="Edges"/> gave them (generated code rebuilds the build's graph so).</summary>
    public static LineageGraph FromParts(IEnumerable<LineageNode> nodes, IEnumerable<LineageEdge> edges)
        => new(nodes.ToImmutableArray(), edges.ToImmutableArray());

    /// <summary>The nodes, ordered by kind then name.</summary>
    public ImmutableArray<LineageNode> Nodes { get; }

    /// <summary>The edges, ordered by source then target.</summary>
    public ImmutableArray<LineageEdge> Edges { get; }

    /// <summary>Builds the graph of the pipelines in <paramref name="entries"/> (unnamed ones are left out).</summary>
    public static LineageGraph Build(IEnumerable<CatalogEntry> entries)
        => Build(entries.Where(e => e.Name is not null).Select(e => new LineagePipeline(
            e.Name!,
            e.FilePath,
            e.Lineage.Where(l => l.Direction == "upstream").Select(l => l.Reference).ToList(),
            e.Lineage.Where(l => l.Direction != "upstream").Select(l => l.Reference).ToList())));

    /// <summary>Builds the graph of <paramref name="pipelines"/>.</summary>
    public static LineageGraph Build(IEnumerable<LineagePipeline> pipelines)
    {
        var nodes = new Dictionary<string, LineageNode>(StringComparer.Ordinal);
        var edges = new Dictionary<(string From, string To), SortedSet<string>>();
        var named = pipelines.OrderBy(e => e.FilePath, StringComparer.Ordinal).ToList();
        foreach (var entry in named)
        {
            var node = new LineageNode("pipeline", entry.Name, entry.FilePath);
            if (!nodes.TryGetValue(node.Key, out var existing) || existing.FilePath is null)
            {
                nodes[node.Key] = node;
            }
        }

        foreach (var entry in named)
        {
            var self = "pipeline:" + entry.Name;
            foreach (var (reference, upstream) in entry.Upstream.Select(r => (r, true)).Concat(entry.Downstream.Select(r => (r, false))))
            {
                var other = new LineageNode(reference.Kind, reference.Name, null);
                if (!nodes.ContainsKey(other.Key))
                {
                    nodes[other.Key] = other;
                }

                var key = upstream ? (other.Key, self) : (self, other.Key);
                if (!edges.TryGetValue(key, out var by))
                {
                    edges[key] = by = new SortedSet<string>(StringComparer.Ordinal);
                }

                by.Add(entry.Name);
            }
        }

        return new LineageGraph(
            nodes.Values.OrderBy(n => n.Kind, StringComparer.Ordinal).ThenBy(n => n.Name, StringComparer.Ordinal).ToImmutableArray(),
            edges.OrderBy(e => e.Key.From, StringComparer.Ordinal).ThenBy(e => e.Key.To, StringComparer.Ordinal)
                .Select(e => new LineageEdge(e.Key.From, e.Key.To, e.Value.ToImmutableArray()))
                .ToImmutableArray());
    }
}

/// <summary>What <see cref="LineageGraph.Build(IEnumerable{LineagePipeline})"/> needs of a pipeline.</summary>
/// <param name="Name">The pipeline's name.</param>
/// <param name="FilePath">Its file.</param>
/// <param name="Upstream">Its <c>lineage.upstream</c> entries.</param>
/// <param name="Downstream">Its <c>lineage.downstream</c> entries.</param>
public sealed record LineagePipeline(string Name, string? FilePath, IReadOnlyList<Model.LineageReference> Upstream, IReadOnlyList<Model.LineageReference> Downstream);
