using NodaTime;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Time;

namespace Osiris.Oml.Tests.Scheduling;

/// <summary>The wait before retry k, per orchestrator (ORCHESTRATORS.md, "Retry backoff formulas differ").</summary>
public sealed class RetryDelaysFacts
{
    private static RetryPolicy Policy(BackoffKind backoff, long delay = 300, long? max = null)
        => new(5, new OmlDuration(0, delay), backoff, max is null ? null : new OmlDuration(0, max.Value));

    [Theory]
    // fixed: the same wait every time, whoever runs it
    [InlineData(BackoffKind.Fixed, RetryFormula.Native, 3, 300, 300)]
    [InlineData(BackoffKind.Fixed, RetryFormula.Airflow, 3, 300, 300)]
    [InlineData(BackoffKind.Fixed, RetryFormula.Dagster, 3, 300, 300)]
    // linear: d·k
    [InlineData(BackoffKind.Linear, RetryFormula.Native, 3, 900, 900)]
    [InlineData(BackoffKind.Linear, RetryFormula.Dagster, 2, 600, 600)]
    // exponential, Osiris/Polly and Prefect's exponential_backoff: d·2^(k−1)
    [InlineData(BackoffKind.Exponential, RetryFormula.Native, 1, 300, 300)]
    [InlineData(BackoffKind.Exponential, RetryFormula.Native, 3, 1200, 1200)]
    [InlineData(BackoffKind.Exponential, RetryFormula.Prefect, 3, 1200, 1200)]
    // exponential, Airflow: between ceil(d·2^(k−1)) and twice that minus one (hash jitter)
    [InlineData(BackoffKind.Exponential, RetryFormula.Airflow, 1, 300, 599)]
    [InlineData(BackoffKind.Exponential, RetryFormula.Airflow, 3, 1200, 2399)]
    // exponential, Dagster: (2^k − 1)·d
    [InlineData(BackoffKind.Exponential, RetryFormula.Dagster, 1, 300, 300)]
    [InlineData(BackoffKind.Exponential, RetryFormula.Dagster, 3, 2100, 2100)]
    public void GetDelay_FollowsEachFormula(BackoffKind backoff, RetryFormula formula, int retry, long min, long max)
    {
        var delay = RetryDelays.GetDelay(Policy(backoff), retry, formula);
        Assert.Equal((Duration.FromSeconds(min), Duration.FromSeconds(max)), (delay.Minimum, delay.Maximum));
    }

    [Fact]
    public void GetDelay_IsCappedByMaxDelay()
    {
        var delay = RetryDelays.GetDelay(Policy(BackoffKind.Exponential, max: 1000), 5, RetryFormula.Airflow);
        Assert.Equal((Duration.FromSeconds(1000), Duration.FromSeconds(1000)), (delay.Minimum, delay.Maximum));
    }

    [Fact]
    public void GetDelay_RejectsRetryZero()
        => Assert.Throws<ArgumentOutOfRangeException>(() => RetryDelays.GetDelay(Policy(BackoffKind.Fixed), 0, RetryFormula.Native));

    [Fact]
    public void WorstCase_IsEveryTryToTheTimeoutPlusTheLongestDelays()
    {
        // The milestone: 3 retries, 300 s exponential, 1h timeout → 4 h + (599 + 1199 + 2399) s on Airflow.
        var policy = new RetryPolicy(3, new OmlDuration(0, 300), BackoffKind.Exponential, null);
        Assert.Equal(Duration.FromSeconds((4 * 3600) + 599 + 1199 + 2399), RetryDelays.WorstCase(policy, Duration.FromHours(1), RetryFormula.Airflow));
        Assert.Equal(Duration.FromHours(1), RetryDelays.WorstCase(null, Duration.FromHours(1), RetryFormula.Airflow));
    }

    [Fact]
    public void WorstFormula_IsTheOneWithTheLongestWaits_TheFirstOfEquals_NativeForNone()
    {
        var everywhere = new[] { Orchestrators.Prefect, Orchestrators.Airflow, Orchestrators.Dagster };
        Assert.Equal(RetryFormula.Airflow, RetryDelays.WorstFormula(Policy(BackoffKind.Exponential), everywhere));
        Assert.Equal(RetryFormula.Prefect, RetryDelays.WorstFormula(Policy(BackoffKind.Fixed), everywhere));
        Assert.Equal(RetryFormula.Native, RetryDelays.WorstFormula(Policy(BackoffKind.Fixed), Array.Empty<Orchestrators>()));
    }
}
