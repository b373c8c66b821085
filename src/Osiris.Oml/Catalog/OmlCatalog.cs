using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using NodaTime;
using Osiris.Oml.Diagnostics;
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
/// are additional locations.
/// </summary>
public static class OmlCatalog
{
    private static readonly Duration Week = Duration.FromDays(7);
    private static readonly Duration UnknownRunLength = Duration.FromHours(1);

    /// <summary>Analyzes the entries of one project (in any order: the result is sorted).</summary>
    public static ImmutableArray<OmlDiagnostic> Analyze(IEnumerable<CatalogEntry> entries, OmlAnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= OmlAnalysisOptions.Default;
        var all = entries.OrderBy(e => e.FilePath, StringComparer.Ordinal).ToList();
        var result = new List<OmlDiagnostic>();
        var display = DisplayPaths(all);
        var byName = all.Where(e => e.Name is not null).GroupBy(e => e.Name!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        DuplicateNames(byName, display, result);
        cancellationToken.ThrowIfCancellationRequested();
        UnknownPipelines(all, byName, result);
        LineageGraph(all, byName, result);
        cancellationToken.ThrowIfCancellationRequested();

        var runs = new WeekOfRuns(options);
        DownstreamBeforeUpstream(all, byName, runs, result);
        SharedWrites(all, runs, display, result);
        ParallelRuns(all, runs, options, result);

        var sorted = result.ToArray();
        Array.Sort(sorted, OmlDiagnosticComparer.Instance);
        return sorted.ToImmutableArray();
    }

    private static void DuplicateNames(Dictionary<string, List<CatalogEntry>> byName, Dictionary<string, string> display, List<OmlDiagnostic> result)
    {
        foreach (var group in byName.Values.Where(g => g.Count > 1))
        {
            foreach (var entry in group)
            {
                var others = group.Where(o => !ReferenceEquals(o, entry)).ToList();
                result.Add(Diagnostic(
                    DiagnosticCatalog.DuplicatePipelineName,
                    entry,
                    entry.NameSpan,
                    "name",
                    others.Select(o => new OmlLocation(o.FilePath, o.NameSpan)),
                    entry.Name!,
                    string.Join(", ", others.Select(o => $"{display[o.FilePath]} (line {YamlValues.LineOf(o.NameSpan)})"))));
            }
        }
    }

    private static void UnknownPipelines(List<CatalogEntry> all, Dictionary<string, List<CatalogEntry>> byName, List<OmlDiagnostic> result)
    {
        var names = byName.Keys.OrderBy(n => n, StringComparer.Ordinal).ToList();
        foreach (var entry in all)
        {
            foreach (var link in entry.Lineage.Where(l => l.Reference.Kind == "pipeline"))
            {
                if (!byName.ContainsKey(link.Reference.Name))
                {
                    var hint = Suggestions.DidYouMean(link.Reference.Name, names.Where(n => n != entry.Name), out var meant);
                    result.Add(Diagnostic(
                        DiagnosticCatalog.UnknownLineagePipeline,
                        entry,
                        link.Span,
                        "metadata.lineage." + link.Direction,
                        Array.Empty<OmlLocation>(),
                        link.Reference.Name,
                        hint).WithSuggestion(OmlSuggestion.ForPart(link.NameSpan, meant)));
                }
            }
        }
    }

    /// <summary>Edges upstream → downstream from both sides' declarations; cycles and one-sided links.</summary>
    private static void LineageGraph(List<CatalogEntry> all, Dictionary<string, List<CatalogEntry>> byName, List<OmlDiagnostic> result)
    {
        // (from, to) → the declarations that say so.
        var edges = new Dictionary<(string From, string To), List<(CatalogEntry Entry, CatalogLineage Link)>>();
        foreach (var entry in all.Where(e => e.Name is not null))
        {
            foreach (var link in entry.Lineage.Where(l => l.Reference.Kind == "pipeline" && byName.ContainsKey(l.Reference.Name)))
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
                    byName[other].Select(o => new OmlLocation(o.FilePath, o.NameSpan)),
                    entry.Name!,
                    other,
                    link.Direction,
                    link.Direction == "upstream" ? "downstream" : "upstream"));
            }
        }

        // Cycles: strongly connected pipelines, reported once at the first pipeline (ordinal) of each cycle.
        var graph = edges.Keys.GroupBy(k => k.From, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(k => k.To).OrderBy(x => x, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in graph.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (reported.Contains(start) || FindCycle(graph, start) is not { } cycle)
            {
                continue;
            }

            foreach (var member in cycle)
            {
                reported.Add(member);
            }

            var (entry, link) = edges[(cycle[0], cycle[1 % cycle.Count])][0];
            var others = new List<OmlLocation>();
            for (var i = 1; i < cycle.Count; i++)
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
                string.Join(" → ", cycle.Concat(new[] { cycle[0] }))));
        }
    }

    /// <summary>The shortest cycle through <paramref name="start"/>, breadth-first; null when there is none.</summary>
    private static List<string>? FindCycle(Dictionary<string, List<string>> graph, string start)
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

                if (to != start && !previous.ContainsKey(to))
                {
                    previous[to] = node;
                    queue.Enqueue(to);
                }
            }
        }

        return null;
    }

    private static void DownstreamBeforeUpstream(List<CatalogEntry> all, Dictionary<string, List<CatalogEntry>> byName, WeekOfRuns runs, List<OmlDiagnostic> result)
    {
        var pairs = new HashSet<(CatalogEntry Up, CatalogEntry Down)>();
        foreach (var entry in all.Where(e => e.Name is not null))
        {
            foreach (var link in entry.Lineage.Where(l => l.Reference.Kind == "pipeline" && byName.TryGetValue(l.Reference.Name, out var list) && list.Count == 1))
            {
                var other = byName[link.Reference.Name][0];
                pairs.Add(link.Direction == "upstream" ? (other, entry) : (entry, other));
            }
        }

        foreach (var (up, down) in pairs.OrderBy(p => p.Down.FilePath, StringComparer.Ordinal).ThenBy(p => p.Up.FilePath, StringComparer.Ordinal))
        {
            if (ReferenceEquals(up, down) || up.Metadata?.Sla is not { } sla || runs.Of(up) is not { } upRuns || runs.Of(down) is not { } downRuns
                || TimeZones.Find(down.Schedule!.TimeZone) is not { } zone || down.ScheduleSpan is not { } at)
            {
                continue;
            }

            // Both lists are in time order: the downstream run that follows an upstream run only moves forward.
            var following = 0;
            foreach (var (upStart, _) in upRuns)
            {
                while (following < downRuns.Count && downRuns[following].Start < upStart)
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
                var clash = downRuns[following].Start;
                if (clash < due)
                {
                    result.Add(Diagnostic(
                        DiagnosticCatalog.DownstreamBeforeUpstream,
                        down,
                        at,
                        "schedule.expression",
                        up.ScheduleSpan is { } upAt ? new[] { new OmlLocation(up.FilePath, upAt) } : Array.Empty<OmlLocation>(),
                        down.Name!,
                        TimeText.Clock(clash, zone),
                        up.Name!,
                        TimeText.Clock(upStart, zone),
                        sla.ToString(),
                        TimeText.Clock(due, zone)));
                    break;
                }
            }
        }
    }

    private static void SharedWrites(List<CatalogEntry> all, WeekOfRuns runs, Dictionary<string, string> display, List<OmlDiagnostic> result)
    {
        // Both pipelines of a pair report the same first overlap: find it once per pair.
        var overlaps = new Dictionary<(CatalogEntry, CatalogEntry), Instant?>(UnorderedPairComparer.Instance);
        var writers = all.SelectMany(e => e.Writes.Select(w => (Entry: e, Write: w)))
            .GroupBy(x => x.Write.Target, StringComparer.Ordinal)
            .Where(g => g.Select(x => x.Entry).Distinct().Count() > 1);
        foreach (var group in writers)
        {
            var list = group.ToList();
            for (var i = 0; i < list.Count; i++)
            {
                for (var j = 0; j < list.Count; j++)
                {
                    var (a, aw) = list[i];
                    var (b, _) = list[j];
                    if (ReferenceEquals(a, b) || runs.Of(a) is not { } aRuns || runs.Of(b) is not { } bRuns)
                    {
                        continue;
                    }

                    if (!overlaps.TryGetValue((a, b), out var first))
                    {
                        overlaps[(a, b)] = first = FirstOverlap(aRuns, bRuns);
                    }

                    if (first is not { } overlap)
                    {
                        continue;
                    }

                    var zone = TimeZones.Find(a.Schedule!.TimeZone)!;
                    result.Add(Diagnostic(
                        DiagnosticCatalog.SharedWriteTarget,
                        a,
                        aw.Span,
                        "steps",
                        b.Writes.Where(w => w.Target == group.Key).Select(w => new OmlLocation(b.FilePath, w.Span)),
                        aw.StepId,
                        group.Key,
                        b.Name ?? display[b.FilePath],
                        "for example on " + TimeText.DateAndClock(overlap, zone)));
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The earliest instant at which a run of <paramref name="a"/> and a run of <paramref name="b"/> are
    /// both active (the later of their starts), or null. Both lists are in time order, so one pass over
    /// each finds it: a run that ends before the other list's current run starts overlaps nothing later.
    /// </summary>
    private static Instant? FirstOverlap(List<(Instant Start, Instant End)> a, List<(Instant Start, Instant End)> b)
    {
        var i = 0;
        var j = 0;
        while (i < a.Count && j < b.Count)
        {
            var (x, y) = (a[i], b[j]);
            if (x.End <= y.Start)
            {
                i++;
            }
            else if (y.End <= x.Start)
            {
                j++;
            }
            else
            {
                return x.Start > y.Start ? x.Start : y.Start;
            }
        }

        return null;
    }

    /// <summary>A sweep over every run's [start, end) in the week: the most that overlap, and when.</summary>
    private static void ParallelRuns(List<CatalogEntry> all, WeekOfRuns runs, OmlAnalysisOptions options, List<OmlDiagnostic> result)
    {
        if (options.Policy.MaxParallelRuns is not { } max)
        {
            return;
        }

        var events = new List<(Instant At, int Delta, CatalogEntry Entry)>();
        foreach (var entry in all)
        {
            foreach (var (start, end) in runs.Of(entry) ?? Enumerable.Empty<(Instant, Instant)>())
            {
                events.Add((start, +1, entry));
                events.Add((end, -1, entry));
            }
        }

        // Ends before starts at the same instant: a run that ends at 02:00 does not overlap one that starts at 02:00.
        events.Sort((x, y) => x.At != y.At ? x.At.CompareTo(y.At) : x.Delta.CompareTo(y.Delta));
        var active = new List<CatalogEntry>();
        var peak = 0;
        Instant peakAt = default;
        List<CatalogEntry> peakEntries = new();
        foreach (var (at, delta, entry) in events)
        {
            if (delta > 0)
            {
                active.Add(entry);
                if (active.Count > peak)
                {
                    peak = active.Count;
                    peakAt = at;
                    peakEntries = active.ToList();
                }
            }
            else
            {
                active.Remove(entry);
            }
        }

        if (peak <= max)
        {
            return;
        }

        var involved = peakEntries.Distinct().OrderBy(e => e.FilePath, StringComparer.Ordinal).ToList();
        var first = involved[0];
        var zone = TimeZones.Find(first.Schedule!.TimeZone) ?? DateTimeZone.Utc;
        var names = string.Join(", ", peakEntries.GroupBy(e => e).Select(g => g.Count() > 1 ? $"{g.Key.Name} ×{g.Count()}" : g.Key.Name));
        result.Add(Diagnostic(
            DiagnosticCatalog.TooManyParallelRuns,
            first,
            first.ScheduleSpan ?? first.NameSpan,
            "schedule",
            involved.Skip(1).Select(e => new OmlLocation(e.FilePath, e.ScheduleSpan ?? e.NameSpan)),
            peak.ToString(CultureInfo.InvariantCulture),
            $"at {TimeText.DateAndClock(peakAt, zone)}: {names}",
            max.ToString(CultureInfo.InvariantCulture)));
    }

    private static OmlDiagnostic Diagnostic(
        OmlDiagnosticDescriptor descriptor,
        CatalogEntry entry,
        SourceSpan span,
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
            result[entry.FilePath] = cut > 0 && cut <= p.Length ? p.Substring(cut) : p;
        }

        return result;
    }

    /// <summary>Each scheduled pipeline's runs over the coming week, [start, start + timeout), worked out when first asked for.</summary>
    private sealed class WeekOfRuns
    {
        // A week of runs every minute; schedules with a seconds field are cut short.
        private const int MaxRuns = 7 * 24 * 60;

        private readonly Dictionary<CatalogEntry, List<(Instant Start, Instant End)>?> _runs = new(ReferenceEqualityComparer.Instance);
        private readonly Instant _reference;
        private readonly ScheduleTarget _target;

        public WeekOfRuns(OmlAnalysisOptions options)
        {
            _reference = options.Schedule.ReferenceTime;
            _target = TargetSet.For(options.Schedule).FirstOrDefault()?.Target ?? ScheduleTarget.Airflow;
        }

        /// <summary>The runs of <paramref name="entry"/> in time order, or null when it has no schedule that fires.</summary>
        public List<(Instant Start, Instant End)>? Of(CatalogEntry entry)
        {
            if (!_runs.TryGetValue(entry, out var runs))
            {
                _runs[entry] = runs = Compute(entry);
            }

            return runs;
        }

        private List<(Instant Start, Instant End)>? Compute(CatalogEntry entry)
        {
            if (entry.Schedule is not { } schedule || schedule.CreateSource(TimeZones.Find(schedule.TimeZone), out _) is not { } source)
            {
                return null;
            }

            var length = schedule.Timeout?.ToNominalDuration() ?? UnknownRunLength;
            var end = _reference + Week;

            // Fires are after the reference, except that Prefect on Python ≤ 3.12 can move a gap time back before it.
            return source.FiresUntil(_target, _reference, end, MaxRuns)
                .Where(f => f >= _reference && f < end)
                .Select(f => (f, f + length))
                .ToList();
        }
    }

    private sealed class ReferenceEqualityComparer : IEqualityComparer<CatalogEntry>
    {
        public static readonly ReferenceEqualityComparer Instance = new();

        public bool Equals(CatalogEntry? x, CatalogEntry? y) => ReferenceEquals(x, y);

        public int GetHashCode(CatalogEntry obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
    }

    /// <summary>Pairs of the same two entries (by reference) in either order.</summary>
    private sealed class UnorderedPairComparer : IEqualityComparer<(CatalogEntry, CatalogEntry)>
    {
        public static readonly UnorderedPairComparer Instance = new();

        public bool Equals((CatalogEntry, CatalogEntry) x, (CatalogEntry, CatalogEntry) y)
            => (ReferenceEquals(x.Item1, y.Item1) && ReferenceEquals(x.Item2, y.Item2))
               || (ReferenceEquals(x.Item1, y.Item2) && ReferenceEquals(x.Item2, y.Item1));

        public int GetHashCode((CatalogEntry, CatalogEntry) obj)
            => ReferenceEqualityComparer.Instance.GetHashCode(obj.Item1) ^ ReferenceEqualityComparer.Instance.GetHashCode(obj.Item2);
    }
}
