using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Osiris.Cli.Output;

/// <summary>How instants are printed: wall time with the zone's abbreviation for people, ISO-8601 for machines.</summary>
internal static class Times
{
    private static readonly LocalDateTimePattern Wall = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss");
    private static readonly InstantPattern UtcIso = InstantPattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss'Z'");
    private static readonly OffsetDateTimePattern LocalIso = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");
    private static readonly OffsetPattern OffsetText = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    /// <summary>"2024-01-16 02:00:00 UTC" or "2026-03-29 03:00:00 CEST (+02:00)".</summary>
    public static string Local(Instant instant, DateTimeZone zone)
    {
        var zoned = instant.InZone(zone);
        var name = zoned.GetZoneInterval().Name;
        var text = Wall.Format(zoned.LocalDateTime) + " " + name;
        return zone == DateTimeZone.Utc || zone.Id == "UTC" || zone.Id == "Etc/UTC" ? text : text + " (" + OffsetText.Format(zoned.Offset) + ")";
    }

    /// <summary>"2024-01-16 02:00:00 UTC".</summary>
    public static string Utc(Instant instant) => Wall.Format(instant.InUtc().LocalDateTime) + " UTC";

    /// <summary>"2024-01-16T02:00:00Z".</summary>
    public static string IsoUtc(Instant instant) => UtcIso.Format(instant);

    /// <summary>"2024-01-16T03:00:00+01:00".</summary>
    public static string IsoLocal(Instant instant, DateTimeZone zone) => LocalIso.Format(instant.InZone(zone).ToOffsetDateTime());

    /// <summary>"24h", "23h", "1d 2h 30m".</summary>
    public static string Length(Duration duration)
    {
        var seconds = (long)duration.TotalSeconds;
        var negative = seconds < 0;
        seconds = Math.Abs(seconds);
        var parts = new List<string>();
        if (seconds / 86400 > 0 && seconds % 86400 == 0)
        {
            return (negative ? "-" : string.Empty) + (seconds / 3600).ToString(CultureInfo.InvariantCulture) + "h";
        }

        if (seconds / 3600 > 0)
        {
            parts.Add((seconds / 3600).ToString(CultureInfo.InvariantCulture) + "h");
        }

        if (seconds % 3600 / 60 > 0)
        {
            parts.Add((seconds % 3600 / 60).ToString(CultureInfo.InvariantCulture) + "m");
        }

        if (seconds % 60 > 0 || parts.Count == 0)
        {
            parts.Add((seconds % 60).ToString(CultureInfo.InvariantCulture) + "s");
        }

        return (negative ? "-" : string.Empty) + string.Join(" ", parts);
    }

    /// <summary>Reads --from/--to: an ISO-8601 instant with Z or an offset, a local date-time (read in <paramref name="zone"/>), or a date (its midnight there).</summary>
    public static Instant ParseMoment(string text, DateTimeZone zone, string option)
    {
        // Seconds are optional: 2024-01-15T02:00Z reads as 2024-01-15T02:00:00Z.
        var trimmed = System.Text.RegularExpressions.Regex.Replace(text.Trim(), @"(T\d{2}:\d{2})(?=$|Z|[+-])", "$1:00", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
        if (InstantPattern.ExtendedIso.Parse(trimmed) is { Success: true } instant)
        {
            return instant.Value;
        }

        if (OffsetDateTimePattern.ExtendedIso.Parse(trimmed) is { Success: true } offset)
        {
            return offset.Value.ToInstant();
        }

        if (LocalDateTimePattern.ExtendedIso.Parse(trimmed) is { Success: true } local)
        {
            return local.Value.InZoneLeniently(zone).ToInstant();
        }

        if (LocalDatePattern.Iso.Parse(trimmed) is { Success: true } date)
        {
            return zone.AtStartOfDay(date.Value).ToInstant();
        }

        throw new CliUsageException($"{option} '{text}' is not an ISO-8601 date or time; write 2024-01-15, 2024-01-15T02:00 (the pipeline's zone) or 2024-01-15T02:00:00Z");
    }
}
