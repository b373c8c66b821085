using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Osiris.Oml.Components;
using Osiris.Oml.Diagnostics;

namespace Osiris.Analyzers.Analyzers;

/// <summary>The component specs of one compilation (components/&lt;name&gt;/spec.yaml AdditionalFiles).</summary>
internal sealed class ProjectComponents
{
    // Every compilation reads the specs again; an unchanged spec file is not parsed again.
    private static readonly TextResultCache<string, ComponentSpecFile> Specs = new();

    private ProjectComponents(ComponentRegistry registry, Dictionary<string, ImmutableArray<OmlDiagnostic>> diagnosticsByPath)
    {
        Registry = registry;
        DiagnosticsByPath = diagnosticsByPath;
    }

    public ComponentRegistry Registry { get; }

    /// <summary>The findings of each spec file, reported when the compiler visits that file.</summary>
    public Dictionary<string, ImmutableArray<OmlDiagnostic>> DiagnosticsByPath { get; }

    public static ProjectComponents Read(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, ImmutableArray<OmlDiagnostic>>(StringComparer.Ordinal);
        var specs = new List<ComponentSpec>();
        // Ordinal path order, so the same files give the same registry on every machine.
        foreach (var file in files.Where(f => ComponentSpecReader.IsSpecPath(f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var text = file.GetText(cancellationToken);
            ComponentSpecFile read;
            try
            {
                read = text is null
                    ? ComponentSpecReader.Read(file.Path, string.Empty)
                    : Specs.GetOrCompute(text, file.Path, () => ComponentSpecReader.Read(file.Path, text.ToString()));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var bag = new DiagnosticBag(file.Path);
                bag.Report(DiagnosticCatalog.InternalError, default, string.Empty, ex.GetType().Name + ": " + ex.Message);
                results[file.Path] = bag.ToSortedArray();
                continue;
            }

            results[file.Path] = read.Diagnostics;
            if (read.Spec is not null)
            {
                specs.Add(read.Spec);
            }
        }

        var registry = specs.Count == 0 ? ComponentRegistry.BuiltIn : ComponentRegistry.BuiltIn.With(specs);
        return new ProjectComponents(registry, results);
    }
}
