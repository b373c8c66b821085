using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using NodaTime;

namespace Osiris.Oml.Scheduling;

/// <summary>What a dry run of a schedule over a period should assume.</summary>
/// <param name="From">The period starts after this instant.</param>
/// <param name="To">The period ends at this instant (inclusive).</param>
/// <param name="Target">Whose scheduler semantics to apply.</param>
public sealed record SimulationOptions(Instant From, Instant To, ScheduleTarget Target)
{
    /// <summary>The most runs a simulation lists; the rest of the period is cut off.</summary>
    public const int MaxRuns = 5000;

    /// <summary>The longest a try may run (schedule.timeout); null when unbounded, so run lengths are unknown.</summary>
    public Duration? Timeout { get; init; }

    /// <summary>The most runs of the pipeline at once (schedule.concurrency); null is no limit.</summary>
    public int? Concurrency { get; init; }

    /// <summary>schedule.catchup; null when the pipeline does not say.</summary>
    public bool? Catchup { get; init; }

    /// <summary>A stretch in which the orchestrator runs nothing (scheduler or workers down), or null.</summary>
    public Interval? Outage { get; init; }
}

/// <summary>What happened to one scheduled run in a simulation.</summary>
public enum SimulatedRunState
{
    /// <summary>Starts at its scheduled time.</summary>
    OnTime,

    /// <summary>Waits for earlier runs because the concurrency limit is reached.</summary>
    Queued,

    /// <summary>Scheduled during the outage and never run.</summary>
    Skipped,

    /// <summary>Scheduled during the outage and run when it ended.</summary>
    CaughtUp,
}

/// <summary>What an orchestrator does with the runs an outage missed.</summary>
public enum CatchupBehavior
{
    /// <summary>Every missed run is run when the outage ends (Airflow catchup=True, Osiris catchup: true).</summary>
    All,

    /// <summary>Only the most recent missed run is run (Airflow catchup=False, an unpartitioned Dagster schedule).</summary>
    LatestOnly,

    /// <summary>The most recent few are run (a partitioned Dagster schedule: max_catchup_runs, 5 by default).</summary>
    LatestFew,

    /// <summary>Runs created in advance stay "Late" and all run when workers return (Prefect; catchup has no equivalent).</summary>
    AllLate,
}

/// <summary>A change of the zone's UTC offset.</summary>
/// <param name="At">When it happens.</param>
/// <param name="OffsetBefore">The offset before.</param>
/// <param name="OffsetAfter">The offset after.</param>
public readonly record struct DstTransition(Instant At, Offset OffsetBefore, Offset OffsetAfter)
{
    /// <summary>Whether clocks jump forward (local times are skipped); otherwise they fall back (local times repeat).</summary>
    public bool IsGap => OffsetAfter > OffsetBefore;

    /// <summary>How far the clocks move.</summary>
    public Duration Shift => Duration.FromSeconds(Math.Abs(OffsetAfter.Seconds - OffsetBefore.Seconds));

    /// <summary>The local wall time at which the clocks change (before the change).</summary>
    public LocalDateTime LocalBefore => At.WithOffset(OffsetBefore).LocalDateTime;

    /// <summary>The local wall time the clocks show right after the change.</summary>
    public LocalDateTime LocalAfter => At.WithOffset(OffsetAfter).LocalDateTime;

    /// <summary>The transitions of <paramref name="zone"/> in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public static ImmutableArray<DstTransition> Between(DateTimeZone zone, Instant from, Instant to)
        => ZoneTransition.Between(zone, from, to, int.MaxValue).Select(t => new DstTransition(t.At, t.Before, t.After)).ToImmutableArray();
}

/// <summary>One run of a simulation.</summary>
/// <param name="FireTime">When it is scheduled.</param>
/// <param name="Window">The rows it loads, when the schedule has a window.</param>
/// <param name="State">Whether it starts on time, waits, is skipped or caught up.</param>
/// <param name="Start">When it starts (null when skipped).</param>
/// <param name="LatestEnd">When it ends at the latest: start + timeout (null when skipped or without a timeout).</param>
/// <param name="StillRunning">How many earlier runs may still be running at its scheduled time.</param>
/// <param name="Transition">The DST change on its local date, if any.</param>
public sealed record SimulatedRun(Instant FireTime, RunWindow? Window, SimulatedRunState State, Instant? Start, Instant? LatestEnd, int StillRunning, DstTransition? Transition)
{
    /// <summary>
    /// How this run's window meets the previous run's: positive when they overlap (rows loaded twice),
    /// negative when they leave a gap (rows never loaded), zero when they are contiguous; null for the
    /// first run or without a window.
    /// </summary>
    public Duration? WindowOverlap { get; init; }
}

