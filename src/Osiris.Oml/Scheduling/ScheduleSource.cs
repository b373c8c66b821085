using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;
using NodaTime.TimeZones;
using Osiris.Oml.Time;

namespace Osiris.Oml.Scheduling;

/// <summary>
/// When a schedule fires, for any target: a cron expression through the calculator, or a fixed
/// interval counted from the schedule's start (absolute time; calendar days follow the zone's clock).
/// </summary>
internal sealed class ScheduleSource
{
    /// <summary>How many calendar-day steps a walk from the anchor takes at most.</summary>
    private const int MaxWalkSteps = 100_000;

    private ScheduleSource(CronExpression? cron, OmlDuration? every, DateTimeZone zone, Instant anchor)
    {
        Cron = cron;
        Every = every;
        Zone = zone;
        Anchor = anchor;
    }

    public CronExpression? Cron { get; }

    private OmlDuration? Every { get; }

    public DateTimeZone Zone { get; }

    /// <summary>Whether the fire times depend on the target: intervals fire alike everywhere.</summary>
    public bool DependsOnTarget => Cron is not null;

    private Instant Anchor { get; }

    /// <summary>
    /// The fire times of a cron schedule (<paramref name="cronText"/>) or of an interval schedule
    /// (<paramref name="every"/>, counted from <paramref name="start"/>, or from the Unix epoch at
    /// midnight in the zone without one). Null when there are none to compute: the zone is unknown,
    /// neither is given, or the expression is invalid or never fires. <paramref name="cron"/> is the
    /// parsed expression (also without a zone), for the caller to report on.
    /// </summary>
    public static ScheduleSource? TryCreate(string? cronText, OmlDuration? every, string? start, DateTimeZone? zone, out CronParseResult? cron)
    {
        cron = null;
        if (cronText is not null)
        {
            cron = CronExpression.Parse(cronText);
            return zone is not null && cron.Expression is { NeverFires: false } expression
                ? new ScheduleSource(expression, null, zone, default)
                : null;
        }

        if (every is { } interval && zone is not null)
        {
            var anchor = start is not null && ScheduleStart.Parse(start) is { } parsed
                ? parsed.InZone(zone)
                : new LocalDate(1970, 1, 1).AtStartOfDayInZone(zone).ToInstant();
            return new ScheduleSource(null, interval, zone, anchor);
        }

        return null;
    }

    /// <summary>Up to <paramref name="count"/> fire instants strictly after <paramref name="after"/>.</summary>
    public ImmutableArray<Instant> Fires(ScheduleTarget target, Instant after, int count)
    {
        if (Cron is not null)
        {
            var result = ScheduleCalculator.GetFireTimes(Cron, Zone, after, count, target);
            return result.IsAccepted ? result.FireTimes : ImmutableArray<Instant>.Empty;
        }

        var every = Every!.Value;
        var fires = ImmutableArray.CreateBuilder<Instant>(count);
        if (!every.HasCalendarDays)
        {
            var step = every.ToNominalDuration();
            if (step <= Duration.Zero)
            {
                return fires.ToImmutable();
            }

            var k = after < Anchor ? 0 : (long)Math.Floor((after - Anchor).TotalSeconds / step.TotalSeconds) + 1;
            for (var i = 0; i < count; i++)
            {
                fires.Add(Anchor + (step * (k + i)));
            }

            return fires.ToImmutable();
        }

        // Calendar days: step on the zone's clock from the anchor to the first fire after 'after'.
        var next = FirstCalendarFireAfter(every, after);
        for (var i = 0; i < count; i++)
        {
            fires.Add(next);
            next = every.AddTo(next, Zone);
        }

        return fires.ToImmutable();
    }

    /// <summary>
    /// The first fire after <paramref name="after"/> of a calendar-day interval, walking from the anchor
    /// (at most <see cref="MaxWalkSteps"/> steps). The walk cannot be replaced by arithmetic from the
    /// anchor: a time moved out of a DST gap stays moved. Between two transitions of the zone, though, a
    /// step is a plain addition of fixed time, so the walk jumps over those stretches and steps one by
    /// one only around the transitions.
    /// </summary>
    private Instant FirstCalendarFireAfter(OmlDuration every, Instant after)
    {
        var next = Anchor;
        long steps = 0;
        while (next <= after && steps < MaxWalkSteps)
        {
            var jump = PlainSteps(every, next, after, MaxWalkSteps - steps);
            if (jump > 0)
            {
                next += (Duration.FromDays(every.Days) + Duration.FromSeconds(every.Seconds)) * jump;
                steps += jump;
                continue;
            }

            next = every.AddTo(next, Zone);
            steps++;
        }

        return next;
    }

