using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Osiris.LanguageServer.Tests.Support;

/// <summary>
/// A minimal LSP client around the real server process (<c>dotnet osiris.dll lsp</c>): Content-Length
/// framing over its stdin and stdout, requests matched to responses by id, and the latest
/// diagnostics published per document. Waits are generous (the machine is shared) and only bound
/// how long a broken server can hang a test; no test asserts on how fast anything is.
/// </summary>
internal sealed class LspClient : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    private readonly Process _process;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _responses = new();
    private readonly Dictionary<string, JsonArray> _diagnostics = new(StringComparer.Ordinal);
    private readonly List<JsonObject> _notifications = new();
    private readonly StringBuilder _stderr = new();
    private readonly object _lock = new();
    private readonly Thread _reader;
    private int _nextId;

    private LspClient(Process process)
    {
        _process = process;
        _reader = new Thread(ReadLoop) { IsBackground = true, Name = "lsp-client-reader" };
        _reader.Start();
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (_stderr)
                {
                    _stderr.AppendLine(e.Data);
                }
            }
        };
        _process.BeginErrorReadLine();
    }

    /// <summary>Everything the server wrote to stderr so far, for failure messages.</summary>
    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static LspClient Start(string workingDirectory)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "osiris.dll"));
        psi.ArgumentList.Add("lsp");
        psi.Environment["NO_COLOR"] = "1";
        return new LspClient(Process.Start(psi)!);
    }

    /// <summary>Starts the server and completes the initialize handshake with <paramref name="folder"/> as the workspace.</summary>
    public static async Task<LspClient> StartInitializedAsync(string folder, bool watchFiles = false)
    {
        var client = Start(folder);
        var capabilities = new JsonObject
        {
            ["workspace"] = new JsonObject { ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = watchFiles } },
            ["textDocument"] = new JsonObject { ["publishDiagnostics"] = new JsonObject { ["relatedInformation"] = true } },
        };
        var response = await client.RequestAsync("initialize", new JsonObject
        {
            ["processId"] = Environment.ProcessId,
            ["rootUri"] = Uri(folder),
            ["capabilities"] = capabilities,
            ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = Uri(folder), ["name"] = "test" }),
        });
        Assert.NotNull(response["result"]?["capabilities"]);
        client.Notify("initialized", new JsonObject());
        return client;
    }

    public static string Uri(string path) => new Uri(path).AbsoluteUri;

    public async Task<JsonObject> RequestAsync(string method, JsonNode? parameters)
    {
        var (id, task) = Send(method, parameters);
        _ = id;
        return await WaitAsync(task, $"the response to {method}").ConfigureAwait(false);
    }

    /// <summary>Sends a request and returns its id and the task of its response.</summary>
    public (int Id, Task<JsonObject> Response) Send(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var tcs = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _responses[id] = tcs;
        Write(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        return (id, tcs.Task);
    }

    public void Notify(string method, JsonNode? parameters)
        => Write(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public void Open(string path, string text, int version = 1)
        => Notify("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["languageId"] = "oml", ["version"] = version, ["text"] = text },
        });

    public void ChangeWhole(string path, int version, string text)
        => Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Uri(path), ["version"] = version },
            ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
        });

    /// <summary>Waits until the latest diagnostics published for <paramref name="path"/> satisfy <paramref name="condition"/>.</summary>
    public async Task<JsonArray> DiagnosticsAsync(string path, Func<JsonArray, bool> condition, string what)
    {
        var uri = Uri(path);
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            lock (_lock)
            {
                if (_diagnostics.TryGetValue(uri, out var latest) && condition(latest))
                {
                    return (JsonArray)latest.DeepClone();
                }

                if (_process.HasExited && _responses.IsEmpty)
                {
                    break;
                }
            }

            await Task.Delay(50).ConfigureAwait(false);
        }

        string last;
        lock (_lock)
        {
            last = _diagnostics.TryGetValue(uri, out var l) ? l.ToJsonString() : "(none published)";
        }

        Assert.Fail($"no diagnostics for {path} where {what}; the latest were {last}\nserver stderr:\n{Stderr}");
        return null!;
    }

    public IReadOnlyList<JsonObject> Notifications(string method)
    {
        lock (_lock)
        {
            return _notifications.Where(n => n["method"]?.GetValue<string>() == method).ToList();
        }
    }

    /// <summary>Closes stdin (if asked) and waits for the process to end; its exit code.</summary>
    public int WaitForExit(bool closeInput = false)
    {
        if (closeInput)
        {
            _process.StandardInput.Close();
        }

        Assert.True(_process.WaitForExit(Timeout), "the server did not exit\n" + Stderr);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(Timeout);
        }

        _process.Dispose();
    }

    private async Task<JsonObject> WaitAsync(Task<JsonObject> task, string what)
    {
        var done = await Task.WhenAny(task, Task.Delay(Timeout)).ConfigureAwait(false);
        Assert.True(done == task, $"timed out waiting for {what}\nserver stderr:\n{Stderr}");
        return await task.ConfigureAwait(false);
    }

    private void Write(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");
        lock (_process)
        {
            var stdin = _process.StandardInput.BaseStream;
            stdin.Write(header);
            stdin.Write(body);
            stdin.Flush();
        }
    }

    private void ReadLoop()
    {
        var stdout = _process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                var length = -1;
                string? line;
                while ((line = ReadLine(stdout)) is not null && line.Length > 0)
                {
                    if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    {
                        length = int.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
                    }
                }

                if (line is null || length < 0)
                {
                    return;
                }

                var body = new byte[length];
                var read = 0;
                while (read < length)
                {
                    var n = stdout.Read(body, read, length - read);
                    if (n == 0)
                    {
                        return;
                    }

                    read += n;
                }

                Dispatch((JsonObject)JsonNode.Parse(body)!);
            }
        }
        catch (IOException)
        {
            // The process ended.
        }
    }

    private void Dispatch(JsonObject message)
    {
        if (message["method"] is null && message["id"] is JsonValue id && id.TryGetValue<int>(out var n) && _responses.TryRemove(n, out var tcs))
        {
            tcs.SetResult(message);
            return;
        }

        lock (_lock)
        {
            _notifications.Add(message);
            if (message["method"]?.GetValue<string>() == "textDocument/publishDiagnostics")
            {
                _diagnostics[message["params"]!["uri"]!.GetValue<string>()] = (JsonArray)message["params"]!["diagnostics"]!.DeepClone();
            }
        }
    }

    private static string? ReadLine(Stream stream)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                return bytes.Count == 0 ? null : Encoding.ASCII.GetString(bytes.ToArray());
            }

            if (b == '\n')
            {
                return Encoding.ASCII.GetString(bytes.ToArray()).TrimEnd('\r');
            }

            bytes.Add((byte)b);
        }
    }
}

/// <summary>A throw-away pipeline project in the temp folder (a .csproj marks its root).</summary>
internal sealed class TempProject : IDisposable
{
    public TempProject()
    {
        Root = Path.Combine(Path.GetTempPath(), "osiris-lsp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        File.WriteAllText(Path.Combine(Root, "Pipelines.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public string Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
