namespace Osiris.Oml.Scheduling;

/// <summary>The result of croniter's <c>expand()</c> for one expression, ready for the search loop.</summary>
internal sealed class CroniterSpec
{
    /// <summary>Bit for the "last" (<c>L5</c>) entry in <see cref="NthMasks"/>; bits 1-5 are the nth weeks.</summary>
    public const int LastNthBit = 1 << 6;

    public CroniterSpec(
        int fieldCount,
        CroniterFieldSet minute,
        CroniterFieldSet hour,
        CroniterFieldSet dayOfMonth,
        CroniterFieldSet month,
        CroniterFieldSet dayOfWeek,
        CroniterFieldSet? second,
        CroniterFieldSet? year,
        byte[]? nthMasks)
    {
        FieldCount = fieldCount;
        Minute = minute;
        Hour = hour;
        DayOfMonth = dayOfMonth;
        Month = month;
        DayOfWeek = dayOfWeek;
        Second = second;
        Year = year;
        NthMasks = nthMasks;
    }

    /// <summary>5, 6 or 7: with more than 5, croniter searches by the second instead of the minute.</summary>
    public int FieldCount { get; }

    public CroniterFieldSet Minute { get; }

    public CroniterFieldSet Hour { get; }

    public CroniterFieldSet DayOfMonth { get; }

    public CroniterFieldSet Month { get; }

    public CroniterFieldSet DayOfWeek { get; }

    public CroniterFieldSet? Second { get; }

    public CroniterFieldSet? Year { get; }

    /// <summary>
    /// croniter's <c>nth_weekday_of_month</c>, indexed by weekday (0 = Sunday), or null when the
    /// expression has no <c>#</c>/<c>L5</c>. When present it replaces the plain day-of-week test.
    /// </summary>
    public byte[]? NthMasks { get; }

    /// <summary>
    /// croniter's condition for Vixie OR: neither day list starts with <c>'*'</c>.
    /// </summary>
    public bool DaysBothRestricted => !DayOfMonth.Star && !DayOfWeek.Star;
}
