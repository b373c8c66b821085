using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Osiris.Oml.Text;

namespace Osiris.Oml.Diagnostics;

/// <summary>
/// Collects the diagnostics of one file as the engine finds them. It keeps the output of a hostile
/// file bounded: a finding reported twice is kept once, a finding inside a node that YAML aliases
/// repeat is kept for its first use only, and past <see cref="MaxPerId"/> findings of one ID or
/// <see cref="MaxTotal"/> in all the rest are only counted, in one OSI0011 each.
/// </summary>
public sealed class DiagnosticBag
{
    /// <summary>The findings of one ID a file reports by default.</summary>
    public const int DefaultMaxPerId = 100;

    /// <summary>The findings a file reports by default in all.</summary>
    public const int DefaultMaxTotal = 1000;

    private readonly List<OmlDiagnostic> _items = new();
    private readonly HashSet<DiagnosticKey> _seen = new();
    private readonly Dictionary<string, Omitted> _omittedById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _countById = new(StringComparer.Ordinal);

    // Merged [start, end) ranges of the nodes that aliases repeat, and the path that first reported
    // each (ID, span) inside them.
    private List<(int Start, int End)>? _aliased;
    private Dictionary<(string Id, int Start, int End), string>? _firstUse;

    /// <summary>Creates a bag for the file at <paramref name="filePath"/> with the default caps.</summary>
    public DiagnosticBag(string filePath)
        : this(filePath, DefaultMaxPerId, DefaultMaxTotal)
    {
    }

    /// <summary>Creates a bag for the file at <paramref name="filePath"/> that reports at most <paramref name="maxPerId"/> findings of one ID and <paramref name="maxTotal"/> in all.</summary>
    public DiagnosticBag(string filePath, int maxPerId, int maxTotal)
    {
        FilePath = filePath;
        MaxPerId = Math.Max(1, maxPerId);
        MaxTotal = Math.Max(1, maxTotal);
    }

    /// <summary>The file every diagnostic of this bag is located in.</summary>
    public string FilePath { get; }

    /// <summary>The most findings of one ID reported; more are counted in an OSI0011.</summary>
    public int MaxPerId { get; }

    /// <summary>The most findings reported in all; more are counted in an OSI0011.</summary>
    public int MaxTotal { get; }

    /// <summary>Reports a finding at <paramref name="span"/>.</summary>
    public void Report(OmlDiagnosticDescriptor descriptor, SourceSpan span, string path, params string[] arguments)
        => Add(new OmlDiagnostic(descriptor, new OmlLocation(FilePath, span), path, arguments.ToImmutableArray()));

    /// <summary>Reports a finding with other places that belong to it.</summary>
    public void Report(
        OmlDiagnosticDescriptor descriptor,
        SourceSpan span,
        string path,
        ImmutableArray<OmlLocation> additionalLocations,
        params string[] arguments)
        => Add(new OmlDiagnostic(descriptor, new OmlLocation(FilePath, span), path, arguments.ToImmutableArray(), additionalLocations));

    /// <summary>Reports a "did you mean" finding with the edit it proposes (null when there is none).</summary>
    public void ReportWithSuggestion(OmlDiagnosticDescriptor descriptor, SourceSpan span, string path, OmlSuggestion? suggestion, params string[] arguments)
        => Add(new OmlDiagnostic(descriptor, new OmlLocation(FilePath, span), path, arguments.ToImmutableArray(), suggestion: suggestion));

    /// <summary>Reports a finding with a severity other than the descriptor's default.</summary>
    public void ReportWithSeverity(
        OmlDiagnosticDescriptor descriptor,
        OmlSeverity severity,
        SourceSpan span,
        string path,
        params string[] arguments)
        => Add(new OmlDiagnostic(descriptor, new OmlLocation(FilePath, span), path, arguments.ToImmutableArray(), default, severity));

