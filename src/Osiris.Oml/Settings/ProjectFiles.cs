using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Osiris.Oml.Settings;

/// <summary>The files of a project, for resolving the paths pipelines mention (custom test scripts).</summary>
/// <remarks>Immutable and value-equal.</remarks>
public sealed class ProjectFiles : IEquatable<ProjectFiles>
{
    private readonly ImmutableSortedSet<string> _files;

    /// <summary>Creates the set from full paths; <paramref name="projectDirectory"/> anchors project-relative paths.</summary>
    public ProjectFiles(IEnumerable<string> files, string? projectDirectory)
    {
        _files = files.Select(Normalize).ToImmutableSortedSet(StringComparer.Ordinal);
        ProjectDirectory = projectDirectory is null ? null : Normalize(projectDirectory).TrimEnd('/');
    }

    /// <summary>The project folder, '/'-separated, without a trailing slash.</summary>
    public string? ProjectDirectory { get; }

    /// <summary>
    /// Whether <paramref name="relativePath"/> names a file of the project, relative to the folder of
    /// <paramref name="fromFile"/> or to the project folder.
    /// </summary>
    public bool Contains(string relativePath, string fromFile)
    {
        var path = relativePath.Replace('\\', '/');
        if (path.StartsWith("/", StringComparison.Ordinal) || (path.Length > 1 && path[1] == ':'))
        {
            return _files.Contains(Normalize(path));
        }

        var folder = Normalize(fromFile);
        var slash = folder.LastIndexOf('/');
        folder = slash >= 0 ? folder.Substring(0, slash) : string.Empty;
        if (_files.Contains(Normalize(folder + "/" + path)))
        {
            return true;
        }

        return ProjectDirectory is not null && _files.Contains(Normalize(ProjectDirectory + "/" + path));
    }

    /// <summary>'/' separators, '.' and '..' segments resolved.</summary>
    internal static string Normalize(string path)
    {
        var parts = new List<string>();
        var rooted = path.StartsWith("/", StringComparison.Ordinal) || path.StartsWith("\\", StringComparison.Ordinal);
        foreach (var part in path.Replace('\\', '/').Split('/'))
        {
            if (part.Length == 0 || part == ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[parts.Count - 1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(part);
        }

        return (rooted ? "/" : string.Empty) + string.Join("/", parts);
    }

    /// <inheritdoc />
    public bool Equals(ProjectFiles? other)
        => other is not null && string.Equals(ProjectDirectory, other.ProjectDirectory, StringComparison.Ordinal) && _files.SequenceEqual(other._files);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ProjectFiles);

    /// <inheritdoc />
    public override int GetHashCode() => _files.Count;
}
