using System;
using System.Collections.Generic;

namespace Osiris.Oml.Scheduling;

/// <summary>
/// Dagster's <c>cron_string_iterator</c> (<c>dagster/_utils/schedules.py</c>, zoneinfo era), with
/// Python's aware-datetime rules (PEP 495 folds; <c>replace</c> keeps the fold, <c>+ timedelta</c>
/// is wall-clock arithmetic and resets it). Two code paths:
/// <list type="bullet">
/// <item>Fast paths for numeric hourly (<c>15 * * * *</c>), daily (<c>30 2 * * *</c>), weekly
/// (<c>30 2 * * 0</c>) and monthly (<c>30 2 9 * *</c>, day ≤ 28) patterns. Times in a gap during
/// hours 1-3 move to "start of hour + DST offset" (02:30 → 03:00; Lord Howe 02:15 → 02:30), the offset
/// being zoneinfo's <c>dst()</c> (<see cref="ZoneInfoDst"/>: 2 hours in America/Inuvik, 02:30 → 04:00);
/// repeated times take the second pass only when the hour is 1, 2 or 3, so a midnight fold (Havana
/// 2025-11-02) runs in the first pass. Up to 1.12 the hourly path computes the minute on epoch
/// seconds: in Kathmandu (+05:45) <c>15 * * * *</c> fires at :00 local.</item>
/// <item>Everything else: croniter on naive times, one hour of look-back, then a gap time moves to
/// the gap's end (hour <c>*</c>: skipped) and a repeated time runs in its second pass (hour
/// <c>*</c>: both passes).</item>
/// </list>
/// <c>... 29 2 *</c> is run as the 28th, kept in leap years and moved one day on.
/// </summary>
internal sealed class DagsterEngine
{
    // hours in which Dagster looks for DST trouble at all
    private const int FirstDstHour = 1;
    private const int LastDstHour = 3;

    private readonly PythonZone _zone;
    private readonly bool _fixedMinutes;

    private DagsterEngine(PythonZone zone, bool fixedMinutes)
    {
        _zone = zone;
        _fixedMinutes = fixedMinutes;
    }

    private enum Kind
    {
        Croniter,
        Hourly,
        Daily,
        Weekly,
        Monthly,
    }

    public static ScheduleFireTimes Run(CronExpression cron, PythonZone zone, long after, int count, ScheduleTarget target)
    {
        var engine = new DagsterEngine(zone, target == ScheduleTarget.DagsterFixed);
        var buffer = new FireTimeBuffer(count);
        var leapDay = LeapDayRewrite(cron.Text);
        var spec = cron.Croniter!;
        if (leapDay is not null)
        {
            var inner = CronExpression.Parse(leapDay);
            if (inner.Expression?.Croniter is not { } innerSpec)
            {
                return ScheduleCalculator.Failure(target, $"Dagster rewrites '{cron.Text}' to '{leapDay}', which croniter rejects.");
            }

            spec = innerSpec;
        }

        // Dagster's scheduler asks for the next tick from the last one plus a second
        // (dagster/_scheduler/scheduler.py: start_timestamp = latest_tick.timestamp + 1), never from a
        // tick itself, and the iterator yields times at or after its start: so 'strictly after
        // <after>' is 'from <after> + 1 s'. It matters on the hourly fast path of Dagster ≤ 1.12: from a
        // start that is a fire time, '0 * * * *' would take the "already on a boundary" shortcut and keep
        // local :00; from a second later it takes the epoch-minute arithmetic (dagster#33448), so in
        // America/St_Johns (-03:30) it fires on whole UTC hours, local :30, from the first tick on.
        var iterator = engine.Start(spec, leapDay ?? cron.Text, after + 1);

        // Every step moves forward in time, so this only guards against a defect turning into a hang.
        var budget = 1000 + (count * 1000L);
        while (!buffer.IsFull)
        {
            if (--budget < 0)
            {
                return ScheduleCalculator.Failure(target, "Dagster's iterator does not advance on this schedule.");
            }

            var step = iterator.Next();
            if (step.Failure is { } failure)
            {
                return failure == IteratorFailure.NoMatch
                    ? ScheduleCalculator.Stopped(target, buffer)
                    : ScheduleCalculator.Failure(target, "Dagster's cron_string_iterator fails its own check (a fire time before the start) on this schedule and zone.");
            }

            var value = step.Value;
            if (leapDay is not null)
            {
                if (!CivilTime.IsLeapYear(value.Civil.Year))
                {
                    continue;
                }

                value = value.AddWall(CivilTime.SecondsPerDay);
            }

            var timestamp = zone.Timestamp(value.Wall, value.Fold);
            if (timestamp > after)
            {
                buffer.Add(timestamp);
            }
        }

        return ScheduleCalculator.Completed(target, buffer);
    }

