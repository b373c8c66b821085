using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Osiris.Cli.Workspace;
using Osiris.Oml;

namespace Osiris.Cli.LanguageServer;

/// <summary>A document's latest analysis, as hover, completion and code actions read it.</summary>
/// <param name="Path">The file.</param>
/// <param name="Version">The open document's version it was made from (null: the file on disk).</param>
/// <param name="Text">The text analyzed.</param>
/// <param name="Lines">Positions in that text.</param>
/// <param name="Project">The project and its settings.</param>
/// <param name="Analysis">The engine's result (null when the file is not text).</param>
/// <param name="Findings">What the build reports in the file, repository-wide findings included.</param>
/// <param name="PipelineNames">The names of the project's pipelines (for lineage completion).</param>
internal sealed record DocumentAnalysis(string Path, int? Version, string Text, LineIndex Lines, Project Project, OmlFileAnalysis? Analysis, IReadOnlyList<Finding> Findings, IReadOnlyList<string> PipelineNames);

/// <summary>
/// Runs the engine off the reader thread and publishes diagnostics. Each piece of work has a key
/// (a document, the file watcher, a workspace folder); new work for a key cancels the old, so a
/// keystroke cancels the pending and the running analysis of its document (the engine checks the
/// token between rules). Edits are debounced. One piece of work runs at a time, which keeps the
/// workspace state single-threaded; requests wait for it only when their document's analysis is behind.
/// </summary>
internal sealed class AnalysisScheduler : IDisposable
{
    private readonly JsonRpcChannel _channel;
    private readonly TextDocuments _documents;
    private readonly WorkspaceState _workspace;
    private readonly Action<string> _log;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, CancellationTokenSource> _pending = new(StringComparer.Ordinal);
    private readonly HashSet<string> _changedFiles = new(Paths.Comparer);
    private readonly ConcurrentDictionary<string, DocumentAnalysis> _latest = new(Paths.Comparer);

    // Under the gate: what was last published per file, so unchanged diagnostics are not resent.
    private readonly Dictionary<string, string> _published = new(Paths.Comparer);
    private readonly Dictionary<string, string> _publishedUris = new(Paths.Comparer);
    private int _running;

    public AnalysisScheduler(JsonRpcChannel channel, TextDocuments documents, WorkspaceState workspace, Action<string> log)
    {
        _channel = channel;
        _documents = documents;
        _workspace = workspace;
        _log = log;
    }

    /// <summary>How long edits settle before the document is analyzed.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Work started and not finished (for tests and shutdown).</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>A document was opened (analyzed at once) or changed (analyzed once the edits settle).</summary>
    public void DocumentChanged(string path, bool debounce)
        => Enqueue("doc:" + path, debounce, token => AnalyzeDocument(path, token));

    /// <summary>A document was closed: from now on its file on disk counts.</summary>
    public void DocumentClosed(string path)
        => Enqueue("doc:" + path, debounce: false, token => AnalyzeDocument(path, token));

    /// <summary>Files changed on disk: pipelines, .globalconfig files, component specs, project files.</summary>
    public void FilesChanged(IEnumerable<string> paths)
    {
        lock (_pending)
        {
            _changedFiles.UnionWith(paths);
        }

        Enqueue("watch", debounce: true, ApplyFileChanges);
    }

    /// <summary>Loads and analyzes every project with pipelines under <paramref name="folder"/> and publishes all their findings.</summary>
    public void Scan(string folder) => Enqueue("scan:" + folder, debounce: false, token => ScanFolder(folder, token));

