using System.Text.Json.Nodes;

namespace Osiris.Cli.LanguageServer;

/// <summary>The requests the server answers besides the lifecycle: hover, completion and code actions.</summary>
internal sealed class RequestHandlers
{
    private readonly TextDocuments _documents;
    private readonly AnalysisScheduler _scheduler;
    private readonly Func<NodaTime.Instant> _clock;
    private readonly IReadOnlyDictionary<string, Func<JsonObject, CancellationToken, Task<JsonNode?>>> _extra;

    public RequestHandlers(TextDocuments documents, AnalysisScheduler scheduler, Func<NodaTime.Instant> clock, IReadOnlyDictionary<string, Func<JsonObject, CancellationToken, Task<JsonNode?>>>? extra = null)
    {
        _documents = documents;
        _scheduler = scheduler;
        _clock = clock;
        _extra = extra ?? new Dictionary<string, Func<JsonObject, CancellationToken, Task<JsonNode?>>>();
    }

    public bool Handles(string method) => method is "textDocument/hover" or "textDocument/completion" or "textDocument/codeAction" || _extra.ContainsKey(method);

    /// <summary>
    /// Takes what the request needs from the reader thread (the document as it is at this point of
    /// the message stream) and returns the work to run on the thread pool.
    /// </summary>
    public Func<CancellationToken, Task<JsonNode?>> Prepare(string method, JsonObject parameters)
    {
        if (_extra.TryGetValue(method, out var handler))
        {
            return token => handler(parameters, token);
        }

        var path = Paths.FromUri(Protocol.String(parameters["textDocument"]?["uri"]));
        var document = path is null ? null : _documents.Get(path);
        if (document is null)
        {
            // Only open .oml documents are served; anything else has nothing to offer.
            return _ => Task.FromResult<JsonNode?>(method == "textDocument/codeAction" ? new JsonArray() : null);
        }

        return method switch
        {
            "textDocument/hover" => async token => HoverHandler.Hover(
                await _scheduler.CurrentAsync(document, token).ConfigureAwait(false), document, Protocol.ReadPosition(parameters["position"]), _clock(), token),
            "textDocument/completion" => async token => CompletionHandler.Complete(
                await _scheduler.CurrentAsync(document, token).ConfigureAwait(false), document, Protocol.ReadPosition(parameters["position"]), token),
            "textDocument/codeAction" => async token => CodeActionHandler.Actions(
                await _scheduler.CurrentAsync(document, token).ConfigureAwait(false), document, parameters["range"] as JsonObject),
            _ => throw new RequestException(Protocol.MethodNotFound, $"'{method}' is not supported"),
        };
    }
}
