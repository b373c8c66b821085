using Osiris.Oml.Scheduling;
using static Osiris.Oml.Tests.Scheduling.ScheduleAssert;

namespace Osiris.Oml.Tests.Scheduling;

/// <summary>
/// Conventions of Dagster's real scheduler beyond <c>cron_string_iterator</c> itself, settled by its
/// code (dagster/_scheduler/scheduler.py and dagster/_utils/schedules.py).
/// </summary>
public sealed class DagsterSchedulerFacts
{
    // The scheduler asks for the next tick from the last tick + 1 second. From 12:00:01 local, the hourly
    // fast path of Dagster ≤ 1.12 goes back to the previous "minute 0" of the EPOCH (dagster#33448): in a
    // zone 30 minutes off whole hours that is local :30, a whole UTC hour, and every tick after it follows.
    // From exactly 12:00:00 the iterator would have taken its "already on a boundary" shortcut and stayed
    // on local :00 — but the scheduler never asks from a tick itself. PR #33474 (DagsterFixed) takes the
    // local minute and fires on local :00 either way.
    [Theory]
    [InlineData(ScheduleTarget.Dagster, "America/St_Johns", "2025-01-15T15:30:00Z", "2025-01-15 12:30-03:30, 2025-01-15 13:30-03:30, 2025-01-15 14:30-03:30")]
    [InlineData(ScheduleTarget.DagsterFixed, "America/St_Johns", "2025-01-15T15:30:00Z", "2025-01-15 13:00-03:30, 2025-01-15 14:00-03:30, 2025-01-15 15:00-03:30")]
    [InlineData(ScheduleTarget.Dagster, "America/St_Johns", "2025-07-15T14:30:00Z", "2025-07-15 12:30-02:30, 2025-07-15 13:30-02:30, 2025-07-15 14:30-02:30")]
    [InlineData(ScheduleTarget.Dagster, "Australia/Adelaide", "2025-06-09T23:30:00Z", "2025-06-10 09:30+09:30, 2025-06-10 10:30+09:30, 2025-06-10 11:30+09:30")]
    [InlineData(ScheduleTarget.DagsterFixed, "Australia/Adelaide", "2025-06-09T23:30:00Z", "2025-06-10 10:00+09:30, 2025-06-10 11:00+09:30, 2025-06-10 12:00+09:30")]
    [InlineData(ScheduleTarget.Dagster, "Australia/Adelaide", "2025-01-09T22:30:00Z", "2025-01-10 09:30+10:30, 2025-01-10 10:30+10:30, 2025-01-10 11:30+10:30")]
    [InlineData(ScheduleTarget.Dagster, "Australia/Broken_Hill", "2025-01-09T22:30:00Z", "2025-01-10 09:30+10:30, 2025-01-10 10:30+10:30, 2025-01-10 11:30+10:30")]
    [InlineData(ScheduleTarget.DagsterFixed, "Australia/Broken_Hill", "2025-01-09T22:30:00Z", "2025-01-10 10:00+10:30, 2025-01-10 11:00+10:30, 2025-01-10 12:00+10:30")]
    [InlineData(ScheduleTarget.Dagster, "Australia/Lord_Howe", "2025-06-09T22:30:00Z", "2025-06-10 09:30+10:30, 2025-06-10 10:30+10:30, 2025-06-10 11:30+10:30")]
    [InlineData(ScheduleTarget.DagsterFixed, "Australia/Lord_Howe", "2025-06-09T22:30:00Z", "2025-06-10 10:00+10:30, 2025-06-10 11:00+10:30, 2025-06-10 12:00+10:30")]
    public void Hourly_FiresOnWholeUtcHours_FromAStartThatIsALocalFullHour(ScheduleTarget target, string zone, string after, string expected)
    {
        Assert.Equal(expected, Fires(target, zone, "0 * * * *", after, 3));
    }

    // In Lord Howe's summer (+11:00) local :00 is a whole UTC hour, so both read the same.
    [Theory]
    [InlineData(ScheduleTarget.Dagster)]
    [InlineData(ScheduleTarget.DagsterFixed)]
    public void Hourly_FiresOnLocalFullHours_WhenTheOffsetIsAWholeHour(ScheduleTarget target)
    {
        Assert.Equal(
            "2025-01-10 10:00+11, 2025-01-10 11:00+11, 2025-01-10 12:00+11",
            Fires(target, "Australia/Lord_Howe", "0 * * * *", "2025-01-09T22:00:00Z", 3));
    }

    // The second the scheduler adds does not change a daily tick: from 02:30:01 the fast path goes back
    // to 02:30 that day and forward to 02:30 the next.
    [Theory]
    [InlineData(ScheduleTarget.Dagster)]
    [InlineData(ScheduleTarget.DagsterFixed)]
    public void Daily_FiresTheNextDay_FromAStartThatIsAFireTime(ScheduleTarget target)
    {
        Assert.Equal(
            "2025-01-16 02:30-03:30, 2025-01-17 02:30-03:30",
            Fires(target, "America/St_Johns", "30 2 * * *", "2025-01-15T06:00:00Z", 2));
    }

    // A time in a gap (hours 1-3) moves to the start of its hour + dst() of an hour later, and zoneinfo's
    // dst() comes from the TZif history: Inuvik's MDT was first entered from PST (UTC-8) in 1979, so it is
    // 2 hours, and 02:30 on 2025-03-09 becomes 04:00 MDT (10:00Z), not 03:00 (09:00Z). New York's EDT is
    // 1 hour as usual.
    [Theory]
    [InlineData(ScheduleTarget.Dagster, "America/Inuvik", "2025-03-09 04:00-06, 2025-03-10 02:30-06")]
    [InlineData(ScheduleTarget.DagsterFixed, "America/Inuvik", "2025-03-09 04:00-06, 2025-03-10 02:30-06")]
    [InlineData(ScheduleTarget.Dagster, "America/New_York", "2025-03-09 03:00-04, 2025-03-10 02:30-04")]
    public void GapTime_MovesForwardByZoneInfosDst(ScheduleTarget target, string zone, string expected)
    {
        var tz = NodaTime.DateTimeZoneProviders.Tzdb[zone];
        var after = new NodaTime.LocalDateTime(2025, 3, 8, 12, 0).InZoneLeniently(tz).ToInstant();

        Assert.Equal(expected, Local(ScheduleCalculator.GetFireTimes(Cron("30 2 * * *"), tz, after, 2, target), tz));
    }

    [Fact]
    public void GapTime_InInuvik_IsTenUtc()
        => Assert.Equal(
            Utc("2025-03-09T10:00:00Z"),
            ScheduleCalculator.GetFireTimes(Cron("30 2 * * *"), NodaTime.DateTimeZoneProviders.Tzdb["America/Inuvik"], Utc("2025-03-08T19:00:00Z"), 1, ScheduleTarget.Dagster).FireTimes[0]);
}
