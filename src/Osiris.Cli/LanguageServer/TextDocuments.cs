using System.Text;
using System.Text.Json.Nodes;

namespace Osiris.Cli.LanguageServer;

/// <summary>An open document as the client last sent it (immutable: each change makes a new one).</summary>
internal sealed class DocumentSnapshot
{
    private LineIndex? _lines;

    public DocumentSnapshot(string uri, string path, int version, string text)
    {
        Uri = uri;
        Path = path;
        Version = version;
        Text = text;
    }

    public string Uri { get; }

    public string Path { get; }

    public int Version { get; }

    public string Text { get; }

    public LineIndex Lines => _lines ??= new LineIndex(Text);
}

/// <summary>
/// The open documents, keyed by full path. Changes are full texts or ranges (incremental sync),
/// applied in the order the client sends them. Thread-safe.
/// </summary>
internal sealed class TextDocuments
{
    private readonly Dictionary<string, DocumentSnapshot> _open = new(Paths.Comparer);
    private readonly object _lock = new();

    public DocumentSnapshot Open(string uri, string path, int version, string text)
    {
        var snapshot = new DocumentSnapshot(uri, path, version, text);
        lock (_lock)
        {
            _open[path] = snapshot;
        }

        return snapshot;
    }

    /// <summary>Applies <c>contentChanges</c>; null when the document is not open.</summary>
    public DocumentSnapshot? Change(string path, int version, JsonArray changes)
    {
        lock (_lock)
        {
            if (!_open.TryGetValue(path, out var current))
            {
                return null;
            }

            var text = current.Text;
            foreach (var change in changes)
            {
                if (change is JsonObject c)
                {
                    text = Apply(text, c);
                }
            }

            var next = new DocumentSnapshot(current.Uri, current.Path, version, text);
            _open[path] = next;
            return next;
        }
    }

    public bool Close(string path)
    {
        lock (_lock)
        {
            return _open.Remove(path);
        }
    }

    public DocumentSnapshot? Get(string path)
    {
        lock (_lock)
        {
            return _open.TryGetValue(path, out var snapshot) ? snapshot : null;
        }
    }

    public IReadOnlyList<DocumentSnapshot> All()
    {
        lock (_lock)
        {
            return _open.Values.ToList();
        }
    }

    /// <summary>
    /// One <c>TextDocumentContentChangeEvent</c>: with a range, replace that range (positions in the text as
    /// it is before this change); without one, the whole text.
    /// </summary>
    public static string Apply(string text, JsonObject change)
    {
        var newText = change["text"]?.GetValue<string>() ?? string.Empty;
        if (change["range"] is not JsonObject range)
        {
            return newText;
        }

        var lines = new LineIndex(text);
        var start = lines.OffsetOf(Protocol.ReadPosition(range["start"]));
        var end = lines.OffsetOf(Protocol.ReadPosition(range["end"]));
        if (end < start)
        {
            (start, end) = (end, start);
        }

        return new StringBuilder(text.Length - (end - start) + newText.Length)
            .Append(text, 0, start)
            .Append(newText)
            .Append(text, end, text.Length - end)
            .ToString();
    }
}
