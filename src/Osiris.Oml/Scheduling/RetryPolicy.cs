using Osiris.Oml.Time;

namespace Osiris.Oml.Scheduling;

/// <summary>Retries of a failed run: the <c>schedule.retry</c> block as the retry math needs it.</summary>
/// <param name="Attempts">Retries after the first try (Airflow's <c>retries</c>): 3 means up to 4 tries.</param>
/// <param name="Delay">The wait before the first retry.</param>
/// <param name="Backoff">How the wait grows.</param>
/// <param name="MaxDelay">The longest wait, when capped.</param>
/// <remarks>Immutable and value-equal: the pipeline model holds it as it is.</remarks>
public sealed record RetryPolicy(int Attempts, OmlDuration Delay, BackoffKind Backoff, OmlDuration? MaxDelay);
