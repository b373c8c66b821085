using Osiris.Oml.Diagnostics;
using Osiris.Oml.Rules;
using Osiris.Oml.Syntax;
using Osiris.Oml.Text;

namespace Osiris.Oml.Binding;

/// <summary>
/// Checks the schedule and metadata binders share, each reported with the descriptor of the block
/// it is used for.
/// </summary>
internal static class BlockReader
{
    /// <summary>Reports every key of <paramref name="mapping"/> that is not one of <paramref name="known"/> (extension keys aside).</summary>
    public static void CheckKeys(YamlMappingNode mapping, string path, string[] known, OmlDiagnosticDescriptor descriptor, DiagnosticBag diagnostics)
    {
        foreach (var (entry, key) in OmlKeys.Unknown(mapping, known))
        {
            diagnostics.Report(descriptor, entry.Key.Span, path + "." + key, key, path, Suggestions.DidYouMean(key, known), string.Join(", ", known));
        }
    }
}
