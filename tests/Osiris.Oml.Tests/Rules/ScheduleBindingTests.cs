using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Tests.Support;
using Osiris.Oml.Time;

namespace Osiris.Oml.Tests.Rules;

/// <summary>The schedule block's fields (OML-SPEC §2): types, durations, ranges, zones, keys.</summary>
public sealed class ScheduleBindingTests
{
    /// <summary>A scheduled 0.2.0 pipeline; <paramref name="schedule"/> is the block's body, indented two spaces.</summary>
    internal static string Pipeline(string schedule) => $"""
        oml_version: "0.2.0"
        name: "orders"
        metadata:
          owner: "data@company.com"
        schedule:
        {Indent(schedule)}
        steps:
          - id: "extract"
            component: "mysql.extractor"
            mode: "read"
            config:
              connection: "@mysql.primary"
              table: "orders"
        """;

    private static string Indent(string block) => string.Join("\n", block.Split('\n').Select(l => "  " + l));

    [Fact]
    public void Bind_ReadsEveryField_WhenScheduleIsComplete()
    {
        var analysis = OmlMarkup.Analyze("""
            oml_version: "0.2.0"
            name: "orders"
            schedule:
              type: "cron"
              expression: "0 2 * * *"
              timezone: "UTC"
              start: "2024-01-01"
              retry: {attempts: 3, delay: 300, backoff: "exponential", max_delay: "1h"}
              timeout: "1h30m"
              concurrency: 1
              catchup: false
              window: {type: "sliding", size: "24h", offset: "-1h", field: "updated_at"}
            steps:
              - id: "extract"
                component: "mysql.extractor"
                mode: "read"
                config:
                  connection: "@mysql.primary"
                  query: "SELECT * FROM orders WHERE updated_at >= '${window.start}' AND updated_at < '${window.end}'"
            """);

        var schedule = analysis.Pipeline!.Schedule!;
        Assert.Equal(ScheduleKind.Cron, schedule.Kind);
        Assert.Equal("0 2 * * *", schedule.Expression);
        Assert.Equal("UTC", schedule.TimeZone);
        Assert.Equal("2024-01-01", schedule.Start);
        Assert.Equal(new RetryPolicy(3, new OmlDuration(0, 300), BackoffKind.Exponential, new OmlDuration(0, 3600)), schedule.Retry);
        Assert.Equal(new OmlDuration(0, 5400), schedule.Timeout);
        Assert.Equal(1, schedule.Concurrency);
        Assert.False(schedule.Catchup);
        Assert.Equal(new WindowModel(WindowKind.Sliding, new OmlDuration(0, 86_400), new OmlDuration(0, -3600), "updated_at"), schedule.Window);
    }

    [Fact]
    public void Bind_DefaultsToUtcAndCron()
    {
        var schedule = OmlMarkup.Analyze(Pipeline("expression: \"@daily\"")).Pipeline!.Schedule!;

        Assert.Equal(ScheduleKind.Cron, schedule.Kind);
        Assert.Equal("UTC", schedule.TimeZone);
    }

    [Fact]
    public void Bind_IsQuiet_ForAnIntervalSchedule()
        => OmlMarkup.Quiet(Pipeline("type: interval\nevery: \"15m\""));

