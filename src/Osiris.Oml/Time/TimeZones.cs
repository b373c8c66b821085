using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NodaTime.TimeZones;
using Osiris.Oml.Text;

namespace Osiris.Oml.Time;

/// <summary>
/// IANA zones from NodaTime's embedded TZDB, never the machine's: results must not depend on the
/// zone files (or the bugs) of the OS the build runs on.
/// </summary>
public static class TimeZones
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PST"] = "America/Los_Angeles",
        ["PDT"] = "America/Los_Angeles",
        ["MDT"] = "America/Denver",
        ["CDT"] = "America/Chicago",
        ["EDT"] = "America/New_York",
        ["BST"] = "Europe/London",
        ["CEST"] = "Europe/Berlin",
        ["IST"] = "Asia/Kolkata",
        ["JST"] = "Asia/Tokyo",
        ["AEST"] = "Australia/Sydney",
        ["AEDT"] = "Australia/Sydney",
    };

    // Legacy tz database ids that are fixed offsets without DST, and the zone people usually mean.
    private static readonly Dictionary<string, string> FixedOffsetAbbreviations = new(StringComparer.Ordinal)
    {
        ["EST"] = "America/New_York",
        ["MST"] = "America/Denver",
    };

    private static readonly System.Text.RegularExpressions.Regex OffsetName = new(
        @"^(?:UTC|GMT)\s*(?<sign>[+-])\s*(?<hours>\d{1,2})(?::?00)?$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant | System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    /// <summary>
    /// For ids such as EST and MST: fixed offsets in the tz database, without the DST of the region
    /// the abbreviation names. Returns the zone people usually mean, or null.
    /// </summary>
    public static string? ZoneUsuallyMeantBy(string fixedOffsetId) => FixedOffsetAbbreviations.TryGetValue(fixedOffsetId, out var zone) ? zone : null;

    /// <summary>The TZDB release the results are computed with, for example <c>2026f</c>.</summary>
    public static string TzdbVersion => TzdbDateTimeZoneSource.Default.TzdbVersion;

    /// <summary>The zone with IANA id <paramref name="id"/> (exact spelling), or null.</summary>
    public static DateTimeZone? Find(string id) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);

    /// <summary>
    /// The id the user probably meant for an unknown <paramref name="id"/>: a different capitalisation,
    /// a zone for a common abbreviation (PST → America/Los_Angeles), or the closest id by edit distance
    /// (whole id or its city part).
    /// </summary>
    public static string? Suggest(string id)
    {
        var trimmed = id.Trim();
        var ids = DateTimeZoneProviders.Tzdb.Ids;
        var exactIgnoringCase = ids.FirstOrDefault(z => string.Equals(z, trimmed, StringComparison.OrdinalIgnoreCase));
        if (exactIgnoringCase is not null)
        {
            return exactIgnoringCase;
        }

        if (Abbreviations.TryGetValue(trimmed, out var zone))
        {
            return zone;
        }

        // "UTC+2" / "GMT-05:00": the tz database's Etc/GMT zones invert the sign (Etc/GMT-2 is UTC+02:00).
        var offset = OffsetName.Match(trimmed);
        if (offset.Success && int.TryParse(offset.Groups["hours"].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var hours) && hours <= 14)
        {
            return hours == 0 ? "UTC" : "Etc/GMT" + (offset.Groups["sign"].Value == "+" ? "-" : "+") + hours.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var normalized = trimmed.Replace(' ', '_');
        var closest = Suggestions.Closest(normalized, ids);
        if (closest is not null)
        {
            return closest;
        }

        // "Prague" or "New York" alone: match the city part of Area/City ids.
        var byCity = ids.Where(z => z.IndexOf('/') > 0)
            .Select(z => (Id: z, City: z.Substring(z.LastIndexOf('/') + 1)))
            .ToList();
        var city = Suggestions.Closest(normalized, byCity.Select(x => x.City));
        return city is null ? null : byCity.First(x => x.City == city).Id;
    }
}
