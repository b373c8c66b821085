using System.Text.Json;
using NodaTime;
using Osiris.Cli;
using Osiris.LanguageServer.Tests.Support;
using Osiris.Oml.Tests.Support;

namespace Osiris.LanguageServer.Tests;

/// <summary>
/// The server publishes what the build reports: for every file of the invalid sample (its
/// .globalconfig changes severities and pins the reference date), the same IDs, severities, messages
/// and places as <c>osiris schedule validate</c> — the engine and settings the analyzer runs.
/// </summary>
public sealed class BuildParityTests
{
    [Fact]
    public async Task TheInvalidSample_GetsTheFindingsOfTheBuild_InEveryFile()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "samples", "InvalidPipelines");
        var expected = Validate(folder);
        Assert.True(expected.Count > 40, "the sample has many findings");

        using var client = await LspClient.StartInitializedAsync(folder);
        foreach (var group in expected.GroupBy(f => f.Path))
        {
            var path = Path.Combine(folder, group.Key);
            var published = await client.DiagnosticsAsync(path, d => d.Count == group.Count(), $"the {group.Count()} findings of the build are published");
            var actual = published.Select(d => new Finding(
                group.Key,
                d!["range"]!["start"]!["line"]!.GetValue<int>() + 1,
                d["range"]!["start"]!["character"]!.GetValue<int>() + 1,
                d["range"]!["end"]!["line"]!.GetValue<int>() + 1,
                d["range"]!["end"]!["character"]!.GetValue<int>() + 1,
                d["code"]!.GetValue<string>(),
                d["severity"]!.GetValue<int>() switch { 1 => "error", 2 => "warning", _ => "info" },
                d["message"]!.GetValue<string>())).ToList();

            Assert.Equal(group.OrderBy(f => f.ToString(), StringComparer.Ordinal), actual.OrderBy(f => f.ToString(), StringComparer.Ordinal));
        }

        await client.RequestAsync("shutdown", null);
        client.Notify("exit", null);
        Assert.Equal(0, client.WaitForExit());
    }

    private sealed record Finding(string Path, int Line, int Column, int EndLine, int EndColumn, string Id, string Severity, string Message);

    private static List<Finding> Validate(string folder)
    {
        var output = new StringWriter { NewLine = "\n" };
        var host = new CliHost(output, TextWriter.Null, folder, () => Instant.FromUtc(2026, 11, 27, 12, 0), _ => null);
        OsirisCli.Run(new[] { "schedule", "validate", ".", "--format", "json" }, host);
        using var json = JsonDocument.Parse(output.ToString());
        return json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("path").ValueKind == JsonValueKind.String)
            .Select(d => new Finding(
                d.GetProperty("path").GetString()!,
                d.GetProperty("line").GetInt32(),
                d.GetProperty("column").GetInt32(),
                d.GetProperty("endLine").GetInt32(),
                d.GetProperty("endColumn").GetInt32(),
                d.GetProperty("id").GetString()!,
                d.GetProperty("severity").GetString()!,
                d.GetProperty("message").GetString()!))
            .ToList();
    }
}
