using NodaTime;
using Osiris.Oml.Scheduling;

namespace Osiris.Oml.Tests.Scheduling;

/// <summary>
/// croniter's naive search (<see cref="CronExpression.GetNextLocalTime"/>), including the quirks
/// that Airflow, Prefect and Dagster inherit. Times are wall-clock, no zone involved.
/// </summary>
public sealed class CroniterSearchFacts
{
    [Theory]

    // day-of-month OR day-of-week (Vixie) unless dayOr is false (Prefect's day_or=False)
    [InlineData("0 0 1 * MON", true, "2025-01-01T00:00", "2025-01-06T00:00")]
    [InlineData("0 0 1 * MON", false, "2025-01-01T00:00", "2025-09-01T00:00")]
    [InlineData("0 0 13 * 5", true, "2025-01-01T00:00", "2025-01-03T00:00")]
    [InlineData("0 0 13 * 5", false, "2025-01-01T00:00", "2025-06-13T00:00")]

    // an nth weekday still applies in the day-of-month half of the OR: "10 * 1#2" skips 2025-01-10
    [InlineData("0 0 10 * 1#2", true, "2025-01-01T00:00", "2025-01-13T00:00")]

    // croniter's "31,L": from the 29th of a 30-day month the 31 matches first and L is skipped
    [InlineData("0 0 31,L * *", true, "2025-04-29T00:00", "2025-05-31T00:00")]
    [InlineData("0 0 L * *", true, "2025-04-29T00:00", "2025-04-30T00:00")]

    // 5-5 is the whole cycle in croniter, 22-2/3 skips to 2 (not 1) after midnight
    [InlineData("5-5 * * * *", true, "2025-01-01T00:00", "2025-01-01T00:01")]
    [InlineData("0 22-2/3 * * *", true, "2025-01-01T23:00", "2025-01-02T02:00")]

    // last Friday, second Monday, Sunday as 7, leap day
    [InlineData("0 0 * * L5", true, "2025-02-01T00:00", "2025-02-28T00:00")]
    [InlineData("0 0 * * 1#2", true, "2025-02-11T00:00", "2025-03-10T00:00")]
    [InlineData("0 0 * * 7", true, "2025-01-01T00:00", "2025-01-05T00:00")]
    [InlineData("0 0 29 2 *", true, "2025-01-01T00:00", "2028-02-29T00:00")]

    // seconds are the LAST field: "30 0 12 * * *" fires every second of 00:30 on the 12th
    [InlineData("30 0 12 * * *", true, "2025-01-12T00:30:00", "2025-01-12T00:30:01")]
    [InlineData("0 0 1 1 * 0 2027", true, "2025-06-01T00:00", "2027-01-01T00:00")]

    // strictly after, from a time between matches
    [InlineData("*/15 * * * *", true, "2025-01-01T10:15:30", "2025-01-01T10:30")]
    public void GetNextLocalTime_MatchesCroniter(string text, bool dayOr, string after, string expected)
    {
        var next = ScheduleAssert.Cron(text).GetNextLocalTime(Local(after), dayOr);

        Assert.Equal(Local(expected), next);
    }

    [Theory]
    [InlineData("0 0 30 2 *")]
    [InlineData("0 0 30 2 MON")]
    [InlineData("0 0 1 * 1#2")]
    [InlineData("0 0 1 1 * 0 2027")]
    public void GetNextLocalTime_ReturnsNull_WhenCroniterGivesUp(string text)
        => Assert.Null(ScheduleAssert.Cron(text).GetNextLocalTime(new LocalDateTime(2028, 1, 1, 0, 0)));

    [Fact]
    public void TryGetPrevious_MirrorsGetNext_ForDagstersLookBack()
    {
        var spec = ScheduleAssert.Cron("30 2 * * 1-5").Croniter!;
        var start = CivilTime.FromLocalDateTime(new LocalDateTime(2025, 3, 10, 2, 30)).ToSeconds();

        Assert.True(CroniterSearch.TryGetPrevious(spec, start, dayOr: true, out var previous));
        Assert.Equal(new LocalDateTime(2025, 3, 7, 2, 30), CivilTime.FromSeconds(previous).ToLocalDateTime());
    }

    private static LocalDateTime Local(string text)
        => NodaTime.Text.LocalDateTimePattern.ExtendedIso.Parse(text.Length == 16 ? text + ":00" : text).Value;
}