    /// <summary>Dagster's special case: <c>"m h 29 2 *"</c> runs as <c>"m h 28 2 *"</c>.</summary>
    private static string? LeapDayRewrite(string text)
    {
        const string Suffix = " 29 2 *";
        if (!text.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var first = text.IndexOf(Suffix, StringComparison.Ordinal);
        return first == text.Length - Suffix.Length ? text.Substring(0, first) + " 28 2 *" : null;
    }

    private IDagsterIterator Start(CroniterSpec spec, string text, long after)
    {
        var kind = Classify(spec);
        var start = _zone.FromTimestamp(after);
        if (kind == Kind.Croniter)
        {
            return new CroniterPath(this, spec, start, after);
        }

        return new FastPath(this, spec, kind, text, start, after);
    }

    private static Kind Classify(CroniterSpec spec)
    {
        if (spec.NthMasks is not null)
        {
            return Kind.Croniter;
        }

        bool Numeric(CroniterFieldSet f) => f.IsSingleNumber;
        bool Wildcard(CroniterFieldSet f) => f.ExactStar;

        if (Numeric(spec.Minute) && Numeric(spec.Hour) && Numeric(spec.DayOfMonth) && Wildcard(spec.Month) && Wildcard(spec.DayOfWeek)
            && spec.DayOfMonth.Values[0] <= 28)
        {
            return Kind.Monthly;
        }

        if (Numeric(spec.Minute) && Numeric(spec.Hour) && Numeric(spec.DayOfWeek) && Wildcard(spec.DayOfMonth) && Wildcard(spec.Month))
        {
            return Kind.Weekly;
        }

        if (Numeric(spec.Minute) && Numeric(spec.Hour) && Wildcard(spec.DayOfMonth) && Wildcard(spec.Month) && Wildcard(spec.DayOfWeek))
        {
            return Kind.Daily;
        }

        var allNumericMinutes = spec.Minute.Count > 0 && !spec.Minute.Star;
        if (allNumericMinutes && Wildcard(spec.Hour) && Wildcard(spec.DayOfMonth) && Wildcard(spec.Month) && Wildcard(spec.DayOfWeek))
        {
            return Kind.Hourly;
        }

        return Kind.Croniter;
    }

    private long Ts(PyTime t) => _zone.Timestamp(t.Wall, t.Fold);

    private static bool InDstHours(int hour) => hour >= FirstDstHour && hour <= LastDstHour;

    // apply_post_transition: a time in a gap during hours 1-3 becomes "start of its hour + dst()".
    private PyTime ApplyPostTransition(PyTime date)
    {
        var c = date.Civil;
        if (InDstHours(c.Hour) && !_zone.Exists(date.Wall))
        {
            var dst = _zone.DstSeconds(date.Wall + 3600, fold: 0);
            var startOfHour = date.Wall - (c.Minute * 60L) - c.Second;
            return new PyTime(startOfHour + dst, 0);
        }

        return date;
    }

    // _apply_fold: a repeated time during hours 1-3 takes fold=1 (its second pass).
    private PyTime ApplyFold(PyTime date)
    {
        if (date.Fold == 0 && InDstHours(date.Civil.Hour) && _zone.Ambiguous(date.Wall))
        {
            return date.WithFold(1);
        }

        return date;
    }

    private PyTime ApplyFoldAndPostTransition(PyTime date) => ApplyFold(ApplyPostTransition(date));

    private PyTime ReplaceDateFields(PyTime date, int hour, int minute, int day)
    {
        var c = date.Civil;
        c.Day = day;
        c.Hour = hour;
        c.Minute = minute;
        c.Second = 0;
        return ApplyFoldAndPostTransition(date.Replace(c));
    }

    private PyTime FindHourly(int[] minutes, PyTime date, bool ascending, bool onBoundary)
    {
        var c = date.Civil;
        var dateTs = Ts(date);
        var sameMinute = minutes.Length == 1 && (onBoundary || (c.Minute == minutes[0] && c.Second == 0));
        if (sameMinute)
        {
            // "switch to utc so that timedelta behaves as expected"
            return _zone.FromTimestamp(dateTs + (ascending ? 3600 : -3600));
        }

        var newTs = ascending
            ? dateTs + CivilTime.FloorMod(60 - CivilTime.FloorMod(dateTs, 60), 60)
            : dateTs - CivilTime.FloorMod(dateTs, 60);

        // Dagster ≤ 1.12 takes the minute of the EPOCH timestamp, not the local minute (issue #33448).
        var currentMinute = _fixedMinutes
            ? _zone.FromTimestamp(newTs).Civil.Minute
            : (int)CivilTime.FloorMod(CivilTime.FloorDiv(newTs, 60), 60);

        long? best = null;
        foreach (var minute in minutes)
        {
            long candidate;
            if (ascending)
            {
                candidate = newTs + (60 * CivilTime.FloorMod(minute - currentMinute, 60));
                if (candidate <= dateTs)
                {
                    candidate += 3600;
                }

                best = best is null ? candidate : Math.Min(best.Value, candidate);
            }
            else
            {
                candidate = newTs - (60 * CivilTime.FloorMod(currentMinute - minute, 60));
                if (candidate >= dateTs)
                {
                    candidate -= 3600;
                }

                best = best is null ? candidate : Math.Max(best.Value, candidate);
            }
        }

        return _zone.FromTimestamp(best!.Value);
    }

    private PyTime FindDaily(int minute, int hour, PyTime date, bool ascending, bool onBoundary)
    {
        var c = date.Civil;
        var newTime = !onBoundary || c.Hour != hour || c.Minute != minute || c.Second != 0
            ? ReplaceDateFields(date, hour, minute, c.Day)
            : date;

        if (ascending ? onBoundary || Ts(newTime) <= Ts(date) : onBoundary || Ts(newTime) >= Ts(date))
        {
            newTime = newTime.AddWall(ascending ? CivilTime.SecondsPerDay : -CivilTime.SecondsPerDay);
        }

        return Recheck(newTime, hour, minute, null);
    }

    private PyTime FindWeekly(int minute, int hour, int dayOfWeek, PyTime date, bool ascending, bool onBoundary)
    {
        PyTime newTime;
        if (!onBoundary)
        {
            newTime = ReplaceDateFields(date, hour, minute, date.Civil.Day);
            var current = newTime.Civil.DayOfWeek;
            if (dayOfWeek != current)
            {
                newTime = ascending
                    ? newTime.AddWall(CivilTime.SecondsPerDay * CivilTime.FloorMod(dayOfWeek - current, 7))
                    : newTime.AddWall(-CivilTime.SecondsPerDay * CivilTime.FloorMod(current - dayOfWeek, 7));
            }
        }
        else
        {
            newTime = date;
        }

        if (ascending ? onBoundary || Ts(newTime) <= Ts(date) : onBoundary || Ts(newTime) >= Ts(date))
        {
            newTime = newTime.AddWall((ascending ? 7 : -7) * CivilTime.SecondsPerDay);
        }

        return Recheck(newTime, hour, minute, null);
    }

    private PyTime FindMonthly(int minute, int hour, int day, PyTime date, bool ascending, bool onBoundary)
    {
        var newTime = onBoundary ? date : ReplaceDateFields(date, hour, minute, day);
        if (ascending ? onBoundary || Ts(newTime) <= Ts(date) : onBoundary || Ts(newTime) >= Ts(date))
        {
            // relativedelta(months=±1): replace year/month (day clamped), then + timedelta(0): fold 0.
            var c = newTime.Civil;
            c.AddMonthsClamped(ascending ? 1 : -1);
            newTime = new PyTime(c.ToSeconds(), 0);
        }

        return Recheck(newTime, hour, minute, day);
    }

    // "If the hour or minute has changed ... double-check that it's still correct in case we crossed a DST boundary"
    private PyTime Recheck(PyTime newTime, int hour, int minute, int? day)
    {
        var c = newTime.Civil;
        if (c.Hour != hour || c.Minute != minute)
        {
            newTime = ReplaceDateFields(newTime, hour, minute, day ?? c.Day);
        }

        return ApplyFoldAndPostTransition(newTime);
    }

    private enum IteratorFailure
    {
        NoMatch,
        InvariantViolated,
    }

    private readonly struct Step
    {
        public Step(PyTime value)
        {
            Value = value;
            Failure = null;
        }

        public Step(IteratorFailure failure)
        {
            Value = default;
            Failure = failure;
        }

        public PyTime Value { get; }

        public IteratorFailure? Failure { get; }
    }

    private interface IDagsterIterator
    {
        Step Next();
    }

    /// <summary>cron_string_iterator's fast path: one boundary back from the start, then forward.</summary>
    private sealed class FastPath : IDagsterIterator
    {
        private readonly DagsterEngine _engine;
        private readonly Kind _kind;
        private readonly int[] _minutes;
        private readonly int _hour;
        private readonly int _day;
        private readonly int _dayOfWeek;
        private readonly long _startTimestamp;
        private PyTime _next;
        private bool _pendingStart;

        public FastPath(DagsterEngine engine, CroniterSpec spec, Kind kind, string text, PyTime start, long startTimestamp)
        {
            _engine = engine;
            _kind = kind;
            _minutes = spec.Minute.Values;
            _hour = spec.Hour.IsSingleNumber ? spec.Hour.Values[0] : 0;
            _day = spec.DayOfMonth.IsSingleNumber ? spec.DayOfMonth.Values[0] : 0;
            _dayOfWeek = spec.DayOfWeek.IsSingleNumber ? spec.DayOfWeek.Values[0] : 0;
            _startTimestamp = startTimestamp;

            var c = start.Civil;
            var simple = (text == "0 0 * * *" && c.Hour == 0 && c.Minute == 0 && c.Second == 0)
                || (text == "0 * * * *" && c.Minute == 0 && c.Second == 0);
            if (simple)
            {
                _next = start;
                _pendingStart = true;
            }
            else
            {
                _next = Find(start, ascending: false, onBoundary: false);
            }
        }

        public Step Next()
        {
            if (_pendingStart)
            {
                _pendingStart = false;
                return new Step(_next);
            }

            _next = Find(_next, ascending: true, onBoundary: true);
            return _engine.Ts(_next) < _startTimestamp ? new Step(IteratorFailure.InvariantViolated) : new Step(_next);
        }

        private PyTime Find(PyTime date, bool ascending, bool onBoundary)
            => _kind switch
            {
                Kind.Hourly => _engine.FindHourly(_minutes, date, ascending, onBoundary),
                Kind.Daily => _engine.FindDaily(_minutes[0], _hour, date, ascending, onBoundary),
                Kind.Weekly => _engine.FindWeekly(_minutes[0], _hour, _dayOfWeek, date, ascending, onBoundary),
                _ => _engine.FindMonthly(_minutes[0], _hour, _day, date, ascending, onBoundary),
            };
    }

    /// <summary>_croniter_string_iterator: the last fire before the start, then forward from it.</summary>
    private sealed class CroniterPath : IDagsterIterator
    {
        private readonly DagsterEngine _engine;
        private readonly CroniterSpec _spec;
        private readonly PyTime _start;
        private readonly long _startTimestamp;
        private ZoneAwareCronIterator? _forward;

        public CroniterPath(DagsterEngine engine, CroniterSpec spec, PyTime start, long startTimestamp)
        {
            _engine = engine;
            _spec = spec;
            _start = start;
            _startTimestamp = startTimestamp;
        }

        public Step Next()
        {
            if (_forward is null)
            {
                var reverse = new ZoneAwareCronIterator(_engine, _spec, _start, ascending: false);
                if (!reverse.TryNext(out var previous))
                {
                    return new Step(IteratorFailure.NoMatch);
                }

                // next_date.astimezone(start.tzinfo) is a no-op on the same ZoneInfo: a gap time stays as it is.
                _forward = new ZoneAwareCronIterator(_engine, _spec, previous, ascending: true);
            }

            if (!_forward.TryNext(out var next))
            {
                return new Step(IteratorFailure.NoMatch);
            }

            return _engine.Ts(next) < _startTimestamp ? new Step(IteratorFailure.InvariantViolated) : new Step(next);
        }
    }

    /// <summary>_timezone_aware_cron_iter: naive croniter results turned into zoned times, one way.</summary>
    private sealed class ZoneAwareCronIterator
    {
        private readonly DagsterEngine _engine;
        private readonly CroniterSpec _spec;
        private readonly bool _ascending;
        private readonly bool _repeatsEveryHour;
        private readonly List<PyTime> _pending = new(4);
        private long _cursor;
        private long _startTimestamp;
        private int _pendingIndex;

        public ZoneAwareCronIterator(DagsterEngine engine, CroniterSpec spec, PyTime start, bool ascending)
        {
            _engine = engine;
            _spec = spec;
            _ascending = ascending;
            _repeatsEveryHour = spec.Hour.ExactStar;

            // "Go back an hour to ensure that we consider the full set of possible candidates"
            _cursor = start.Wall + (ascending ? -3600 : 3600);
            _startTimestamp = engine.Ts(start);
        }

        public bool TryNext(out PyTime value)
        {
            while (true)
            {
                while (_pendingIndex < _pending.Count)
                {
                    var candidate = _pending[_ascending ? _pendingIndex : _pending.Count - 1 - _pendingIndex];
                    _pendingIndex++;
                    var ts = _engine.Ts(candidate);
                    if (_ascending ? ts > _startTimestamp : ts < _startTimestamp)
                    {
                        _startTimestamp = ts;
                        value = candidate;
                        return true;
                    }
                }

                _pending.Clear();
                _pendingIndex = 0;
                if (!Advance(out var naive))
                {
                    value = default;
                    return false;
                }

                var zoned = new PyTime(naive, 0);
                if (!_engine._zone.Exists(naive))
                {
                    // hour '*' jobs skip a missing time; others go to the end of the gap
                    if (!_repeatsEveryHour)
                    {
                        _pending.Add(_engine.ApplyPostTransition(zoned));
                    }
                }
                else if (_engine._zone.Ambiguous(naive))
                {
                    if (!AddAmbiguous(zoned))
                    {
                        value = default;
                        return false;
                    }
                }
                else
                {
                    _pending.Add(zoned);
                }
            }
        }

        private bool Advance(out long naive)
        {
            var ok = _ascending
                ? CroniterSearch.TryGetNext(_spec, _cursor, dayOr: true, out naive)
                : CroniterSearch.TryGetPrevious(_spec, _cursor, dayOr: true, out naive);
            if (ok)
            {
                _cursor = naive;
            }

            return ok;
        }

        // _get_dates_to_consider_after_ambigious_time
        private bool AddAmbiguous(PyTime next)
        {
            var post = next.WithFold(1);
            if (!_repeatsEveryHour)
            {
                _pending.Add(post);
                return true;
            }

            var pre = next.WithFold(0);
            _pending.Add(post);
            _pending.Add(pre);
            var currentPre = pre;
            var currentPost = post;
            while (true)
            {
                if (_ascending ? _engine.Ts(currentPre) >= _engine.Ts(post) : _engine.Ts(currentPost) <= _engine.Ts(pre))
                {
                    break;
                }

                if (!Advance(out var naive))
                {
                    return false;
                }

                currentPre = new PyTime(naive, 0);
                currentPost = new PyTime(naive, 1);
                _pending.Add(currentPre);
                _pending.Add(currentPost);
            }

            // sorted(..., key=timestamp) is stable: equal timestamps keep their order.
            for (var i = 1; i < _pending.Count; i++)
            {
                var item = _pending[i];
                var key = _engine.Ts(item);
                var j = i - 1;
                while (j >= 0 && _engine.Ts(_pending[j]) > key)
                {
                    _pending[j + 1] = _pending[j];
                    j--;
                }

                _pending[j + 1] = item;
            }

            return true;
        }
    }
}
