using NodaTime;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Time;

namespace Osiris.Oml.Tests.Scheduling;

/// <summary>The public, model-free schedule facade: fire times, windows and retry delays from plain values.</summary>
public sealed class ScheduleDefinitionFacts
{
    private static readonly DateTimeZone Prague = DateTimeZoneProviders.Tzdb["Europe/Prague"];

    [Theory]
    [InlineData(ScheduleTarget.Airflow)]
    [InlineData(ScheduleTarget.PrefectPython312)]
    [InlineData(ScheduleTarget.PrefectPython313)]
    [InlineData(ScheduleTarget.Dagster)]
    [InlineData(ScheduleTarget.Native)]
    public void GetFireTimes_IsTheCalculatorsAnswer_AcrossTheSpringGap(ScheduleTarget target)
    {
        var schedule = ScheduleDefinition.FromCron("30 2 * * *", "Europe/Prague");
        var after = Instant.FromUtc(2026, 3, 27, 0, 0);

        var expected = ScheduleCalculator.GetFireTimes(CronExpression.Parse("30 2 * * *").Expression!, Prague, after, 8, target).FireTimes.Where(f => f > after).Take(5);

        Assert.Equal(expected, schedule.GetFireTimes(after, 5, target));
    }

    [Fact]
    public void GetFireTimes_IsStrictlyAfter_EvenWhenPrefectMovesAGapTimeBack()
    {
        // Prefect on Python ≤ 3.12 runs 02:30 of 2026-03-29 at 01:30 CET = 00:30Z; asked after 00:45Z it must not list it.
        var schedule = ScheduleDefinition.FromCron("30 2 * * *", "Europe/Prague");
        var after = Instant.FromUtc(2026, 3, 29, 0, 45);

        var fires = schedule.GetFireTimes(after, 3, ScheduleTarget.PrefectPython312);

        Assert.Equal(3, fires.Length);
        Assert.All(fires, f => Assert.True(f > after));
        Assert.Equal(Instant.FromUtc(2026, 3, 30, 0, 30), fires[0]);
    }

    [Fact]
    public void GetNextRuns_GivesOffsetsOfTheZone()
    {
        var runs = ScheduleDefinition.FromCron("0 2 * * *", "Europe/Prague").GetNextRuns(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), 2, ScheduleTarget.Airflow);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 0, 0, TimeSpan.FromHours(2)), runs[0]);
        Assert.Equal(TimeSpan.FromHours(2), runs[0].Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 2, 0, 0, TimeSpan.FromHours(2)), runs[1]);
    }

    [Fact]
    public void Rejection_IsNotSupportedException_WithTheTargetsReason()
    {
        var schedule = ScheduleDefinition.FromCron("30 0 12 * * *", "UTC");

        Assert.NotNull(schedule.CheckSupport(ScheduleTarget.Dagster));
        var ex = Assert.Throws<NotSupportedException>(() => schedule.GetFireTimes(Instant.FromUtc(2026, 1, 1, 0, 0), 1, ScheduleTarget.Dagster));
        Assert.Contains("Dagster accepts only 5-field cron strings", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0 2 * * *", "europe/prague", "Unknown time zone 'europe/prague'; did you mean 'Europe/Prague'?")]
    [InlineData("0 0 30 2 *", "UTC", "never fires")]
    [InlineData("61 * * * *", "UTC", "Invalid cron expression '61 * * * *'")]
    public void BadInput_GivesAReason(string cron, string zone, string reason)
    {
        Assert.False(ScheduleDefinition.TryCreate(cron, null, zone, null, out var schedule, out var error));
        Assert.Null(schedule);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ScheduleDefinition.FromCron(cron, zone));
    }

    [Fact]
    public void Interval_CountsFromItsStart_InTheZone()
    {
        var schedule = ScheduleDefinition.FromInterval(OmlDuration.Parse("1d")!.Value, "Europe/Prague", "2026-03-27T02:30");

        var fires = schedule.GetFireTimes(Instant.FromUtc(2026, 3, 27, 0, 0), 3, ScheduleTarget.Airflow);

        // A calendar day follows the clock; 02:30 on 03-29 does not exist and moves forward by the gap.
        Assert.Equal(
            new[] { Instant.FromUtc(2026, 3, 27, 1, 30), Instant.FromUtc(2026, 3, 28, 1, 30), Instant.FromUtc(2026, 3, 29, 1, 30) },
            fires);
        Assert.False(schedule.DependsOnTarget);
    }

    [Fact]
    public void Windows_SlidingAndTumbling_FollowRunWindow()
    {
        var sliding = ScheduleDefinition.FromCron("0 2 * * *", "UTC").WithWindow(new WindowDefinition(WindowKind.Sliding, OmlDuration.Parse("24h"), OmlDuration.Parse("-1h")!.Value));
        var run = sliding.GetRuns(Instant.FromUtc(2024, 1, 15, 0, 0), 1, ScheduleTarget.Airflow)[0];
        Assert.Equal(new RunWindow(Instant.FromUtc(2024, 1, 14, 1, 0), Instant.FromUtc(2024, 1, 15, 1, 0)), run.Window);

        // Tumbling: from the previous scheduled time, which the facade looks up for the first run.
        var tumbling = ScheduleDefinition.FromCron("0 */6 * * *", "UTC").WithWindow(new WindowDefinition(WindowKind.Tumbling, null, OmlDuration.Zero));
        var first = tumbling.GetRuns(Instant.FromUtc(2024, 1, 15, 1, 0), 1, ScheduleTarget.Airflow)[0];
        Assert.Equal(new RunWindow(Instant.FromUtc(2024, 1, 15, 0, 0), Instant.FromUtc(2024, 1, 15, 6, 0)), first.Window);
        Assert.Null(ScheduleDefinition.FromCron("0 2 * * *", "UTC").GetWindow(Instant.FromUtc(2024, 1, 15, 2, 0), null));
    }

    [Theory]
    [InlineData(ScheduleTarget.Airflow, new[] { 300L, 600, 1200 }, new[] { 599L, 1199, 2399 })]
    [InlineData(ScheduleTarget.PrefectPython313, new[] { 300L, 600, 1200 }, new[] { 300L, 600, 1200 })]
    [InlineData(ScheduleTarget.Dagster, new[] { 300L, 900, 2100 }, new[] { 300L, 900, 2100 })]
    public void RetryDelays_FollowTheTargetsFormula(ScheduleTarget target, long[] minimum, long[] maximum)
    {
        var schedule = ScheduleDefinition.FromCron("0 2 * * *", "UTC").WithRetry(new RetryPolicy(3, new OmlDuration(0, 300), BackoffKind.Exponential, null));

        var delays = schedule.GetRetryDelays(target);

        Assert.Equal(minimum, delays.Select(d => (long)d.Minimum.TotalSeconds));
        Assert.Equal(maximum, delays.Select(d => (long)d.Maximum.TotalSeconds));
    }

    [Fact]
    public void RenderPlaceholders_FillsWindowBounds_AndLeavesOtherPlaceholders()
    {
        var window = new RunWindow(Instant.FromUtc(2026, 3, 28, 23, 0), Instant.FromUtc(2026, 3, 29, 23, 0));

        var text = WindowFormats.RenderPlaceholders("a >= '${window.start}' AND a < '${window.end:iso}' AND u = '${window.end:utc}' AND ${params.x} ${window.start:bogus}", window, Prague);

        Assert.Equal("a >= '2026-03-29 00:00:00' AND a < '2026-03-30T01:00:00+02:00' AND u = '2026-03-29 23:00:00' AND ${params.x} ${window.start:bogus}", text);
    }
}
