using Osiris.Oml.Collections;
using Osiris.Oml.Model;
using Osiris.Oml.Text;

namespace Osiris.Oml.Catalog;

/// <summary>A lineage entry of a pipeline, where it is written.</summary>
/// <param name="Reference">The entry.</param>
/// <param name="Direction">upstream or downstream.</param>
/// <param name="Span">Where it is written.</param>
public sealed record CatalogLineage(LineageReference Reference, string Direction, SourceSpan Span)
{
    /// <summary>Where the name is written, when it is written verbatim (for the edit a "did you mean" proposes).</summary>
    public SourceSpan? NameSpan { get; init; }
}

/// <summary>A step that writes a table, where the table is named.</summary>
/// <param name="StepId">The step.</param>
/// <param name="Target">What is written: the connection (or component) and the table or path.</param>
/// <param name="Span">Where the table or path is written.</param>
public sealed record CatalogWrite(string StepId, string Target, SourceSpan Span);

/// <summary>
/// What the repository-wide rules need to know of one pipeline file: its name, schedule, SLA,
/// lineage and writes, with the places they are written. Produced by the per-file analysis so the
/// catalog never re-reads a file.
/// </summary>
/// <remarks>Immutable and value-equal.</remarks>
public sealed record CatalogEntry(
    string FilePath,
    string? Name,
    SourceSpan NameSpan,
    ScheduleModel? Schedule,
    SourceSpan? ScheduleSpan,
    MetadataModel? Metadata,
    EquatableArray<CatalogLineage> Lineage,
    EquatableArray<CatalogWrite> Writes);
