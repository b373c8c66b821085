namespace Osiris.Oml.Scheduling;

/// <summary>
/// What a field of a cron expression holds. The values follow croniter's field indices, so the
/// position of a field in the text depends on <see cref="CronLayout"/>: the second comes sixth in
/// croniter's layouts, not first as in Quartz or Cronos.
/// </summary>
public enum CronField
{
    /// <summary>Minute, 0-59.</summary>
    Minute = 0,

    /// <summary>Hour, 0-23.</summary>
    Hour = 1,

    /// <summary>Day of month, 1-31, or <c>L</c>.</summary>
    DayOfMonth = 2,

    /// <summary>Month, 1-12 or JAN-DEC.</summary>
    Month = 3,

    /// <summary>Day of week, 0-6 (0 = Sunday; 7 = Sunday too with 5 fields) or SUN-SAT.</summary>
    DayOfWeek = 4,

    /// <summary>Second, 0-59: the sixth field in croniter's 6- and 7-field layouts.</summary>
    Second = 5,

    /// <summary>Year, 1970-2099: the seventh field in croniter's 7-field layout.</summary>
    Year = 6,
}
