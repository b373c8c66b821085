using Osiris.Cli.Tests.Support;

namespace Osiris.Cli.Tests;

/// <summary><c>osiris schedule test --dry-run</c>: a simulated period with DST, an outage, overlaps and retries.</summary>
public sealed class DryRunTests
{
    private const string Prague = "samples/InvalidPipelines/pipelines/daily-customer-sync-prague.oml";

    [Fact]
    public void Text_CallsOutTheDstDay_TheOutage_AndTheRetryTimeline()
    {
        var result = Tool.Run("schedule", "test", Prague, "--dry-run", "--from", "2026-03-26", "--to", "2026-04-01", "--outage", "2026-03-27T00:00Z..2026-03-29T12:00Z");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("2026-03-29: clocks jump forward 1h at 02:00 (local times 02:00–03:00 do not exist)", result.Out, StringComparison.Ordinal);
        // Airflow moves 02:00 to 03:00 CEST on the change day.
        Assert.Contains("2026-03-29 03:00:00 CEST (+02:00)", result.Out, StringComparison.Ordinal);
        Assert.Contains("catchup=False runs only the most recent missed run", result.Out, StringComparison.Ordinal);
        Assert.Contains("1 run(s) are caught up when it ends, 2 are never run", result.Out, StringComparison.Ordinal);
        Assert.Contains("try 4:", result.Out, StringComparison.Ordinal);
        Golden.Check("dry-run-prague.txt", result.Out);
    }

    [Fact]
    public void Json_ListsEveryRun_WithStates_Transitions_Outage_AndRetries()
    {
        var result = Tool.Run("schedule", "test", Prague, "--dry-run", "--from", "2026-03-26", "--to", "2026-04-01", "--outage", "2026-03-27T00:00Z..2026-03-29T12:00Z", "--target", "prefect-py313", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = result.Json();
        var root = json.RootElement;
        Assert.Equal("prefect-py313", root.GetProperty("target").GetString());
        var runs = root.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(6, runs.Count);
        // Prefect keeps every missed run and runs it late.
        Assert.Equal(new[] { "on-time", "caught-up", "caught-up", "caught-up", "on-time", "on-time" }, runs.Select(r => r.GetProperty("state").GetString()).ToArray());
        Assert.Equal("all-late", root.GetProperty("outage").GetProperty("catchup").GetString());
        Assert.Equal("2026-03-29T01:00:00Z", root.GetProperty("dstTransitions")[0].GetProperty("at").GetString());
        Assert.Equal("gap", root.GetProperty("dstTransitions")[0].GetProperty("kind").GetString());
        Assert.True(runs[3].GetProperty("dstDay").GetBoolean());
        // Prefect's exponential backoff from 300 s: 300, 600, 1200.
        Assert.Equal("prefect", root.GetProperty("retries").GetProperty("formula").GetString());
        Assert.Equal(new[] { 0L, 300, 600, 1200 }, root.GetProperty("retries").GetProperty("tries").EnumerateArray().Select(t => t.GetProperty("waitMaxSeconds").GetInt64()).ToArray());
    }

    [Fact]
    public void LongTimeout_QueuesRunsBehindEarlierOnes_UnderTheConcurrencyLimit()
    {
        using var repo = new TempRepo();
        repo.Write("p.oml", """
            oml_version: "0.2.0"
            name: "hourly_slow"
            metadata:
              owner: "data@company.com"
            schedule:
              expression: "0 * * * *"
              timezone: "UTC"
              timeout: "90m"
              concurrency: 1
            steps:
              - id: "aggregate"
                component: "duckdb.processor"
                mode: "transform"
                config:
                  query: "SELECT 1"
            """);

        var result = Tool.RunIn(repo.Root, "schedule", "test", "p.oml", "--dry-run", "--from", "2026-01-01T00:00:00Z", "--to", "2026-01-01T04:00:00Z", "--format", "json");

        using var json = result.Json();
        var runs = json.RootElement.GetProperty("runs").EnumerateArray().ToList();
        // 01:00 starts on time and may run to 02:30; 02:00 waits until 02:30 and runs to 04:00; 03:00 waits until 04:00 ...
        Assert.Equal("2026-01-01T01:00:00Z", runs[0].GetProperty("start").GetString());
        Assert.Equal("queued", runs[1].GetProperty("state").GetString());
        Assert.Equal("2026-01-01T02:30:00Z", runs[1].GetProperty("start").GetString());
        Assert.Equal("2026-01-01T04:00:00Z", runs[2].GetProperty("start").GetString());
        Assert.Equal("2026-01-01T05:30:00Z", runs[3].GetProperty("start").GetString());
    }

    [Fact]
    public void WithoutDryRun_IsAUsageError()
    {
        var result = Tool.Run("schedule", "test", Prague);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("needs --dry-run", result.Err, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Out);
    }

    [Fact]
    public void MalformedOutage_IsAUsageError()
    {
        var result = Tool.Run("schedule", "test", Prague, "--dry-run", "--outage", "yesterday");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--outage 'yesterday' must be FROM..TO", result.Err, StringComparison.Ordinal);
    }
}
