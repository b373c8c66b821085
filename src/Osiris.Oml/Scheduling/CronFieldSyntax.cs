namespace Osiris.Oml.Scheduling;

/// <summary>One whitespace-separated field of a cron expression, as written.</summary>
/// <param name="Field">What the field holds.</param>
/// <param name="Span">Where it is in the expression text.</param>
/// <param name="Text">The field's text, unchanged (names keep their case).</param>
public sealed record CronFieldSyntax(CronField Field, CronSpan Span, string Text);
