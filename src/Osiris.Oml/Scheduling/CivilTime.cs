using NodaTime;

namespace Osiris.Oml.Scheduling;

/// <summary>
/// A proleptic-Gregorian wall-clock time at whole seconds, with the integer arithmetic the cron
/// engines need. Python's <c>datetime</c> (which croniter and the schedulers run on) has no leap
/// seconds and no zone in these computations, so plain day numbers reproduce it exactly and are
/// much cheaper than NodaTime's period arithmetic inside the search loops.
/// </summary>
internal struct CivilTime
{
    public const long SecondsPerDay = 86_400;

    public int Year;
    public int Month;
    public int Day;
    public int Hour;
    public int Minute;
    public int Second;

    public CivilTime(int year, int month, int day, int hour, int minute, int second)
    {
        Year = year;
        Month = month;
        Day = day;
        Hour = hour;
        Minute = minute;
        Second = second;
    }

    /// <summary>Whether Python's <c>datetime</c> can hold the year (1..9999); beyond it Python raises.</summary>
    public readonly bool IsInPythonRange => Year >= 1 && Year <= 9999;

    /// <summary>Days since 1970-01-01 of this date.</summary>
    public readonly long DayNumber => DaysFromCivil(Year, Month, Day);

    /// <summary>0 = Sunday … 6 = Saturday, the numbering of cron's day-of-week field.</summary>
    public readonly int DayOfWeek => CronDayOfWeek(DayNumber);

    /// <summary>Seconds since 1970-01-01T00:00 of this wall time, read as if it were UTC.</summary>
    public readonly long ToSeconds() => (DayNumber * SecondsPerDay) + (Hour * 3600L) + (Minute * 60L) + Second;

    public readonly LocalDateTime ToLocalDateTime() => new(Year, Month, Day, Hour, Minute, Second);

    public static CivilTime FromSeconds(long seconds)
    {
        var days = FloorDiv(seconds, SecondsPerDay);
        var rest = (int)(seconds - (days * SecondsPerDay));
        CivilFromDays(days, out var y, out var m, out var d);
        return new CivilTime(y, m, d, rest / 3600, rest / 60 % 60, rest % 60);
    }

    public static CivilTime FromLocalDateTime(LocalDateTime value)
        => new(value.Year, value.Month, value.Day, value.Hour, value.Minute, value.Second);

    /// <summary>Adds whole days to the date and keeps the time of day.</summary>
    public void AddDays(long days)
    {
        CivilFromDays(DayNumber + days, out Year, out Month, out Day);
    }

    /// <summary>Adds seconds of wall-clock time (Python <c>datetime + timedelta</c>).</summary>
    public void AddSeconds(long seconds)
    {
        this = FromSeconds(ToSeconds() + seconds);
    }

    /// <summary>Moves the month by <paramref name="months"/> and clamps the day, like dateutil's <c>relativedelta(months=n)</c>.</summary>
    public void AddMonthsClamped(int months)
    {
        var index = ((long)Year * 12) + (Month - 1) + months;
        Year = (int)FloorDiv(index, 12);
        Month = (int)(index - ((long)Year * 12)) + 1;
        var last = DaysInMonth(Year, Month);
        if (Day > last)
        {
            Day = last;
        }
    }

    public static bool IsLeapYear(long year) => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

    public static int DaysInMonth(long year, int month)
        => month switch
        {
            2 => IsLeapYear(year) ? 29 : 28,
            4 or 6 or 9 or 11 => 30,
            _ => 31,
        };

    /// <summary>0 = Sunday … 6 = Saturday for a day number (1970-01-01 was a Thursday).</summary>
    public static int CronDayOfWeek(long dayNumber) => (int)FloorMod(dayNumber + 4, 7);

    public static long FloorDiv(long a, long b)
    {
        var q = a / b;
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
    }

    public static long FloorMod(long a, long b)
    {
        var r = a % b;
        return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
    }

    // Howard Hinnant's days_from_civil / civil_from_days: exact for the whole proleptic calendar.
    public static long DaysFromCivil(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = (((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5) + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 719468;
    }

    public static void CivilFromDays(long days, out int year, out int month, out int day)
    {
        days += 719468;
        var era = (days >= 0 ? days : days - 146096) / 146097;
        var dayOfEra = days - (era * 146097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var mp = ((5 * dayOfYear) + 2) / 153;
        day = (int)(dayOfYear - (((153 * mp) + 2) / 5) + 1);
        month = (int)(mp < 10 ? mp + 3 : mp - 9);
        year = (int)(yearOfEra + (era * 400) + (month <= 2 ? 1 : 0));
    }
}