/// <summary>One try of a failing run in the retry timeline.</summary>
/// <param name="Number">1 for the first try.</param>
/// <param name="EarliestStart">The earliest start (the shortest waits).</param>
/// <param name="LatestStart">The latest start (the longest waits; Airflow's jitter makes them differ).</param>
/// <param name="Wait">The wait before this try (zero for the first).</param>
public sealed record RetryTry(int Number, Instant EarliestStart, Instant LatestStart, DelayRange Wait);

/// <summary>The outcome of a dry run over a period.</summary>
public sealed class ScheduleSimulationResult
{
    internal ScheduleSimulationResult(
        ImmutableArray<SimulatedRun> runs,
        bool truncated,
        ImmutableArray<DstTransition> transitions,
        CatchupBehavior? catchup,
        ImmutableArray<RetryTry> retryTimeline,
        RetryFormula retryFormula,
        Instant? failingRunEnd)
    {
        Runs = runs;
        IsTruncated = truncated;
        Transitions = transitions;
        Catchup = catchup;
        RetryTimeline = retryTimeline;
        RetryFormula = retryFormula;
        FailingRunLatestEnd = failingRunEnd;
    }

    /// <summary>Every run scheduled in the period, in order.</summary>
    public ImmutableArray<SimulatedRun> Runs { get; }

    /// <summary>Whether the period has more than <see cref="SimulationOptions.MaxRuns"/> runs (the rest is left out).</summary>
    public bool IsTruncated { get; }

    /// <summary>The zone's offset changes in the period.</summary>
    public ImmutableArray<DstTransition> Transitions { get; }

    /// <summary>What the target does with runs the outage missed; null without an outage.</summary>
    public CatchupBehavior? Catchup { get; }

    /// <summary>
    /// The tries of the first run of the period if every try fails at its timeout (at once without a
    /// timeout); empty without retries or runs.
    /// </summary>
    public ImmutableArray<RetryTry> RetryTimeline { get; }

    /// <summary>Whose formula the retry waits follow.</summary>
    public RetryFormula RetryFormula { get; }

    /// <summary>When the failing run's last try ends at the latest; null without runs.</summary>
    public Instant? FailingRunLatestEnd { get; }
}

/// <summary>
/// A dry run of a schedule over a period, with the target's semantics: every run with its window,
/// the DST changes, what an outage costs, which runs wait for earlier ones, and the retry timeline
/// of a failing run. Pure: the same inputs give the same result.
/// </summary>
public static class ScheduleSimulation
{
    /// <summary>How many missed runs a partitioned Dagster schedule catches up (Dagster's DEFAULT_MAX_CATCHUP_RUNS).</summary>
    public const int DagsterMaxCatchupRuns = 5;

