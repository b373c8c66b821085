using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Osiris.Oml.Scheduling;

namespace Osiris.Oml.Tests.Scheduling;

/// <summary>Helpers that keep the schedule tables readable: local times with offsets, as people write them.</summary>
internal static class ScheduleAssert
{
    public static CronExpression Cron(string text)
    {
        var result = CronExpression.Parse(text);
        Assert.True(result.IsValid, $"'{text}' should parse: {result.Error?.Message}");
        return result.Expression!;
    }

    public static Instant Utc(string iso) => InstantPattern.ExtendedIso.Parse(iso).Value;

    /// <summary><c>2025-03-09 03:30-04</c> or <c>2025-10-05 02:30+10:30</c>: the offset without ":00".</summary>
    public static string Local(Instant instant, DateTimeZone zone)
    {
        var zoned = instant.InZone(zone);
        var offset = zoned.Offset.ToString("+HH:mm", CultureInfo.InvariantCulture);
        if (offset.EndsWith(":00", StringComparison.Ordinal))
        {
            offset = offset.Substring(0, 3);
        }

        return zoned.LocalDateTime.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture) + offset;
    }

    public static string Local(ScheduleFireTimes fires, DateTimeZone zone)
    {
        Assert.True(fires.IsAccepted, fires.Rejection?.Message);
        return string.Join(", ", fires.FireTimes.Select(f => Local(f, zone)));
    }

    public static string Fires(ScheduleTarget target, string zone, string cron, string after, int count, bool dayOr = true)
    {
        var tz = DateTimeZoneProviders.Tzdb[zone];
        return Local(ScheduleCalculator.GetFireTimes(Cron(cron), tz, Utc(after), count, target, dayOr), tz);
    }
}