    /// <summary>Adds an already built diagnostic (unless it repeats one, or its ID is past the cap).</summary>
    public void Add(OmlDiagnostic diagnostic)
    {
        if (!_seen.Add(new DiagnosticKey(diagnostic)) || IsLaterUseOfAlias(diagnostic))
        {
            return;
        }

        // OSI0011 counts others; it is never capped itself (there is at most one per ID).
        if (diagnostic.Id != DiagnosticIds.DiagnosticsLeftOut)
        {
            _countById.TryGetValue(diagnostic.Id, out var count);
            _countById[diagnostic.Id] = count + 1;
            if (count >= MaxPerId)
            {
                if (_omittedById.TryGetValue(diagnostic.Id, out var omitted))
                {
                    omitted.Count++;
                }
                else
                {
                    _omittedById[diagnostic.Id] = new Omitted(diagnostic.Location);
                }

                return;
            }
        }

        _items.Add(diagnostic);
    }

    /// <summary>
    /// Declares the spans of the nodes that YAML aliases repeat (<c>&amp;a</c> … <c>*a</c>). Such a node
    /// is analyzed at each use, but its findings are all located at the node itself: each is kept for
    /// the first use (the first path) that reports it and dropped for the others.
    /// </summary>
    internal void SetAliasedSpans(IReadOnlyList<SourceSpan> spans)
    {
        var ranges = new List<(int Start, int End)>(spans.Count);
        foreach (var span in spans)
        {
            ranges.Add((span.Start, span.End));
        }

        ranges.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        var merged = new List<(int Start, int End)>();
        foreach (var range in ranges)
        {
            if (merged.Count > 0 && range.Start <= merged[merged.Count - 1].End)
            {
                var last = merged[merged.Count - 1];
                merged[merged.Count - 1] = (last.Start, Math.Max(last.End, range.End));
            }
            else
            {
                merged.Add(range);
            }
        }

        _aliased = merged.Count == 0 ? null : merged;
    }

    /// <summary>
    /// The diagnostics in a stable order: by position, then ID, then the order they were reported in.
    /// Findings left out by the caps are summed up in one OSI0011 per ID (at the first one left out),
    /// and one for the file when it has more than <see cref="MaxTotal"/>.
    /// </summary>
    public ImmutableArray<OmlDiagnostic> ToSortedArray()
    {
        var sorted = OmlDiagnosticComparer.SortStable(_items);
        var result = new List<OmlDiagnostic>(Math.Min(sorted.Length, MaxTotal) + _omittedById.Count + 1);
        var dropped = 0;
        OmlLocation firstDropped = default;
        foreach (var diagnostic in sorted)
        {
            if (result.Count < MaxTotal || diagnostic.Id == DiagnosticIds.DiagnosticsLeftOut)
            {
                result.Add(diagnostic);
            }
            else if (dropped++ == 0)
            {
                firstDropped = diagnostic.Location;
            }
        }

        var added = false;
        foreach (var pair in _omittedById)
        {
            result.Add(LeftOut(pair.Value.At, pair.Value.Count, pair.Key + " findings", MaxPerId.ToString(CultureInfo.InvariantCulture) + " of each ID"));
            added = true;
        }

        if (dropped > 0)
        {
            result.Add(LeftOut(firstDropped, dropped, "findings", MaxTotal.ToString(CultureInfo.InvariantCulture) + " per file"));
            added = true;
        }

        return added ? OmlDiagnosticComparer.SortStable(result) : result.ToImmutableArray();
    }

    private static OmlDiagnostic LeftOut(OmlLocation at, int count, string what, string limit)
        => new(DiagnosticCatalog.DiagnosticsLeftOut, at, string.Empty, ImmutableArray.Create(count.ToString("N0", CultureInfo.InvariantCulture), what, limit));

    private bool IsLaterUseOfAlias(OmlDiagnostic diagnostic)
    {
        if (_aliased is null || !IsInsideAliased(diagnostic.Span))
        {
            return false;
        }

        _firstUse ??= new Dictionary<(string, int, int), string>();
        var key = (diagnostic.Id, diagnostic.Span.Start, diagnostic.Span.End);
        if (_firstUse.TryGetValue(key, out var path))
        {
            return !string.Equals(path, diagnostic.Path, StringComparison.Ordinal);
        }

        _firstUse[key] = diagnostic.Path;
        return false;
    }

