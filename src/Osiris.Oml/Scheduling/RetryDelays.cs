using System;
using System.Collections.Generic;
using NodaTime;

namespace Osiris.Oml.Scheduling;

/// <summary>Whose retry-delay formula to apply: every orchestrator grows the wait differently.</summary>
public enum RetryFormula
{
    /// <summary>Osiris itself (and Polly's <c>DelayBackoffType</c>): fixed d, linear d·k, exponential d·2^(k−1).</summary>
    Native,

    /// <summary>Airflow: exponential waits between d·2^(k−1) and twice that (hash-based jitter), capped by max_retry_delay.</summary>
    Airflow,

    /// <summary>Prefect: flows wait a fixed delay; task-level exponential_backoff waits d·2^(k−1).</summary>
    Prefect,

    /// <summary>Dagster RetryPolicy: linear d·k, exponential (2^k − 1)·d.</summary>
    Dagster,
}

/// <summary>The shortest and the longest wait before a retry.</summary>
public readonly record struct DelayRange(Duration Minimum, Duration Maximum);

/// <summary>Retry timing per orchestrator (ORCHESTRATORS.md, "Retry backoff formulas differ").</summary>
public static class RetryDelays
{
    private static readonly Duration MaxRepresentable = Duration.FromDays(3650);

    /// <summary>
    /// The wait before retry <paramref name="retry"/> (1 = the first retry, after the first try failed)
    /// under <paramref name="formula"/>, capped by the policy's max_delay.
    /// </summary>
    public static DelayRange GetDelay(RetryPolicy policy, int retry, RetryFormula formula)
    {
        if (retry < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(retry), "Retries are numbered from 1.");
        }

        var d = policy.Delay.NominalSeconds;
        double min;
        double max;
        switch (policy.Backoff)
        {
            case BackoffKind.Fixed:
                min = max = d;
                break;
            case BackoffKind.Linear:
                // Prefect has no linear backoff; the export lists the delays explicitly, so they are exact.
                min = max = d * retry;
                break;
            case BackoffKind.Exponential when formula == RetryFormula.Airflow:
                // Airflow: min_backoff = ceil(d · 2^(try−1)), at least 1 s; the wait is min_backoff plus a
                // hash of (dag, task, date, try) modulo min_backoff — so anywhere in [min, 2·min).
                min = Math.Max(1, Math.Ceiling(d * Math.Pow(2, retry - 1)));
                max = (2 * min) - 1;
                break;
            case BackoffKind.Exponential when formula == RetryFormula.Dagster:
                min = max = (Math.Pow(2, retry) - 1) * d;
                break;
            default:
                min = max = d * Math.Pow(2, retry - 1);
                break;
        }

        var cap = policy.MaxDelay?.ToNominalDuration();
        return new DelayRange(Cap(min, cap), Cap(max, cap));
    }

    /// <summary>
    /// The longest a failing run can keep the pipeline busy: every try runs until the timeout, and every
    /// retry waits its longest delay.
    /// </summary>
    public static Duration WorstCase(RetryPolicy? policy, Duration timeout, RetryFormula formula)
        => (timeout * ((policy?.Attempts ?? 0) + 1)) + TotalDelay(policy, formula);

    /// <summary>The sum of the longest waits of all retries.</summary>
    public static Duration TotalDelay(RetryPolicy? policy, RetryFormula formula)
    {
        var total = Duration.Zero;
        for (var k = 1; k <= (policy?.Attempts ?? 0); k++)
        {
            total += GetDelay(policy!, k, formula).Maximum;
        }

        return total;
    }

    /// <summary>
    /// The formula of <paramref name="orchestrators"/> whose retries wait longest in total, and so
    /// give the <see cref="WorstCase"/> among them: the first of equals, <see cref="RetryFormula.Native"/>
    /// when there are none.
    /// </summary>
    internal static RetryFormula WorstFormula(RetryPolicy policy, IEnumerable<Orchestrators> orchestrators)
    {
        var worst = RetryFormula.Native;
        var longest = Duration.MinValue;
        foreach (var orchestrator in orchestrators)
        {
            var formula = FormulaOf(orchestrator);
            var total = TotalDelay(policy, formula);
            if (total > longest)
            {
                (worst, longest) = (formula, total);
            }
        }

        return worst;
    }

    /// <summary>The formula the orchestrator behind <paramref name="target"/> applies (Cronos' native target: Osiris' own).</summary>
    public static RetryFormula FormulaFor(ScheduleTarget target) => target switch
    {
        ScheduleTarget.Airflow => RetryFormula.Airflow,
        ScheduleTarget.PrefectPython312 or ScheduleTarget.PrefectPython313 => RetryFormula.Prefect,
        ScheduleTarget.Dagster or ScheduleTarget.DagsterFixed => RetryFormula.Dagster,
        _ => RetryFormula.Native,
    };

    /// <summary>The formula <paramref name="orchestrator"/> applies.</summary>
    internal static RetryFormula FormulaOf(Orchestrators orchestrator) => orchestrator switch
    {
        Orchestrators.Airflow => RetryFormula.Airflow,
        Orchestrators.Prefect => RetryFormula.Prefect,
        Orchestrators.Dagster => RetryFormula.Dagster,
        _ => RetryFormula.Native,
    };

    private static Duration Cap(double seconds, Duration? cap)
    {
        var value = seconds >= MaxRepresentable.TotalSeconds ? MaxRepresentable : Duration.FromSeconds((long)Math.Round(seconds));
        return cap is { } c && value > c ? c : value;
    }
}
