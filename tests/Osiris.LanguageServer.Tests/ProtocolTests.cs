using System.Text.Json.Nodes;
using Osiris.LanguageServer.Tests.Support;

namespace Osiris.LanguageServer.Tests;

/// <summary>
/// The real server process (the built osiris tool, <c>dotnet osiris.dll lsp</c>) spoken to over its
/// stdio: diagnostics on open and change, hover, quick fixes, repository-wide findings, completion,
/// cancellation and the shutdown/exit handshake.
/// </summary>
public sealed class ProtocolTests
{
    private const string Pipeline = """
        oml_version: "0.2.0"
        name: "orders-sync"
        metadata:
          owner: "data-team@company.com"
        schedule:
          expression: "0 25 * * *"
          timezone: "UTC"
        steps:
          - id: "extract"
            component: "mysql.extractor"
            mode: "read"
            config:
              connection: "@mysql.primary"
              table: "orders"

        """;

    [Fact]
    public async Task ABadCron_IsOSI0201_AtTheHourField_AndAValidCronClearsIt()
    {
        using var project = new TempProject();
        var path = project.Write("pipelines/orders.oml", Pipeline);
        using var client = await LspClient.StartInitializedAsync(project.Root);

        client.Open(path, Pipeline);
        var diagnostics = await client.DiagnosticsAsync(path, d => d.Count > 0, "any finding is published");

        var finding = Assert.Single(diagnostics);
        Assert.Equal("OSI0201", finding!["code"]!.GetValue<string>());
        Assert.Equal(1, finding["severity"]!.GetValue<int>());
        Assert.Equal("https://github.com/osiris-pipelines/Osiris.Analyzers/blob/main/src/Osiris.Oml/Diagnostics/Docs/OSI0201.md", finding["codeDescription"]!["href"]!.GetValue<string>());
        Assert.Equal("Cron expression '0 25 * * *' is invalid: hour 25 is out of range; use 0-23", finding["message"]!.GetValue<string>());

        // The hour field '25': line 5 (0-based), between the characters the test finds itself.
        var line = Pipeline.Split('\n')[5];
        var start = line.IndexOf("25", StringComparison.Ordinal);
        AssertRange(finding["range"]!, 5, start, 5, start + 2);

        // Incremental change: '25' becomes '6'.
        client.Notify("textDocument/didChange", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspClient.Uri(path), ["version"] = 2 },
            ["contentChanges"] = new JsonArray(new JsonObject
            {
                ["range"] = Range(5, start, 5, start + 2),
                ["text"] = "6",
            }),
        });
        await client.DiagnosticsAsync(path, d => d.Count == 0, "the diagnostics are cleared");

        await ShutDownAsync(client);
    }

    [Fact]
    public async Task Hover_OnTheExpression_ListsTheNextRunsPerTarget_InTheZone()
    {
        using var project = new TempProject();
        var text = Pipeline.Replace("0 25 * * *", "30 6 * * *", StringComparison.Ordinal).Replace("\"UTC\"", "\"Asia/Tokyo\"", StringComparison.Ordinal);
        var path = project.Write("pipelines/orders.oml", text);
        using var client = await LspClient.StartInitializedAsync(project.Root);
        client.Open(path, text);
        await client.DiagnosticsAsync(path, d => d.Count == 0, "the pipeline is clean");

        var response = await client.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspClient.Uri(path) },
            ["position"] = new JsonObject { ["line"] = 5, ["character"] = 18 },
        });

        var hover = response["result"]!["contents"]!["value"]!.GetValue<string>();
        Assert.Contains("cron \"30 6 * * *\" in Asia/Tokyo", hover, StringComparison.Ordinal);
        Assert.Contains("tz database 20", hover, StringComparison.Ordinal);

        // Five runs at 06:30 JST, 21:30 UTC the day before; Tokyo has no DST, so all targets agree.
        Assert.Equal(5, CountOf(hover, " 06:30:00 JST (+09:00) — "));
        Assert.Equal(5, CountOf(hover, " 21:30:00 UTC"));
        Assert.Contains("Airflow, Prefect and Dagster agree", hover, StringComparison.Ordinal);
        AssertRange(response["result"]!["range"]!, 5, 14, 5, 26);

        await ShutDownAsync(client);
    }

    [Fact]
    public async Task ACodeAction_FixesAMisspelledZone_AndTheFindingGoes()
    {
        using var project = new TempProject();
        var text = Pipeline.Replace("0 25 * * *", "30 6 * * *", StringComparison.Ordinal).Replace("\"UTC\"", "\"Europe/Prauge\"", StringComparison.Ordinal);
        var path = project.Write("pipelines/orders.oml", text);
        using var client = await LspClient.StartInitializedAsync(project.Root);
        client.Open(path, text);
        var diagnostics = await client.DiagnosticsAsync(path, d => d.Any(x => x!["code"]!.GetValue<string>() == "OSI0203"), "OSI0203 is reported");
        var zone = diagnostics.Single(x => x!["code"]!.GetValue<string>() == "OSI0203")!;

        var response = await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspClient.Uri(path) },
            ["range"] = zone["range"]!.DeepClone(),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(zone.DeepClone()) },
        });

        var action = Assert.Single(response["result"]!.AsArray());
        Assert.Equal("quickfix", action!["kind"]!.GetValue<string>());
        Assert.Equal("Change 'Europe/Prauge' to 'Europe/Prague'", action["title"]!.GetValue<string>());
        var edits = action["edit"]!["changes"]![LspClient.Uri(path)]!.AsArray();
        var edit = Assert.Single(edits)!;
        Assert.Equal("Europe/Prague", edit["newText"]!.GetValue<string>());

        var fixedText = Apply(text, edit);
        Assert.Contains("timezone: \"Europe/Prague\"", fixedText, StringComparison.Ordinal);
        client.ChangeWhole(path, 2, fixedText);
        await client.DiagnosticsAsync(path, d => d.All(x => x!["code"]!.GetValue<string>() != "OSI0203"), "OSI0203 is gone");

        await ShutDownAsync(client);
    }

    [Fact]
    public async Task AMissingLineageReference_GetsTheRepositoryWideFinding_EvenInAFileThatIsNotOpen()
    {
        using var project = new TempProject();
        var upstream = project.Write("pipelines/orders.oml", Pipeline.Replace("0 25 * * *", "30 6 * * *", StringComparison.Ordinal));
        var downstreamText = Pipeline.Replace("orders-sync", "orders-report", StringComparison.Ordinal)
            .Replace("0 25 * * *", "30 8 * * *", StringComparison.Ordinal)
            .Replace("  owner: \"data-team@company.com\"\n", "  owner: \"data-team@company.com\"\n  lineage:\n    upstream:\n      - \"pipeline: orders-sink\"\n", StringComparison.Ordinal);
        var downstream = project.Write("pipelines/report.oml", downstreamText);
        using var client = await LspClient.StartInitializedAsync(project.Root);

        // Nothing is open: the workspace scan publishes the repository-wide finding.
        var diagnostics = await client.DiagnosticsAsync(downstream, d => d.Any(x => x!["code"]!.GetValue<string>() == "OSI0406"), "OSI0406 is reported");
        var finding = diagnostics.Single(x => x!["code"]!.GetValue<string>() == "OSI0406")!;
        Assert.Contains("'pipeline: orders-sink' names no pipeline", finding["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("did you mean 'orders-sync'", finding["message"]!.GetValue<string>(), StringComparison.Ordinal);
        var entryLine = downstreamText.Split('\n').ToList().FindIndex(l => l.Contains("orders-sink", StringComparison.Ordinal));
        Assert.Equal(entryLine, finding["range"]!["start"]!["line"]!.GetValue<int>());

        // Renaming the upstream pipeline in the editor to the name the lineage uses clears it.
        var renamed = File.ReadAllText(upstream).Replace("orders-sync", "orders-sink", StringComparison.Ordinal);
        client.Open(upstream, renamed);
        await client.DiagnosticsAsync(downstream, d => d.All(x => x!["code"]!.GetValue<string>() != "OSI0406"), "OSI0406 is gone after the rename");

        await ShutDownAsync(client);
    }

    [Fact]
    public async Task AFileChangedOnDisk_IsReanalyzed_WhenTheClientReportsIt()
    {
        using var project = new TempProject();
        var path = project.Write("pipelines/orders.oml", Pipeline);
        using var client = await LspClient.StartInitializedAsync(project.Root, watchFiles: true);
        await client.DiagnosticsAsync(path, d => d.Any(x => x!["code"]!.GetValue<string>() == "OSI0201"), "the scan reports OSI0201");

        // The server asked to be told about pipelines, settings and component specs.
        var registration = Assert.Single(client.Notifications("client/registerCapability"));
        Assert.Contains("**/*.oml", registration.ToJsonString(), StringComparison.Ordinal);

        // Turn the finding off in .globalconfig: the build's severities apply.
        var config = project.Write(".globalconfig", "is_global = true\ndotnet_diagnostic.OSI0201.severity = none\n");
        client.Notify("workspace/didChangeWatchedFiles", new JsonObject
        {
            ["changes"] = new JsonArray(new JsonObject { ["uri"] = LspClient.Uri(config), ["type"] = 1 }),
        });
        await client.DiagnosticsAsync(path, d => d.Count == 0, "OSI0201 is suppressed by .globalconfig");

        await ShutDownAsync(client);
    }

    [Fact]
    public async Task Completion_OffersZoneNames_Keys_Components_AndConfigKeys()
    {
        using var project = new TempProject();
        var text = Pipeline.Replace("  timezone: \"UTC\"", "  timezone: \"Europe/Pr", StringComparison.Ordinal);
        var path = project.Write("pipelines/orders.oml", text);
        var spec = Path.Combine(Osiris.Oml.Tests.Support.RepositoryPaths.Root, "samples", "PipelineRepository", "components", "acme.crm_extractor", "spec.yaml");
        project.Write("components/acme.crm_extractor/spec.yaml", File.ReadAllText(spec));
        using var client = await LspClient.StartInitializedAsync(project.Root);
        client.Open(path, text);

        var zoneLine = text.Split('\n').ToList().FindIndex(l => l.Contains("Europe/Pr", StringComparison.Ordinal));
        var zones = await CompleteAsync(client, path, zoneLine, text.Split('\n')[zoneLine].Length);
        var prague = zones.Single(i => i!["label"]!.GetValue<string>() == "Europe/Prague")!;
        Assert.Equal("Europe/Prague\"", prague["textEdit"]!["newText"]!.GetValue<string>());
        AssertRange(prague["textEdit"]!["range"]!, zoneLine, 13, zoneLine, 22);

        // A new line in the schedule block: its keys.
        var withLine = text.Replace("  timezone: \"Europe/Pr\n", "  timezone: \"Europe/Prague\"\n  \n", StringComparison.Ordinal);
        client.ChangeWhole(path, 2, withLine);
        var keys = await CompleteAsync(client, path, zoneLine + 1, 2);
        Assert.Equal(new[] { "type", "expression", "every", "timezone", "start", "retry", "timeout", "concurrency", "catchup", "window" }, keys.Select(i => i!["label"]!.GetValue<string>()));

        // The component of a step: the built-ins.
        var componentLine = withLine.Split('\n').ToList().FindIndex(l => l.Contains("component:", StringComparison.Ordinal));
        var components = await CompleteAsync(client, path, componentLine, "    component: \"".Length);
        Assert.Contains(components, i => i!["label"]!.GetValue<string>() == "duckdb.processor");
        var own = components.Single(i => i!["label"]!.GetValue<string>() == "acme.crm_extractor")!;
        Assert.Contains("project component", own["detail"]!.GetValue<string>(), StringComparison.Ordinal);

        // A built-in component's configuration keys, in the step's config block.
        var configLine = withLine.Split('\n').ToList().FindIndex(l => l.Contains("table:", StringComparison.Ordinal));
        var configKeys = await CompleteAsync(client, path, configLine, 6);
        Assert.Contains(configKeys, i => i!["label"]!.GetValue<string>() == "batch_size");

        await ShutDownAsync(client);
    }

    [Fact]
    public async Task ACancelledRequest_IsAnsweredOnce_AndTheServerGoesOn()
    {
        using var project = new TempProject();
        var path = project.Write("pipelines/orders.oml", Pipeline);
        using var client = await LspClient.StartInitializedAsync(project.Root);
        client.Open(path, Pipeline);

        // Whether the cancellation arrives before or after the answer is up to the machine: either way the
        // request gets exactly one response, a result or RequestCancelled (-32800).
        var (id, task) = client.Send("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspClient.Uri(path) },
            ["position"] = new JsonObject { ["line"] = 5, ["character"] = 18 },
        });
        client.Notify("$/cancelRequest", new JsonObject { ["id"] = id });
        var response = await task.WaitAsync(LspClient.Timeout, TestContext.Current.CancellationToken);
        Assert.True(response["result"] is not null || response["error"]?["code"]?.GetValue<int>() == -32800, response.ToJsonString());

        // Cancelling something unknown is ignored, and the server still answers.
        client.Notify("$/cancelRequest", new JsonObject { ["id"] = 9999 });
        var after = await client.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspClient.Uri(path) },
            ["position"] = new JsonObject { ["line"] = 0, ["character"] = 0 },
        });
        Assert.Null(after["error"]);

        await ShutDownAsync(client);
    }

    [Fact]
    public async Task Exit_AfterShutdown_IsExitCode0()
    {
        using var project = new TempProject();
        using var client = await LspClient.StartInitializedAsync(project.Root);

        var shutdown = await client.RequestAsync("shutdown", null);
        Assert.True(shutdown.ContainsKey("result"));
        Assert.Null(shutdown["result"]);

        // After shutdown, requests are refused.
        var refused = await client.RequestAsync("textDocument/hover", new JsonObject());
        Assert.Equal(-32600, refused["error"]!["code"]!.GetValue<int>());

        client.Notify("exit", null);
        Assert.Equal(0, client.WaitForExit());
    }

    [Fact]
    public async Task Exit_WithoutShutdown_IsExitCode1()
    {
        using var project = new TempProject();
        using var client = await LspClient.StartInitializedAsync(project.Root);

        client.Notify("exit", null);
        Assert.Equal(1, client.WaitForExit());
    }

    [Fact]
    public async Task TheInputEnding_WithoutExit_IsExitCode1()
    {
        using var project = new TempProject();
        using var client = await LspClient.StartInitializedAsync(project.Root);

        Assert.Equal(1, client.WaitForExit(closeInput: true));
    }

    [Fact]
    public async Task Requests_BeforeInitialize_AreRefused_AndUnknownMethodsAreNotFound()
    {
        using var project = new TempProject();
        using var client = LspClient.Start(project.Root);

        var early = await client.RequestAsync("textDocument/hover", new JsonObject());
        Assert.Equal(-32002, early["error"]!["code"]!.GetValue<int>());

        await client.RequestAsync("initialize", new JsonObject { ["capabilities"] = new JsonObject() });
        var unknown = await client.RequestAsync("textDocument/definition", new JsonObject());
        Assert.Equal(-32601, unknown["error"]!["code"]!.GetValue<int>());

        await ShutDownAsync(client);
    }

    private static async Task<IReadOnlyList<JsonNode?>> CompleteAsync(LspClient client, string path, int line, int character)
    {
        var response = await client.RequestAsync("textDocument/completion", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = LspClient.Uri(path) },
            ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
        });
        return response["result"]!["items"]!.AsArray().ToList();
    }

    private static async Task ShutDownAsync(LspClient client)
    {
        await client.RequestAsync("shutdown", null);
        client.Notify("exit", null);
        Assert.Equal(0, client.WaitForExit());
    }

    private static JsonObject Range(int startLine, int startCharacter, int endLine, int endCharacter) => new()
    {
        ["start"] = new JsonObject { ["line"] = startLine, ["character"] = startCharacter },
        ["end"] = new JsonObject { ["line"] = endLine, ["character"] = endCharacter },
    };

    private static void AssertRange(JsonNode range, int startLine, int startCharacter, int endLine, int endCharacter)
        => Assert.Equal(Range(startLine, startCharacter, endLine, endCharacter).ToJsonString(), range.ToJsonString());

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>Applies one TextEdit the way an editor does: line and UTF-16 character positions, LF lines.</summary>
    private static string Apply(string text, JsonNode edit)
    {
        var lines = text.Split('\n');
        int Offset(JsonNode position)
        {
            var line = position["line"]!.GetValue<int>();
            return lines.Take(line).Sum(l => l.Length + 1) + position["character"]!.GetValue<int>();
        }

        var start = Offset(edit["range"]!["start"]!);
        var end = Offset(edit["range"]!["end"]!);
        return text[..start] + edit["newText"]!.GetValue<string>() + text[end..];
    }
}
