using System.Collections.Immutable;
using Osiris.Cli.Workspace;
using Osiris.Oml;
using Osiris.Oml.Catalog;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Text;

namespace Osiris.Cli.LanguageServer;

/// <summary>One pipeline file of a project: the text last analyzed and what the engine made of it.</summary>
internal sealed class FileState
{
    private LineIndex? _lines;

    public FileState(string path) => Path = path;

    public string Path { get; }

    /// <summary>The text analyzed: the editor's buffer for an open document, else the file on disk; null when unreadable.</summary>
    public string? Text { get; private set; }

    /// <summary>The open document's version, or null for text read from disk.</summary>
    public int? Version { get; private set; }

    public OmlFileAnalysis? Analysis { get; private set; }

    /// <summary>OSI0002 when the file on disk is not text.</summary>
    public Finding? NotText { get; private set; }

    public LineIndex? Lines => Text is null ? null : _lines ??= new LineIndex(Text);

    private OmlAnalysisOptions? AnalyzedWith { get; set; }

    /// <summary>Analyzes <paramref name="text"/> unless it was analyzed already with the same options.</summary>
    public void Update(string text, int? version, Project project, CancellationToken cancellationToken)
    {
        if (Analysis is not null && string.Equals(Text, text, StringComparison.Ordinal) && Equals(AnalyzedWith, project.Options))
        {
            Version = version;
            return;
        }

        var analysis = OmlEngine.AnalyzeFile(Path, text, project.Options, cancellationToken);
        Text = text;
        _lines = null;
        Version = version;
        Analysis = analysis;
        AnalyzedWith = project.Options;
        NotText = null;
    }

    public void Unreadable(Finding notText)
    {
        Text = null;
        _lines = null;
        Version = null;
        Analysis = null;
        AnalyzedWith = null;
        NotText = notText;
    }
}

/// <summary>A project as the build sees it (<see cref="ProjectLoader"/>), with its files' analyses and the repository-wide findings.</summary>
internal sealed class ProjectState
{
    public ProjectState(Project project) => Project = project;

    public Project Project { get; set; }

    public string Root => Project.Root;

    public Dictionary<string, FileState> Files { get; } = new(Paths.Comparer);

    /// <summary>The latest findings of <see cref="OmlCatalog.Analyze"/> over all files.</summary>
    public ImmutableArray<OmlDiagnostic> Catalog { get; set; } = ImmutableArray<OmlDiagnostic>.Empty;

    public FileState File(string path)
    {
        if (!Files.TryGetValue(path, out var file))
        {
            Files[path] = file = new FileState(path);
        }

        return file;
    }

    public void RunCatalog(CancellationToken cancellationToken)
        => Catalog = OmlCatalog.Analyze(Files.Values.Select(f => f.Analysis?.Catalog).OfType<CatalogEntry>(), Project.Options, cancellationToken);

    /// <summary>What the build reports in <paramref name="file"/>: its own findings and the repository-wide ones located there, with the repository's severities.</summary>
    public IReadOnlyList<Finding> FindingsIn(FileState file)
    {
        var result = new List<Finding>();
        if (file.NotText is { } notText)
        {
            result.Add(notText);
        }

        if (file.Analysis is { } analysis)
        {
            result.AddRange(analysis.Diagnostics.Select(d => Validation.ToFinding(Project, d)).OfType<Finding>());
        }

        foreach (var diagnostic in Catalog)
        {
            if (Paths.Comparer.Equals(diagnostic.Location.FilePath, file.Path) && Validation.ToFinding(Project, diagnostic) is { } finding)
            {
                result.Add(finding);
            }
        }

        result.Sort(Validation.Compare);
        return result;
    }
}

/// <summary>
/// The projects of the workspace and of every open document, loaded the way the CLI and the build
/// load them: the nearest folder with a project file, a .globalconfig or a .git is a project, its
/// .globalconfig files and component specs apply. Not thread-safe: the scheduler calls it under its lock.
/// </summary>
internal sealed class WorkspaceState
{
    private readonly CliHost _host;
    private readonly TextDocuments _documents;
    private readonly Dictionary<string, ProjectState> _projects = new(Paths.Comparer);

    public WorkspaceState(CliHost host, TextDocuments documents)
    {
        _host = host;
        _documents = documents;
    }

    public IEnumerable<ProjectState> Projects => _projects.Values;

    /// <summary>The project <paramref name="path"/> belongs to, loaded (with every file read and analyzed) on first use.</summary>
    public ProjectState ProjectOf(string path, CancellationToken cancellationToken)
    {
        var root = ProjectLoader.FindRoot(System.IO.Path.GetDirectoryName(path)!);
        if (!_projects.TryGetValue(root, out var project))
        {
            project = Load(root, cancellationToken);
        }
        else if (!project.Files.ContainsKey(path))
        {
            Refresh(project, path, cancellationToken);
        }

        return project;
    }

    /// <summary>Loads (or reloads) the project at <paramref name="root"/>: its settings, specs and files, from disk and the open documents.</summary>
    public ProjectState Load(string root, CancellationToken cancellationToken)
    {
        var loaded = ProjectLoader.Load(new[] { root }, _host)[0];
        if (_projects.TryGetValue(loaded.Root, out var project))
        {
            project.Project = loaded;
        }
        else
        {
            _projects[loaded.Root] = project = new ProjectState(loaded);
        }

        var paths = new HashSet<string>(loaded.OmlFiles, Paths.Comparer);
        foreach (var open in _documents.All())
        {
            if (Paths.IsOml(open.Path) && Paths.Comparer.Equals(ProjectLoader.FindRoot(System.IO.Path.GetDirectoryName(open.Path)!), loaded.Root))
            {
                paths.Add(open.Path);
            }
        }

        foreach (var gone in project.Files.Keys.Where(p => !paths.Contains(p)).ToList())
        {
            project.Files.Remove(gone);
        }

        foreach (var path in paths.OrderBy(p => p, StringComparer.Ordinal))
        {
            Refresh(project, path, cancellationToken);
        }

        project.RunCatalog(cancellationToken);
        return project;
    }

    /// <summary>Re-reads one file (the open document, else the disk) and analyzes it if its text or the settings changed; false when it no longer exists.</summary>
    public bool Refresh(ProjectState project, string path, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_documents.Get(path) is { } open)
        {
            project.File(path).Update(open.Text, open.Version, project.Project, cancellationToken);
            return true;
        }

        if (!System.IO.File.Exists(path))
        {
            project.Files.Remove(path);
            return false;
        }

        string? text;
        string? problem;
        SourceSpan problemSpan;
        try
        {
            text = SourceText.Read(path, out problem, out problemSpan);
        }
        catch (CliUsageException)
        {
            // Deleted or locked between the listing and the read: the next change event brings it back.
            project.Files.Remove(path);
            return false;
        }

        var file = project.File(path);
        if (text is null)
        {
            file.Unreadable(Validation.NotText(project.Project, path, problem!, problemSpan));
        }
        else
        {
            file.Update(text, null, project.Project, cancellationToken);
        }

        return true;
    }

    /// <summary>The loaded project whose root is <paramref name="root"/>, or null.</summary>
    public ProjectState? Find(string root) => _projects.TryGetValue(root, out var p) ? p : null;
}
