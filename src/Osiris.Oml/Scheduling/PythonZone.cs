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
    // Offsets of neighbouring intervals differ by far less than this (at most 36 hours in theory),
    // so a wall time this far inside an interval's local range belongs to that interval alone.
    private const long Margin = 2 * CivilTime.SecondsPerDay;

    private readonly DateTimeZone _zone;
    private ZoneInfoDst? _dst;

    // The last interval used, with its bounds in seconds: most lookups hit it and allocate nothing.
    private ZoneInterval? _interval;
    private long _start;
    private long _end;
    private long _safeLocalStart;
    private long _safeLocalEnd;

    public PythonZone(DateTimeZone zone) => _zone = zone;

    /// <summary>The mapping of a wall time; NodaTime's <c>MapLocal</c> only near a transition.</summary>
    public WallMapping Map(long wall)
    {
        if (_interval is { } cached && wall >= _safeLocalStart && wall < _safeLocalEnd)
        {
            return new WallMapping(1, cached, cached);
        }

        var guess = IntervalAt(wall - (_interval?.WallOffset.Seconds ?? 0));
        if (wall >= _safeLocalStart && wall < _safeLocalEnd)
        {
            return new WallMapping(1, guess, guess);
        }

        var mapping = _zone.MapLocal(CivilTime.FromSeconds(wall).ToLocalDateTime());
        return new WallMapping(mapping.Count, mapping.EarlyInterval, mapping.LateInterval);
    }

    /// <summary>The wall time of a timestamp (<c>make_naive</c>, <c>astimezone</c>).</summary>
    public long WallOf(long timestamp) => timestamp + IntervalAt(timestamp).WallOffset.Seconds;

    /// <summary><c>datetime(..., fold=f, tzinfo=ZoneInfo(z)).timestamp()</c>.</summary>
    public long Timestamp(long wall, int fold)
    {
        var mapping = Map(wall);
        var interval = fold == 0 ? mapping.Early : mapping.Late;
        return wall - interval.WallOffset.Seconds;
    }

    /// <summary><c>datetime.fromtimestamp(ts, ZoneInfo(z))</c>: the wall time, with fold=1 in the second pass of a repeated hour.</summary>
    public PyTime FromTimestamp(long timestamp)
    {
        var interval = IntervalAt(timestamp);
        var wall = timestamp + interval.WallOffset.Seconds;
        var mapping = Map(wall);
        var fold = mapping.Count == 2 && !mapping.Early.Equals(interval) ? 1 : 0;
        return new PyTime(wall, fold);
    }

    /// <summary>The zone interval in force at a timestamp.</summary>
    public ZoneInterval IntervalAt(long timestamp)
    {
        if (_interval is { } cached && timestamp >= _start && timestamp < _end)
        {
            return cached;
        }

        var interval = _zone.GetZoneInterval(Instant.FromUnixTimeSeconds(timestamp));
        var offset = interval.WallOffset.Seconds;
        _interval = interval;
        _start = interval.HasStart ? interval.Start.ToUnixTimeSeconds() : long.MinValue;
        _end = interval.HasEnd ? interval.End.ToUnixTimeSeconds() : long.MaxValue;
        _safeLocalStart = interval.HasStart ? _start + offset + Margin : long.MinValue;
        _safeLocalEnd = interval.HasEnd ? _end + offset - Margin : long.MaxValue;
        return interval;
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
            && (mapping.Early.WallOffset != mapping.Late.WallOffset || Dst.DstSeconds(mapping.Early) != Dst.DstSeconds(mapping.Late));
    }

    /// <summary>
    /// <c>tzinfo.dst(dt)</c> in seconds: the daylight part of the offset the fold selects, as zoneinfo
    /// infers it from the TZif data (<see cref="ZoneInfoDst"/>), which is not always the rule's savings.
    /// </summary>
    public int DstSeconds(long wall, int fold)
    {
        var mapping = Map(wall);
        return Dst.DstSeconds(fold == 0 ? mapping.Early : mapping.Late);
    }

    private ZoneInfoDst Dst => _dst ??= new ZoneInfoDst(_zone);

    /// <summary>
    /// pendulum 3 <c>Timezone.convert</c> of a naive time: a time in a gap moves by the gap's
    /// length, BACKWARDS with fold=0 (02:30 → 01:30 EST; Prefect on Python ≤ 3.12) and FORWARDS
    /// with fold=1 (02:30 → 03:30 EDT; Airflow's <c>make_aware</c>); a repeated time keeps its fold.
    /// </summary>
    public long PendulumConvert(long wall, int fold)
    {
        var mapping = Map(wall);
        var before = mapping.Early.WallOffset.Seconds;
        var after = mapping.Late.WallOffset.Seconds;
        if (after > before)
        {
            wall += fold == 1 ? after - before : before - after;
        }

        return Timestamp(wall, fold);
    }
}
