using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Osiris.Cli.Output;

namespace Osiris.Cli.LanguageServer;

/// <summary>
/// <c>osiris lsp</c>: a Language Server Protocol 3.17 server over stdio for <c>.oml</c> files. The
/// reader loop only parses messages, applies text edits and hands work on: analyses run in the
/// <see cref="AnalysisScheduler"/>, requests on the thread pool with a token that
/// <c>$/cancelRequest</c> cancels. Exit code 0 after <c>shutdown</c> then <c>exit</c>, 1 otherwise.
/// </summary>
internal sealed class OmlLanguageServer : IDisposable
{
    private readonly JsonRpcChannel _channel;
    private readonly TextDocuments _documents = new();
    private readonly AnalysisScheduler _scheduler;
    private readonly RequestHandlers _handlers;
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _requests = new(StringComparer.Ordinal);
    private readonly List<string> _folders = new();
    private bool _initialized;
    private bool _shutdown;
    private bool _watchRegistration;
    private int _nextRequestId;

    public OmlLanguageServer(Stream input, Stream output, CliHost host)
        : this(input, output, host, null)
    {
    }

    /// <param name="input">The client's messages.</param>
    /// <param name="output">Where responses and notifications go.</param>
    /// <param name="host">The clock and environment.</param>
    /// <param name="extra">More request handlers (tests use one that waits for its cancellation).</param>
    internal OmlLanguageServer(Stream input, Stream output, CliHost host, IReadOnlyDictionary<string, Func<JsonObject, CancellationToken, Task<JsonNode?>>>? extra)
    {
        _channel = new JsonRpcChannel(input, output);
        var workspace = new WorkspaceState(host, _documents);
        _scheduler = new AnalysisScheduler(_channel, _documents, workspace, Log);
        _handlers = new RequestHandlers(_documents, _scheduler, host.Clock, extra);
    }

    /// <summary>Serves until <c>exit</c> or the end of the input; the process exit code.</summary>
    public int Run()
    {
        while (true)
        {
            JsonObject? message;
            try
            {
                message = _channel.Read();
            }
            catch (InvalidDataException ex)
            {
                // The framing is lost: nothing after this can be read reliably.
                Log("osiris: " + ex.Message);
                return 1;
            }

            if (message is null)
            {
                // The client went away without 'exit'.
                return _shutdown ? 0 : 1;
            }

            if (message["$parseError"] is { } parseError)
            {
                _channel.Write(Protocol.Error(null, Protocol.ParseError, parseError.GetValue<string>()));
                continue;
            }

            var method = Protocol.String(message["method"]);
            var id = message["id"];
            if (method is null)
            {
                // A response to one of our requests (client/registerCapability): nothing to do.
                continue;
            }

            if (id is null)
            {
                if (method == "exit")
                {
                    return _shutdown ? 0 : 1;
                }

                Notify(method, message["params"] as JsonObject);
            }
            else
            {
                Request(id, method, message["params"] as JsonObject);
            }
        }
    }

    public void Dispose() => _scheduler.Dispose();

