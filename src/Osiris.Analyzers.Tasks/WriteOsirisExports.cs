using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using Osiris.Oml.Components;
using Osiris.Oml.Export;

namespace Osiris.Analyzers.Tasks;

/// <summary>
/// Writes the Airflow, Prefect and Dagster exports of every pipeline of the project to
/// <see cref="ExportPath"/> (<c>&lt;format&gt;/&lt;key&gt;/&lt;file&gt;</c>, see <see cref="ProjectExports"/>).
/// A file is written only when its bytes differ, so unchanged exports keep their time stamps; files
/// that the previous build wrote (the manifest <c>.osiris-exports</c>) and this one does not are deleted.
/// </summary>
/// <remarks>
/// Warnings: <c>OSIEXPORT01</c>, a pipeline with errors is not exported. Errors: <c>OSIEXPORT02</c>, a
/// file could not be read, written or deleted. The task never throws for IO.
/// </remarks>
public sealed class WriteOsirisExports : Task
{
    private const string BuildPropertyPrefix = "build_property.";

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The project's <c>.oml</c> files (the <c>.oml</c> AdditionalFiles).</summary>
    [Required]
    public ITaskItem[] Pipelines { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The project's <c>components/&lt;name&gt;/spec.yaml</c> files; other paths are ignored.</summary>
    public ITaskItem[] ComponentSpecs { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The project folder: paths in the exports' headers are relative to it.</summary>
    [Required]
    public string ProjectDirectory { get; set; } = string.Empty;

    /// <summary>The export folder (a relative path is relative to <see cref="ProjectDirectory"/>).</summary>
    [Required]
    public string ExportPath { get; set; } = string.Empty;

    /// <summary>The <c>OsirisTargets</c> property.</summary>
    public string? Targets { get; set; }

    /// <summary>The <c>OsirisPrefectPython</c> property.</summary>
    public string? PrefectPython { get; set; }

    /// <summary>The <c>OsirisDagsterVersion</c> property.</summary>
    public string? DagsterVersion { get; set; }

    /// <summary>The <c>OsirisReferenceDate</c> property.</summary>
    public string? ReferenceDate { get; set; }

    /// <summary>How many pipelines were exported.</summary>
    [Output]
    public int ExportedPipelines { get; private set; }

    /// <inheritdoc />
    public override bool Execute()
    {
        string folder;
        try
        {
            folder = Path.GetFullPath(Path.Combine(ProjectDirectory, ExportPath));
            var trimmed = folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            folder = trimmed.Length == 0 || trimmed.EndsWith(":", StringComparison.Ordinal) ? folder : trimmed;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            LogIoError(ExportPath, "it is not a valid folder path", e);
            return false;
        }

        if (!TryReadInputs(out var pipelines, out var specs))
        {
            return false;
        }

        var plan = ProjectExports.Plan(pipelines, Settings(), specs);
        foreach (var skipped in plan.Skipped)
        {
            Log.LogWarning(
                subcategory: null,
                warningCode: "OSIEXPORT01",
                helpKeyword: null,
                file: FullPath(skipped.Source),
                lineNumber: 0,
                columnNumber: 0,
                endLineNumber: 0,
                endColumnNumber: 0,
                message: $"{skipped.Source}: not exported: {skipped.Reason}; fix its errors (dotnet build lists them)");
        }

        var manifestPath = Path.Combine(folder, ProjectExports.ManifestFileName);
        string? previousManifest = null;
        if (!TryIo(manifestPath, "cannot read the manifest", () => previousManifest = File.Exists(manifestPath) ? File.ReadAllText(manifestPath) : null))
        {
            return false;
        }

        var kept = new List<string>();

        // Stale files go first: on a case-insensitive file system a renamed key's old file is its new file.
        foreach (var stale in ProjectExports.StaleFiles(previousManifest, plan.Files.Select(f => f.RelativePath)))
        {
            var path = Path.Combine(folder, stale.Replace('/', Path.DirectorySeparatorChar));
            if (TryIo(path, "cannot delete the stale export", () => Delete(path, folder)))
            {
                continue;
            }

            // Still ours: try again next time.
            kept.Add(stale);
        }

        foreach (var file in plan.Files)
        {
            var path = Path.Combine(folder, file.RelativePath.Replace('/', Path.DirectorySeparatorChar));
            if (TryIo(path, "cannot write the export", () => WriteIfDifferent(path, file.Content)))
            {
                kept.Add(file.RelativePath);
            }
        }

        TryIo(manifestPath, "cannot write the manifest", () => WriteIfDifferent(manifestPath, ProjectExports.FormatManifest(kept)));

        ExportedPipelines = plan.ExportedPipelines;
        Log.LogMessage(MessageImportance.Normal, "Osiris: exported {0} pipelines to {1}", plan.ExportedPipelines, folder);
        return !Log.HasLoggedErrors;
    }

    private bool TryReadInputs(out List<KeyValuePair<string, string>> pipelines, out List<KeyValuePair<string, string>> specs)
    {
        pipelines = new List<KeyValuePair<string, string>>();
        specs = new List<KeyValuePair<string, string>>();
        var ok = true;
        foreach (var (items, into, isSpec) in new[] { (Pipelines, pipelines, false), (ComponentSpecs, specs, true) })
        {
            foreach (var item in items ?? Array.Empty<ITaskItem>())
            {
                var path = item.GetMetadata("FullPath");
                if (string.IsNullOrEmpty(path) || (isSpec && !ComponentSpecReader.IsSpecPath(path)))
                {
                    continue;
                }

                var relative = ProjectExports.RelativePath(path, ProjectDirectory);
                if (into.Any(p => string.Equals(p.Key, relative, StringComparison.Ordinal)))
                {
                    continue;
                }

                string text = string.Empty;
                if (TryIo(path, "cannot read the file", () => text = File.ReadAllText(path)))
                {
                    into.Add(new KeyValuePair<string, string>(relative, text));
                }
                else
                {
                    ok = false;
                }
            }
        }

        return ok;
    }

    private IEnumerable<KeyValuePair<string, string>> Settings()
    {
        var properties = new[]
        {
            ("OsirisTargets", Targets),
            ("OsirisPrefectPython", PrefectPython),
            ("OsirisDagsterVersion", DagsterVersion),
            ("OsirisReferenceDate", ReferenceDate),
        };
        foreach (var (name, value) in properties)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                yield return new KeyValuePair<string, string>(BuildPropertyPrefix + name, value!);
            }
        }
    }