    private bool IsInsideAliased(SourceSpan span)
    {
        var ranges = _aliased!;
        int lo = 0, hi = ranges.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (ranges[mid].Start <= span.Start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return hi >= 0 && span.End <= ranges[hi].End;
    }

    private sealed class Omitted
    {
        public Omitted(OmlLocation at)
        {
            At = at;
            Count = 1;
        }

        public OmlLocation At { get; }

        public int Count { get; set; }
    }

    /// <summary>What makes two reports the same finding: ID, place, severity and message arguments.</summary>
    private readonly struct DiagnosticKey : IEquatable<DiagnosticKey>
    {
        private readonly OmlDiagnostic _diagnostic;

        public DiagnosticKey(OmlDiagnostic diagnostic) => _diagnostic = diagnostic;

        public bool Equals(DiagnosticKey other)
        {
            var (a, b) = (_diagnostic, other._diagnostic);
            if (!ReferenceEquals(a.Descriptor, b.Descriptor) || a.Location != b.Location || a.Severity != b.Severity || a.Arguments.Length != b.Arguments.Length)
            {
                return false;
            }

            for (var i = 0; i < a.Arguments.Length; i++)
            {
                if (!string.Equals(a.Arguments[i], b.Arguments[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        public override bool Equals(object? obj) => obj is DiagnosticKey other && Equals(other);

        public override int GetHashCode()
        {
            // Arguments are bounded (MessageText.MaxArgumentLength), so hashing them is cheap.
            var hash = (_diagnostic.Id.GetHashCode() * 31) + _diagnostic.Location.GetHashCode();
            foreach (var argument in _diagnostic.Arguments)
            {
                hash = (hash * 31) + (argument is null ? 0 : StringComparer.Ordinal.GetHashCode(argument));
            }

            return hash;
        }
    }
}

/// <summary>
/// Orders diagnostics by file, position and ID so every host prints them alike. Diagnostics that tie
/// (same place, same ID) compare equal: sort with <see cref="SortStable"/> to keep them in the order
/// they were reported, which is deterministic. Messages are never compared: a message can quote a long
/// value, and many diagnostics can share one place when YAML aliases repeat a node.
/// </summary>
public sealed class OmlDiagnosticComparer : IComparer<OmlDiagnostic>
{
    /// <summary>The one instance.</summary>
    public static OmlDiagnosticComparer Instance { get; } = new();

    /// <summary>The diagnostics sorted by this comparer; ties keep their order in <paramref name="diagnostics"/>.</summary>
    public static ImmutableArray<OmlDiagnostic> SortStable(IEnumerable<OmlDiagnostic> diagnostics)
    {
        var items = new List<(OmlDiagnostic Diagnostic, int Index)>();
        foreach (var diagnostic in diagnostics)
        {
            items.Add((diagnostic, items.Count));
        }

        items.Sort((x, y) =>
        {
            var c = Instance.Compare(x.Diagnostic, y.Diagnostic);
            return c != 0 ? c : x.Index.CompareTo(y.Index);
        });
        var result = ImmutableArray.CreateBuilder<OmlDiagnostic>(items.Count);
        foreach (var item in items)
        {
            result.Add(item.Diagnostic);
        }

        return result.MoveToImmutable();
    }

    /// <inheritdoc />
    public int Compare(OmlDiagnostic? x, OmlDiagnostic? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var c = string.CompareOrdinal(x.Location.FilePath, y.Location.FilePath);
        if (c == 0)
        {
            c = x.Span.Start.CompareTo(y.Span.Start);
        }

        if (c == 0)
        {
            c = x.Span.End.CompareTo(y.Span.End);
        }

        return c == 0 ? string.CompareOrdinal(x.Id, y.Id) : c;
    }
}
