namespace Osiris.Oml.Syntax;

/// <summary>
/// Bounds on the work spent on one file. Real pipelines are a few kilobytes and a handful of levels
/// deep; the limits are far above that and far below what could stall a build.
/// </summary>
/// <param name="MaxLength">Characters of text read at all.</param>
/// <param name="MaxDepth">Nesting of lists and mappings.</param>
/// <param name="MaxNodes">YAML nodes written in the file.</param>
/// <param name="MaxExpandedNodes">Nodes after expanding every alias (alias bombs grow exponentially).</param>
public sealed record SyntaxLimits(int MaxLength, int MaxDepth, long MaxNodes, long MaxExpandedNodes)
{
    /// <summary>
    /// Characters of keys and values after expanding every alias: a long value repeated by aliases
    /// (<c>[&amp;v "…a megabyte…", *v, *v, …]</c>) is as costly to check as if it were written out each time.
    /// Twice <see cref="MaxLength"/> by default, so aliases may double a file but not multiply it.
    /// </summary>
    public long MaxExpandedLength { get; init; } = 2L * 2 * 1024 * 1024;

    /// <summary>Findings of one diagnostic ID reported per file; the rest are counted in one OSI0011.</summary>
    public int MaxDiagnosticsPerId { get; init; } = Diagnostics.DiagnosticBag.DefaultMaxPerId;

    /// <summary>Findings reported per file in all; the rest are counted in one OSI0011.</summary>
    public int MaxDiagnostics { get; init; } = Diagnostics.DiagnosticBag.DefaultMaxTotal;

    /// <summary>
    /// The limits every host uses: 2 MiB, 64 levels, 100 000 nodes, 100 000 nodes and 4 Mi characters
    /// after expanding aliases, 100 findings of one ID and 1 000 in all per file.
    /// </summary>
    public static SyntaxLimits Default { get; } = new(2 * 1024 * 1024, 64, 100_000, 100_000);
}
