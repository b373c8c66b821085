using NodaTime;
using NodaTime.Text;
using Osiris.Oml.Time;

namespace Osiris.Oml.Scheduling;

/// <summary>How times, dates and durations read in messages: invariant, short, unambiguous.</summary>
public static class TimeText
{
    private static readonly LocalTimePattern ClockPattern = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");
    private static readonly LocalDatePattern Day = LocalDatePattern.Iso;
    private static readonly OffsetPattern OffsetText = OffsetPattern.CreateWithInvariantCulture("+HH':'mm");

    /// <summary>"03:30 CEST", or "23:00 UTC-04:00" where the zone has no abbreviation.</summary>
    public static string Clock(Instant instant, DateTimeZone zone)
    {
        var zoned = instant.InZone(zone);
        return ClockPattern.Format(zoned.TimeOfDay) + " " + Abbreviation(zoned);
    }

    /// <summary>"2027-03-28 03:30 CEST".</summary>
    public static string DateAndClock(Instant instant, DateTimeZone zone)
        => Day.Format(instant.InZone(zone).Date) + " " + Clock(instant, zone);

    /// <summary>ISO date, 2027-03-28.</summary>
    public static string Date(LocalDate date) => Day.Format(date);

    /// <summary>"02:30".</summary>
    public static string Clock(LocalTime time) => ClockPattern.Format(time);

    /// <summary>"+05:30".</summary>
    public static string Offset(Offset offset) => OffsetText.Format(offset);

    /// <summary>The zone interval's abbreviation (CET, EDT), or UTC±hh:mm where TZDB has only a number.</summary>
    public static string Abbreviation(ZonedDateTime zoned)
    {
        var name = zoned.GetZoneInterval().Name;
        return name.Length == 0 || name[0] == '+' || name[0] == '-' || char.IsDigit(name[0])
            ? "UTC" + OffsetText.Format(zoned.Offset)
            : name;
    }

    /// <summary>"1h", "23h", "1h 30m", "45s", "2d 1h" (whole seconds).</summary>
    public static string Length(Duration duration)
    {
        var total = (long)System.Math.Abs(duration.TotalSeconds);
        return OmlDuration.Format(duration < Duration.Zero, total / 86_400, total % 86_400);
    }
}