    /// <summary>
    /// How many steps from <paramref name="at"/> stay at the UTC offset of <paramref name="at"/> (each
    /// one then adds exactly its days and seconds) without passing <paramref name="after"/>.
    /// </summary>
    private long PlainSteps(OmlDuration every, Instant at, Instant after, long max)
    {
        if (every.Days <= 0 || every.Seconds < 0)
        {
            return 0;
        }

        var days = Duration.FromDays(every.Days);
        var step = days + Duration.FromSeconds(every.Seconds);

        // A step reads its local time at this offset and maps 'local + days' back leniently. That is
        // 'at + days' when the result is an instant of this interval whose wall time no other interval
        // shows first: after a fall back the first wall times of an interval repeat the previous one's,
        // but no zone repeats more than 24 hours (Sitka, 1867), and a step of a day or more from inside
        // the interval lands past them. So steps i = 0..k-1 need at + i*step + days < end, and the
        // last must land at or before 'after'.
        var interval = Zone.GetZoneInterval(at);
        var k = Math.Min(max, (after - at).BclCompatibleTicks / step.BclCompatibleTicks);
        if (interval.HasEnd)
        {
            var room = interval.End - Duration.Epsilon - (at + days);
            k = room < Duration.Zero ? 0 : Math.Min(k, (room.BclCompatibleTicks / step.BclCompatibleTicks) + 1);
        }

        return Math.Max(0, k);
    }

    /// <summary>
    /// The fires strictly after <paramref name="after"/>, enough to pass <paramref name="until"/> unless the
    /// schedule ends first or <paramref name="max"/> is reached. Asks for a few fires first and more only
    /// when needed: a daily schedule needs 8 fires for a week, not hundreds. The next request is sized
    /// from the rate of the fires so far (with a quarter to spare), so a frequent schedule is not
    /// computed again and again in growing batches.
    /// </summary>
    public ImmutableArray<Instant> FiresUntil(ScheduleTarget target, Instant after, Instant until, int max)
    {
        var count = Math.Min(16, max);
        while (true)
        {
            var fires = Fires(target, after, count);
            if (fires.Length < count || fires[fires.Length - 1] > until || count >= max)
            {
                return fires;
            }

            var covered = (fires[fires.Length - 1] - after).TotalSeconds;
            var needed = covered > 0 ? fires.Length * ((until - after).TotalSeconds / covered) * 1.25 : count * 4.0;
            count = (int)Math.Min(max, Math.Max(count * 2.0, Math.Ceiling(needed)));
        }
    }
}

/// <summary>A change of a zone's UTC offset: a gap when clocks jump forward, a fold when they fall back.</summary>
internal readonly record struct ZoneTransition(Instant At, Offset Before, Offset After)
{
    public bool IsGap => After > Before;

    /// <summary>How far the clocks move.</summary>
    public Duration Shift => Duration.FromSeconds(Math.Abs(After.Seconds - Before.Seconds));

    /// <summary>The first wall time that is skipped or repeated.</summary>
    public LocalDateTime WallStart => IsGap ? At.WithOffset(Before).LocalDateTime : At.WithOffset(After).LocalDateTime;

    /// <summary>The first wall time after the skipped or repeated ones.</summary>
    public LocalDateTime WallEnd => IsGap ? At.WithOffset(After).LocalDateTime : At.WithOffset(Before).LocalDateTime;

    /// <summary>"from 02:00 to 03:00" (a jump) or "from 03:00 to 02:00" (a fall back).</summary>
    public string Describe()
        => IsGap
            ? $"from {TimeText.Clock(WallStart.TimeOfDay)} to {TimeText.Clock(WallEnd.TimeOfDay)}"
            : $"from {TimeText.Clock(WallEnd.TimeOfDay)} to {TimeText.Clock(WallStart.TimeOfDay)}";

    /// <summary>The transitions of <paramref name="zone"/> in [from, to), at most <paramref name="max"/>.</summary>
    public static IReadOnlyList<ZoneTransition> Between(DateTimeZone zone, Instant from, Instant to, int max)
    {
        var result = new List<ZoneTransition>();
        ZoneInterval? previous = null;
        foreach (var interval in zone.GetZoneIntervals(from, to))
        {
            if (previous is not null && previous.WallOffset != interval.WallOffset && interval.HasStart)
            {
                result.Add(new ZoneTransition(interval.Start, previous.WallOffset, interval.WallOffset));
                if (result.Count == max)
                {
                    break;
                }
            }

            previous = interval;
        }

        return result;
    }
}

