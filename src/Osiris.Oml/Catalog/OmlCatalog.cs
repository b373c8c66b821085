using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using NodaTime;
using Osiris.Oml.Collections;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Syntax;
using Osiris.Oml.Text;
using Osiris.Oml.Time;

namespace Osiris.Oml.Catalog;

/// <summary>
/// The rules over all pipelines of a project at once (OSI0405–OSI0411): duplicate names, lineage to
/// pipelines that do not exist, lineage cycles and one-sided links, downstream pipelines that start
/// before their upstream is due, shared write targets with overlapping runs, and the repository's
/// limit on runs at once. Every finding is located in a pipeline file; related places in other files
/// are additional locations. The work is bounded for any repository: every rule is linear or
/// near-linear in the pipelines, lineage links and runs, the runs are bounded (<see cref="WeekOfRuns"/>),
/// and the cancellation token is checked throughout.
/// </summary>
public static class OmlCatalog
{
    /// <summary>Analyzes the entries of one project (in any order: the result is sorted).</summary>
    public static ImmutableArray<OmlDiagnostic> Analyze(IEnumerable<CatalogEntry> entries, OmlAnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= OmlAnalysisOptions.Default;
        var all = entries.OrderBy(e => e.FilePath, StringComparer.Ordinal).ToList();
        var result = new CatalogFindings(options.Limits);
        var display = DisplayPaths(all);
        var byName = all.Where(e => e.Name is not null).GroupBy(e => e.Name!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var links = all.ToDictionary(e => e, PipelineLinks, ReferenceComparer<CatalogEntry>.Instance);

        DuplicateNames(byName, display, result);
        cancellationToken.ThrowIfCancellationRequested();
        UnknownPipelines(all, byName, links, result);
        cancellationToken.ThrowIfCancellationRequested();
        LineageGraph(all, byName, links, result, cancellationToken);
        cancellationToken.ThrowIfCancellationRequested();

        var runs = new WeekOfRuns(options, all, cancellationToken);
        DownstreamBeforeUpstream(all, byName, links, runs, result, cancellationToken);
        SharedWrites(all, runs, display, result, cancellationToken);
        ParallelRuns(all, runs, options, result, cancellationToken);

        return result.ToSortedArray();
    }

    /// <summary>
    /// The <c>pipeline:</c> lineage entries of a pipeline, each once: an entry that aliases repeat
    /// (<c>[&amp;l "pipeline: x", *l, *l]</c>) is one entry, at one place, whose name need not be looked up again.
    /// </summary>
    private static List<CatalogLineage> PipelineLinks(CatalogEntry entry)
    {
        var seen = new HashSet<(LineageReference, string, Text.SourceSpan)>(LinkComparer.Instance);
        var result = new List<CatalogLineage>();
        foreach (var link in entry.Lineage)
        {
            if (link.Reference.Kind == "pipeline" && seen.Add((link.Reference, link.Direction, link.Span)))
            {
                result.Add(link);
            }
        }

        return result;
    }

    private static void DuplicateNames(Dictionary<string, List<CatalogEntry>> byName, Dictionary<string, string> display, CatalogFindings result)
    {
        foreach (var group in byName.Values.Where(g => g.Count > 1))
        {
            foreach (var entry in group)
            {
                var others = group.Where(o => !ReferenceEquals(o, entry)).Take(MessageText.MaxListed + 1).ToList();
                var more = group.Count - 1 - Math.Min(others.Count, MessageText.MaxListed);
                result.Add(Diagnostic(
                    DiagnosticCatalog.DuplicatePipelineName,
                    entry,
                    entry.NameSpan,
                    "name",
                    others.Take(MessageText.MaxListed).Select(o => new OmlLocation(o.FilePath, o.NameSpan)),
                    MessageText.Excerpt(entry.Name!),
                    MessageText.List(others.Take(MessageText.MaxListed).Select(o => $"{display[o.FilePath]} (line {YamlValues.LineOf(o.NameSpan)})"))
                        + (more > 0 ? $" and {more.ToString("N0", CultureInfo.InvariantCulture)} more" : string.Empty)));
            }
        }
    }

    private static void UnknownPipelines(List<CatalogEntry> all, Dictionary<string, List<CatalogEntry>> byName, Dictionary<CatalogEntry, List<CatalogLineage>> links, CatalogFindings result)
    {
        // One index of the names for every search: bounded work however many pipelines name unknown ones.
        var names = new SuggestionIndex(byName.Keys);
        foreach (var entry in all)
        {
            foreach (var link in links[entry])
            {
                if (!byName.ContainsKey(link.Reference.Name))
                {
                    var hint = names.DidYouMean(link.Reference.Name, out var meant, exclude: entry.Name);
                    result.Add(Diagnostic(
                        DiagnosticCatalog.UnknownLineagePipeline,
                        entry,
                        link.Span,
                        "metadata.lineage." + link.Direction,
                        Array.Empty<OmlLocation>(),
                        MessageText.Excerpt(link.Reference.Name),
                        hint).WithSuggestion(OmlSuggestion.ForPart(link.NameSpan, meant)));
                }
            }
        }
    }

    /// <summary>Edges upstream → downstream from both sides' declarations; cycles and one-sided links.</summary>
    private static void LineageGraph(List<CatalogEntry> all, Dictionary<string, List<CatalogEntry>> byName, Dictionary<CatalogEntry, List<CatalogLineage>> links, CatalogFindings result, CancellationToken cancellationToken)
    {
        // (from, to) → the declarations that say so.
        var edges = new Dictionary<(string From, string To), List<(CatalogEntry Entry, CatalogLineage Link)>>();
        foreach (var entry in all.Where(e => e.Name is not null))
        {
            foreach (var link in links[entry].Where(l => byName.ContainsKey(l.Reference.Name)))
            {
                var key = link.Direction == "upstream" ? (link.Reference.Name, entry.Name!) : (entry.Name!, link.Reference.Name);
                if (!edges.TryGetValue(key, out var list))
                {
                    edges[key] = list = new List<(CatalogEntry, CatalogLineage)>();
                }

                list.Add((entry, link));
            }
        }

        // One-sided: declared by one end only.
        foreach (var ((from, to), declarations) in edges.Select(kv => (kv.Key, kv.Value)).OrderBy(x => x.Key.From, StringComparer.Ordinal).ThenBy(x => x.Key.To, StringComparer.Ordinal))
        {
            if (from == to)
            {
                continue;
            }

            var byUpstream = declarations.Any(d => d.Entry.Name == from);
            var byDownstream = declarations.Any(d => d.Entry.Name == to);
            if (byUpstream != byDownstream)
            {
                var (entry, link) = declarations[0];
                var other = entry.Name == from ? to : from;
                result.Add(Diagnostic(
                    DiagnosticCatalog.OneSidedLineage,
                    entry,
                    link.Span,
                    "metadata.lineage." + link.Direction,
                    byName[other].Take(MessageText.MaxListed).Select(o => new OmlLocation(o.FilePath, o.NameSpan)),
                    MessageText.Excerpt(entry.Name!),
                    MessageText.Excerpt(other),
                    link.Direction,
                    link.Direction == "upstream" ? "downstream" : "upstream"));
            }
        }

        // Cycles: strongly connected pipelines, reported once at the first pipeline (ordinal) of each
        // cycle. Only pipelines in a strongly connected component with a cycle are searched, and only
        // inside their component, so a long chain without cycles costs one pass instead of one search
        // per pipeline.
        var graph = edges.Keys.GroupBy(k => k.From, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(k => k.To).OrderBy(x => x, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var component = CyclicComponents(graph);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in graph.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reported.Contains(start) || !component.TryGetValue(start, out var members) || FindCycle(graph, start, members) is not { } cycle)
            {
                continue;
            }

            foreach (var member in cycle)
            {
                reported.Add(member);
            }

            var (entry, link) = edges[(cycle[0], cycle[1 % cycle.Count])][0];
            var others = new List<OmlLocation>();
            for (var i = 1; i < cycle.Count && others.Count < MessageText.MaxListed; i++)
            {
                var (e, l) = edges[(cycle[i], cycle[(i + 1) % cycle.Count])][0];
                others.Add(new OmlLocation(e.FilePath, l.Span));
            }

            result.Add(Diagnostic(
                DiagnosticCatalog.LineageCycle,
                entry,
                link.Span,
                "metadata.lineage." + link.Direction,
                others,
                MessageText.Cycle(cycle)));
        }
    }

    /// <summary>
    /// For each pipeline on a cycle, the members of its strongly connected component (Tarjan's
    /// algorithm, without recursion so a long chain cannot overflow the stack). Pipelines on no cycle
    /// are absent.
    /// </summary>
    private static Dictionary<string, HashSet<string>> CyclicComponents(Dictionary<string, List<string>> graph)
    {
        var names = graph.Keys.Concat(graph.Values.SelectMany(v => v)).Distinct(StringComparer.Ordinal).OrderBy(k => k, StringComparer.Ordinal).ToList();
        var number = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            number[names[i]] = i;
        }

        var successors = names.Select(name => (IReadOnlyList<int>)(graph.TryGetValue(name, out var to) ? to.ConvertAll(t => number[t]) : new List<int>())).ToList();
        var result = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var component in StronglyConnected.Components(successors))
        {
            if (component.Count == 1 && !successors[component[0]].Contains(component[0]))
            {
                continue;
            }

            var members = new HashSet<string>(component.Select(i => names[i]), StringComparer.Ordinal);
            foreach (var member in members)
            {
                result[member] = members;
            }
        }

