using System.Collections.Immutable;
using NodaTime;

namespace Osiris.Oml.Scheduling;

/// <summary>Fire times of a schedule under one target's semantics, or that target's refusal.</summary>
public sealed class ScheduleFireTimes
{
    internal ScheduleFireTimes(ScheduleTarget target, ImmutableArray<Instant> fireTimes, ScheduleRejection? rejection, bool isExhausted)
    {
        Target = target;
        FireTimes = fireTimes;
        Rejection = rejection;
        IsExhausted = isExhausted;
    }

    /// <summary>The target whose semantics were applied.</summary>
    public ScheduleTarget Target { get; }

    /// <summary>Whether the target accepts the expression (<see cref="Rejection"/> is null).</summary>
    public bool IsAccepted => Rejection is null;

    /// <summary>The fire instants in ascending order; empty when rejected.</summary>
    public ImmutableArray<Instant> FireTimes { get; }

    /// <summary>Why the target refuses the expression, or null.</summary>
    public ScheduleRejection? Rejection { get; }

    /// <summary>
    /// Fewer fire times than asked for because the schedule stops firing (a year field, or a
    /// native schedule with no match left); croniter-based targets raise when asked for more.
    /// </summary>
    public bool IsExhausted { get; }

    internal static ScheduleFireTimes Rejected(ScheduleRejection rejection)
        => new(rejection.Target, ImmutableArray<Instant>.Empty, rejection, false);
}
