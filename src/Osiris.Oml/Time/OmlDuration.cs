using System;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using NodaTime;

namespace Osiris.Oml.Time;

/// <summary>
/// A duration as OML writes it: an integer number of seconds, a sum such as <c>1h30m</c> or
/// <c>1d 2h</c>, or ISO-8601 (<c>PT1H30M</c>, <c>P1D</c>). Days are kept apart from the fixed part
/// because in a window a day is a calendar day that follows the zone's clock (23 or 25 hours on DST
/// change days), while <c>24h</c> is always 86 400 seconds.
/// </summary>
/// <param name="Days">Calendar days.</param>
/// <param name="Seconds">The fixed part, in seconds.</param>
public readonly record struct OmlDuration(int Days, long Seconds)
{
    private static readonly Regex SumPattern = new(
        @"^\s*(?<sign>[-+])?\s*(?:(?<d>\d+)\s*d)?\s*(?:(?<h>\d+)\s*h)?\s*(?:(?<m>\d+)\s*m)?\s*(?:(?<s>\d+)\s*s)?\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    private static readonly Regex IsoPattern = new(
        @"^(?<sign>[-+])?P(?:(?<w>\d+)W)?(?:(?<d>\d+)D)?(?:T(?:(?<h>\d+)H)?(?:(?<m>\d+)M)?(?:(?<s>\d+)S)?)?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>Zero.</summary>
    public static OmlDuration Zero => default;

    /// <summary>Whether the duration is below zero.</summary>
    public bool IsNegative => Days < 0 || (Days == 0 && Seconds < 0);

    /// <summary>Whether the duration is zero.</summary>
    public bool IsZero => Days == 0 && Seconds == 0;

    /// <summary>Whether the duration has a calendar-day part.</summary>
    public bool HasCalendarDays => Days != 0;

    /// <summary>The length counting a calendar day as 24 hours (for limits and comparisons).</summary>
    public long NominalSeconds => (Days * 86_400L) + Seconds;

    /// <summary>The fixed duration, counting a calendar day as 24 hours.</summary>
    public Duration ToNominalDuration() => Duration.FromSeconds(NominalSeconds);

    /// <summary>The duration with the sign flipped.</summary>
    public OmlDuration Negate() => new(-Days, -Seconds);

    /// <summary>Adds the duration to <paramref name="instant"/>: calendar days on the zone's clock, then the fixed part.</summary>
    public Instant AddTo(Instant instant, DateTimeZone zone)
    {
        var result = instant;
        if (Days != 0)
        {
            var local = instant.InZone(zone).LocalDateTime.PlusDays(Days);
            result = local.InZoneLeniently(zone).ToInstant();
        }

        return result + Duration.FromSeconds(Seconds);
    }

    /// <summary>Reads an integer (seconds) or a duration string; null when the text is not a duration.</summary>
    public static OmlDuration? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return null;
        }

        var trimmed = text.Trim();
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            return new OmlDuration(0, seconds);
        }

        var match = SumPattern.Match(trimmed);
        if (match.Success && (match.Groups["d"].Success || match.Groups["h"].Success || match.Groups["m"].Success || match.Groups["s"].Success))
        {
            return Build(match, weeks: 0);
        }

        match = IsoPattern.Match(trimmed);
        if (match.Success && trimmed.Length > 1 && !trimmed.EndsWith("T", StringComparison.OrdinalIgnoreCase)
            && (match.Groups["w"].Success || match.Groups["d"].Success || match.Groups["h"].Success || match.Groups["m"].Success || match.Groups["s"].Success))
        {
            return Build(match, weeks: match.Groups["w"].Success ? Number(match.Groups["w"].Value) : 0);
        }

        return null;
    }

    /// <summary>The shortest OML spelling: <c>1d 2h</c>, <c>90s</c>, <c>-1h</c>, <c>0s</c>.</summary>
    public override string ToString() => Format(IsNegative, Math.Abs((long)Days), Math.Abs(Seconds));

    /// <summary>
    /// "1d 2h 30m", "-45s", "0s": the days, then the seconds as hours, minutes and seconds (not carried
    /// into days), each part only when it is not zero.
    /// </summary>
    internal static string Format(bool negative, long days, long seconds)
    {
        if (days == 0 && seconds == 0)
        {
            return "0s";
        }

        var sb = new StringBuilder();
        if (negative)
        {
            sb.Append('-');
        }

        void Part(long value, string unit)
        {
            if (value == 0)
            {
                return;
            }

            if (sb.Length > 0 && sb[sb.Length - 1] != '-')
            {
                sb.Append(' ');
            }

            sb.Append(value.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }

        Part(days, "d");
        Part(seconds / 3600, "h");
        Part(seconds % 3600 / 60, "m");
        Part(seconds % 60, "s");
        return sb.ToString();
    }

    private static OmlDuration? Build(Match match, long weeks)
    {
        try
        {
            checked
            {
                var days = (weeks * 7) + Number(match.Groups["d"].Value);
                var seconds = (Number(match.Groups["h"].Value) * 3600) + (Number(match.Groups["m"].Value) * 60) + Number(match.Groups["s"].Value);
                if (days > 36_500 || seconds > 36_500L * 86_400)
                {
                    return null;
                }

                var sign = match.Groups["sign"].Value == "-" ? -1 : 1;
                return new OmlDuration((int)(sign * days), sign * seconds);
            }
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static long Number(string digits)
        => digits.Length == 0 ? 0 : long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue / 4;
}
