using System;

namespace Osiris.Oml.Scheduling;

/// <summary>
/// croniter 6.x <c>get_next</c>/<c>get_prev</c> on naive wall-clock times (what Airflow, Prefect
/// and Dagster feed it), ported step by step from <c>croniter._calc</c> so that its quirks come out
/// the same: the field procedures run in order year, month, day-of-month, day-of-week, hour,
/// minute, second, and the search restarts whenever one of them moves the time; it gives up
/// (<c>CroniterBadDateError</c>) once the year is more than 50 away from where it started.
/// </summary>
internal static class CroniterSearch
{
    /// <summary>croniter's default <c>max_years_between_matches</c>.</summary>
    public const int MaxYearsBetweenMatches = 50;

    /// <summary>The first match strictly after <paramref name="current"/> (wall seconds), or false when croniter gives up.</summary>
    public static bool TryGetNext(CroniterSpec spec, long current, bool dayOr, out long next)
        => TryCalcNext(spec, current, dayOr, isPrev: false, ignoreYear: false, out next);

    /// <summary>The last match strictly before <paramref name="current"/> (wall seconds), or false when croniter gives up.</summary>
    public static bool TryGetPrevious(CroniterSpec spec, long current, bool dayOr, out long previous)
        => TryCalcNext(spec, current, dayOr, isPrev: true, ignoreYear: false, out previous);

    /// <summary>Whether croniter finds any match within 50 years of 2000-01-01, ignoring a year field.</summary>
    public static bool CanFire(CroniterSpec spec)
    {
        var start = new CivilTime(2000, 1, 1, 0, 0, 0).ToSeconds();
        return TryCalcNext(spec, start, dayOr: true, isPrev: false, ignoreYear: true, out _);
    }

    private static bool TryCalcNext(CroniterSpec spec, long current, bool dayOr, bool isPrev, bool ignoreYear, out long result)
    {
        if (dayOr && spec.DaysBothRestricted)
        {
            // Vixie OR (croniter _calc_next): one search with day-of-week as '*', one with
            // day-of-month as '*', keep the nearer. The first search failing fails the whole call,
            // so "0 0 30 2 MON" never fires in croniter even though February has Mondays. An
            // nth/L5 day-of-week still applies in the first search, so "0 0 10 * 1#2" fires on
            // second Mondays only (2025-01-13, not 01-10) and "0 0 1 * 1#2" never fires.
            if (!Calc(spec, current, domStar: false, dowStar: true, isPrev, ignoreYear, out var t1))
            {
                result = 0;
                return false;
            }

            if (!Calc(spec, current, domStar: true, dowStar: false, isPrev, ignoreYear, out var t2))
            {
                result = 0;
                return false;
            }

            result = isPrev ? Math.Max(t1, t2) : Math.Min(t1, t2);
            return true;
        }

        return Calc(spec, current, spec.DayOfMonth.Star, spec.DayOfWeek.Star, isPrev, ignoreYear, out result);
    }

