using NodaTime;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Time;

namespace Osiris.Oml.Model;

/// <summary>How a schedule says when to run.</summary>
public enum ScheduleKind
{
    /// <summary>A cron expression or preset in a time zone.</summary>
    Cron,

    /// <summary>A fixed interval (<c>every: 15m</c>).</summary>
    Interval,
}

/// <summary>The <c>schedule</c> block of an OML 0.2.0 pipeline.</summary>
/// <remarks>Immutable and value-equal; fields that were missing or invalid are null.</remarks>
public sealed record ScheduleModel(
    ScheduleKind Kind,
    string? Expression,
    OmlDuration? Every,
    string TimeZone,
    string? Start,
    RetryPolicy? Retry,
    OmlDuration? Timeout,
    int? Concurrency,
    bool? Catchup,
    WindowModel? Window)
{
    /// <summary>The fire times this schedule describes, or null when none can be computed (see <see cref="ScheduleSource.TryCreate"/>).</summary>
    internal ScheduleSource? CreateSource(DateTimeZone? zone, out CronParseResult? cron)
        => ScheduleSource.TryCreate(Kind == ScheduleKind.Cron ? Expression : null, Kind == ScheduleKind.Interval ? Every : null, Start, zone, out cron);
}

/// <summary>The incremental-load window of each run.</summary>
public sealed record WindowModel(WindowKind Kind, OmlDuration? Size, OmlDuration Offset, string? Field);
