namespace Osiris.Oml.Scheduling;

/// <summary>Why a target does not produce fire times for an expression.</summary>
public enum ScheduleRejectionReason
{
    /// <summary>The target's parser rejects a token (W or 5L for croniter, L5 or */90 for Cronos, …).</summary>
    UnsupportedSyntax,

    /// <summary>The target does not read this many fields (Dagster and the native preview take 5).</summary>
    UnsupportedLayout,

    /// <summary>The target does not know the preset (<c>@quarterly</c> outside Airflow).</summary>
    UnsupportedPreset,

    /// <summary>Day-of-month AND day-of-week was asked for, but the target can only OR them.</summary>
    DayAndUnsupported,

    /// <summary>The target rejects a date that never exists when the schedule is defined (Dagster: February 30/31).</summary>
    ImpossibleDate,

    /// <summary>The target accepts the expression but finds no fire time (croniter gives up after 50 years).</summary>
    NeverFires,

    /// <summary>The target's own code fails on this schedule (an internal invariant of Dagster's iterator).</summary>
    TargetFailure,
}
