using System;
using NodaTime;
using NodaTime.Text;
using Osiris.Oml.Import.Python;
using Osiris.Oml.Syntax;
using Osiris.Oml.Time;

namespace Osiris.Oml.Import;

/// <summary>Reads the schedule an exported file's code writes (its timetable, schedule definition or deployment schedule).</summary>
internal static class ScheduleReader
{
    public static ExportedSchedule? Airflow(PythonModule module)
    {
        var dag = module.FindCall("DAG");
        if (dag is null)
        {
            return null;
        }

        switch (dag["schedule"])
        {
            case PyCall { Callee: "CronTriggerTimetable" } c:
                return new ExportedSchedule(ExportedScheduleKind.Cron, Str(c.Positional(0)), Str(c["timezone"]), null, null);
            case PyCall { Callee: "CronDataIntervalTimetable" } c:
                return new ExportedSchedule(ExportedScheduleKind.CronDataInterval, Str(c.Positional(0)), Str(c["timezone"]), null, null);
            case PyCall { Callee: "DeltaTriggerTimetable" } c when c.Positional(0) is PyCall { Callee: "timedelta" } delta:
                var step = new OmlDuration((int)(PythonModule.Integer(delta["days"]) ?? 0), PythonModule.Integer(delta["seconds"]) ?? 0);
                return new ExportedSchedule(ExportedScheduleKind.Interval, null, "UTC", step, Pendulum(dag["start_date"]));
            default:
                return new ExportedSchedule(ExportedScheduleKind.None, null, null, null, null);
        }
    }

    public static ExportedSchedule? Dagster(PythonModule module)
    {
        if (module.FindCall("ScheduleDefinition") is { } schedule)
        {
            return new ExportedSchedule(ExportedScheduleKind.Cron, Str(schedule["cron_schedule"]), Str(schedule["execution_timezone"]) ?? "UTC", null, null);
        }

        if (module.FindCall("build_schedule_from_partitioned_job") is not null && module.FindCall("TimeWindowPartitionsDefinition") is { } partitions)
        {
            return new ExportedSchedule(ExportedScheduleKind.Cron, Str(partitions["cron_schedule"]), Str(partitions["timezone"]) ?? "UTC", null, null);
        }

        return new ExportedSchedule(ExportedScheduleKind.None, null, null, null, null);
    }

    public static ExportedSchedule? Prefect(YamlNode? root)
    {
        if (root is not YamlMappingNode m || m["deployments"] is not YamlSequenceNode { Items.Count: > 0 } deployments
            || deployments.Items[0] is not YamlMappingNode deployment)
        {
            return null;
        }

        if (deployment["schedules"] is not YamlSequenceNode { Items.Count: > 0 } schedules || schedules.Items[0] is not YamlMappingNode s)
        {
            return new ExportedSchedule(ExportedScheduleKind.None, null, null, null, null);
        }

        var zone = YamlValues.Text(s["timezone"]);
        if (YamlValues.Text(s["cron"]) is { } cron)
        {
            return new ExportedSchedule(ExportedScheduleKind.Cron, cron, zone, null, null);
        }

        if (s["interval"] is YamlScalarNode { Type: YamlScalarType.Integer } interval && long.TryParse(interval.Value, out var seconds))
        {
            var anchor = YamlValues.Text(s["anchor_date"]) is { } text && OffsetDateTimePattern.GeneralIso.Parse(text) is { Success: true } parsed
                ? parsed.Value.ToInstant()
                : (Instant?)null;

            // Prefect splits an interval into whole days (on the zone's clock) and seconds.
            return new ExportedSchedule(ExportedScheduleKind.Interval, null, zone, new OmlDuration((int)(seconds / 86_400), seconds % 86_400), anchor);
        }

        return new ExportedSchedule(ExportedScheduleKind.None, null, zone, null, null);
    }

    private static string? Str(PythonValue? value) => value is PyString s ? s.Value : null;

    /// <summary><c>pendulum.datetime(y, m, d, h, mi, s, tz="UTC")</c> as an instant.</summary>
    private static Instant? Pendulum(PythonValue? value)
    {
        if (value is not PyCall { Callee: "pendulum.datetime" } call || call["tz"] is not PyString { Value: "UTC" })
        {
            return null;
        }

        var parts = new int[6];
        for (var i = 0; i < 6; i++)
        {
            if (PythonModule.Integer(call.Positional(i)) is not { } n || n < 0 || n > 9999)
            {
                return null;
            }

            parts[i] = (int)n;
        }

        try
        {
            return Instant.FromUtc(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
