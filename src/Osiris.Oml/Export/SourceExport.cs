using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Osiris.Oml.Components;
using Osiris.Oml.Settings;

namespace Osiris.Oml.Export;

/// <summary>
/// Exports a pipeline from what a build knows of it: its text, the repository's <c>osiris_*</c>
/// settings and the text of the project's component specs. A pure function of those strings, so the
/// generated descriptors, the <c>OsirisExportPath</c> build step and <c>osiris schedule export</c> write
/// the same bytes for the same repository.
/// </summary>
public static class SourceExport
{
    /// <summary>
    /// The reference date (start date of a schedule without <c>start</c>) when <c>osiris_reference_date</c>
    /// is not set: fixed, so exports do not change with the day of the build.
    /// </summary>
    public static LocalDate DefaultReferenceDate { get; } = new(2026, 1, 1);

    /// <summary>Analyzes <paramref name="text"/> as the build would and exports its pipeline to <paramref name="format"/>.</summary>
    /// <param name="sourcePath">The path named in the file's header (project-relative, <c>/</c> separators).</param>
    /// <param name="text">The <c>.oml</c> text.</param>
    /// <param name="format">The orchestrator.</param>
    /// <param name="settings"><c>osiris_*</c> keys and values (see <see cref="RepositorySettings"/>).</param>
    /// <param name="componentSpecs">Path and text of each <c>components/&lt;name&gt;/spec.yaml</c> of the project.</param>
    /// <exception cref="InvalidOperationException">The text is not a pipeline or has errors (the message names the first).</exception>
    public static ExportResult Export(
        string sourcePath,
        string text,
        ExportFormat format,
        IEnumerable<KeyValuePair<string, string>>? settings = null,
        IEnumerable<KeyValuePair<string, string>>? componentSpecs = null)
    {
        var options = AnalysisOptions(settings, componentSpecs);
        var analysis = OmlEngine.AnalyzeFile(sourcePath, text, options);
        if (analysis.Pipeline is not { } pipeline || analysis.HasErrors)
        {
            var first = analysis.Diagnostics.FirstOrDefault(d => d.Severity == Diagnostics.OmlSeverity.Error);
            throw new InvalidOperationException(
                $"{sourcePath} cannot be exported: " + (first is null ? "it is not a pipeline." : first.Id + ": " + first.GetMessage()));
        }

        return PipelineExporter.Export(pipeline, format, ExportOptions.From(options));
    }

    /// <summary>The analysis options those settings and specs give (the reference date defaults to <see cref="DefaultReferenceDate"/>).</summary>
    public static OmlAnalysisOptions AnalysisOptions(
        IEnumerable<KeyValuePair<string, string>>? settings,
        IEnumerable<KeyValuePair<string, string>>? componentSpecs)
    {
        var repository = RepositorySettings.Read(settings ?? Enumerable.Empty<KeyValuePair<string, string>>(), DefaultReferenceDate);
        var specs = new List<ComponentSpec>();
        foreach (var file in (componentSpecs ?? Enumerable.Empty<KeyValuePair<string, string>>()).OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            if (ComponentSpecReader.Read(file.Key, file.Value).Spec is { } spec)
            {
                specs.Add(spec);
            }
        }

        return OmlAnalysisOptions.Default with
        {
            Components = specs.Count == 0 ? ComponentRegistry.BuiltIn : ComponentRegistry.BuiltIn.With(specs),
            Schedule = repository.Schedule,
            Policy = repository.Policy,
        };
    }
}