/// <summary>
/// The fire times the run analyses look at, per target: a steady stretch after the reference time
/// and a stretch around each of the zone's next DST transitions. Bounded: at most a few hundred fires
/// per stretch, whatever the expression.
/// </summary>
internal sealed class FireSamples
{
    /// <summary>How far ahead the next transitions are looked for: a little over a year.</summary>
    public static readonly Duration Horizon = Duration.FromDays(400);

    private const int MaxTransitions = 4;
    private const int MaxFiresPerStretch = 240;

    private FireSamples(DateTimeZone zone, IReadOnlyList<(TargetVariant Target, ImmutableArray<Instant> Steady, IReadOnlyList<(ZoneTransition Transition, ImmutableArray<Instant> Fires)> AroundTransitions)> byTarget)
    {
        Zone = zone;
        ByTarget = byTarget;
    }

    public DateTimeZone Zone { get; }

    public IReadOnlyList<(TargetVariant Target, ImmutableArray<Instant> Steady, IReadOnlyList<(ZoneTransition Transition, ImmutableArray<Instant> Fires)> AroundTransitions)> ByTarget { get; }

    /// <summary>The transitions the analyses look at: the zone's next few after <paramref name="reference"/>, within <see cref="Horizon"/>.</summary>
    public static IReadOnlyList<ZoneTransition> NextTransitions(DateTimeZone zone, Instant reference)
        => ZoneTransition.Between(zone, reference, reference + Horizon, MaxTransitions);

    /// <summary>
    /// The samples of each target: a steady stretch from <paramref name="reference"/> (later when a
    /// transition is near) and a stretch around each of <paramref name="transitions"/>, the zone's
    /// <see cref="NextTransitions"/> after <paramref name="reference"/>.
    /// </summary>
    public static FireSamples Take(ScheduleSource source, IReadOnlyList<TargetVariant> targets, Instant reference, IReadOnlyList<ZoneTransition> transitions)
    {
        // The steady stretch shows the schedule's usual rhythm, so it must not contain a DST change.
        var steadyFrom = reference;
        foreach (var transition in transitions)
        {
            if (transition.At > steadyFrom - Duration.FromDays(4) && transition.At < steadyFrom + Duration.FromDays(9))
            {
                steadyFrom = transition.At + Duration.FromDays(4);
            }
        }

        var byTarget = new List<(TargetVariant, ImmutableArray<Instant>, IReadOnlyList<(ZoneTransition, ImmutableArray<Instant>)>)>();
        foreach (var target in targets)
        {
            if (!source.DependsOnTarget && byTarget.Count > 0)
            {
                // An interval fires alike for every target: sample it once.
                var (_, sharedSteady, sharedAround) = byTarget[0];
                byTarget.Add((target, sharedSteady, sharedAround));
                continue;
            }

            var steady = Until(source, target.Target, steadyFrom, steadyFrom + Duration.FromDays(8));
            var around = new List<(ZoneTransition, ImmutableArray<Instant>)>();
            foreach (var transition in transitions)
            {
                var from = transition.At - Duration.FromDays(3);
                around.Add((transition, Until(source, target.Target, from, transition.At + Duration.FromDays(3))));
            }

            byTarget.Add((target, steady, around));
        }

        return new FireSamples(source.Zone, byTarget);
    }

    /// <summary>The fires after <paramref name="from"/> up to <paramref name="until"/>: at least two, at most <see cref="MaxFiresPerStretch"/>.</summary>
    private static ImmutableArray<Instant> Until(ScheduleSource source, ScheduleTarget target, Instant from, Instant until)
        => Within(source.FiresUntil(target, from, until, MaxFiresPerStretch), until);

    private static ImmutableArray<Instant> Within(ImmutableArray<Instant> fires, Instant until)
    {
        var n = 0;
        while (n < fires.Length && fires[n] <= until)
        {
            n++;
        }

        // Keep at least two fires so a pair exists even for schedules rarer than the stretch.
        return fires.Take(Math.Max(n, Math.Min(2, fires.Length)));
    }
}

internal static class ImmutableArrayExtensions
{
    public static ImmutableArray<T> Take<T>(this ImmutableArray<T> array, int count)
        => count >= array.Length ? array : ImmutableArray.Create(array, 0, count);
}