    private static bool Calc(CroniterSpec spec, long now, bool domStar, bool dowStar, bool isPrev, bool ignoreYear, out long result)
    {
        result = 0;
        var withSeconds = spec.FieldCount > 5;

        // now + 1 minute (or 1 second), truncated; get_prev starts 1 microsecond before now.
        var d = CivilTime.FromSeconds(isPrev ? now - 1 : now + (withSeconds ? 1 : 60));
        if (!withSeconds)
        {
            d.Second = 0;
        }

        var month = d.Month;
        var year = d.Year;
        var currentYear = year;
        var useYear = spec.FieldCount == 7 && !ignoreYear && spec.Year is { Star: false };

        while (Math.Abs(year - currentYear) <= MaxYearsBetweenMatches)
        {
            if (!d.IsInPythonRange)
            {
                return false;
            }

            if (useYear)
            {
                var diff = isPrev ? spec.Year!.PrevDiff(d.Year, null) : spec.Year!.NextDiff(d.Year, null);
                if (diff is null)
                {
                    return false;
                }

                if (diff.Value != 0)
                {
                    d = isPrev
                        ? new CivilTime(d.Year + diff.Value, 12, 31, 23, 59, 59)
                        : new CivilTime(d.Year + diff.Value, 1, 1, 0, 0, 0);
                    goto Changed;
                }
            }

            if (!spec.Month.Star)
            {
                var diff = isPrev ? spec.Month.PrevDiff(d.Month, 12) : spec.Month.NextDiff(d.Month, 12);
                if (diff is { } months && months != 0)
                {
                    d.AddMonthsClamped(months);
                    if (isPrev)
                    {
                        d.Day = CivilTime.DaysInMonth(d.Year, d.Month);
                        SetTime(ref d, 23, 59, 59);
                    }
                    else
                    {
                        d.Day = 1;
                        SetTime(ref d, 0, 0, 0);
                    }

                    goto Changed;
                }
            }

            if (!domStar)
            {
                var days = CivilTime.DaysInMonth(year, month);
                if (!(spec.DayOfMonth.Last && days == d.Day))
                {
                    // get_prev wraps with the length of the previous month from a table without leap years.
                    var range = isPrev ? CivilTime.DaysInMonth(2001, (int)CivilTime.FloorMod(month - 2, 12) + 1) : days;
                    var diff = isPrev ? spec.DayOfMonth.PrevDiff(d.Day, range) : spec.DayOfMonth.NextDiff(d.Day, range);
                    if (diff is { } moveDays && moveDays != 0)
                    {
                        MoveDays(ref d, moveDays, isPrev);
                        goto Changed;
                    }
                }
            }

            if (spec.NthMasks is { } nth)
            {
                if (ProcNthWeekday(ref d, nth, CivilTime.DaysInMonth(year, month), isPrev))
                {
                    goto Changed;
                }
            }
            else if (!dowStar)
            {
                var x = d.DayOfWeek;
                var diff = isPrev ? spec.DayOfWeek.PrevDiff(x, 7) : spec.DayOfWeek.NextDiff(x, 7);
                if (diff is { } moveDays && moveDays != 0)
                {
                    MoveDays(ref d, moveDays, isPrev);
                    goto Changed;
                }
            }

            if (!spec.Hour.Star)
            {
                var diff = isPrev ? spec.Hour.PrevDiff(d.Hour, 24) : spec.Hour.NextDiff(d.Hour, 24);
                if (diff is { } hours && hours != 0)
                {
                    d.Minute = isPrev ? 59 : 0;
                    d.Second = isPrev ? 59 : 0;
                    d.AddSeconds(hours * 3600L);
                    goto Changed;
                }
            }

            if (!spec.Minute.Star)
            {
                var diff = isPrev ? spec.Minute.PrevDiff(d.Minute, 60) : spec.Minute.NextDiff(d.Minute, 60);
                if (diff is { } minutes && minutes != 0)
                {
                    d.Second = isPrev ? 59 : 0;
                    d.AddSeconds(minutes * 60L);
                    goto Changed;
                }
            }

            if (withSeconds)
            {
                if (spec.Second is { Star: false } seconds)
                {
                    var diff = isPrev ? seconds.PrevDiff(d.Second, 60) : seconds.NextDiff(d.Second, 60);
                    if (diff is { } secs && secs != 0)
                    {
                        d.AddSeconds(secs);
                        goto Changed;
                    }
                }
            }
            else
            {
                d.Second = 0;
            }

            if (!d.IsInPythonRange)
            {
                return false;
            }

            result = d.ToSeconds();
            return true;

        Changed:
            month = d.Month;
            year = d.Year;
        }

        return false;
    }

    private static void SetTime(ref CivilTime d, int hour, int minute, int second)
    {
        d.Hour = hour;
        d.Minute = minute;
        d.Second = second;
    }

    // relativedelta(days=n, hour=0, minute=0, second=0), or 23:59:59 when searching backwards.
    private static void MoveDays(ref CivilTime d, int days, bool isPrev)
    {
        if (isPrev)
        {
            SetTime(ref d, 23, 59, 59);
        }
        else
        {
            SetTime(ref d, 0, 0, 0);
        }

        d.AddDays(days);
    }

    // croniter proc_day_of_week_nth: the nearest "nth weekday" (or last weekday) in this month.
    private static bool ProcNthWeekday(ref CivilTime d, byte[] nth, int daysInMonth, bool isPrev)
    {
        var firstWeekday = CivilTime.CronDayOfWeek(CivilTime.DaysFromCivil(d.Year, d.Month, 1));
        var monthLength = CivilTime.DaysInMonth(d.Year, d.Month);
        var best = -1;
        for (var weekday = 0; weekday < 7; weekday++)
        {
            var mask = nth[weekday];
            if (mask == 0)
            {
                continue;
            }

            var first = 1 + (int)CivilTime.FloorMod(weekday - firstWeekday, 7);
            var count = ((monthLength - first) / 7) + 1;
            for (var n = 1; n <= 6; n++)
            {
                int candidate;
                if (n == 6)
                {
                    if ((mask & CroniterSpec.LastNthBit) == 0)
                    {
                        continue;
                    }

                    candidate = first + (7 * (count - 1));
                }
                else
                {
                    if ((mask & (1 << n)) == 0 || count < n)
                    {
                        continue;
                    }

                    candidate = first + (7 * (n - 1));
                }

                if (isPrev ? candidate <= d.Day : d.Day <= candidate)
                {
                    if (best < 0 || (isPrev ? candidate > best : candidate < best))
                    {
                        best = candidate;
                    }
                }
            }
        }

        if (best < 0)
        {
            if (isPrev)
            {
                MoveDays(ref d, -d.Day, isPrev: true);
            }
            else
            {
                MoveDays(ref d, daysInMonth - d.Day + 1, isPrev: false);
            }

            return true;
        }

        if (best != d.Day)
        {
            MoveDays(ref d, best - d.Day, isPrev);
            return true;
        }

        return false;
    }
}
