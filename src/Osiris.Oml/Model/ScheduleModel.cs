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

/// <summary>How the wait between retries grows.</summary>
public enum BackoffKind
{
    /// <summary>The same delay every time.</summary>
    Fixed,

    /// <summary>delay × attempt.</summary>
    Linear,

    /// <summary>delay × 2^(attempt − 1).</summary>
    Exponential,
}

/// <summary>Which rows a run loads.</summary>
public enum WindowKind
{
    /// <summary>A fixed-size window ending at the run's time plus the offset.</summary>
    Sliding,

    /// <summary>From the previous scheduled time to this one (contiguous by construction).</summary>
    Tumbling,
}

/// <summary>The <c>schedule</c> block of an OML 0.2.0 pipeline.</summary>
/// <remarks>Immutable and value-equal; fields that were missing or invalid are null.</remarks>
public sealed record ScheduleModel(
    ScheduleKind Kind,
    string? Expression,
    OmlDuration? Every,
    string TimeZone,
    string? Start,
    RetryModel? Retry,
    OmlDuration? Timeout,
    int? Concurrency,
    bool? Catchup,
    WindowModel? Window);

/// <summary>Retries of a failed run.</summary>
/// <param name="Attempts">Retries after the first try (Airflow's <c>retries</c>): 3 means up to 4 tries.</param>
/// <param name="Delay">The wait before the first retry.</param>
/// <param name="Backoff">How the wait grows.</param>
/// <param name="MaxDelay">The longest wait, when capped.</param>
public sealed record RetryModel(int Attempts, OmlDuration Delay, BackoffKind Backoff, OmlDuration? MaxDelay);

/// <summary>The incremental-load window of each run.</summary>
public sealed record WindowModel(WindowKind Kind, OmlDuration? Size, OmlDuration Offset, string? Field);