    [Theory]
    [InlineData("expression: \"0 2 * * *\"\ntimeout: {|OSI0204:-5|}", "'schedule.timeout' must be a positive duration of at most 7 days such as 3600 or \"1h\", not '-5'")]
    [InlineData("expression: \"0 2 * * *\"\ntimeout: {|OSI0204:\"10y\"|}", "'schedule.timeout' must be a positive duration of at most 7 days such as 3600 or \"1h\", not '10y'")]
    [InlineData("expression: \"0 2 * * *\"\ntimeout: {|OSI0204:\"30d\"|}", "'schedule.timeout' must be a positive duration of at most 7 days such as 3600 or \"1h\", not '30d'")]
    [InlineData("expression: \"0 2 * * *\"\nconcurrency: {|OSI0204:0|}", "'schedule.concurrency' must be a whole number of runs from 1 to 1000 (1 means one run at a time), not '0'")]
    [InlineData("expression: \"0 2 * * *\"\nconcurrency: {|OSI0204:\"two\"|}", "'schedule.concurrency' must be a whole number of runs from 1 to 1000 (1 means one run at a time), not 'two'")]
    [InlineData("expression: \"0 2 * * *\"\nretry: {attempts: {|OSI0204:-1|}}", "'schedule.retry.attempts' must be the number of retries after the first try, from 0 to 100, not '-1'")]
    [InlineData("expression: \"0 2 * * *\"\nretry: {attempts: 2, delay: {|OSI0204:\"2d\"|}}", "'schedule.retry.delay' must be a duration from 0 to 1 day such as 300 or \"5m\", not '2d'")]
    [InlineData("expression: \"0 2 * * *\"\nretry: {attempts: 2, backoff: {|OSI0204:\"expo\"|}}", "'schedule.retry.backoff' must be fixed, linear or exponential, not 'expo'")]
    [InlineData("expression: \"0 2 * * *\"\nretry: {attempts: 2, delay: 600, max_delay: {|OSI0204:60|}}", "'schedule.retry.max_delay' (1m) is shorter than the delay (10m), so no retry can wait as long as the delay says; make max_delay at least the delay")]
    [InlineData("expression: \"0 2 * * *\"\nretry: {attempts: {|OSI0204:0|}, delay: 60}", "'schedule.retry.attempts' is 0, so the delay and backoff never apply; set the number of retries or remove the retry block")]
    [InlineData("type: {|OSI0204:crontab|}\nexpression: \"0 2 * * *\"", "'schedule.type' must be cron or interval, not 'crontab'")]
    [InlineData("type: interval\nevery: {|OSI0204:\"10s\"|}", "'schedule.every' must be a duration of at least one minute such as \"15m\" or \"1h\", not '10s'")]
    [InlineData("expression: \"0 2 * * *\"\nstart: {|OSI0204:\"yesterday\"|}", "'schedule.start' must be a date such as \"2024-01-01\" or a local date and time such as \"2024-01-01T02:00:00\" in the schedule's zone, not 'yesterday'")]
    public void Bind_ReportsOSI0204AtTheValue_WhenValueIsInvalidOrAbsurd(string schedule, string message)
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline(schedule)));
        Assert.Equal(message, d.GetMessage());
    }

    [Theory]
    [InlineData("expression: \"0 2 * * *\"\ntimezone: {|OSI0203:\"Europe/Pargue\"|}", "Unknown time zone 'Europe/Pargue' (did you mean 'Europe/Prague'?); use an IANA time zone id such as Europe/Prague or UTC (TZDB 2026f)")]
    [InlineData("expression: \"0 2 * * *\"\ntimezone: {|OSI0203:\"CEST\"|}", "Unknown time zone 'CEST' (did you mean 'Europe/Berlin'?); use an IANA time zone id such as Europe/Prague or UTC (TZDB 2026f)")]
    public void Bind_ReportsOSI0203AtTheZone_WhenZoneIsUnknown(string schedule, string message)
        => Assert.Equal(message, Assert.Single(OmlMarkup.Verify(Pipeline(schedule))).GetMessage());

    [Theory]
    [InlineData("\"UTC+2\"", "Etc/GMT-2")]
    [InlineData("\"GMT-05:00\"", "Etc/GMT+5")]
    public void Bind_SuggestsTheInvertedEtcZone_ForUtcOffsets(string zone, string suggestion)
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline($"expression: \"0 2 * * *\"\ntimezone: {{|OSI0203:{zone}|}}")));
        Assert.Contains($"(did you mean '{suggestion}'? tz database names invert the sign", d.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("EST", "-05:00", "America/New_York")]
    [InlineData("MST", "-07:00", "America/Denver")]
    public void Bind_WarnsOSI0216_ForFixedOffsetAbbreviations(string zone, string offset, string meant)
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline($"expression: \"0 12 * * *\"\ntimezone: {{|OSI0216:\"{zone}\"|}}")));
        Assert.Equal($"'{zone}' is a fixed UTC{offset} zone without daylight saving time; if the pipeline follows the local clock of that region, use {meant}", d.GetMessage());
    }

    [Theory]
    [InlineData("America/New_York")]
    [InlineData("Etc/GMT+5")]
    [InlineData("UTC")]
    public void Bind_IsQuiet_ForCityAndExplicitOffsetZones(string zone)
        => OmlMarkup.Quiet(Pipeline($"expression: \"0 12 * * *\"\ntimezone: \"{zone}\""));

    [Theory]
    [InlineData("{|OSI0207:timezone|}: \"UTC\"")]
    [InlineData("type: interval\n{|OSI0207:expression|}: \"0 2 * * *\"")]
    [InlineData("expression: \"0 2 * * *\"\n{|OSI0207:every|}: \"1h\"")]
    [InlineData("type: interval\nevery: \"1h\"\n{|OSI0207:expression|}: \"0 2 * * *\"")]
    public void Bind_ReportsOSI0207_WhenScheduleDoesNotSayWhenToRun(string schedule)
        => OmlMarkup.Verify(Pipeline(schedule));

    [Fact]
    public void Bind_ReportsOSI0205WithASuggestion_WhenKeyIsUnknown()
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline("expression: \"0 2 * * *\"\n{|OSI0205:timeout_s|}: 60")));
        Assert.Equal("Unknown key 'timeout_s' in schedule (did you mean 'timeout'?); the known keys are type, expression, every, timezone, start, retry, timeout, concurrency, catchup, window", d.GetMessage());
        Assert.Equal("schedule.timeout_s", d.Path);
    }

    [Theory]
    [InlineData("{|OSI0205:cron|}: \"0 2 * * *\"\nexpression: \"0 2 * * *\"", "cron", "expression", "schedule")]
    [InlineData("expression: \"0 2 * * *\"\n{|OSI0205:tz|}: \"UTC\"", "tz", "timezone", "schedule")]
    [InlineData("expression: \"0 2 * * *\"\n{|OSI0205:max_active_runs|}: 1", "max_active_runs", "concurrency", "schedule")]
    [InlineData("expression: \"0 2 * * *\"\nretry: {attempts: 2, {|OSI0205:retry_delay_seconds|}: 60}", "retry_delay_seconds", "delay", "schedule.retry")]
    [InlineData("expression: \"0 2 * * *\"\nretry: {{|OSI0205:max_retries|}: 2}", "max_retries", "attempts", "schedule.retry")]
    public void Bind_ReportsOSI0205WithTheOmlKey_WhenKeyIsAnotherToolsName(string schedule, string key, string meant, string block)
    {
        // Too far from any OML key for a spelling suggestion, but what Airflow, Prefect, Dagster or a
        // crontab call the same setting.
        var d = Assert.Single(OmlMarkup.Verify(Pipeline(schedule)));
        Assert.StartsWith($"Unknown key '{key}' in {block} (did you mean '{meant}'?); the known keys are", d.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(meant, d.Suggestion?.Replacement);
    }

    [Theory]
    [InlineData("expression: {|OSI0104:[0, 2]|}")]
    [InlineData("expression: \"0 2 * * *\"\ncatchup: {|OSI0104:\"no\"|}")]
    [InlineData("expression: \"0 2 * * *\"\nretry: {|OSI0104:3|}")]
    [InlineData("expression: \"0 2 * * *\"\nwindow: {|OSI0104:24h|}")]
    public void Bind_ReportsOSI0104_WhenValueHasTheWrongType(string schedule)
        => OmlMarkup.Verify(Pipeline(schedule));

    [Fact]
    public void Bind_ReportsOSI0104_WhenScheduleIsNotAMapping()
        => OmlMarkup.Verify("""
            oml_version: "0.2.0"
            name: "orders"
            metadata: {owner: "data@company.com"}
            schedule: {|OSI0104:"0 2 * * *"|}
            steps:
              - id: "extract"
                component: "mysql.extractor"
                mode: "read"
                config: {connection: "@mysql.primary", table: "orders"}
            """);

    [Theory]
    [InlineData("expression: \"0 2 * * *\"\n{|OSI0204:window|}: {type: sliding, offset: \"-1h\", field: updated_at}")]
    [InlineData("expression: \"0 2 * * *\"\n{|OSI0204:window|}: {size: \"24h\"}")]
    [InlineData("expression: \"0 2 * * *\"\nwindow: {type: {|OSI0204:rolling|}, size: \"24h\", field: updated_at}")]
    [InlineData("expression: \"0 2 * * *\"\nwindow: {size: {|OSI0204:\"0s\"|}, field: updated_at}")]
    public void Bind_ReportsOSI0204_WhenWindowIsIncomplete(string schedule)
    {
        // These pipelines do not use ${window.*}: that is reported too (OSI0208), so mark only what is asserted here.
        var analysis = OmlMarkup.Analyze(OmlMarkup.Parse(Pipeline(schedule)).Text);
        var (_, expected) = OmlMarkup.Parse(Pipeline(schedule));
        Assert.Contains(analysis.Diagnostics, d => d.Id == "OSI0204" && d.Span.Start == expected[0].Start && d.Span.End == expected[0].End);
    }

    [Theory]
    [InlineData("schedule")]
    [InlineData("metadata")]
    public void Bind_ReportsOSI0206_When020BlockIsInA010File(string block)
    {
        var d = Assert.Single(OmlMarkup.Verify($$"""
            oml_version: "0.1.0"
            name: "orders"
            {|OSI0206:{{block}}|}:
              {{(block == "schedule" ? "expression: \"0 2 * * *\"" : "owner: \"data@company.com\"")}}
            steps:
              - id: "extract"
                component: "mysql.extractor"
                mode: "read"
                config: {connection: "@mysql.primary", table: "orders"}
            """, OmlAnalysisOptions.Default with { Policy = Osiris.Oml.Settings.PolicySettings.Default with { OwnerRequired = Osiris.Oml.Settings.OwnerRequirement.Never } }));
        Assert.Equal($"'{block}' is an OML 0.2.0 block, but the file declares oml_version '0.1.0'; set oml_version: \"0.2.0\"", d.GetMessage());
    }
}
