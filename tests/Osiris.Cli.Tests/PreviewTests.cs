using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using Osiris.Cli.Tests.Support;
using Osiris.Oml.Scheduling;

namespace Osiris.Cli.Tests;

/// <summary><c>osiris schedule preview</c>: runs in a target's semantics, windows, rendered queries.</summary>
public sealed class PreviewTests
{
    private const string Seed = "samples/PipelineRepository/pipelines/daily_customer_sync.oml";

    [Fact]
    public void Json_IsExactlyTheContractedObject()
    {
        var result = Tool.Run("schedule", "preview", Seed, "--from", "2024-01-15T00:00:00Z", "--count", "2", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Err);
        using var json = result.Json();
        var root = json.RootElement;
        Assert.Equal(new[] { "pipeline", "target", "timezone", "tzdb", "runs" }, root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("daily_customer_sync", root.GetProperty("pipeline").GetString());
        Assert.Equal("airflow", root.GetProperty("target").GetString());
        Assert.Equal("UTC", root.GetProperty("timezone").GetString());
        Assert.Equal("2026f", root.GetProperty("tzdb").GetString());
        var run = root.GetProperty("runs")[0];
        Assert.Equal(new[] { "utc", "local", "window" }, run.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("2024-01-15T02:00:00Z", run.GetProperty("utc").GetString());
        Assert.Equal("2024-01-15T02:00:00+00:00", run.GetProperty("local").GetString());
        // size 24h, offset -1h: [fire - 25h, fire - 1h).
        Assert.Equal("2024-01-14T01:00:00Z", run.GetProperty("window").GetProperty("start").GetString());
        Assert.Equal("2024-01-15T01:00:00Z", run.GetProperty("window").GetProperty("end").GetString());
        Assert.Equal(2, root.GetProperty("runs").GetArrayLength());
    }

    [Theory]
    [InlineData("Europe/Prague", "30 2 * * *", "2026-03-27T00:00:00Z")] // spring forward: 02:30 does not exist on 03-29
    [InlineData("Europe/Prague", "30 2 * * *", "2026-10-23T00:00:00Z")] // fall back: 02:30 twice on 10-25
    [InlineData("Europe/Prague", "0 * * * *", "2026-10-24T22:00:00Z")]
    [InlineData("America/New_York", "30 2 * * *", "2026-03-06T00:00:00Z")] // 02:30 does not exist on 03-08
    [InlineData("America/New_York", "30 1 * * *", "2026-10-30T00:00:00Z")] // 01:30 twice on 11-01
    [InlineData("America/New_York", "*/30 1 * * *", "2026-10-31T12:00:00Z")]
    public void DstCrossingPreview_FollowsTheTargetsCalculator(string zone, string cron, string from)
    {
        using var repo = new TempRepo();
        repo.Write("p.oml", $$"""
            oml_version: "0.2.0"
            name: "dst_preview"
            metadata:
              owner: "data@company.com"
            schedule:
              expression: "{{cron}}"
              timezone: "{{zone}}"
            steps:
              - id: "aggregate"
                component: "duckdb.processor"
                mode: "transform"
                config:
                  query: "SELECT 1"
            """);
        var after = InstantPattern.ExtendedIso.Parse(from).Value;
        var expression = CronExpression.Parse(cron).Expression!;
        var tz = DateTimeZoneProviders.Tzdb[zone];

        foreach (var (name, target) in new[]
        {
            ("airflow", ScheduleTarget.Airflow), ("prefect", ScheduleTarget.PrefectPython312), ("prefect-py313", ScheduleTarget.PrefectPython313),
            ("dagster", ScheduleTarget.Dagster), ("dagster-fixed", ScheduleTarget.DagsterFixed), ("native", ScheduleTarget.Native),
        })
        {
            var result = Tool.RunIn(repo.Root, "schedule", "preview", "p.oml", "--from", from, "--count", "6", "--target", name, "--format", "json");
            Assert.Equal(0, result.ExitCode);
            using var json = result.Json();
            var runs = json.RootElement.GetProperty("runs").EnumerateArray()
                .Select(r => (Utc: r.GetProperty("utc").GetString()!, Local: r.GetProperty("local").GetString()!))
                .ToList();

            var expected = ScheduleCalculator.GetFireTimes(expression, tz, after, 12, target).FireTimes
                .Where(f => f > after)
                .Take(6)
                .Select(f => (Utc: InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'").Format(f),
                              Local: OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>").Format(f.InZone(tz).ToOffsetDateTime())))
                .ToList();
            Assert.Equal(expected, runs);
            Assert.Equal(name, json.RootElement.GetProperty("target").GetString());
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("runs")[0].GetProperty("window").ValueKind);
        }
    }

    [Fact]
    public void NewYorkGap_DiffersPerTarget_AsTheOracleSays()
    {
        // ny-gap-0230 (SCHEDULE-SEMANTICS.md §5): Airflow 03:30 EDT, Prefect ≤3.12 01:30 EST, Dagster 03:00 EDT.
        using var repo = new TempRepo();
        repo.Write("p.oml", """
            oml_version: "0.2.0"
            name: "ny"
            metadata:
              owner: "data@company.com"
            schedule:
              expression: "30 2 * * *"
              timezone: "America/New_York"
            steps:
              - id: "aggregate"
                component: "duckdb.processor"
                mode: "transform"
                config:
                  query: "SELECT 1"
            """);
        string Second(string target)
        {
            using var json = Tool.RunIn(repo.Root, "schedule", "preview", "p.oml", "--from", "2025-03-07T12:00:00Z", "--count", "2", "--target", target, "--format", "json").Json();
            return json.RootElement.GetProperty("runs")[1].GetProperty("local").GetString()!;
        }

        Assert.Equal("2025-03-09T03:30:00-04:00", Second("airflow"));
        Assert.Equal("2025-03-09T01:30:00-05:00", Second("prefect"));
        Assert.Equal("2025-03-09T03:30:00-04:00", Second("prefect-py313"));
        Assert.Equal("2025-03-09T03:00:00-04:00", Second("dagster"));
    }

    [Fact]
    public void IntervalSchedule_IsPreviewedFromItsStart()
    {
        using var repo = new TempRepo();
        repo.Write("p.oml", """
            oml_version: "0.2.0"
            name: "every_90m"
            metadata:
              owner: "data@company.com"
            schedule:
              type: "interval"
              every: "90m"
              start: "2026-01-01T00:00"
              timezone: "Europe/Prague"
            steps:
              - id: "aggregate"
                component: "duckdb.processor"
                mode: "transform"
                config:
                  query: "SELECT 1"
            """);

        var result = Tool.RunIn(repo.Root, "schedule", "preview", "p.oml", "--from", "2026-01-01T00:00:00Z", "--count", "3", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = result.Json();
        // The start is 00:00 in Prague = 2025-12-31T23:00Z; every 90 minutes after that.
        Assert.Equal(
            new[] { "2026-01-01T00:30:00Z", "2026-01-01T02:00:00Z", "2026-01-01T03:30:00Z" },
            json.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("utc").GetString()).ToArray());
    }

    [Fact]
    public void Text_ShowsLocalAndUtc_Windows_RenderedQuery_AndNoRowEstimate()
    {
        var result = Tool.Run("schedule", "preview", Seed, "--from", "2024-01-15", "--count", "2");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("WHERE updated_at >= '2024-01-14 01:00:00'", result.Out, StringComparison.Ordinal);
        Assert.Contains("AND updated_at < '2024-01-15 01:00:00'", result.Out, StringComparison.Ordinal);
        Assert.Contains("Rows: not estimated", result.Out, StringComparison.Ordinal);
        Golden.Check("preview-seed.txt", result.Out);
    }

    [Fact]
    public void DefaultTarget_IsTheFirstOfTheRepositorysTargets()
    {
        using var repo = new TempRepo();
        repo.Write(".globalconfig", "is_global = true\nosiris_targets = dagster, prefect\nosiris_prefect_python = 3.13\n");
        repo.Write("p.oml", ValidateTests.Pipeline("alpha", null).Replace("steps:", "schedule:\n  expression: \"0 3 * * *\"\nsteps:", StringComparison.Ordinal));

        using var json = Tool.RunIn(repo.Root, "schedule", "preview", "p.oml", "--format", "json").Json();

        // Airflow, Prefect, Dagster is the order; Airflow is not a target, so Prefect on Python 3.13.
        Assert.Equal("prefect-py313", json.RootElement.GetProperty("target").GetString());
    }

    [Fact]
    public void PipelineWithoutSchedule_ExitsOne_WithTheReasonOnStderr()
    {
        var result = Tool.Run("schedule", "preview", "samples/PipelineRepository/pipelines/csv-export.oml");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Contains("has no schedule block", result.Err, StringComparison.Ordinal);
    }
}