    /// <summary>Simulates <paramref name="schedule"/> over the period of <paramref name="options"/>.</summary>
    /// <exception cref="NotSupportedException">The target refuses the expression.</exception>
    public static ScheduleSimulationResult Run(ScheduleDefinition schedule, SimulationOptions options)
    {
        if (schedule is null)
        {
            throw new ArgumentNullException(nameof(schedule));
        }

        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (options.To < options.From)
        {
            throw new ArgumentException("The period ends before it starts.", nameof(options));
        }

        var zone = schedule.Zone;
        var fires = new List<Instant>();
        var after = options.From;
        while (fires.Count <= SimulationOptions.MaxRuns)
        {
            var batch = schedule.GetFireTimes(after, 256, options.Target);
            foreach (var fire in batch)
            {
                if (fire > options.To || fires.Count > SimulationOptions.MaxRuns)
                {
                    break;
                }

                fires.Add(fire);
            }

            if (batch.Length < 256 || batch[batch.Length - 1] > options.To)
            {
                break;
            }

            after = batch[batch.Length - 1];
        }

        var truncated = fires.Count > SimulationOptions.MaxRuns;
        if (truncated)
        {
            fires.RemoveRange(SimulationOptions.MaxRuns, fires.Count - SimulationOptions.MaxRuns);
        }

        var transitions = DstTransition.Between(zone, options.From, options.To);
        var catchup = options.Outage is null ? (CatchupBehavior?)null : CatchupOf(options.Target, options.Catchup, schedule.Window is not null);
        var states = Outage(fires, options.Outage, catchup);

        var runs = ImmutableArray.CreateBuilder<SimulatedRun>(fires.Count);
        RunWindow? previousWindow = null;
        Instant? previous = fires.Count > 0 && schedule.Window is { Kind: WindowKind.Tumbling } ? schedule.GetPreviousFireTime(fires[0] - Duration.Epsilon, options.Target) : null;
        var active = new List<Instant?>(); // the latest ends of started runs (null = unknown length)
        for (var i = 0; i < fires.Count; i++)
        {
            var fire = fires[i];
            var window = schedule.GetWindow(fire, previous);
            Duration? overlap = window is { } w && previousWindow is { } pw ? pw.End - w.Start : null;
            previousWindow = window;
            previous = fire;
            var (state, release) = states[i];
            var transition = OnLocalDate(fire, zone, transitions);
            if (state == SimulatedRunState.Skipped)
            {
                runs.Add(new SimulatedRun(fire, window, state, null, null, 0, transition) { WindowOverlap = overlap });
                continue;
            }

            var ready = release ?? fire;
            var stillRunning = options.Timeout is null ? 0 : active.Count(end => end > fire);
            var start = ready;
            if (options.Timeout is { } timeout && options.Concurrency is { } limit)
            {
                // Every earlier run lasts until its timeout (the worst case): wait for a free slot.
                var busy = active.Where(end => end > start).Select(end => end!.Value).OrderBy(end => end).ToList();
                if (busy.Count >= limit)
                {
                    start = busy[busy.Count - limit];
                }

                if (state == SimulatedRunState.OnTime && start > fire)
                {
                    state = SimulatedRunState.Queued;
                }
            }

            var end = options.Timeout is { } t ? start + t : (Instant?)null;
            active.Add(end);
            runs.Add(new SimulatedRun(fire, window, state, start, end, stillRunning, transition) { WindowOverlap = overlap });
        }

        // The retry timeline of the first run that runs, if every try fails at its timeout.
        var formula = RetryDelays.FormulaFor(options.Target);
        var timeline = ImmutableArray.CreateBuilder<RetryTry>();
        Instant? failingEnd = null;
        var first = runs.FirstOrDefault(r => r.Start is not null);
        if (first?.Start is { } firstStart)
        {
            var tryLength = options.Timeout ?? Duration.Zero;
            var earliest = firstStart;
            var latest = firstStart;
            timeline.Add(new RetryTry(1, earliest, latest, new DelayRange(Duration.Zero, Duration.Zero)));
            var delays = schedule.GetRetryDelays(options.Target);
            for (var k = 0; k < delays.Length; k++)
            {
                earliest += tryLength + delays[k].Minimum;
                latest += tryLength + delays[k].Maximum;
                timeline.Add(new RetryTry(k + 2, earliest, latest, delays[k]));
            }

            failingEnd = latest + tryLength;
        }

        return new ScheduleSimulationResult(runs.ToImmutable(), truncated, transitions, catchup, timeline.ToImmutable(), formula, failingEnd);
    }

    /// <summary>What <paramref name="target"/> does with runs missed during an outage.</summary>
    public static CatchupBehavior CatchupOf(ScheduleTarget target, bool? catchup, bool partitioned) => target switch
    {
        ScheduleTarget.PrefectPython312 or ScheduleTarget.PrefectPython313 => CatchupBehavior.AllLate,
        ScheduleTarget.Dagster or ScheduleTarget.DagsterFixed => partitioned ? CatchupBehavior.LatestFew : CatchupBehavior.LatestOnly,
        _ => catchup == true ? CatchupBehavior.All : CatchupBehavior.LatestOnly,
    };

    private static List<(SimulatedRunState State, Instant? Release)> Outage(List<Instant> fires, Interval? outage, CatchupBehavior? behavior)
    {
        var states = fires.Select(_ => (SimulatedRunState.OnTime, (Instant?)null)).ToList();
        if (outage is not { } down || behavior is not { } catchup)
        {
            return states;
        }

        var missed = new List<int>();
        for (var i = 0; i < fires.Count; i++)
        {
            if (down.Contains(fires[i]))
            {
                missed.Add(i);
            }
        }

        var keep = catchup switch
        {
            CatchupBehavior.All or CatchupBehavior.AllLate => missed.Count,
            CatchupBehavior.LatestFew => Math.Min(DagsterMaxCatchupRuns, missed.Count),
            _ => Math.Min(1, missed.Count),
        };
        for (var j = 0; j < missed.Count; j++)
        {
            var index = missed[j];
            states[index] = j >= missed.Count - keep
                ? (SimulatedRunState.CaughtUp, down.End)
                : (SimulatedRunState.Skipped, null);
        }

        return states;
    }

    private static DstTransition? OnLocalDate(Instant fire, DateTimeZone zone, ImmutableArray<DstTransition> transitions)
    {
        var date = fire.InZone(zone).Date;
        foreach (var transition in transitions)
        {
            if (transition.LocalBefore.Date == date || transition.LocalAfter.Date == date)
            {
                return transition;
            }
        }

        return null;
    }
}
