using NodaTime;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Time;

namespace Osiris.Oml.Tests.Scheduling;

/// <summary>The fire times the schedule rules sample: cron expressions and intervals counted from their start.</summary>
public sealed class ScheduleSourceFacts
{
    private static readonly DateTimeZone Prague = DateTimeZoneProviders.Tzdb["Europe/Prague"];

    private static ScheduleSource Interval(string every, string? start)
        => ScheduleSource.TryCreate(null, OmlDuration.Parse(every), start, Prague, out _)!;

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

    /// <summary>
    /// The walk jumps over the stretches between a zone's transitions; it must land on the fires that
    /// stepping one calendar interval at a time from the start gives, in zones with gaps and folds of
    /// every kind: Samoa's skipped day, Lord Howe's half hour, Troll's two hours, Santiago and Havana
    /// at midnight, Dublin's negative DST, and Sitka's 24-hour fold of 1867 (Alaska changing sides of the date line).
    /// </summary>
    [Theory]
    [InlineData("Europe/Prague", "1d", "2026-03-28T02:30")]
    [InlineData("Europe/Prague", "1d", null)]
    [InlineData("Europe/Prague", "2d", "2021-10-30T02:30")]
    [InlineData("Europe/Prague", "1d 6h", "2024-01-01")]
    [InlineData("Europe/Prague", "7d", "1990-03-25T02:15")]
    [InlineData("Pacific/Apia", "1d", "2011-12-29T12:00")]
    [InlineData("Pacific/Apia", "1d", null)]
    [InlineData("Australia/Lord_Howe", "1d", "2025-10-05T02:15")]
    [InlineData("Australia/Lord_Howe", "1d 30m", "2020-04-05T01:45")]
    [InlineData("Antarctica/Troll", "1d", "2024-10-27T01:30")]
    [InlineData("America/Santiago", "1d", "2022-09-11")]
    [InlineData("America/Havana", "3d", null)]
    [InlineData("Europe/Dublin", "1d", "2023-10-29T01:30")]
    [InlineData("America/Sitka", "1d", "1867-10-17T12:00")]
    [InlineData("UTC", "1d", null)]
    public void CalendarDayInterval_LandsOnTheFiresOfAStepByStepWalk(string zoneId, string every, string? start)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var duration = OmlDuration.Parse(every)!.Value;
        var source = ScheduleSource.TryCreate(null, duration, start, zone, out _)!;
        var anchor = start is null
            ? new LocalDate(1970, 1, 1).AtStartOfDayInZone(zone).ToInstant()
            : ScheduleStart.Parse(start)!.Value.InZone(zone);

        // The reference: every fire from the anchor, one step at a time, to mid-2028.
        var walked = new List<Instant> { anchor };
        while (walked[^1] < Instant.FromUtc(2028, 6, 1, 0, 0))
        {
            walked.Add(duration.AddTo(walked[^1], zone));
        }

        foreach (var after in new[] { Instant.FromUtc(2026, 11, 27, 0, 0), Instant.FromUtc(2027, 3, 28, 0, 30), Instant.FromUtc(2027, 10, 31, 1, 0), anchor })
        {
            var expected = walked.Where(f => f > after).Take(20).ToArray();
            Assert.Equal(expected, source.Fires(ScheduleTarget.Airflow, after, 20));
        }
    }

    [Fact]
    public void Interval_WithoutStart_CountsFromMidnightOfTheEpochInTheZone()
    {
        var fire = Interval("7h", null).Fires(ScheduleTarget.Airflow, Instant.FromUtc(1970, 1, 1, 0, 0), 1)[0];
        Assert.Equal(new LocalDateTime(1970, 1, 1, 7, 0), fire.InZone(Prague).LocalDateTime);
    }
}
