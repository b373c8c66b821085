using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Syntax;

namespace Osiris.Oml.Catalog;

/// <summary>
/// The repository-wide findings, one <see cref="DiagnosticBag"/> per file: the same caps and
/// de-duplication as a file's own analysis (a lineage entry repeated by aliases is one finding; at most
/// 100 of each ID per file, then an OSI0011).
/// </summary>
internal sealed class CatalogFindings
{
    private readonly Dictionary<string, DiagnosticBag> _byFile = new(StringComparer.Ordinal);
    private readonly SyntaxLimits _limits;

    public CatalogFindings(SyntaxLimits limits) => _limits = limits;

    public void Add(OmlDiagnostic diagnostic)
    {
        var path = diagnostic.Location.FilePath;
        if (!_byFile.TryGetValue(path, out var bag))
        {
            _byFile[path] = bag = new DiagnosticBag(path, _limits.MaxDiagnosticsPerId, _limits.MaxDiagnostics);
        }

        bag.Add(diagnostic);
    }

    /// <summary>Every file's findings, by file, position and ID; ties in the order they were found.</summary>
    public ImmutableArray<OmlDiagnostic> ToSortedArray()
    {
        var all = new List<OmlDiagnostic>();
        foreach (var bag in _byFile.Values)
        {
            all.AddRange(bag.ToSortedArray());
        }

        return OmlDiagnosticComparer.SortStable(all);
    }
}
