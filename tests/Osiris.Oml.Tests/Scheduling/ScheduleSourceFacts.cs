using NodaTime;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Time;

namespace Osiris.Oml.Tests.Scheduling;

/// <summary>The fire times the schedule rules sample: cron expressions and intervals counted from their start.</summary>
public sealed class ScheduleSourceFacts
{
    private static readonly DateTimeZone Prague = DateTimeZoneProviders.Tzdb["Europe/Prague"];

    private static ScheduleSource Interval(string every, string? start)
        => ScheduleSource.TryCreate(new ScheduleModel(ScheduleKind.Interval, null, OmlDuration.Parse(every), Prague.Id, start, null, null, null, null, null), Prague, out _)!;

    [Fact]
    public void CalendarDayInterval_KeepsATimeMovedOutOfAGap()
    {
        // 02:30 on 2026-03-29 does not exist in Prague: the run moves to 03:30 and the next days follow it.
        var fires = Interval("1d", "2026-03-28T02:30").Fires(ScheduleTarget.Airflow, Instant.FromUtc(2026, 11, 27, 0, 0), 3);
        Assert.All(fires, f => Assert.Equal(new LocalTime(3, 30), f.InZone(Prague).TimeOfDay));
    }

    [Fact]
    public void CalendarDayInterval_ResumingTheWalk_GivesTheFiresOfAFreshWalk()
    {
        var resumed = Interval("1d", "2026-03-28T02:30");
        var afters = new[]
        {
            Instant.FromUtc(2026, 11, 27, 0, 0),
            Instant.FromUtc(2026, 4, 1, 0, 0),
            Instant.FromUtc(2027, 6, 1, 12, 0),
            Instant.FromUtc(2027, 6, 1, 12, 0),
            Instant.FromUtc(2020, 1, 1, 0, 0),
        };
        foreach (var after in afters)
        {
            Assert.Equal(Interval("1d", "2026-03-28T02:30").Fires(ScheduleTarget.Airflow, after, 40), resumed.Fires(ScheduleTarget.Airflow, after, 40));
        }
    }

    [Fact]
    public void Interval_WithoutStart_CountsFromMidnightOfTheEpochInTheZone()
    {
        var fire = Interval("7h", null).Fires(ScheduleTarget.Airflow, Instant.FromUtc(1970, 1, 1, 0, 0), 1)[0];
        Assert.Equal(new LocalDateTime(1970, 1, 1, 7, 0), fire.InZone(Prague).LocalDateTime);
    }
}
