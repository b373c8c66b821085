using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Osiris.Oml.Collections;

namespace Osiris.Oml.Export;

/// <summary>One file of a project's exports: its path inside the export folder ('/' separators) and its text (LF line ends).</summary>
/// <param name="Source">The project-relative path of the <c>.oml</c> file it was exported from.</param>
/// <param name="RelativePath">Where it goes, relative to the export folder: <c>&lt;format&gt;/&lt;key&gt;/&lt;file&gt;</c>.</param>
/// <param name="Content">The text to write (UTF-8 without BOM).</param>
public sealed record PlannedExportFile(string Source, string RelativePath, string Content);

/// <summary>A pipeline that was not exported, and why (the first error the engine reports for it).</summary>
public sealed record SkippedExport(string Source, string Reason);

/// <summary>What <see cref="ProjectExports.Plan"/> decided: the files to write and the pipelines left out.</summary>
/// <remarks>Immutable and value-equal; files are ordered by path.</remarks>
public sealed record ProjectExportPlan(EquatableArray<PlannedExportFile> Files, EquatableArray<SkippedExport> Skipped, int ExportedPipelines);

/// <summary>
/// The exports of a whole project, as the <c>OsirisExportPath</c> build step writes them: a pure function
/// of the pipelines' texts, the settings and the component specs (the step does the file IO).
/// </summary>
/// <remarks>
/// Layout: <c>airflow/&lt;key&gt;/…</c>, <c>prefect/&lt;key&gt;/…</c>, <c>dagster/&lt;key&gt;/…</c>, where the
/// key of a pipeline is its file name without <c>.oml</c> (see <see cref="Keys"/> for duplicates). The
/// folder also holds <see cref="ManifestFileName"/>, the list of the files the last build wrote: a file
/// listed there and not written again is deleted; a file not listed is never touched.
/// </remarks>
public static class ProjectExports
{
    /// <summary>The manifest's name, in the export folder.</summary>
    public const string ManifestFileName = ".osiris-exports";

    private const string ManifestHeader =
        "# Files written by Osiris.Analyzers (OsirisExportPath) in the last build. A file listed here and not\n"
        + "# written by the next build is deleted; files not listed are never touched. Do not edit.\n";

    private static readonly ExportFormat[] Formats = { ExportFormat.Airflow, ExportFormat.Prefect, ExportFormat.Dagster };

    /// <summary>Exports every pipeline to Airflow, Prefect and Dagster.</summary>
    /// <param name="pipelines">Project-relative path ('/' separators) and text of each <c>.oml</c> file.</param>
    /// <param name="settings"><c>osiris_*</c> keys or <c>build_property.Osiris*</c> keys and values (see <see cref="Settings.RepositorySettings"/>).</param>
    /// <param name="componentSpecs">Path and text of each <c>components/&lt;name&gt;/spec.yaml</c> of the project.</param>
    /// <returns>
    /// The files of the pipelines that have no errors; a pipeline with errors (or a file that is not a
    /// pipeline) is skipped as a whole, with the reason <see cref="SourceExport.Export"/> gives.
    /// </returns>
    public static ProjectExportPlan Plan(
        IEnumerable<KeyValuePair<string, string>> pipelines,
        IEnumerable<KeyValuePair<string, string>>? settings = null,
        IEnumerable<KeyValuePair<string, string>>? componentSpecs = null)
    {
        if (pipelines is null)
        {
            throw new ArgumentNullException(nameof(pipelines));
        }

        var sources = pipelines
            .Select(p => new KeyValuePair<string, string>(p.Key.Replace('\\', '/'), NormalizeLineEnds(p.Value)))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .ToList();
        var settingList = (settings ?? Enumerable.Empty<KeyValuePair<string, string>>()).ToList();
        var specList = (componentSpecs ?? Enumerable.Empty<KeyValuePair<string, string>>())
            .Select(s => new KeyValuePair<string, string>(s.Key.Replace('\\', '/'), NormalizeLineEnds(s.Value)))
            .ToList();

        // Keys are given to every file, exported or not: fixing or breaking one pipeline never moves another's folder.
        var keys = Keys(sources.Select(s => s.Key));
        var files = new List<PlannedExportFile>();
        var skipped = new List<SkippedExport>();
        var exported = 0;
        foreach (var source in sources)
        {
            var results = new List<ExportResult>();
            try
            {
                foreach (var format in Formats)
                {
                    results.Add(SourceExport.Export(source.Key, source.Value, format, settingList, specList));
                }
            }
            catch (InvalidOperationException e)
            {
                skipped.Add(new SkippedExport(source.Key, Reason(source.Key, e.Message)));
                continue;
            }

            exported++;
            foreach (var result in results)
            {
                foreach (var file in result.Files)
                {
                    files.Add(new PlannedExportFile(
                        source.Key,
                        ExportFormats.ToText(result.Format) + "/" + keys[source.Key] + "/" + file.RelativePath.Replace('\\', '/'),
                        file.Content));
                }
            }
        }

        return new ProjectExportPlan(
            files.OrderBy(f => f.RelativePath, StringComparer.Ordinal).ToEquatableArray(),
            skipped.ToEquatableArray(),
            exported);
    }