    private void Request(JsonNode id, string method, JsonObject? parameters)
    {
        if (method == "initialize")
        {
            _channel.Write(Protocol.Response(id, Initialize(parameters)));
            return;
        }

        if (!_initialized)
        {
            _channel.Write(Protocol.Error(id, Protocol.ServerNotInitialized, "the server is not initialized; send 'initialize' first"));
            return;
        }

        if (_shutdown)
        {
            _channel.Write(Protocol.Error(id, Protocol.InvalidRequest, "the server is shutting down"));
            return;
        }

        if (method == "shutdown")
        {
            _shutdown = true;
            _scheduler.Dispose();
            foreach (var pending in _requests.Values)
            {
                pending.Cancel();
            }

            _channel.Write(Protocol.Response(id, null));
            return;
        }

        if (!_handlers.Handles(method))
        {
            _channel.Write(Protocol.Error(id, Protocol.MethodNotFound, $"'{method}' is not supported"));
            return;
        }

        // Answer on the thread pool; the document snapshot is taken now, in message order.
        var key = id.ToJsonString();
        var cts = new CancellationTokenSource();
        _requests[key] = cts;
        var work = _handlers.Prepare(method, parameters ?? new JsonObject());
        _ = Task.Run(async () =>
        {
            JsonObject response;
            try
            {
                response = Protocol.Response(id, await work(cts.Token).ConfigureAwait(false));
            }
            catch (OperationCanceledException) when (cts.IsCancellationRequested)
            {
                response = Protocol.Error(id, Protocol.RequestCancelled, "the request was cancelled");
            }
            catch (RequestException ex)
            {
                response = Protocol.Error(id, ex.Code, ex.Message);
            }
#pragma warning disable CA1031 // Any failure of one request is that request's error response, never the server's end.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log($"osiris: {method} failed: {ex}");
                response = Protocol.Error(id, Protocol.InternalError, ex.GetType().Name + ": " + ex.Message);
            }
            finally
            {
                _requests.TryRemove(key, out _);
            }

            _channel.Write(response);
            cts.Dispose();
        });
    }

    private void Notify(string method, JsonObject? parameters)
    {
        if (!_initialized)
        {
            return;
        }

        switch (method)
        {
            case "initialized":
                RegisterWatchers();
                foreach (var folder in _folders)
                {
                    _scheduler.Scan(folder);
                }

                break;
            case "textDocument/didOpen":
                if (parameters?["textDocument"] is JsonObject opened
                    && Protocol.String(opened["uri"]) is { } uri && Paths.FromUri(uri) is { } path && Paths.IsOml(path))
                {
                    _documents.Open(uri, path, Protocol.Int(opened["version"]) ?? 0, Protocol.String(opened["text"]) ?? string.Empty);
                    _scheduler.DocumentChanged(path, debounce: false);
                }

                break;
            case "textDocument/didChange":
                if (DocumentPath(parameters) is { } changed && parameters!["contentChanges"] is JsonArray changes
                    && _documents.Change(changed, Protocol.Int(parameters["textDocument"]?["version"]) ?? 0, changes) is not null)
                {
                    _scheduler.DocumentChanged(changed, debounce: true);
                }

                break;
            case "textDocument/didClose":
                if (DocumentPath(parameters) is { } closed && _documents.Close(closed))
                {
                    _scheduler.DocumentClosed(closed);
                }

                break;
            case "workspace/didChangeWatchedFiles":
                if (parameters?["changes"] is JsonArray events)
                {
                    _scheduler.FilesChanged(events.Select(e => Paths.FromUri(Protocol.String(e?["uri"]))).OfType<string>());
                }

                break;
            case "workspace/didChangeWorkspaceFolders":
                if (parameters?["event"]?["added"] is JsonArray added)
                {
                    foreach (var folder in added.Select(f => Paths.FromUri(Protocol.String(f?["uri"]))).OfType<string>())
                    {
                        _folders.Add(folder);
                        _scheduler.Scan(folder);
                    }
                }

                break;
            case "$/cancelRequest":
                if (parameters?["id"] is { } cancelled && _requests.TryGetValue(cancelled.ToJsonString(), out var cts))
                {
                    try
                    {
                        cts.Cancel();
                    }
                    catch (ObjectDisposedException)
                    {
                        // Answered already.
                    }
                }

                break;
        }
    }

    private JsonObject Initialize(JsonObject? parameters)
    {
        _initialized = true;
        if (parameters?["workspaceFolders"] is JsonArray folders)
        {
            _folders.AddRange(folders.Select(f => Paths.FromUri(Protocol.String(f?["uri"]))).OfType<string>());
        }
        else if (Paths.FromUri(Protocol.String(parameters?["rootUri"])) is { } root)
        {
            _folders.Add(root);
        }
        else if (Protocol.String(parameters?["rootPath"]) is { Length: > 0 } rootPath)
        {
            _folders.Add(Path.GetFullPath(rootPath));
        }

        _watchRegistration = parameters?["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"] is JsonValue v
            && v.TryGetValue<bool>(out var dynamic) && dynamic;

        return new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                ["positionEncoding"] = "utf-16",
                ["textDocumentSync"] = new JsonObject { ["openClose"] = true, ["change"] = 2 },
                ["hoverProvider"] = true,
                ["completionProvider"] = new JsonObject
                {
                    ["triggerCharacters"] = Protocol.Array(new JsonNode?[] { "\"", "/", ".", "@" }),
                    ["resolveProvider"] = false,
                },
                ["codeActionProvider"] = new JsonObject { ["codeActionKinds"] = Protocol.Array(new JsonNode?[] { "quickfix" }) },
                ["workspace"] = new JsonObject
                {
                    ["workspaceFolders"] = new JsonObject { ["supported"] = true, ["changeNotifications"] = true },
                },
            },
            ["serverInfo"] = new JsonObject { ["name"] = "osiris", ["version"] = Sarif.ToolVersion },
        };
    }

    /// <summary>Asks the client to report changes to pipelines, settings and component specs, when it can.</summary>
    private void RegisterWatchers()
    {
        if (!_watchRegistration)
        {
            return;
        }

        var watchers = Protocol.Array(new[] { "**/*.oml", "**/.globalconfig", "**/components/*/spec.yaml", "**/*.csproj" }
            .Select(glob => (JsonNode?)new JsonObject { ["globPattern"] = glob }));
        _channel.Write(Protocol.Request(Interlocked.Increment(ref _nextRequestId), "client/registerCapability", new JsonObject
        {
            ["registrations"] = Protocol.Array(new JsonNode?[]
            {
                new JsonObject
                {
                    ["id"] = "osiris-watched-files",
                    ["method"] = "workspace/didChangeWatchedFiles",
                    ["registerOptions"] = new JsonObject { ["watchers"] = watchers },
                },
            }),
        }));
    }

    private static string? DocumentPath(JsonObject? parameters)
        => Paths.FromUri(Protocol.String(parameters?["textDocument"]?["uri"]));

    /// <summary>A message in the client's log (window/logMessage) and on stderr, which clients show as the server's output.</summary>
    private void Log(string message)
    {
        Console.Error.WriteLine(message);
        _channel.Write(Protocol.Notification("window/logMessage", new JsonObject { ["type"] = 4, ["message"] = message }));
    }
}

/// <summary>A request that fails with a JSON-RPC error code.</summary>
internal sealed class RequestException : Exception
{
    public RequestException(int code, string message)
        : base(message) => Code = code;

    public int Code { get; }
}
