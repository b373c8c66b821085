using System;
using System.Collections.Generic;
using System.Threading;
using NodaTime;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Time;

namespace Osiris.Oml.Descriptors;

/// <summary>
/// A pipeline's <c>schedule</c> block, and the answers a program needs from it: the next runs under an
/// orchestrator's semantics, the window a run loads and the wait before a retry. The math is the
/// engine's <see cref="ScheduleDefinition"/>, the same the build, the CLI and the exports use.
/// </summary>
/// <remarks>Immutable and thread-safe. Zones come from NodaTime's embedded TZDB, never from the machine.</remarks>
public sealed class ScheduleDescriptor
{
    private ScheduleDefinition? _definition;

    /// <summary>Creates a schedule (the generated code does).</summary>
    /// <param name="expression">The cron expression or preset; null for an interval schedule.</param>
    /// <param name="every">The interval of an interval schedule; null for a cron schedule.</param>
    /// <param name="timeZone">The IANA zone id.</param>
    /// <param name="start">The <c>start</c> as written, or null.</param>
    /// <param name="retry">The retry policy, or null.</param>
    /// <param name="timeout">The run timeout, or null.</param>
    /// <param name="concurrency">The most runs at once, or null.</param>
    /// <param name="catchup">Whether missed runs are run later, or null when not said.</param>
    /// <param name="window">The load window, or null.</param>
    public ScheduleDescriptor(string? expression, OmlDuration? every, string timeZone, string? start, RetryPolicy? retry, OmlDuration? timeout, int? concurrency, bool? catchup, WindowDescriptor? window)
    {
        Expression = expression;
        Every = every;
        TimeZone = timeZone ?? throw new ArgumentNullException(nameof(timeZone));
        Start = start;
        Retry = retry;
        Timeout = timeout;
        Concurrency = concurrency;
        Catchup = catchup;
        Window = window;
    }

    /// <summary>The cron expression or preset (<c>0 2 * * *</c>, <c>@daily</c>), or null for an interval schedule.</summary>
    public string? Expression { get; }

    /// <summary>The interval (<c>every: 15m</c>), or null for a cron schedule.</summary>
    public OmlDuration? Every { get; }

    /// <summary>The IANA id of the schedule's zone, for example <c>Europe/Prague</c>.</summary>
    public string TimeZone { get; }

    /// <summary>The <c>start</c> as written (a date or a local date and time), or null.</summary>
    public string? Start { get; }

    /// <summary>How a failed run is retried, or null without retries.</summary>
    public RetryPolicy? Retry { get; }

    /// <summary>How long a run may take, or null.</summary>
    public OmlDuration? Timeout { get; }

    /// <summary>How many runs may be active at once, or null when not said.</summary>
    public int? Concurrency { get; }

    /// <summary>Whether runs missed while the scheduler was down are run afterwards, or null when not said.</summary>
    public bool? Catchup { get; }

    /// <summary>The incremental-load window of each run, or null.</summary>
    public WindowDescriptor? Window { get; }

    /// <summary>
    /// The engine's schedule (fire times, windows, retry delays with NodaTime types).
    /// </summary>
    /// <exception cref="InvalidOperationException">The values do not make a schedule (only when built by hand).</exception>
    public ScheduleDefinition Definition
    {
        get
        {
            if (Volatile.Read(ref _definition) is { } known)
            {
                return known;
            }

            if (!ScheduleDefinition.TryCreate(Expression, Every, TimeZone, Start, out var schedule, out var error))
            {
                throw new InvalidOperationException(error);
            }

            schedule = schedule!
                .WithRetry(Retry)
                .WithWindow(Window is { } w ? new WindowDefinition(w.Kind, w.Size, w.Offset) : null);
            return Interlocked.CompareExchange(ref _definition, schedule, null) ?? schedule;
        }
    }

    /// <summary>
    /// The first <paramref name="count"/> fire instants strictly after <paramref name="after"/> under
    /// <paramref name="target"/>'s semantics, each with the offset the zone has at that instant.
    /// </summary>
    /// <exception cref="NotSupportedException">The target refuses the expression (the message says why).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or above <see cref="ScheduleCalculator.MaxCount"/>.</exception>
    public IReadOnlyList<DateTimeOffset> GetNextRuns(DateTimeOffset after, int count, ScheduleTarget target)
        => Definition.GetNextRuns(after, count, target);

    /// <summary>
    /// The rows the run scheduled at <paramref name="fireTime"/> loads, <c>[Start, End)</c> with the zone's
    /// offsets; null when the schedule has no window. A tumbling window starts at the run before,
    /// found under <paramref name="target"/>'s semantics.
    /// </summary>
    public RunWindowTimes? GetWindow(DateTimeOffset fireTime, ScheduleTarget target)
    {
        var definition = Definition;
        if (definition.Window is null)
        {
            return null;
        }

        var fire = Instant.FromDateTimeOffset(fireTime);
        Instant? previous = definition.Window.Kind == WindowKind.Tumbling ? definition.GetPreviousFireTime(fire - Duration.Epsilon, target) : null;
        var window = definition.GetWindow(fire, previous)!.Value;
        return new RunWindowTimes(
            window.Start.InZone(definition.Zone).ToDateTimeOffset(),
            window.End.InZone(definition.Zone).ToDateTimeOffset());
    }

    /// <summary>
    /// The wait before retry <paramref name="attempt"/> (1 = the first retry) under <paramref name="target"/>'s
    /// backoff formula; Minimum and Maximum differ where the target adds jitter. Null without a retry
    /// policy or beyond its attempts.
    /// </summary>
    public RetryDelay? GetRetryDelay(int attempt, ScheduleTarget target)
    {
        if (Retry is not { } retry || attempt < 1 || attempt > retry.Attempts)
        {
            return null;
        }

        var range = RetryDelays.GetDelay(retry, attempt, RetryDelays.FormulaFor(target));
        return new RetryDelay(range.Minimum.ToTimeSpan(), range.Maximum.ToTimeSpan());
    }

    /// <summary>The expression or the interval, and the zone.</summary>
    public override string ToString() => (Expression ?? "every " + Every) + " in " + TimeZone;
}

/// <summary>The <c>window</c> of a schedule.</summary>
/// <param name="Kind">Sliding or tumbling.</param>
/// <param name="Size">The size of a sliding window (null for tumbling ones).</param>
/// <param name="Offset">How far the window is shifted from the run's time.</param>
/// <param name="Field">The column the window filters on, or null.</param>
public sealed record WindowDescriptor(WindowKind Kind, OmlDuration? Size, OmlDuration Offset, string? Field);

/// <summary>The rows a run loads: <c>[Start, End)</c>, each with the zone's offset at that instant.</summary>
public readonly record struct RunWindowTimes(DateTimeOffset Start, DateTimeOffset End);

/// <summary>The wait before a retry: exactly <see cref="Minimum"/> unless the target adds jitter.</summary>
public readonly record struct RetryDelay(TimeSpan Minimum, TimeSpan Maximum);