    /// <summary>
    /// The analysis of <paramref name="document"/> as it is now: the latest one when it is current,
    /// else analyzed on the spot (waiting for running work, cancellable).
    /// </summary>
    public async Task<DocumentAnalysis?> CurrentAsync(DocumentSnapshot document, CancellationToken cancellationToken)
    {
        if (IsCurrent(document, out var latest))
        {
            return latest;
        }

        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!IsCurrent(document, out latest))
            {
                AnalyzeDocument(document.Path, cancellationToken);
                _latest.TryGetValue(document.Path, out latest);
            }
        }
        finally
        {
            _gate.Release();
        }

        return latest;
    }

    public void Dispose()
    {
        _stop.Cancel();
        lock (_pending)
        {
            foreach (var cts in _pending.Values)
            {
                cts.Cancel();
            }
        }
    }

    private bool IsCurrent(DocumentSnapshot document, out DocumentAnalysis? latest)
        => _latest.TryGetValue(document.Path, out latest) && latest.Version == document.Version && string.Equals(latest.Text, document.Text, StringComparison.Ordinal);

    private void Enqueue(string key, bool debounce, Action<CancellationToken> work)
    {
        CancellationTokenSource cts;
        lock (_pending)
        {
            if (_pending.Remove(key, out var superseded))
            {
                superseded.Cancel();
            }

            cts = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            _pending[key] = cts;
        }

        Interlocked.Increment(ref _running);
        _ = Task.Run(async () =>
        {
            var token = cts.Token;
            try
            {
                if (debounce)
                {
                    await Task.Delay(Debounce, token).ConfigureAwait(false);
                }

                await _gate.WaitAsync(token).ConfigureAwait(false);
                try
                {
                    work(token);
                }
                finally
                {
                    _gate.Release();
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                // Superseded by newer work for the same key, or the server is stopping.
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CliUsageException)
            {
                _log($"osiris: {key}: {ex.Message}");
            }
#pragma warning disable CA1031 // A failure in one analysis must not take the server down; it is logged to the client.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _log($"osiris: {key} failed: {ex}");
            }
            finally
            {
                lock (_pending)
                {
                    if (_pending.TryGetValue(key, out var current) && ReferenceEquals(current, cts))
                    {
                        _pending.Remove(key);
                    }
                }

                cts.Dispose();
                Interlocked.Decrement(ref _running);
            }
        });
    }

    private void AnalyzeDocument(string path, CancellationToken token)
    {
        var project = _workspace.ProjectOf(path, token);
        var before = FilesWithCatalogFindings(project);
        var exists = _workspace.Refresh(project, path, token);
        project.RunCatalog(token);
        before.UnionWith(FilesWithCatalogFindings(project));
        before.Add(path);
        Publish(project, before, token);
        if (!exists)
        {
            Clear(path);
        }
    }

    private void ApplyFileChanges(CancellationToken token)
    {
        List<string> changed;
        lock (_pending)
        {
            changed = _changedFiles.ToList();
            _changedFiles.Clear();
        }

        try
        {
            // A change to settings, specs or the set of files can change every finding of the project: reload it.
            var roots = new HashSet<string>(Paths.Comparer);
            foreach (var path in changed)
            {
                var folder = Path.GetDirectoryName(path);
                if (folder is null)
                {
                    continue;
                }

                var root = ProjectLoader.FindRoot(Directory.Exists(folder) ? folder : NearestExisting(folder));
                if (_workspace.Find(root) is not null || Paths.IsOml(path))
                {
                    roots.Add(root);
                }
            }

            foreach (var root in roots)
            {
                token.ThrowIfCancellationRequested();
                if (Directory.Exists(root))
                {
                    PublishAll(_workspace.Load(root, token), token);
                }
            }

            foreach (var path in changed.Where(p => Paths.IsOml(p) && !File.Exists(p) && _documents.Get(p) is null))
            {
                Clear(path);
            }
        }
        catch (OperationCanceledException)
        {
            lock (_pending)
            {
                _changedFiles.UnionWith(changed);
            }

            throw;
        }
    }

    private void ScanFolder(string folder, CancellationToken token)
    {
        var roots = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in PipelineFiles(folder))
        {
            roots.Add(ProjectLoader.FindRoot(Path.GetDirectoryName(path)!));
        }

        foreach (var root in roots)
        {
            token.ThrowIfCancellationRequested();
            PublishAll(_workspace.Find(root) ?? _workspace.Load(root, token), token);
        }
    }

    private void PublishAll(ProjectState project, CancellationToken token)
    {
        Publish(project, project.Files.Keys.ToHashSet(Paths.Comparer), token);

        // Component specs are part of the project too: their findings (OSI0124) as the build reports them.
        foreach (var spec in project.Project.Specs)
        {
            var findings = spec.Diagnostics.Select(d => Validation.ToFinding(project.Project, d)).OfType<Finding>().ToList();
            if (findings.Count == 0 && !_published.ContainsKey(spec.Path))
            {
                continue;
            }

            string text;
            try
            {
                text = SourceText.Read(spec.Path, out _, out _) ?? string.Empty;
            }
            catch (CliUsageException)
            {
                continue;
            }

            var lines = new LineIndex(text);
            PublishFindings(spec.Path, null, Protocol.Array(findings.Select(f => (JsonNode)DiagnosticConverter.ToLsp(f, lines, _ => null))));
        }
    }

    private static HashSet<string> FilesWithCatalogFindings(ProjectState project)
        => project.Catalog.Select(d => d.Location.FilePath).ToHashSet(Paths.Comparer);

    private void Publish(ProjectState project, HashSet<string> paths, CancellationToken token)
    {
        var names = project.Files.Values.Select(f => f.Analysis?.Catalog?.Name).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (var path in paths.OrderBy(p => p, StringComparer.Ordinal))
        {
            token.ThrowIfCancellationRequested();
            if (!project.Files.TryGetValue(path, out var file))
            {
                continue;
            }

            var findings = project.FindingsIn(file);
            var lines = file.Lines ?? new LineIndex(string.Empty);
            _latest[path] = new DocumentAnalysis(path, file.Version, file.Text ?? string.Empty, lines, project.Project, file.Analysis, findings, names);

            var diagnostics = Protocol.Array(findings.Select(f => (JsonNode)DiagnosticConverter.ToLsp(f, lines, other => project.Files.TryGetValue(other, out var o) ? o.Lines : null)));
            PublishFindings(path, file.Version, diagnostics);
        }
    }

    /// <summary>Sends the diagnostics of a file unless they are what the client has already.</summary>
    private void PublishFindings(string path, int? version, JsonArray diagnostics)
    {
        var key = diagnostics.ToJsonString();
        if (_published.TryGetValue(path, out var previous) && string.Equals(previous, key, StringComparison.Ordinal))
        {
            return;
        }

        _published[path] = key;
        var uri = _documents.Get(path)?.Uri ?? Paths.ToUri(path);
        _publishedUris[path] = uri;
        var parameters = new JsonObject { ["uri"] = uri, ["diagnostics"] = diagnostics };
        if (version is { } v)
        {
            parameters["version"] = v;
        }

        _channel.Write(Protocol.Notification("textDocument/publishDiagnostics", parameters));
    }

    /// <summary>Removes the findings of a file that no longer exists.</summary>
    private void Clear(string path)
    {
        _latest.TryRemove(path, out _);
        if (_published.Remove(path))
        {
            var uri = _publishedUris.Remove(path, out var u) ? u : Paths.ToUri(path);
            _channel.Write(Protocol.Notification("textDocument/publishDiagnostics", new JsonObject { ["uri"] = uri, ["diagnostics"] = new JsonArray() }));
        }
    }

    private static string NearestExisting(string folder)
    {
        var dir = new DirectoryInfo(folder);
        while (dir is not null && !dir.Exists)
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? folder;
    }

    /// <summary>The .oml files under a workspace folder, outside folders that start with a dot, bin/, obj/ and node_modules/.</summary>
    private static IEnumerable<string> PipelineFiles(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            string[] files, folders;
            try
            {
                files = Directory.GetFiles(dir, "*.oml");
                folders = Directory.GetDirectories(dir);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            foreach (var file in files)
            {
                yield return Path.GetFullPath(file);
            }

            foreach (var sub in folders)
            {
                var name = Path.GetFileName(sub);
                if (!name.StartsWith('.') && name is not ("bin" or "obj" or "node_modules"))
                {
                    pending.Push(sub);
                }
            }
        }
    }
}
