using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;
using Osiris.Oml.Time;

namespace Osiris.Oml.Scheduling;

/// <summary>
/// A pipeline's schedule as plain values — a cron expression or a fixed interval, an IANA time zone,
/// an optional start, load window and retry policy — and the answers every host needs from it: the
/// next fire times under a target's semantics, the window each run loads and the waits between
/// retries. It knows nothing of OML files: the CLI, a language server and generated code build it
/// from the values they have.
/// </summary>
/// <remarks>
/// Immutable and thread-safe. Zones come from NodaTime's embedded TZDB
/// (<see cref="TimeZoneDataVersion"/>), never from the machine, so every machine gets the same
/// instants.
/// </remarks>
public sealed class ScheduleDefinition
{
    private readonly ScheduleSource _source;

    private ScheduleDefinition(ScheduleSource source, string? expression, OmlDuration? every, string timeZone, string? start, WindowDefinition? window, RetryPolicy? retry)
    {
        _source = source;
        Expression = expression;
        Every = every;
        TimeZone = timeZone;
        Start = start;
        Window = window;
        Retry = retry;
    }

    /// <summary>The TZDB release the instants are computed with, for example <c>2026f</c>.</summary>
    public static string TimeZoneDataVersion => TimeZones.TzdbVersion;

    /// <summary>The cron expression or preset, or null for an interval schedule.</summary>
    public string? Expression { get; }

    /// <summary>The parsed cron expression, or null for an interval schedule.</summary>
    public CronExpression? Cron => _source.Cron;

    /// <summary>The interval between runs, or null for a cron schedule.</summary>
    public OmlDuration? Every { get; }

    /// <summary>The IANA id of the schedule's zone.</summary>
    public string TimeZone { get; }

    /// <summary>The schedule's zone.</summary>
    public DateTimeZone Zone => _source.Zone;

    /// <summary>
    /// When an interval schedule counts from: a local date (<c>2024-01-01</c>) or local date and time
    /// (<c>2024-01-01T02:00</c>) in the zone; null counts from 1970-01-01 00:00 local time.
    /// </summary>
    public string? Start { get; }

    /// <summary>The rows each run loads, or null when runs have no window.</summary>
    public WindowDefinition? Window { get; }

    /// <summary>How a failed run is retried, or null without retries.</summary>
    public RetryPolicy? Retry { get; }

    /// <summary>Whether the fire times depend on the target (cron schedules); an interval fires alike everywhere.</summary>
    public bool DependsOnTarget => _source.DependsOnTarget;

    /// <summary>A cron schedule.</summary>
    /// <param name="expression">A 5-field cron expression or a preset such as <c>@daily</c> (6 and 7 fields are read as croniter reads them).</param>
    /// <param name="timeZone">An IANA zone id such as <c>Europe/Prague</c> or <c>UTC</c>.</param>
    /// <exception cref="ArgumentException">The zone is unknown, or the expression is invalid or never fires (the message says why).</exception>
    public static ScheduleDefinition FromCron(string expression, string timeZone)
        => TryCreate(expression ?? throw new ArgumentNullException(nameof(expression)), null, timeZone, null, out var schedule, out var error)
            ? schedule!
            : throw new ArgumentException(error, expression is null ? nameof(expression) : nameof(timeZone));

    /// <summary>An interval schedule.</summary>
    /// <param name="every">The interval; calendar days follow the zone's clock, hours and below are fixed time.</param>
    /// <param name="timeZone">An IANA zone id.</param>
    /// <param name="start">Where the intervals count from (see <see cref="Start"/>), or null.</param>
    /// <exception cref="ArgumentException">The zone or the start is not valid, or the interval is not positive.</exception>
    public static ScheduleDefinition FromInterval(OmlDuration every, string timeZone, string? start = null)
        => TryCreate(null, every, timeZone, start, out var schedule, out var error)
            ? schedule!
            : throw new ArgumentException(error, nameof(every));