    private string FullPath(string relative)
        => Path.IsPathRooted(relative) ? relative : Path.Combine(ProjectDirectory, relative.Replace('/', Path.DirectorySeparatorChar));

    private static void WriteIfDifferent(string path, string content)
    {
        var bytes = Utf8NoBom.GetBytes(content);
        if (File.Exists(path) && SameBytes(File.ReadAllBytes(path), bytes))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static bool SameBytes(byte[] left, byte[] right)
    {
        if (left.Length != right.Length)
        {
            return false;
        }

        for (var i = 0; i < left.Length; i++)
        {
            if (left[i] != right[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Deletes the file and then each folder it leaves empty, up to (not including) the export folder.</summary>
    private static void Delete(string path, string folder)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }

        var root = folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        for (var dir = Path.GetDirectoryName(path);
             dir is not null && dir.Length > root.Length && dir.StartsWith(root, StringComparison.Ordinal);
             dir = Path.GetDirectoryName(dir))
        {
            if (!Directory.Exists(dir) || Directory.EnumerateFileSystemEntries(dir).Any())
            {
                break;
            }

            Directory.Delete(dir);
        }
    }

    private bool TryIo(string path, string what, Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            LogIoError(path, what, e);
            return false;
        }
    }

    private void LogIoError(string path, string what, Exception e)
        => Log.LogError(
            subcategory: null,
            errorCode: "OSIEXPORT02",
            helpKeyword: null,
            file: null,
            lineNumber: 0,
            columnNumber: 0,
            endLineNumber: 0,
            endColumnNumber: 0,
            message: $"{path}: {what}: {e.Message}");
}
