namespace Osiris.Oml.Scheduling;

/// <summary>
/// Airflow's <c>CronMixin._get_next</c> (airflow-core <c>timetables/_cron.py</c>), chained from the
/// previous fire: the previous instant is made naive in the DAG's zone, croniter finds the next
/// naive match, and then either
/// <list type="bullet">
/// <item>the hour field is exactly <c>*</c> (<c>_covers_every_hour</c>): the naive difference is added
/// to the previous instant as elapsed time, so hourly jobs skip a gap and run both passes of a
/// repeated hour; or</item>
/// <item>otherwise <c>make_aware</c> sets fold=1 and pendulum resolves it: a repeated time runs in
/// its SECOND pass, a skipped time moves forward by the gap (02:30 → 03:30).</item>
/// </list>
/// Chaining matters: <c>*/30 2 * * *</c> in New York on 2025-03-09 fires at 03:00 EDT (02:00
/// shifted), and the next search starts from 03:00, so 02:30 is lost that night.
/// </summary>
internal static class AirflowEngine
{
    public static ScheduleFireTimes Run(CronExpression cron, PythonZone zone, long after, int count)
    {
        var spec = cron.Croniter!;
        var buffer = new FireTimeBuffer(count);
        var current = after;
        while (!buffer.IsFull)
        {
            var naive = zone.WallOf(current);
            if (!CroniterSearch.TryGetNext(spec, naive, dayOr: true, out var next))
            {
                return ScheduleCalculator.Stopped(ScheduleTarget.Airflow, buffer);
            }

            var fire = spec.Hour.ExactStar ? current + (next - naive) : zone.PendulumConvert(next, fold: 1);
            if (fire <= current)
            {
                return ScheduleCalculator.Failure(ScheduleTarget.Airflow, "The Airflow timetable does not advance past this fire time.");
            }

            buffer.Add(fire);
            current = fire;
        }

        return ScheduleCalculator.Completed(ScheduleTarget.Airflow, buffer);
    }
}
