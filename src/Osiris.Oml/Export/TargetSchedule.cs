using System.Globalization;
using NodaTime;
using Osiris.Oml.Model;
using Osiris.Oml.Time;

namespace Osiris.Oml.Export;

/// <summary>How an export writes its schedule.</summary>
internal enum TimetableKind
{
    /// <summary>No schedule: the pipeline has none, or the target cannot express it (see <see cref="TargetSchedule.Difference"/>).</summary>
    None,

    /// <summary>A cron expression in a zone: Airflow <c>CronTriggerTimetable</c>, a Prefect <c>cron</c> schedule, a Dagster <c>ScheduleDefinition</c> or partitions.</summary>
    Cron,

    /// <summary>Airflow's <c>CronDataIntervalTimetable</c>: the same fire times as <see cref="Cron"/>, each run covering the period since the previous one.</summary>
    CronDataInterval,

    /// <summary>A fixed step from an anchor: Airflow's <c>DeltaTriggerTimetable</c>, a Prefect <c>interval</c> schedule.</summary>
    Interval,
}

/// <summary>
/// The schedule one export writes, worked out once from the model: what the file's timetable says,
/// and, when the target's fire times can differ from the pipeline's preview for it, why.
/// </summary>
internal sealed record TargetSchedule(
    TimetableKind Kind,
    string? Cron,
    string? Zone,
    OmlDuration? Step,
    Instant? Anchor,
    string? Derivation,
    string? Difference)
{
    public static TargetSchedule None(string? why) => new(TimetableKind.None, null, null, null, null, null, why);

    /// <summary>
    /// The part of the mapping every target shares: nothing for no schedule or a schedule without its
    /// expression or step, and a cron schedule as <paramref name="cronKind"/> in its zone. Null for an
    /// interval with a step (<paramref name="every"/>), which each target maps its own way.
    /// </summary>
    public static TargetSchedule? MapShared(ScheduleModel? schedule, TimetableKind cronKind, out OmlDuration every)
    {
        every = default;
        if (schedule is null)
        {
            return None(null);
        }

        if (schedule.Kind == ScheduleKind.Cron)
        {
            return schedule.Expression is null
                ? None("the cron schedule has no expression")
                : new TargetSchedule(cronKind, schedule.Expression, schedule.TimeZone, null, null, null, null);
        }

        if (schedule.Every is not { } step)
        {
            return None("the interval schedule has no 'every'");
        }

        every = step;
        return null;
    }

    /// <summary>
    /// The cron expression in UTC that fires exactly at <c>anchor + k·step</c> (for all k, so also before
    /// the anchor), when one exists: a step of whole minutes that divides an hour, or of whole hours that
    /// divides a day, and an anchor on a whole minute. UTC has no DST, so every scheduler reads it alike.
    /// </summary>
    public static string? UtcCronFor(OmlDuration every, Instant anchor)
    {
        if (every.HasCalendarDays || every.Seconds <= 0 || every.Seconds % 60 != 0 || 86_400 % every.Seconds != 0)
        {
            return null;
        }

        var n = every.Seconds;
        var a = anchor.ToUnixTimeSeconds() % n;
        if (a < 0)
        {
            a += n;
        }

        if (a % 60 != 0)
        {
            return null;
        }

        string I(long v) => v.ToString(CultureInfo.InvariantCulture);
        if (n < 3600)
        {
            if (3600 % n != 0)
            {
                return null;
            }

            var step = n / 60;
            var first = a / 60;
            return step == 1 ? "* * * * *" : first == 0 ? $"*/{I(step)} * * * *" : $"{I(first)}-59/{I(step)} * * * *";
        }

        if (n % 3600 != 0)
        {
            return null;
        }

        var hours = n / 3600;
        var minute = a % 3600 / 60;
        var hour = a / 3600;
        return hours switch
        {
            1 => $"{I(minute)} * * * *",
            24 => $"{I(minute)} {I(hour)} * * *",
            _ => hour == 0 ? $"{I(minute)} */{I(hours)} * * *" : $"{I(minute)} {I(hour)}-23/{I(hours)} * * *",
        };
    }

    /// <summary>Whether the pipeline's schedule is an interval.</summary>
    public static bool IsInterval(ScheduleModel schedule) => schedule.Kind == ScheduleKind.Interval;
}
