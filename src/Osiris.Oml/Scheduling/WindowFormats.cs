using System;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Osiris.Oml.Scheduling;

/// <summary>
/// How <c>${window.start}</c> and <c>${window.end}</c> render. The default is the schedule zone's wall
/// clock, <c>yyyy-MM-dd HH:mm:ss</c> (OML-SPEC §2); <c>:iso</c> adds the offset, which is the only
/// unambiguous local form in a repeated DST hour.
/// </summary>
public static class WindowFormats
{
    /// <summary>The format names accepted after a colon: <c>${window.start:utc}</c>.</summary>
    public static readonly string[] Names = { "local", "iso", "utc", "date", "epoch" };

    private static readonly LocalDateTimePattern Local = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss");
    private static readonly OffsetDateTimePattern Iso = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;

    private static readonly System.Text.RegularExpressions.Regex Placeholder = new(
        @"\$\{\s*window\.(?<bound>start|end)\s*(?::\s*(?<format>[a-z]+)\s*)?\}",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>
    /// <paramref name="text"/> with every <c>${window.start}</c> and <c>${window.end}</c> (optionally
    /// <c>:format</c>) replaced by the bounds of <paramref name="window"/> in <paramref name="zone"/>;
    /// other placeholders, and formats that do not exist, are left as written.
    /// </summary>
    public static string RenderPlaceholders(string text, RunWindow window, DateTimeZone zone)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        return Placeholder.Replace(text, match =>
        {
            var format = match.Groups["format"].Success ? match.Groups["format"].Value : null;
            if (format is not null && Array.IndexOf(Names, format) < 0)
            {
                return match.Value;
            }

            return Render(match.Groups["bound"].Value == "start" ? window.Start : window.End, zone, format);
        });
    }

    /// <summary>Renders <paramref name="instant"/> in <paramref name="zone"/> with the named format (null = local).</summary>
    public static string Render(Instant instant, DateTimeZone zone, string? format = null)
    {
        var zoned = instant.InZone(zone);
        switch (format ?? "local")
        {
            case "local":
                return Local.Format(zoned.LocalDateTime);
            case "iso":
                return Iso.Format(zoned.ToOffsetDateTime());
            case "utc":
                return Local.Format(instant.InUtc().LocalDateTime);
            case "date":
                return Date.Format(zoned.Date);
            case "epoch":
                return instant.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            default:
                throw new ArgumentException($"Unknown window format '{format}'; use one of {string.Join(", ", Names)}.", nameof(format));
        }
    }
}
