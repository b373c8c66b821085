namespace Osiris.Oml.Scheduling;

/// <summary>How the fields of a cron expression are laid out (croniter's reading).</summary>
public enum CronLayout
{
    /// <summary><c>minute hour day-of-month month day-of-week</c>; presets expand to this layout.</summary>
    FiveFields,

    /// <summary>
    /// <c>minute hour day-of-month month day-of-week second</c>: croniter puts the seconds LAST, while
    /// Quartz, Cronos, croner and cron-parser read a sixth field as seconds FIRST.
    /// </summary>
    SixFieldsSecondsLast,

    /// <summary><c>minute hour day-of-month month day-of-week second year</c> (croniter 6.x).</summary>
    SevenFieldsSecondsAndYear,
}
