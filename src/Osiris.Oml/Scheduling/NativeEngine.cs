using System;

namespace Osiris.Oml.Scheduling;

/// <summary>
/// Cronos 0.13's time-zone logic (<c>GetOccurrenceConsideringTimeZone</c>) redone on NodaTime:
/// Cronos itself only enumerates naive wall times here (on a zone-less clock), because its own zone
/// handling rests on <c>TimeZoneInfo</c>, which on Linux misses DST changes of several zones.
/// <list type="bullet">
/// <item>A match in a gap fires at the end of the gap (New York 2025-03-09 02:30 → 03:00 EDT).</item>
/// <item>A match in a repeated hour fires in its first pass; "interval" expressions (<c>*</c>, a
/// range or a step in the minute or hour field) fire again in the second pass.</item>
/// </list>
/// </summary>
internal static class NativeEngine
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static ScheduleFireTimes Run(CronExpression cron, PythonZone pyZone, long after, int count)
    {
        var cronos = cron.GetCronos(out _)!;
        var buffer = new FireTimeBuffer(count);
        var current = after;
        while (!buffer.IsFull)
        {
            var next = Next(cronos, cron.IsCronosInterval, pyZone, current);
            if (next is null)
            {
                return ScheduleCalculator.Stopped(ScheduleTarget.Native, buffer, acceptEmpty: true);
            }

            buffer.Add(next.Value);
            current = next.Value;
        }

        return ScheduleCalculator.Completed(ScheduleTarget.Native, buffer);
    }

    private static long? Next(Cronos.CronExpression cronos, bool interval, PythonZone pyZone, long after)
    {
        var afterInterval = pyZone.IntervalAt(after);
        var fromLocal = after + afterInterval.WallOffset.Seconds;
        var inclusive = false;
        var mapping = pyZone.Map(fromLocal);
        if (mapping.Count == 2)
        {
            // The repeated wall times are [A, B): A = where the second pass starts, B = where the first ends.
            var early = mapping.Early;
            var late = mapping.Late;
            var ambiguousStart = late.Start.ToUnixTimeSeconds() + late.WallOffset.Seconds;
            var ambiguousEnd = early.End.ToUnixTimeSeconds() + early.WallOffset.Seconds;
            if (afterInterval.Equals(early))
            {
                // First pass: anything left in it, else start over at the beginning of the second pass.
                var inFirst = Find(cronos, fromLocal, inclusive);
                if (inFirst is { } f && f < ambiguousEnd)
                {
                    return f - early.WallOffset.Seconds;
                }

                fromLocal = ambiguousStart;
                inclusive = true;
            }

            if (interval)
            {
                var inSecond = Find(cronos, fromLocal, inclusive);
                if (inSecond is { } s && s < ambiguousEnd)
                {
                    return s - late.WallOffset.Seconds;
                }
            }

            fromLocal = ambiguousEnd;
            inclusive = true;
        }

        if (Find(cronos, fromLocal, inclusive) is not { } found)
        {
            return null;
        }

        var target = pyZone.Map(found);
        return target.Count switch
        {
            0 => target.Late.Start.ToUnixTimeSeconds(),
            _ => found - target.Early.WallOffset.Seconds,
        };
    }

    private static long? Find(Cronos.CronExpression cronos, long wall, bool inclusive)
    {
        var next = cronos.GetNextOccurrence(Epoch.AddSeconds(wall), inclusive);
        return next is { } n ? (n.Ticks - Epoch.Ticks) / TimeSpan.TicksPerSecond : null;
    }
}