        return result;
    }

    /// <summary>The shortest cycle through <paramref name="start"/> inside its component, breadth-first; null when there is none.</summary>
    private static List<string>? FindCycle(Dictionary<string, List<string>> graph, string start, HashSet<string> members)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal);
        var queue = new Queue<string>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (!graph.TryGetValue(node, out var next))
            {
                continue;
            }

            foreach (var to in next)
            {
                if (to == start)
                {
                    var path = new List<string> { node };
                    while (path[path.Count - 1] != start)
                    {
                        path.Add(previous[path[path.Count - 1]]);
                    }

                    path.Reverse();
                    return path;
                }

                if (members.Contains(to) && !previous.ContainsKey(to))
                {
                    previous[to] = node;
                    queue.Enqueue(to);
                }
            }
        }

        return null;
    }

    private static void DownstreamBeforeUpstream(List<CatalogEntry> all, Dictionary<string, List<CatalogEntry>> byName, Dictionary<CatalogEntry, List<CatalogLineage>> links, WeekOfRuns runs, CatalogFindings result, CancellationToken cancellationToken)
    {
        var pairs = new HashSet<(CatalogEntry Up, CatalogEntry Down)>(PairComparer.Ordered);
        foreach (var entry in all.Where(e => e.Name is not null))
        {
            foreach (var link in links[entry])
            {
                if (byName.TryGetValue(link.Reference.Name, out var list) && list.Count == 1)
                {
                    var other = list[0];
                    pairs.Add(link.Direction == "upstream" ? (other, entry) : (entry, other));
                }
            }
        }

        foreach (var (up, down) in pairs.OrderBy(p => p.Down.FilePath, StringComparer.Ordinal).ThenBy(p => p.Up.FilePath, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (ReferenceEquals(up, down) || up.Metadata?.Sla is not { } sla || runs.Of(up) is not { } upRuns || runs.Of(down) is not { } downRuns
                || TimeZones.Find(down.Schedule!.TimeZone) is not { } zone || down.ScheduleSpan is not { } at)
            {
                continue;
            }

            // Both lists are in time order: the downstream run that follows an upstream run only moves forward.
            var following = 0;
            foreach (var upStart in upRuns.Starts)
            {
                while (following < downRuns.Count && downRuns.Starts[following] < upStart)
                {
                    following++;
                }

                if (following == downRuns.Count)
                {
                    break;
                }

                // The downstream run that follows this upstream run (same day, or just after midnight)
                // must not start before the upstream is due; earlier runs read the previous upstream run.
                var due = upStart + sla.ToNominalDuration();
                var clash = downRuns.Starts[following];
                if (clash < due)
                {
                    result.Add(Diagnostic(
                        DiagnosticCatalog.DownstreamBeforeUpstream,
                        down,
                        at,
                        "schedule.expression",
                        up.ScheduleSpan is { } upAt ? new[] { new OmlLocation(up.FilePath, upAt) } : Array.Empty<OmlLocation>(),
                        MessageText.Excerpt(down.Name!),
                        TimeText.Clock(clash, zone),
                        MessageText.Excerpt(up.Name!),
                        TimeText.Clock(upStart, zone),
                        sla.ToString(),
                        TimeText.Clock(due, zone)));
                    break;
                }
            }
        }
    }

    /// <summary>
    /// Each step that writes a target another pipeline also writes, when their runs can overlap: reported
    /// at the step, naming the other writer it first runs at the same time with (the earliest overlap in
    /// the week; at the same instant, the first in file order) and when. One sweep per target
    /// (<see cref="SharedWriteSweep"/>), however many writers it has.
    /// </summary>
    private static void SharedWrites(List<CatalogEntry> all, WeekOfRuns runs, Dictionary<string, string> display, CatalogFindings result, CancellationToken cancellationToken)
    {
        var writers = all.SelectMany(e => e.Writes.Select(w => (Entry: e, Write: w)))
            .GroupBy(x => x.Write.Target, StringComparer.Ordinal)
            .Where(g => g.Select(x => x.Entry).Distinct(ReferenceComparer<CatalogEntry>.Instance).Count() > 1);
        foreach (var group in writers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var owners = group.Select(x => x.Entry).Distinct(ReferenceComparer<CatalogEntry>.Instance).Where(e => runs.Of(e) is not null).ToList();
            var first = SharedWriteSweep.FirstOverlaps(owners.Select(e => runs.Of(e)!).ToList(), cancellationToken);
            var index = owners.Select((e, i) => (e, i)).ToDictionary(x => x.e, x => x.i, ReferenceComparer<CatalogEntry>.Instance);
            foreach (var (a, aw) in group)
            {
                if (!index.TryGetValue(a, out var i) || first[i] is not { } overlap)
                {
                    continue;
                }

                var b = owners[overlap.Partner];
                var zone = TimeZones.Find(a.Schedule!.TimeZone)!;
                result.Add(Diagnostic(
                    DiagnosticCatalog.SharedWriteTarget,
                    a,
                    aw.Span,
                    "steps",
                    b.Writes.Where(w => w.Target == group.Key).Take(MessageText.MaxListed).Select(w => new OmlLocation(b.FilePath, w.Span)),
                    MessageText.Excerpt(aw.StepId),
                    MessageText.Excerpt(group.Key),
                    MessageText.Excerpt(b.Name ?? display[b.FilePath]),
                    "for example on " + TimeText.DateAndClock(overlap.At, zone)));
            }
        }
    }

    /// <summary>
    /// A sweep over every run's [start, end) in the week: the most that overlap, and when. Pipelines with
    /// the same schedule and timeout share their runs and count as one weighted list, so the events are
    /// those of the distinct schedules, sorted once.
    /// </summary>
    private static void ParallelRuns(List<CatalogEntry> all, WeekOfRuns runs, OmlAnalysisOptions options, CatalogFindings result, CancellationToken cancellationToken)
    {
        if (options.Policy.MaxParallelRuns is not { } max)
        {
            return;
        }

        var weights = new Dictionary<Runs, int>(ReferenceComparer<Runs>.Instance);
        foreach (var entry in all)
        {
            if (runs.Of(entry) is { } r)
            {
                weights.TryGetValue(r, out var w);
                weights[r] = w + 1;
            }
        }

        var events = new List<(Instant At, int Delta)>();
        foreach (var pair in weights)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var start in pair.Key.Starts)
            {
                events.Add((start, pair.Value));
                events.Add((start + pair.Key.Length, -pair.Value));
            }
        }

        // Ends before starts at the same instant: a run that ends at 02:00 does not overlap one that starts at 02:00.
        events.Sort((x, y) => x.At != y.At ? x.At.CompareTo(y.At) : x.Delta.CompareTo(y.Delta));
        cancellationToken.ThrowIfCancellationRequested();
        long active = 0, peak = 0;
        Instant peakAt = default;
        for (var k = 0; k < events.Count; k++)
        {
            active += events[k].Delta;
            if (active > peak)
            {
                peak = active;
                peakAt = events[k].At;
            }
        }

        if (peak <= max)
        {
            return;
        }

        // Who runs at the peak: each pipeline with its runs active then, in the order of their first active run.
        var atPeak = all
            .Select(e => (Entry: e, Runs: runs.Of(e)))
            .Where(x => x.Runs is not null)
            .Select(x => (x.Entry, Count: x.Runs!.ActiveAt(peakAt), First: FirstActiveStart(x.Runs!, peakAt)))
            .Where(x => x.Count > 0)
            .OrderBy(x => x.First)
            .ThenBy(x => x.Entry.FilePath, StringComparer.Ordinal)
            .ToList();
        var involved = atPeak.Select(x => x.Entry).OrderBy(e => e.FilePath, StringComparer.Ordinal).ToList();
        var first = involved[0];
        var zone = TimeZones.Find(first.Schedule!.TimeZone) ?? DateTimeZone.Utc;
        var names = MessageText.List(atPeak.Select(x => x.Count > 1 ? $"{x.Entry.Name} ×{x.Count}" : x.Entry.Name ?? string.Empty));
        result.Add(Diagnostic(
            DiagnosticCatalog.TooManyParallelRuns,
            first,
            first.ScheduleSpan ?? first.NameSpan,
            "schedule",
            involved.Skip(1).Take(MessageText.MaxListed).Select(e => new OmlLocation(e.FilePath, e.ScheduleSpan ?? e.NameSpan)),
            peak.ToString(CultureInfo.InvariantCulture),
            $"at {TimeText.DateAndClock(peakAt, zone)}: {names}",
            max.ToString(CultureInfo.InvariantCulture)));
    }

    private static Instant FirstActiveStart(Runs runs, Instant at)
    {
        var first = at;
        for (var i = 0; i < runs.Count && runs.Starts[i] <= at; i++)
        {
            if (runs.Starts[i] + runs.Length > at)
            {
                return runs.Starts[i];
            }
        }

        return first;
    }

    private static OmlDiagnostic Diagnostic(
        OmlDiagnosticDescriptor descriptor,
        CatalogEntry entry,
        Text.SourceSpan span,
        string path,
        IEnumerable<OmlLocation> additional,
        params string[] arguments)
        => new(descriptor, new OmlLocation(entry.FilePath, span), path, arguments.ToImmutableArray(), additional.ToImmutableArray());

    /// <summary>Paths relative to the folder all files share, for short messages (pipelines/b.oml).</summary>
    private static Dictionary<string, string> DisplayPaths(List<CatalogEntry> all)
    {
        var paths = all.Select(e => e.FilePath.Replace('\\', '/')).ToList();
        var common = paths.Count == 0 ? string.Empty : paths.Aggregate((a, b) =>
        {
            var n = 0;
            while (n < a.Length && n < b.Length && a[n] == b[n])
            {
                n++;
            }

            return a.Substring(0, n);
        });
        var cut = common.LastIndexOf('/') + 1;
        if (paths.Count == 1)
        {
            cut = paths[0].LastIndexOf('/') + 1;
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in all)
        {
            var p = entry.FilePath.Replace('\\', '/');
            result[entry.FilePath] = MessageText.Excerpt(cut > 0 && cut <= p.Length ? p.Substring(cut) : p);
        }

        return result;
    }

    /// <summary>Lineage entries by the reference object (an alias repeats the very same one), direction and place.</summary>
    private sealed class LinkComparer : IEqualityComparer<(LineageReference Reference, string Direction, Text.SourceSpan Span)>
    {
        public static readonly LinkComparer Instance = new();

        public bool Equals((LineageReference Reference, string Direction, Text.SourceSpan Span) x, (LineageReference Reference, string Direction, Text.SourceSpan Span) y)
            => ReferenceEquals(x.Reference, y.Reference) && x.Direction == y.Direction && x.Span == y.Span;

        public int GetHashCode((LineageReference Reference, string Direction, Text.SourceSpan Span) obj)
            => (System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj.Reference) * 31) + obj.Span.Start;
    }

    /// <summary>Ordered pairs of catalog entries, by reference.</summary>
    private sealed class PairComparer : IEqualityComparer<(CatalogEntry, CatalogEntry)>
    {
        public static readonly PairComparer Ordered = new();

        public bool Equals((CatalogEntry, CatalogEntry) x, (CatalogEntry, CatalogEntry) y)
            => ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2);

        public int GetHashCode((CatalogEntry, CatalogEntry) obj)
            => (ReferenceComparer<CatalogEntry>.Instance.GetHashCode(obj.Item1) * 31) + ReferenceComparer<CatalogEntry>.Instance.GetHashCode(obj.Item2);
    }
}