    /// <summary>
    /// The folder name of each pipeline under <c>&lt;format&gt;/</c>. It is the file name without
    /// <c>.oml</c> (<c>pipelines/sync.oml</c> → <c>sync</c>). When several files have the same name
    /// (ignoring case, as Windows and macOS do), each of them is keyed by its whole project-relative
    /// path without <c>.oml</c>, folders joined with <c>-</c> (<c>eu/sync.oml</c> → <c>eu-sync</c>,
    /// <c>us/sync.oml</c> → <c>us-sync</c>). A key that is still taken (ignoring case) gets <c>-2</c>,
    /// <c>-3</c>, …: file-name keys are given first, then path keys, each in the ordinal order of the
    /// paths. A file named just <c>.oml</c> is keyed <c>pipeline</c>.
    /// </summary>
    /// <param name="relativePaths">Project-relative paths with '/' separators.</param>
    public static IReadOnlyDictionary<string, string> Keys(IEnumerable<string> relativePaths)
    {
        var paths = relativePaths.Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();
        var nameCounts = paths
            .GroupBy(FileKey, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);
        var candidates = paths.ToDictionary(p => p, p => nameCounts[FileKey(p)] > 1 ? PathKey(p) : FileKey(p), StringComparer.Ordinal);

        // File-name keys are given first, then the path-derived ones; a clash gets a number.
        var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in paths.Where(p => nameCounts[FileKey(p)] == 1).Concat(paths.Where(p => nameCounts[FileKey(p)] > 1)))
        {
            var key = candidates[path];
            var unique = key;
            for (var n = 2; !taken.Add(unique); n++)
            {
                unique = key + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            keys[path] = unique;
        }

        return keys;
    }

    /// <summary>The path relative to <paramref name="projectDirectory"/> with '/' separators (the file name alone when outside it).</summary>
    public static string RelativePath(string path, string? projectDirectory)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var normalized = path.Replace('\\', '/');
        if (!string.IsNullOrEmpty(projectDirectory))
        {
            var root = projectDirectory!.Replace('\\', '/');
            if (!root.EndsWith("/", StringComparison.Ordinal))
            {
                root += "/";
            }

            if (normalized.StartsWith(root, StringComparison.OrdinalIgnoreCase))
            {
                return normalized.Substring(root.Length);
            }
        }

        var slash = normalized.LastIndexOf('/');
        return slash >= 0 ? normalized.Substring(slash + 1) : normalized;
    }

    /// <summary>The manifest's text for the files written: a header, then one path a line, sorted, LF line ends.</summary>
    public static string FormatManifest(IEnumerable<string> files)
    {
        var builder = new StringBuilder(ManifestHeader);
        foreach (var file in files.Distinct(StringComparer.Ordinal).OrderBy(f => f, StringComparer.Ordinal))
        {
            builder.Append(file).Append('\n');
        }

        return builder.ToString();
    }

    /// <summary>
    /// The files a previous manifest lists that are not among <paramref name="written"/>: the ones to delete.
    /// Only safe entries count: relative paths inside the export folder (no rooted path, drive, <c>..</c>
    /// or <c>.</c> segment, not the manifest itself), so an edited manifest can never reach outside the folder.
    /// </summary>
    public static IReadOnlyList<string> StaleFiles(string? previousManifest, IEnumerable<string> written)
    {
        if (string.IsNullOrEmpty(previousManifest))
        {
            return Array.Empty<string>();
        }

        var now = new HashSet<string>(written, StringComparer.Ordinal);
        return previousManifest!.Replace("\r\n", "\n").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal) && IsSafeEntry(l) && !now.Contains(l))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(l => l, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>CRLF and lone CR become LF, as in the exports and the generated descriptors.</summary>
    public static string NormalizeLineEnds(string text) => (text ?? string.Empty).Replace("\r\n", "\n").Replace('\r', '\n');

    private static bool IsSafeEntry(string entry)
    {
        if (entry.IndexOf('\\') >= 0 || entry.IndexOf(':') >= 0 || entry.StartsWith("/", StringComparison.Ordinal)
            || string.Equals(entry, ManifestFileName, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return entry.Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");
    }

    private static string Reason(string sourcePath, string message)
    {
        var prefix = sourcePath + " cannot be exported: ";
        return message.StartsWith(prefix, StringComparison.Ordinal) ? message.Substring(prefix.Length) : message;
    }

    private static string FileKey(string path)
    {
        var slash = path.LastIndexOf('/');
        return WithoutExtension(slash >= 0 ? path.Substring(slash + 1) : path);
    }

    private static string PathKey(string path) => WithoutExtension(path).Replace('/', '-');

    private static string WithoutExtension(string path)
    {
        var stem = path.EndsWith(".oml", StringComparison.OrdinalIgnoreCase) ? path.Substring(0, path.Length - 4) : path;
        return stem.Length == 0 || stem.EndsWith("/", StringComparison.Ordinal) ? stem + "pipeline" : stem;
    }
}
