using System;
using System.Collections.Generic;
using NodaTime;
using NodaTime.TimeZones;

namespace Osiris.Oml.Scheduling;

/// <summary>
/// Python's <c>zoneinfo</c> <c>tzinfo.dst()</c>, reproduced over NodaTime's zone data. A TZif file does
/// not store how much of an offset is daylight saving, only an isdst flag per local time type, so CPython
/// (<c>Lib/zoneinfo/_zoneinfo.py</c>, <c>_utcoff_to_dstoff</c>) infers it: walking the transitions in
/// order, a DST type takes the difference to the standard type it is first entered from (or, failing
/// that, left to); a type keeps that first answer for every later use, and a DST type never resolved
/// gets one hour. So the answer is a property of the type's history, not of the rule in force: America/Inuvik
/// first entered MDT (UTC-6) from PST (UTC-8) in 1979, and zoneinfo says dst() is 2 hours every summer
/// since, where NodaTime (and the tz rules) say 1 hour. Dagster moves a time in a DST gap forward by that
/// dst(), so <c>30 2 * * *</c> in Inuvik on 2025-03-09 fires at 04:00, not 03:00.
/// </summary>
/// <remarks>
/// <para>The TZif file is emulated as <c>zic -b fat</c> writes it (Debian's and most distributions'
/// tzdata): a local time type per distinct (UTC offset, isdst, abbreviation), numbered in order of first
/// use; a transition wherever the type changes, up to the end of 2037; after the last transition, the
/// file's POSIX TZ string, whose dst() is the rule's plain savings (NodaTime's). zic also keeps apart types
/// that differ only in whether their transition times were written as standard, wall or UT time, which
/// NodaTime's data does not record; in the tz data of 2020-2030 that changes dst() in America/Scoresbysund
/// only (until 2023), which a test compares against python3's zoneinfo where it is installed.</para>
/// <para>Built once per zone and calculator call, lazily: only Dagster's gap and fold handling asks.</para>
/// </remarks>
internal sealed class ZoneInfoDst
{
    /// <summary>zic's "fat" output writes explicit transitions through 2037.</summary>
    private static readonly Instant ExplicitUntil = Instant.FromUtc(2038, 1, 1, 0, 0);

    private readonly Instant[] _transitions;
    private readonly int[] _dstSeconds;

    public ZoneInfoDst(DateTimeZone zone)
    {
        var types = new List<(int UtcOffset, bool IsDst, string Name)>();
        var typeIndex = new Dictionary<(int, bool, string), int>();
        int TypeOf(ZoneInterval interval)
        {
            var key = (interval.WallOffset.Seconds, interval.Savings != Offset.Zero, interval.Name);
            if (!typeIndex.TryGetValue(key, out var index))
            {
                typeIndex[key] = index = types.Count;
                types.Add(key);
            }

            return index;
        }

        var transitions = new List<Instant>();
        var transitionTypes = new List<int>();
        var previous = -1;
        foreach (var interval in zone.GetZoneIntervals(new Interval(null, ExplicitUntil)))
        {
            var type = TypeOf(interval);
            if (previous >= 0 && type != previous && interval.HasStart && interval.Start < ExplicitUntil)
            {
                transitions.Add(interval.Start);
                transitionTypes.Add(type);
            }

            previous = type;
        }

        var dstOffsets = UtcOffsetsToDstOffsets(transitionTypes, types);
        _transitions = transitions.ToArray();
        _dstSeconds = new int[transitionTypes.Count];
        for (var i = 0; i < _dstSeconds.Length; i++)
        {
            _dstSeconds[i] = dstOffsets[transitionTypes[i]];
        }
    }

    /// <summary><c>dst()</c> in seconds for a time in <paramref name="interval"/>.</summary>
    public int DstSeconds(ZoneInterval interval)
    {
        // After the last explicit transition zoneinfo reads the TZ string: the rule's own savings.
        if (_transitions.Length == 0 || (interval.HasStart && interval.Start >= _transitions[_transitions.Length - 1]))
        {
            return interval.Savings.Seconds;
        }

        // Before the first transition: the first standard type (dstoff 0).
        if (!interval.HasStart || interval.Start < _transitions[0])
        {
            return 0;
        }

        var at = Array.BinarySearch(_transitions, interval.Start);
        return _dstSeconds[at >= 0 ? at : ~at - 1];
    }

    /// <summary>
    /// CPython's <c>ZoneInfo._utcoff_to_dstoff</c>, statement for statement (including its test of the
    /// type index where the transition index was meant, and the one-hour fallback).
    /// </summary>
    private static int[] UtcOffsetsToDstOffsets(List<int> transitionTypes, List<(int UtcOffset, bool IsDst, string Name)> types)
    {
        var typeCount = types.Count;
        var dstOffsets = new int[typeCount];
        var dstCount = 0;
        foreach (var type in types)
        {
            dstCount += type.IsDst ? 1 : 0;
        }

        var dstFound = 0;
        var exhausted = true;
        for (var i = 1; i < transitionTypes.Count; i++)
        {
            if (dstCount == dstFound)
            {
                exhausted = false;
                break;
            }

            var idx = transitionTypes[i];
            if (!types[idx].IsDst || dstOffsets[idx] != 0)
            {
                continue;
            }

            var dstOffset = 0;
            var utcOffset = types[idx].UtcOffset;
            var compare = transitionTypes[i - 1];
            if (!types[compare].IsDst)
            {
                dstOffset = utcOffset - types[compare].UtcOffset;
            }

            if (dstOffset == 0 && idx < typeCount - 1 && i + 1 < transitionTypes.Count)
            {
                compare = transitionTypes[i + 1];

                // The next transition is DST as well: skip it and hope a later one settles this type.
                if (types[compare].IsDst)
                {
                    continue;
                }

                dstOffset = utcOffset - types[compare].UtcOffset;
            }

            if (dstOffset != 0)
            {
                dstFound++;
                dstOffsets[idx] = dstOffset;
            }
        }

        // Python's for-else: only when the loop ran out without finding every DST offset.
        if (exhausted)
        {
            for (var idx = 0; idx < typeCount; idx++)
            {
                if (dstOffsets[idx] == 0 && types[idx].IsDst)
                {
                    dstOffsets[idx] = 3600;
                }
            }
        }

        return dstOffsets;
    }
}
