using NodaTime;
using NodaTime.TimeZones;

namespace Osiris.Oml.Scheduling;

/// <summary>
/// How Python's <c>zoneinfo</c> and pendulum 3 turn wall-clock times into instants (PEP 495),
/// computed on NodaTime's zone data. Times are whole seconds: wall seconds (local time read as
/// UTC, since 1970) and timestamps (real seconds since 1970).
/// </summary>
/// <remarks>
/// PEP 495 in one line: <c>fold=0</c> uses the offset in force BEFORE the transition, <c>fold=1</c>
/// the one AFTER, in a repeated hour and in a skipped one alike. So in New York on 2025-03-09,
/// 02:30 fold=0 is 02:30 EST = 07:30Z = 03:30 EDT, and 02:30 fold=1 is 02:30 EDT = 06:30Z =
/// 01:30 EST; on 2025-11-02, 01:30 fold=0 is 05:30Z (EDT, first pass), fold=1 is 06:30Z (EST).
/// </remarks>
internal sealed class PythonZone
{
    private readonly DateTimeZone _zone;

    public PythonZone(DateTimeZone zone) => _zone = zone;

    public ZoneLocalMapping Map(long wall) => _zone.MapLocal(CivilTime.FromSeconds(wall).ToLocalDateTime());

    /// <summary>The wall time of a timestamp (<c>make_naive</c>, <c>astimezone</c>).</summary>
    public long WallOf(long timestamp)
        => timestamp + _zone.GetUtcOffset(Instant.FromUnixTimeSeconds(timestamp)).Seconds;

    /// <summary><c>datetime(..., fold=f, tzinfo=ZoneInfo(z)).timestamp()</c>.</summary>
    public long Timestamp(long wall, int fold)
    {
        var mapping = Map(wall);
        var interval = fold == 0 ? mapping.EarlyInterval : mapping.LateInterval;
        return wall - interval.WallOffset.Seconds;
    }

    /// <summary><c>datetime.fromtimestamp(ts, ZoneInfo(z))</c>: the wall time, with fold=1 in the second pass of a repeated hour.</summary>
    public PyTime FromTimestamp(long timestamp)
    {
        var interval = _zone.GetZoneInterval(Instant.FromUnixTimeSeconds(timestamp));
        var wall = timestamp + interval.WallOffset.Seconds;
        var mapping = Map(wall);
        var fold = mapping.Count == 2 && !mapping.EarlyInterval.Equals(interval) ? 1 : 0;
        return new PyTime(wall, fold);
    }

    /// <summary>dateutil <c>datetime_exists</c>: the wall time is not inside a gap.</summary>
    public bool Exists(long wall) => Map(wall).Count > 0;

    /// <summary>
    /// dateutil <c>datetime_ambiguous</c> on a zoneinfo time: fold changes the offset or the DST
    /// part. That is true in a repeated hour and ALSO in a gap, which Dagster's callers rely on
    /// excluding first.
    /// </summary>
    public bool Ambiguous(long wall)
    {
        var mapping = Map(wall);
        return mapping.Count != 1
            && (mapping.EarlyInterval.WallOffset != mapping.LateInterval.WallOffset || mapping.EarlyInterval.Savings != mapping.LateInterval.Savings);
    }

    /// <summary><c>tzinfo.dst(dt)</c> in seconds: the daylight part of the offset the fold selects.</summary>
    public int DstSeconds(long wall, int fold)
    {
        var mapping = Map(wall);
        return (fold == 0 ? mapping.EarlyInterval : mapping.LateInterval).Savings.Seconds;
    }

    /// <summary>
    /// pendulum 3 <c>Timezone.convert</c> of a naive time: a time in a gap moves by the gap's
    /// length, BACKWARDS with fold=0 (02:30 → 01:30 EST; Prefect on Python ≤ 3.12) and FORWARDS
    /// with fold=1 (02:30 → 03:30 EDT; Airflow's <c>make_aware</c>); a repeated time keeps its fold.
    /// </summary>
    public long PendulumConvert(long wall, int fold)
    {
        var mapping = Map(wall);
        var before = mapping.EarlyInterval.WallOffset.Seconds;
        var after = mapping.LateInterval.WallOffset.Seconds;
        if (after > before)
        {
            wall += fold == 1 ? after - before : before - after;
        }

        return Timestamp(wall, fold);
    }
}
