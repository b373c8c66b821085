namespace Osiris.Oml.Scheduling;

/// <summary>A target's refusal of an expression.</summary>
/// <param name="Target">The target that refuses.</param>
/// <param name="Reason">The kind of refusal.</param>
/// <param name="Message">What the target does and what to write instead.</param>
/// <param name="Span">The offending token inside the expression text, when there is one.</param>
public sealed record ScheduleRejection(ScheduleTarget Target, ScheduleRejectionReason Reason, string Message, CronSpan? Span);
