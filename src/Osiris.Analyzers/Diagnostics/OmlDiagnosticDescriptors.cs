using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Osiris.Oml.Diagnostics;

namespace Osiris.Analyzers.Diagnostics;

/// <summary>
/// The Roslyn descriptors, made one-to-one from the engine's catalog (the single source of truth).
/// A test checks that both lists agree.
/// </summary>
internal static class OmlDiagnosticDescriptors
{
    /// <summary>Every descriptor, in ID order.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } =
        DiagnosticCatalog.All.Select(Create).ToImmutableArray();

    private static readonly Dictionary<string, DiagnosticDescriptor> ById =
        All.ToDictionary(d => d.Id, System.StringComparer.Ordinal);

    /// <summary>The Roslyn descriptor of an engine descriptor.</summary>
    public static DiagnosticDescriptor Get(OmlDiagnosticDescriptor descriptor) => ById[descriptor.Id];

    private static DiagnosticDescriptor Create(OmlDiagnosticDescriptor d)
    {
        var tags = d.IsCrossFile
            ? new[] { WellKnownDiagnosticTags.CompilationEnd }
            : System.Array.Empty<string>();
        return new DiagnosticDescriptor(
            d.Id,
            d.Title,
            d.MessageFormat,
            d.Category,
            ToRoslyn(d.DefaultSeverity),
            isEnabledByDefault: true,
            description: d.Description,
            helpLinkUri: d.HelpLink,
            customTags: tags);
    }

    internal static DiagnosticSeverity ToRoslyn(OmlSeverity severity) => severity switch
    {
        OmlSeverity.Error => DiagnosticSeverity.Error,
        OmlSeverity.Warning => DiagnosticSeverity.Warning,
        OmlSeverity.Info => DiagnosticSeverity.Info,
        _ => DiagnosticSeverity.Hidden,
    };
}