    /// <summary>
    /// Builds a schedule from a cron expression or an interval (exactly one of them), or says why it
    /// cannot: <paramref name="error"/> is a sentence for the user.
    /// </summary>
    public static bool TryCreate(string? expression, OmlDuration? every, string timeZone, string? start, out ScheduleDefinition? schedule, out string? error)
    {
        schedule = null;
        if ((expression is null) == (every is null))
        {
            error = "A schedule needs either a cron expression or an interval, not both.";
            return false;
        }

        if (timeZone is null || TimeZones.Find(timeZone) is not { } zone)
        {
            var hint = timeZone is null ? null : TimeZones.Suggest(timeZone);
            error = $"Unknown time zone '{timeZone}'" + (hint is null ? "; use an IANA id such as 'Europe/Prague' or 'UTC'." : $"; did you mean '{hint}'?");
            return false;
        }

        if (every is { } interval && interval.NominalSeconds <= 0)
        {
            error = $"The interval must be longer than zero, not '{interval}'.";
            return false;
        }

        if (start is not null && ScheduleStart.Parse(start) is null)
        {
            error = $"The start '{start}' is neither a date (2024-01-01) nor a local date and time (2024-01-01T02:00).";
            return false;
        }

        var source = ScheduleSource.TryCreate(expression, every, start, zone, out var cron);
        if (source is null)
        {
            error = cron?.Expression is { NeverFires: true }
                ? $"The cron expression '{expression}' never fires."
                : $"Invalid cron expression '{expression}': {cron?.Error?.Message ?? "it cannot be read"}.";
            return false;
        }

        schedule = new ScheduleDefinition(source, expression, every, timeZone, start, null, null);
        error = null;
        return true;
    }

    /// <summary>The same schedule with a load window.</summary>
    public ScheduleDefinition WithWindow(WindowDefinition? window)
        => new(_source, Expression, Every, TimeZone, Start, window, Retry);

    /// <summary>The same schedule with a retry policy.</summary>
    public ScheduleDefinition WithRetry(RetryPolicy? retry)
        => new(_source, Expression, Every, TimeZone, Start, Window, retry);

    /// <summary>Whether <paramref name="target"/> accepts the schedule; null when it does (interval schedules always are).</summary>
    public ScheduleRejection? CheckSupport(ScheduleTarget target)
        => Cron is { } cron ? ScheduleCalculator.CheckSupport(cron, target) : null;

    /// <summary>
    /// The first <paramref name="count"/> fire instants strictly after <paramref name="after"/> under
    /// <paramref name="target"/>'s semantics (fewer when the schedule ends).
    /// </summary>
    /// <exception cref="NotSupportedException">The target refuses the expression (the message says why and what to write instead).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or above <see cref="ScheduleCalculator.MaxCount"/>.</exception>
    public ImmutableArray<Instant> GetFireTimes(Instant after, int count, ScheduleTarget target)
    {
        if (count < 0 || count > ScheduleCalculator.MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be between 0 and {ScheduleCalculator.MaxCount}.");
        }

        if (CheckSupport(target) is { } rejection)
        {
            throw new NotSupportedException(rejection.Message);
        }

        // Prefect on Python <= 3.12 can move a gap time back to before 'after' (its get_dates does);
        // a list of next runs keeps only the later ones and asks for more when some were dropped.
        var ask = count;
        while (true)
        {
            var fires = _source.Fires(target, after, ask);
            var result = ImmutableArray.CreateBuilder<Instant>(count);
            foreach (var fire in fires)
            {
                if (fire > after && result.Count < count)
                {
                    result.Add(fire);
                }
            }

            if (result.Count == count || fires.Length < ask || ask >= ScheduleCalculator.MaxCount)
            {
                return result.ToImmutable();
            }

            ask = Math.Min(ScheduleCalculator.MaxCount, ask + (count - result.Count) + 4);
        }
    }

    /// <summary>
    /// The next <paramref name="count"/> runs after <paramref name="after"/> under <paramref name="target"/>'s
    /// semantics, each with the UTC offset the zone has at that instant.
    /// </summary>
    /// <exception cref="NotSupportedException">The target refuses the expression.</exception>
    public IReadOnlyList<DateTimeOffset> GetNextRuns(DateTimeOffset after, int count, ScheduleTarget target)
    {
        var fires = GetFireTimes(Instant.FromDateTimeOffset(after), count, target);
        var result = new DateTimeOffset[fires.Length];
        for (var i = 0; i < fires.Length; i++)
        {
            result[i] = fires[i].InZone(Zone).ToDateTimeOffset();
        }

        return result;
    }

