using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Osiris.Oml.Diagnostics;

namespace Osiris.Analyzers.Diagnostics;

/// <summary>Turns engine diagnostics into Roslyn ones located in the .oml file.</summary>
internal static class LocationMapper
{
    public static Location ToLocation(OmlLocation location)
    {
        var span = location.Span;
        return Location.Create(
            location.FilePath,
            TextSpan.FromBounds(span.Start, span.End),
            new LinePositionSpan(
                new LinePosition(span.StartPosition.Line, span.StartPosition.Character),
                new LinePosition(span.EndPosition.Line, span.EndPosition.Character)));
    }

    public static Diagnostic ToDiagnostic(OmlDiagnostic d)
    {
        var descriptor = OmlDiagnosticDescriptors.Get(d.Descriptor);
        var args = d.Arguments.Cast<object?>().ToArray();
        return d.HasEffectiveSeverity
            ? Diagnostic.Create(
                descriptor,
                ToLocation(d.Location),
                OmlDiagnosticDescriptors.ToRoslyn(d.Severity),
                d.AdditionalLocations.Select(ToLocation),
                properties: null,
                args)
            : Diagnostic.Create(descriptor, ToLocation(d.Location), d.AdditionalLocations.Select(ToLocation), args);
    }
}
