using System.Collections.Concurrent;
using System.IO.Pipes;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using Osiris.Cli;
using Osiris.Cli.LanguageServer;
using Osiris.LanguageServer.Tests.Support;

namespace Osiris.LanguageServer.Tests;

/// <summary>
/// The server in this process over pipes: cancellation of a request that waits for it, and a
/// 1,000-line pipeline edited keystroke by keystroke while the reader keeps answering.
/// </summary>
public sealed class InProcessTests
{
    [Fact]
    public void ACancelledRequest_IsAnsweredWithRequestCancelled()
    {
        var handlers = new Dictionary<string, Func<JsonObject, CancellationToken, Task<JsonNode?>>>
        {
            // Completes only when cancelled, so the answer cannot race the cancellation.
            ["test/wait"] = async (_, token) =>
            {
                await Task.Delay(Timeout.Infinite, token);
                return null;
            },
        };
        using var project = new TempProject();
        using var server = new Harness(project.Root, handlers);
        server.Initialize();

        server.Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 7, ["method"] = "test/wait", ["params"] = new JsonObject() });
        server.Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = "$/cancelRequest", ["params"] = new JsonObject { ["id"] = 7 } });

        var response = server.Response(7);
        Assert.Equal(-32800, response["error"]!["code"]!.GetValue<int>());
        Assert.Equal(0, server.ShutDown());
    }

    [Fact]
    public void AThousandLinePipeline_EditedPerKeystroke_EndsWithTheDiagnosticsOfTheLastVersion()
    {
        var text = LargePipeline(out var cronLine);
        Assert.True(text.Split('\n').Length >= 1000, "the pipeline has 1,000 lines");
        using var project = new TempProject();
        var path = project.Write("pipelines/large.oml", text);
        using var server = new Harness(project.Root, null);
        server.Initialize();
        var uri = LspClient.Uri(path);

        server.Send(Notification("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "oml", ["version"] = 1, ["text"] = text },
        }));
        Assert.Contains(server.Diagnostics(uri, d => d.Count > 0), d => d!["code"]!.GetValue<string>() == "OSI0201");

        // Type a description at the end of the file, one character per change, then fix the cron.
        var lastLine = text.Split('\n').Length - 1;
        var typed = "description: \"typed while the engine runs\"";
        for (var i = 0; i < typed.Length; i++)
        {
            server.Send(Change(uri, 2 + i, lastLine, i, typed[i].ToString()));
        }

        var version = 2 + typed.Length;
        server.Send(Change(uri, version, cronLine, "  expression: \"0 ".Length, "2", "  expression: \"0 25".Length));

        // The reader answered after taking every change (MethodNotFound comes straight from it).
        server.Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 99, ["method"] = "test/unknown", ["params"] = new JsonObject() });
        Assert.Equal(-32601, server.Response(99)["error"]!["code"]!.GetValue<int>());

        var final = server.Diagnostics(uri, d => d.All(x => x!["code"]!.GetValue<string>() != "OSI0201"));
        Assert.Empty(final);
        var versions = server.PublishedVersions(uri);
        Assert.Equal(version, versions[^1]);
        Assert.True(versions.SequenceEqual(versions.Order()), "versions are published in order: " + string.Join(", ", versions));
        Assert.Equal(0, server.ShutDown());
    }

    /// <summary>A pipeline of 125 steps (1,000+ lines) with an invalid cron.</summary>
    private static string LargePipeline(out int cronLine)
    {
        var text = new StringBuilder();
        text.Append("oml_version: \"0.2.0\"\nname: \"large\"\nmetadata:\n  owner: \"data-team@company.com\"\nschedule:\n  expression: \"0 25 * * *\"\n  timezone: \"UTC\"\nsteps:\n");
        cronLine = 5;
        for (var i = 0; i < 125; i++)
        {
            text.Append("  - id: \"step-").Append(i).Append("\"\n");
            text.Append("    component: \"mysql.extractor\"\n");
            text.Append("    mode: \"read\"\n");
            if (i > 0)
            {
                text.Append("    needs: [\"step-").Append(i - 1).Append("\"]\n");
            }
            else
            {
                text.Append("    # the first step\n");
            }

            text.Append("    config:\n");
            text.Append("      connection: \"@mysql.primary\"\n");
            text.Append("      query: \"SELECT * FROM orders_").Append(i).Append("\"\n");
            text.Append('\n');
        }

        return text.ToString();
    }

    private static JsonObject Notification(string method, JsonObject parameters)
        => new() { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters };

    private static JsonObject Change(string uri, int version, int line, int character, string text, int? endCharacter = null) => Notification("textDocument/didChange", new JsonObject
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
        ["contentChanges"] = new JsonArray(new JsonObject
        {
            ["range"] = new JsonObject
            {
                ["start"] = new JsonObject { ["line"] = line, ["character"] = character },
                ["end"] = new JsonObject { ["line"] = line, ["character"] = endCharacter ?? character },
            },
            ["text"] = text,
        }),
    });

    /// <summary>The server on a thread, spoken to through two pipes with the product's own framing.</summary>
    private sealed class Harness : IDisposable
    {
        private readonly AnonymousPipeServerStream _toServer = new(PipeDirection.Out);
        private readonly AnonymousPipeServerStream _fromServer = new(PipeDirection.In);
        private readonly JsonRpcChannel _client;
        private readonly Task<int> _run;
        private readonly Thread _reader;
        private readonly BlockingCollection<JsonObject> _inbox = new();
        private readonly List<JsonObject> _seen = new();

        public Harness(string folder, IReadOnlyDictionary<string, Func<JsonObject, CancellationToken, Task<JsonNode?>>>? handlers)
        {
            Folder = folder;
            var serverIn = new AnonymousPipeClientStream(PipeDirection.In, _toServer.ClientSafePipeHandle);
            var serverOut = new AnonymousPipeClientStream(PipeDirection.Out, _fromServer.ClientSafePipeHandle);
            var host = new CliHost(TextWriter.Null, TextWriter.Null, folder, () => SystemClock.Instance.GetCurrentInstant(), _ => null);
            var server = new OmlLanguageServer(serverIn, serverOut, host, handlers);
            _run = Task.Run(() =>
            {
                using (server)
                {
                    var code = server.Run();
                    serverOut.Dispose();
                    return code;
                }
            });
            _client = new JsonRpcChannel(_fromServer, _toServer);
            _reader = new Thread(() =>
            {
                try
                {
                    for (var m = _client.Read(); m is not null; m = _client.Read())
                    {
                        _inbox.Add(m);
                    }
                }
                catch (IOException)
                {
                }

                _inbox.CompleteAdding();
            })
            { IsBackground = true };
            _reader.Start();
        }

        public string Folder { get; }

        public void Send(JsonObject message) => _client.Write(message);

        public void Initialize()
        {
            Send(new JsonObject
            {
                ["jsonrpc"] = "2.0",
                ["id"] = 1,
                ["method"] = "initialize",
                ["params"] = new JsonObject { ["rootUri"] = LspClient.Uri(Folder), ["capabilities"] = new JsonObject() },
            });
            Response(1);
            Send(Notification("initialized", new JsonObject()));
        }

        public JsonObject Response(int id) => Next(m => m["method"] is null && m["id"]?.GetValue<int>() == id, $"the response to {id}");

        public JsonArray Diagnostics(string uri, Func<JsonArray, bool> condition)
            => (JsonArray)Next(
                m => m["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" && m["params"]!["uri"]!.GetValue<string>() == uri && condition((JsonArray)m["params"]!["diagnostics"]!),
                "the diagnostics")["params"]!["diagnostics"]!;

        public List<int> PublishedVersions(string uri)
        {
            lock (_seen)
            {
                return _seen.Where(m => m["method"]?.GetValue<string>() == "textDocument/publishDiagnostics" && m["params"]!["uri"]!.GetValue<string>() == uri)
                    .Select(m => m["params"]!["version"]!.GetValue<int>())
                    .ToList();
            }
        }

        public int ShutDown()
        {
            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = 1000, ["method"] = "shutdown" });
            Response(1000);
            Send(Notification("exit", new JsonObject()));
            Assert.True(_run.Wait(LspClient.Timeout), "the server did not stop");
            return _run.Result;
        }

        public void Dispose()
        {
            _toServer.Dispose();
            _run.Wait(LspClient.Timeout);
            _fromServer.Dispose();
        }

        private JsonObject Next(Func<JsonObject, bool> match, string what)
        {
            var deadline = DateTime.UtcNow + LspClient.Timeout;
            while (DateTime.UtcNow < deadline)
            {
                if (!_inbox.TryTake(out var message, TimeSpan.FromSeconds(1)))
                {
                    if (_inbox.IsCompleted)
                    {
                        break;
                    }

                    continue;
                }

                lock (_seen)
                {
                    _seen.Add(message);
                }

                if (match(message))
                {
                    return message;
                }
            }

            Assert.Fail("timed out waiting for " + what);
            return null!;
        }
    }
}