    /// <summary>
    /// The last fire time at or before <paramref name="at"/> under <paramref name="target"/>'s semantics,
    /// looking back at most about 400 days; null when there is none in that stretch.
    /// </summary>
    /// <exception cref="NotSupportedException">The target refuses the expression.</exception>
    public Instant? GetPreviousFireTime(Instant at, ScheduleTarget target)
    {
        if (CheckSupport(target) is { } rejection)
        {
            throw new NotSupportedException(rejection.Message);
        }

        // Look back an hour, then a day, a week, ... and take the last fire that is not after 'at'.
        foreach (var back in new[] { Duration.FromHours(1), Duration.FromDays(1), Duration.FromDays(8), Duration.FromDays(32), Duration.FromDays(400) })
        {
            var fires = _source.FiresUntil(target, at - back, at, 4096);
            Instant? last = null;
            foreach (var fire in fires)
            {
                if (fire <= at)
                {
                    last = fire;
                }
            }

            if (last is not null)
            {
                return last;
            }
        }

        return null;
    }

    /// <summary>
    /// The window of the run that fires at <paramref name="fireTime"/>; null when the schedule has no
    /// window. A tumbling window needs <paramref name="previousFireTime"/> (the run before).
    /// </summary>
    public RunWindow? GetWindow(Instant fireTime, Instant? previousFireTime)
        => Window is { } window ? RunWindow.For(window.Kind, window.Size, window.Offset, fireTime, previousFireTime, Zone) : null;

    /// <summary>
    /// The next <paramref name="count"/> runs after <paramref name="after"/>, each with its window (the
    /// run before the first is looked up for tumbling windows).
    /// </summary>
    /// <exception cref="NotSupportedException">The target refuses the expression.</exception>
    public ImmutableArray<ScheduledRun> GetRuns(Instant after, int count, ScheduleTarget target)
    {
        var fires = GetFireTimes(after, count, target);
        var runs = ImmutableArray.CreateBuilder<ScheduledRun>(fires.Length);
        Instant? previous = Window is { Kind: WindowKind.Tumbling } && fires.Length > 0 ? GetPreviousFireTime(fires[0] - Duration.Epsilon, target) : null;
        foreach (var fire in fires)
        {
            runs.Add(new ScheduledRun(fire, GetWindow(fire, previous)));
            previous = fire;
        }

        return runs.ToImmutable();
    }

    /// <summary>
    /// The wait before each retry of a failed run (index 0 = before the first retry) under
    /// <paramref name="target"/>'s backoff formula; empty without a retry policy.
    /// </summary>
    public ImmutableArray<DelayRange> GetRetryDelays(ScheduleTarget target)
    {
        if (Retry is not { } retry || retry.Attempts <= 0)
        {
            return ImmutableArray<DelayRange>.Empty;
        }

        var formula = RetryDelays.FormulaFor(target);
        var delays = ImmutableArray.CreateBuilder<DelayRange>(retry.Attempts);
        for (var k = 1; k <= retry.Attempts; k++)
        {
            delays.Add(RetryDelays.GetDelay(retry, k, formula));
        }

        return delays.ToImmutable();
    }
}

/// <summary>The rows each run loads (OML-SPEC §2): a sliding window of a fixed size, or tumbling from run to run; both shifted by the offset.</summary>
/// <param name="Kind">Sliding or tumbling.</param>
/// <param name="Size">The size of a sliding window (ignored for tumbling ones).</param>
/// <param name="Offset">How far the window is shifted from the run's time (<c>-1h</c> ends it an hour before).</param>
public sealed record WindowDefinition(WindowKind Kind, OmlDuration? Size, OmlDuration Offset);

/// <summary>One scheduled run: when it fires and the rows it loads.</summary>
/// <param name="FireTime">When the run is scheduled.</param>
/// <param name="Window">Its window, or null when the schedule has none.</param>
public readonly record struct ScheduledRun(Instant FireTime, RunWindow? Window);
