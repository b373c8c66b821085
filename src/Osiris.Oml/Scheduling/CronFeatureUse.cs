namespace Osiris.Oml.Scheduling;

/// <summary>One place where an expression uses one of the <see cref="CronFeatures"/>.</summary>
/// <param name="Feature">The single feature used there.</param>
/// <param name="Field">The field that holds the token.</param>
/// <param name="Span">The token, inside the expression text.</param>
public sealed record CronFeatureUse(CronFeatures Feature, CronField Field, CronSpan Span);
