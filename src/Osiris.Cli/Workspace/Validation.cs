using System.Collections.Immutable;
using Osiris.Oml;
using Osiris.Oml.Catalog;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Text;

namespace Osiris.Cli.Workspace;

/// <summary>A finding as the tool reports it: the engine's diagnostic with the repository's severity applied.</summary>
/// <param name="Descriptor">The catalog entry.</param>
/// <param name="Severity">The severity after the .globalconfig settings.</param>
/// <param name="Message">The message.</param>
/// <param name="FullPath">The file, or null for findings about the settings themselves (OSI0010).</param>
/// <param name="Span">Where in the file.</param>
/// <param name="RelatedPaths">Other places that belong to the finding (full paths and spans).</param>
internal sealed record Finding(
    OmlDiagnosticDescriptor Descriptor,
    OmlSeverity Severity,
    string Message,
    string? FullPath,
    SourceSpan Span,
    ImmutableArray<(string FullPath, SourceSpan Span)> RelatedPaths)
{
    public string Id => Descriptor.Id;
}

/// <summary>One requested pipeline file and what the engine made of it.</summary>
internal sealed record FileResult(string FullPath, OmlFileAnalysis? Analysis, ImmutableArray<Finding> Findings);

/// <summary>The findings of every project, in a stable order.</summary>
internal sealed class ValidationResult
{
    public ValidationResult(IReadOnlyList<Project> projects, IReadOnlyList<FileResult> files, IReadOnlyList<Finding> findings)
    {
        Projects = projects;
        Files = files;
        Findings = findings;
    }

    public IReadOnlyList<Project> Projects { get; }

    /// <summary>The requested .oml files, in path order.</summary>
    public IReadOnlyList<FileResult> Files { get; }

    /// <summary>Every reported finding (pipelines, component specs, settings), ordered by path, position and ID.</summary>
    public IReadOnlyList<Finding> Findings { get; }

    public int Count(OmlSeverity severity) => Findings.Count(f => f.Severity == severity);
}

/// <summary>
/// Runs the engine over projects exactly as the analyzer does: every .oml file through
/// <see cref="OmlEngine.AnalyzeFile"/>, the repository-wide rules through <see cref="OmlCatalog.Analyze"/>
/// over all the project's pipelines, component specs through their reader, unreadable settings as
/// OSI0010; then the .globalconfig severities, which the compiler applies in a build.
/// </summary>
internal static class Validation
{
    public static ValidationResult Run(IReadOnlyList<Project> projects)
    {
        var files = new List<FileResult>();
        var findings = new List<Finding>();
        foreach (var project in projects)
        {
            var entries = new List<CatalogEntry>();
            var perFile = new Dictionary<string, (OmlFileAnalysis? Analysis, List<Finding> Findings)>(StringComparer.Ordinal);
            foreach (var path in project.OmlFiles)
            {
                var requested = project.IsRequested(path);
                var text = SourceText.Read(path, out var problem, out var problemSpan);
                if (text is null)
                {
                    var list = new List<Finding>();
                    if (requested)
                    {
                        list.Add(new Finding(
                            DiagnosticCatalog.NotText,
                            Configured(project, DiagnosticCatalog.NotText, DiagnosticCatalog.NotText.DefaultSeverity) ?? OmlSeverity.Error,
                            string.Format(System.Globalization.CultureInfo.InvariantCulture, DiagnosticCatalog.NotText.MessageFormat, problem),
                            path,
                            problemSpan,
                            ImmutableArray<(string, SourceSpan)>.Empty));
                    }

                    perFile[path] = (null, list);
                    continue;
                }

                var analysis = OmlEngine.AnalyzeFile(path, text, project.Options);
                if (analysis.Catalog is { } entry)
                {
                    entries.Add(entry);
                }

                perFile[path] = (analysis, analysis.Diagnostics.Select(d => ToFinding(project, d)).OfType<Finding>().ToList());
            }

            foreach (var diagnostic in OmlCatalog.Analyze(entries, project.Options))
            {
                if (ToFinding(project, diagnostic) is { } finding && perFile.TryGetValue(diagnostic.Location.FilePath, out var slot))
                {
                    slot.Findings.Add(finding);
                }
            }

            foreach (var (path, (analysis, list)) in perFile)
            {
                if (project.IsRequested(path))
                {
                    files.Add(new FileResult(path, analysis, list.ToImmutableArray()));
                    findings.AddRange(list);
                }
            }

            foreach (var spec in project.Specs.Where(s => project.IsRequested(s.Path)))
            {
                findings.AddRange(spec.Diagnostics.Select(d => ToFinding(project, d)).OfType<Finding>());
            }

            foreach (var problem in project.Settings.Problems)
            {
                if (Configured(project, DiagnosticCatalog.InvalidSetting, DiagnosticCatalog.InvalidSetting.DefaultSeverity) is { } severity and not OmlSeverity.Hidden)
                {
                    findings.Add(new Finding(
                        DiagnosticCatalog.InvalidSetting,
                        severity,
                        string.Format(System.Globalization.CultureInfo.InvariantCulture, DiagnosticCatalog.InvalidSetting.MessageFormat, problem),
                        null,
                        default,
                        ImmutableArray<(string, SourceSpan)>.Empty));
                }
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.FullPath, b.FullPath));
        findings.Sort(Compare);
        return new ValidationResult(projects, files, findings);
    }

    public static int Compare(Finding a, Finding b)
    {
        var byPath = string.CompareOrdinal(a.FullPath ?? string.Empty, b.FullPath ?? string.Empty);
        if (byPath != 0)
        {
            return byPath;
        }

        var byPosition = a.Span.StartPosition.CompareTo(b.Span.StartPosition);
        return byPosition != 0 ? byPosition : string.CompareOrdinal(a.Id, b.Id);
    }

    private static Finding? ToFinding(Project project, OmlDiagnostic diagnostic)
    {
        // Hidden (silent) and suppressed findings are not printed, as the compiler does not print them.
        if (project.Settings.Severities.Apply(diagnostic) is not { } severity || severity == OmlSeverity.Hidden)
        {
            return null;
        }

        return new Finding(
            diagnostic.Descriptor,
            severity,
            diagnostic.GetMessage(),
            diagnostic.Location.FilePath,
            diagnostic.Span,
            diagnostic.AdditionalLocations.Select(l => (l.FilePath, l.Span)).ToImmutableArray());
    }

    private static OmlSeverity? Configured(Project project, OmlDiagnosticDescriptor descriptor, OmlSeverity severity)
        => project.Settings.Severities.Apply(new OmlDiagnostic(descriptor, default, string.Empty, ImmutableArray<string>.Empty, severity: severity));
}
