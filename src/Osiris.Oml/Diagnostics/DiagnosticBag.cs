using System.Collections.Generic;
using System.Collections.Immutable;
using Osiris.Oml.Text;

namespace Osiris.Oml.Diagnostics;

/// <summary>Collects the diagnostics of one file as the engine finds them.</summary>
public sealed class DiagnosticBag
{
    private readonly List<OmlDiagnostic> _items = new();

    /// <summary>Creates a bag for the file at <paramref name="filePath"/>.</summary>
    public DiagnosticBag(string filePath) => FilePath = filePath;

    /// <summary>The file every diagnostic of this bag is located in.</summary>
    public string FilePath { get; }

    /// <summary>Reports a finding at <paramref name="span"/>.</summary>
    public void Report(OmlDiagnosticDescriptor descriptor, SourceSpan span, string path, params string[] arguments)
        => _items.Add(new OmlDiagnostic(descriptor, new OmlLocation(FilePath, span), path, arguments.ToImmutableArray()));

    /// <summary>Reports a finding with other places that belong to it.</summary>
    public void Report(
        OmlDiagnosticDescriptor descriptor,
        SourceSpan span,
        string path,
        ImmutableArray<OmlLocation> additionalLocations,
        params string[] arguments)
        => _items.Add(new OmlDiagnostic(descriptor, new OmlLocation(FilePath, span), path, arguments.ToImmutableArray(), additionalLocations));

    /// <summary>Reports a "did you mean" finding with the edit it proposes (null when there is none).</summary>
    public void ReportWithSuggestion(OmlDiagnosticDescriptor descriptor, SourceSpan span, string path, OmlSuggestion? suggestion, params string[] arguments)
        => _items.Add(new OmlDiagnostic(descriptor, new OmlLocation(FilePath, span), path, arguments.ToImmutableArray(), suggestion: suggestion));

    /// <summary>Reports a finding with a severity other than the descriptor's default.</summary>
    public void ReportWithSeverity(
        OmlDiagnosticDescriptor descriptor,
        OmlSeverity severity,
        SourceSpan span,
        string path,
        params string[] arguments)
        => _items.Add(new OmlDiagnostic(descriptor, new OmlLocation(FilePath, span), path, arguments.ToImmutableArray(), default, severity));

    /// <summary>Adds an already built diagnostic.</summary>
    public void Add(OmlDiagnostic diagnostic) => _items.Add(diagnostic);

    /// <summary>The diagnostics in a stable order: by position, then ID, then message.</summary>
    public ImmutableArray<OmlDiagnostic> ToSortedArray()
    {
        var copy = _items.ToArray();
        System.Array.Sort(copy, OmlDiagnosticComparer.Instance);
        return copy.ToImmutableArray();
    }
}

/// <summary>Orders diagnostics by file, position, ID and message so every host prints them alike.</summary>
public sealed class OmlDiagnosticComparer : IComparer<OmlDiagnostic>
{
    /// <summary>The one instance.</summary>
    public static OmlDiagnosticComparer Instance { get; } = new();

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

        if (c == 0)
        {
            c = string.CompareOrdinal(x.Id, y.Id);
        }

        return c != 0 ? c : string.CompareOrdinal(x.GetMessage(), y.GetMessage());
    }
}
