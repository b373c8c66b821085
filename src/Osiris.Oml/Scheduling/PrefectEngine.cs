namespace Osiris.Oml.Scheduling;

/// <summary>
/// Prefect 3's <c>CronSchedule._get_dates_generator</c> (server <c>schemas/schedules.py</c>): ONE
/// croniter runs on the naive local time of the start, and each naive match becomes an instant
/// through the naive delta from the start, which amounts to resolving the match with fold=0:
/// <list type="bullet">
/// <item>Python ≤ 3.12, pendulum 3: a skipped time moves BACKWARD by the gap (New York 2025-03-09
/// 02:30 → 01:30 EST; Santiago 2025-09-07 00:00 → 23:00 on 09-06) and a repeated time runs in its
/// first pass;</item>
/// <item>Python ≥ 3.13, <c>whenever</c> on a zoneinfo datetime: a skipped time uses the offset before
/// the gap (02:30 → 03:30 EDT), a repeated time its first pass.</item>
/// </list>
/// Either way an hourly job runs the repeated hour once (a 2-hour pause). Duplicate instants are
/// dropped and the collected dates are sorted. Prefect's own "start − 1 s" is applied to a start one
/// second later, so the search is strictly after. Like <c>get_dates</c>, the result can still hold an
/// instant at or before the start when a gap time moves back across it (after 06:40Z on 2025-03-09
/// in New York, <c>*/15</c>'s 02:00 becomes 01:00 EST = 06:00Z): Prefect creates that run already late,
/// and the cron-dev oracle expects it.
/// </summary>
internal static class PrefectEngine
{
    public static ScheduleFireTimes Run(CronExpression cron, PythonZone zone, long after, int count, bool python313, bool dayOr)
    {
        var target = python313 ? ScheduleTarget.PrefectPython313 : ScheduleTarget.PrefectPython312;
        var spec = cron.Croniter!;
        var buffer = new FireTimeBuffer(count);
        var cursor = zone.WallOf(after);
        while (!buffer.IsFull)
        {
            if (!CroniterSearch.TryGetNext(spec, cursor, dayOr, out var next))
            {
                buffer.Sort();
                return ScheduleCalculator.Stopped(target, buffer);
            }

            cursor = next;
            var fire = python313 ? zone.Timestamp(next, fold: 0) : zone.PendulumConvert(next, fold: 0);
            if (!buffer.Contains(fire))
            {
                buffer.Add(fire);
            }
        }

        buffer.Sort();
        return ScheduleCalculator.Completed(target, buffer);
    }
}
