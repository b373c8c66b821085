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
    /// <summary>The limits every host uses: 2 MiB, 64 levels, 100 000 nodes, 100 000 nodes after expanding aliases.</summary>
    public static SyntaxLimits Default { get; } = new(2 * 1024 * 1024, 64, 100_000, 100_000);
}
