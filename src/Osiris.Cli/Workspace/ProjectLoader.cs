using NodaTime;
using Osiris.Oml;
using Osiris.Oml.Components;
using Osiris.Oml.Settings;

namespace Osiris.Cli.Workspace;

/// <summary>
/// Turns the paths on the command line into projects the way the build sees them. A project is the
/// nearest folder at or above an input that holds a <c>*.csproj</c>, a <c>.globalconfig</c> or a
/// <c>.git</c>, or else the folder given (the file's folder for a file). Like the package's build
/// props, a project's files are its <c>**/*.oml</c>, its <c>components/*/spec.yaml</c> and its
/// <c>**/*.py</c>, <c>*.sql</c>, <c>*.sh</c> scripts, outside <c>bin/</c>, <c>obj/</c> and folders
/// whose name starts with a dot; its settings come from the <c>.globalconfig</c> files in its folder
/// and every folder above.
/// </summary>
internal static class ProjectLoader
{
    private static readonly string[] ScriptExtensions = { ".py", ".sql", ".sh" };

    public static IReadOnlyList<Project> Load(IReadOnlyList<string> inputs, CliHost host)
    {
        var byRoot = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input, host.CurrentDirectory);
            string folder;
            if (File.Exists(full))
            {
                folder = Path.GetDirectoryName(full)!;
            }
            else if (Directory.Exists(full))
            {
                folder = full;
            }
            else
            {
                throw new CliUsageException($"{input}: no such file or folder");
            }

            var root = FindRoot(folder);
            if (!byRoot.TryGetValue(root, out var list))
            {
                byRoot[root] = list = new List<string>();
            }

            list.Add(full);
        }

        var today = LocalDate.FromDateTime(host.Clock().ToDateTimeUtc());
        return byRoot.Select(pair => Create(pair.Key, pair.Value, today)).ToList();
    }

    /// <summary>The nearest folder at or above <paramref name="folder"/> with a project file, a .globalconfig or a .git; else the folder.</summary>
    public static string FindRoot(string folder)
    {
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, GlobalConfigFile.FileName))
                || Directory.Exists(Path.Combine(dir.FullName, ".git"))
                || File.Exists(Path.Combine(dir.FullName, ".git"))
                || dir.EnumerateFiles("*.csproj").Any())
            {
                return dir.FullName;
            }
        }

        return folder;
    }

    private static Project Create(string root, List<string> inputs, LocalDate today)
    {
        var files = Enumerate(root).ToList();
        files.Sort(StringComparer.Ordinal);

        var configs = new List<GlobalConfigFile>();
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, GlobalConfigFile.FileName);
            if (File.Exists(path))
            {
                configs.Add(GlobalConfigFile.Parse(path, ReadAllText(path)));
            }
        }

        var merged = GlobalConfigFile.Merge(configs, out var conflicts);
        var settings = RepositorySettings.Read(merged, today);

        var oml = files.Where(f => f.EndsWith(".oml", StringComparison.OrdinalIgnoreCase)).ToList();

        // A .oml file given outside the enumerated tree (a hidden folder, bin/) still counts.
        foreach (var input in inputs.Where(File.Exists))
        {
            if (!oml.Contains(input, StringComparer.Ordinal) && input.EndsWith(".oml", StringComparison.OrdinalIgnoreCase))
            {
                oml.Add(input);
            }
        }

        var specs = files.Where(f => ComponentSpecReader.IsSpecPath(Relative(root, f))).ToList();
        var projectFiles = files.Where(f => f.EndsWith(".oml", StringComparison.OrdinalIgnoreCase)
            || ScriptExtensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            || specs.Contains(f, StringComparer.Ordinal)).ToList();

        var readSpecs = specs.Select(path => ComponentSpecReader.Read(path, ReadAllText(path))).ToList();
        var registry = readSpecs.All(s => s.Spec is null)
            ? ComponentRegistry.BuiltIn
            : ComponentRegistry.BuiltIn.With(readSpecs.Where(s => s.Spec is not null).Select(s => s.Spec!));

        var options = OmlAnalysisOptions.Default with
        {
            Components = registry,
            Schedule = settings.Schedule,
            Policy = settings.Policy,
            ProjectFiles = new ProjectFiles(projectFiles, root),
        };

        return new Project(root, inputs, oml, readSpecs, configs.Select(c => c.Path).ToList(), conflicts, settings, options);
    }

    private static IEnumerable<string> Enumerate(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            IEnumerable<string> entries;
            try
            {
                entries = Directory.EnumerateFileSystemEntries(dir).ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var entry in entries)
            {
                var name = Path.GetFileName(entry);
                if (Directory.Exists(entry))
                {
                    var atRoot = string.Equals(dir, root, StringComparison.Ordinal);
                    if (name.StartsWith('.') || (atRoot && (name is "bin" or "obj")))
                    {
                        continue;
                    }

                    pending.Push(entry);
                }
                else
                {
                    yield return entry;
                }
            }
        }
    }

    internal static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');

    internal static string ReadAllText(string path)
    {
        try
        {
            return SourceText.Read(path, out _, out _) ?? File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot read {path}: {ex.Message}");
        }
    }
}

/// <summary>One project: its root, what was asked for, its files and settings.</summary>
internal sealed record Project(
    string Root,
    IReadOnlyList<string> Inputs,
    IReadOnlyList<string> OmlFiles,
    IReadOnlyList<ComponentSpecFile> Specs,
    IReadOnlyList<string> GlobalConfigs,
    System.Collections.Immutable.ImmutableArray<string> GlobalConfigConflicts,
    RepositorySettings Settings,
    OmlAnalysisOptions Options)
{
    /// <summary>Whether findings in <paramref name="path"/> are reported: it was given, or it is under a folder given.</summary>
    public bool IsRequested(string path)
        => Inputs.Any(input => string.Equals(input, path, StringComparison.Ordinal)
            || path.StartsWith(input.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
}
