using NodaTime;
using NodaTime.Text;

namespace Osiris.Oml.Time;

/// <summary>
/// A schedule's <c>start</c> as OML writes it: a date (<c>2024-01-01</c>, which starts at the
/// beginning of that day) or a local date and time (<c>2024-01-01T02:00</c> or
/// <c>2024-01-01T02:00:00</c>), both in the schedule's zone.
/// </summary>
/// <param name="Value">The local date and time (midnight for a date).</param>
/// <param name="IsDate">Whether only a date was written.</param>
internal readonly record struct ScheduleStart(LocalDateTime Value, bool IsDate)
{
    private static readonly LocalDateTimePattern WithoutSeconds = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    /// <summary>Reads <paramref name="text"/>; null when it is neither a date nor a local date and time.</summary>
    public static ScheduleStart? Parse(string text)
    {
        var date = LocalDatePattern.Iso.Parse(text);
        if (date.Success)
        {
            return new ScheduleStart(date.Value.AtMidnight(), IsDate: true);
        }

        var dateTime = LocalDateTimePattern.GeneralIso.Parse(text);
        if (!dateTime.Success)
        {
            dateTime = WithoutSeconds.Parse(text);
        }

        return dateTime.Success ? new ScheduleStart(dateTime.Value, IsDate: false) : null;
    }

    /// <summary>
    /// The instant the start names in <paramref name="zone"/>: the first instant of the date, or the
    /// local time resolved leniently (a time in a gap moves forward by the gap, a repeated time is
    /// its first pass). Never throws.
    /// </summary>
    public Instant InZone(DateTimeZone zone)
    {
        if (!IsDate)
        {
            return Value.InZoneLeniently(zone).ToInstant();
        }

        // NodaTime's AtStartOfDay, except that a day the zone skips entirely (Pacific/Apia on
        // 2011-12-30) starts when the clocks resume instead of throwing.
        var midnight = zone.MapLocal(Value);
        return midnight.Count == 0 ? midnight.LateInterval.Start : midnight.First().ToInstant();
    }
}
