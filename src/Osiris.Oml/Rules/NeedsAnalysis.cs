using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Osiris.Oml.Collections;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Syntax;
using Osiris.Oml.Text;

namespace Osiris.Oml.Rules;

/// <summary>
/// The <c>needs</c> of every step: types, unknown and repeated ids, and cycles (which Osiris does not
/// detect and which would fail only at run time).
/// </summary>
internal static class NeedsAnalysis
{
    public static void Analyze(RuleContext context, IReadOnlyList<StepSyntax> steps)
    {
        var allIds = new HashSet<string>(steps.Where(s => s.Id is not null).Select(s => s.Id!), StringComparer.Ordinal);
        SuggestionIndex? suggestions = null;

        // Edges for the cycle search: step index -> (needed step index, the needs item that says so).
        var indexById = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (step.Id is { } id && !indexById.ContainsKey(id))
            {
                indexById[id] = step.Index;
            }
        }

        var edges = new List<(int To, YamlScalarNode Item)>[steps.Count];
        foreach (var step in steps)
        {
            edges[step.Index] = new List<(int, YamlScalarNode)>();
            var entry = step.Mapping?.GetEntry(OmlKeys.Needs);
            if (entry is null || entry.Value is YamlScalarNode { IsNull: true })
            {
                continue;
            }

            var path = step.Path + "." + OmlKeys.Needs;
            if (entry.Value is not YamlSequenceNode list)
            {
                context.Report(DiagnosticCatalog.WrongType, entry.Value.Span, path, path, "a list of step ids such as [extract_customers]", entry.Value.TypeDescription);
                continue;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var index = 0; index < list.Items.Count; index++)
            {
                var item = list.Items[index];
                if (item is not YamlScalarNode { IsString: true } dep)
                {
                    context.Report(DiagnosticCatalog.WrongType, item.Span, path, $"{path}[{index}]", "a step id (a string)", item.TypeDescription);
                    continue;
                }

                if (!seen.Add(dep.Value))
                {
                    context.Report(DiagnosticCatalog.DuplicateDependency, dep.Span, path, step.Label, MessageText.Excerpt(dep.Value));
                    continue;
                }

                if (!allIds.Contains(dep.Value))
                {
                    var hint = (suggestions ??= new SuggestionIndex(allIds)).DidYouMean(dep.Value, out var meant, exclude: step.Id);
                    context.ReportWithSuggestion(
                        DiagnosticCatalog.UnknownDependency,
                        dep.Span,
                        path,
                        OmlSuggestion.ForScalar(dep, meant),
                        step.Label,
                        MessageText.Excerpt(dep.Value),
                        hint);
                    continue;
                }

                edges[step.Index].Add((indexById[dep.Value], dep));
            }
        }

        ReportCycles(context, steps, edges);
    }

    private static void ReportCycles(RuleContext context, IReadOnlyList<StepSyntax> steps, List<(int To, YamlScalarNode Item)>[] edges)
    {
        foreach (var component in StronglyConnected.Components(edges.Select(list => (IReadOnlyList<int>)list.ConvertAll(e => e.To)).ToList()))
        {
            var members = new HashSet<int>(component);
            var start = component.Min();
            if (component.Count == 1 && !edges[start].Any(e => e.To == start))
            {
                continue;
            }

            var cycle = FindCycle(start, members, edges);
            var names = cycle.Select(e => steps[e.From].Id ?? steps[e.From].Path).ToList();
            var first = cycle[0];
            var others = cycle.Skip(1).Select(e => new OmlLocation(context.Tree.FilePath, e.Item.Span)).ToImmutableArray();
            context.Diagnostics.Report(
                DiagnosticCatalog.DependencyCycle,
                first.Item.Span,
                steps[first.From].Path + "." + OmlKeys.Needs,
                others,
                MessageText.Cycle(names));
        }
    }

    /// <summary>The shortest cycle through <paramref name="start"/> inside its component (breadth-first).</summary>
    private static List<(int From, YamlScalarNode Item)> FindCycle(int start, HashSet<int> members, List<(int To, YamlScalarNode Item)>[] edges)
    {
        var previous = new Dictionary<int, (int From, YamlScalarNode Item)>();
        var queue = new Queue<int>();
        queue.Enqueue(start);
        var visited = new HashSet<int> { start };
        (int From, YamlScalarNode Item)? closing = null;
        while (queue.Count > 0 && closing is null)
        {
            var node = queue.Dequeue();
            foreach (var (to, item) in edges[node])
            {
                if (to == start)
                {
                    closing = (node, item);
                    break;
                }

                if (members.Contains(to) && visited.Add(to))
                {
                    previous[to] = (node, item);
                    queue.Enqueue(to);
                }
            }
        }

        var path = new List<(int From, YamlScalarNode Item)> { closing!.Value };
        var at = closing.Value.From;
        while (at != start)
        {
            var step = previous[at];
            path.Add(step);
            at = step.From;
        }

        path.Reverse();
        return path;
    }
}
