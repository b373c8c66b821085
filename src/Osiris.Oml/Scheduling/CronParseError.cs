namespace Osiris.Oml.Scheduling;

/// <summary>Why a cron expression was rejected, and the offending token.</summary>
/// <param name="Message">One or two sentences that say what is wrong and how to fix it.</param>
/// <param name="Span">The offending field or token inside the expression text.</param>
public sealed record CronParseError(string Message, CronSpan Span);
