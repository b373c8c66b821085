using System;
using System.Collections.Generic;

namespace Osiris.Oml.Scheduling;

/// <summary>
/// One field as croniter's <c>expand()</c> leaves it: a sorted list of integers, possibly with
/// <c>'*'</c> (first) and, in day-of-month, <c>'l'</c> (last). Lookup tables answer croniter's
/// "nearest value" questions in O(1) instead of scanning the list on every search step.
/// </summary>
internal sealed class CroniterFieldSet
{
    private readonly int _min;
    private readonly int[] _next;
    private readonly int[] _prev;

    public CroniterFieldSet(int min, int max, IReadOnlyCollection<int> values, bool star, bool last, bool exactStar)
    {
        _min = min;
        var sorted = new int[values.Count];
        var i = 0;
        foreach (var v in values)
        {
            sorted[i++] = v;
        }

        Array.Sort(sorted);
        Values = sorted;
        Star = star;
        Last = last;
        ExactStar = exactStar;
        Count = sorted.Length + (star ? 1 : 0) + (last ? 1 : 0);

        // next[x - min]: smallest value >= x; prev[x - min]: largest value <= x; -1 when none.
        var size = max - min + 2;
        _next = new int[size];
        _prev = new int[size];
        var n = sorted.Length - 1;
        var best = -1;
        for (var x = max + 1; x >= min; x--)
        {
            while (n >= 0 && sorted[n] >= x)
            {
                best = sorted[n--];
            }

            _next[x - min] = best;
        }

        var p = 0;
        best = -1;
        for (var x = min; x <= max + 1; x++)
        {
            while (p < sorted.Length && sorted[p] <= x)
            {
                best = sorted[p++];
            }

            _prev[x - min] = best;
        }
    }

    /// <summary>The integers of the field, ascending.</summary>
    public int[] Values { get; }

    /// <summary>The list holds <c>'*'</c>: croniter skips the field while searching.</summary>
    public bool Star { get; }

    /// <summary>Day-of-month holds <c>'l'</c>.</summary>
    public bool Last { get; }

    /// <summary>The list is exactly <c>['*']</c> (Airflow's <c>_covers_every_hour</c>, Dagster's wildcard tests).</summary>
    public bool ExactStar { get; }

    /// <summary>The length of croniter's list.</summary>
    public int Count { get; }

    /// <summary>The list is one integer (Dagster's <c>is_numeric</c>).</summary>
    public bool IsSingleNumber => Count == 1 && Values.Length == 1;

    /// <summary>croniter <c>_get_next_nearest_diff</c>; null only without <paramref name="rangeValue"/> (the year field).</summary>
    public int? NextDiff(int x, int? rangeValue)
    {
        var v = NextAtOrAfter(x);
        if (v >= 0)
        {
            return v - x;
        }

        if (Last && rangeValue is { } days)
        {
            // 'l' sorts after the numbers and stands for range_val (the month's length).
            return days - x;
        }

        if (rangeValue is null || Values.Length == 0)
        {
            return null;
        }

        return Values[0] - x + rangeValue.Value;
    }

    /// <summary>croniter <c>_get_prev_nearest_diff</c>, including its odd fallbacks.</summary>
    public int? PrevDiff(int x, int? rangeValue)
    {
        var v = PrevAtOrBefore(x);
        if (v >= 0)
        {
            return v - x;
        }

        if (Last)
        {
            return -x;
        }

        if (rangeValue is null || Values.Length == 0)
        {
            return null;
        }

        var candidate = Values[Values.Length - 1];
        var fitting = PrevAtOrBefore(rangeValue.Value);
        if (fitting >= 0)
        {
            candidate = fitting;
        }

        if (candidate > rangeValue.Value)
        {
            return -rangeValue.Value;
        }

        return candidate - x - rangeValue.Value;
    }

    private int NextAtOrAfter(int x)
    {
        if (x < _min)
        {
            x = _min;
        }

        var i = x - _min;
        return i < _next.Length ? _next[i] : -1;
    }

    private int PrevAtOrBefore(int x)
    {
        if (x < _min)
        {
            return -1;
        }

        var i = x - _min;
        return i < _prev.Length ? _prev[i] : _prev[_prev.Length - 1];
    }
}
