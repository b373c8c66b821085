using BenchmarkDotNet.Attributes;
using NodaTime;
using Osiris.Oml;
using Osiris.Oml.Scheduling;

namespace Osiris.Benchmarks;

/// <summary>
/// The cost of validating one pipeline, schedule and DST analysis included, warm (the analyzer runs
/// it on every build), and of the calculator behind it.
/// </summary>
[MemoryDiagnoser]
public class ScheduleBenchmarks
{
    private static readonly Instant Reference = Instant.FromUtc(2026, 11, 27, 0, 0);

    private readonly OmlAnalysisOptions _options = OmlAnalysisOptions.Default with
    {
        Schedule = ScheduleSettings.Default with { ReferenceTime = Reference },
    };

    private string _utc = string.Empty;
    private string _prague = string.Empty;
    private string _dailyInterval = string.Empty;
    private CronExpression _cron = null!;
    private DateTimeZone _newYork = null!;

    [GlobalSetup]
    public void Setup()
    {
        _utc = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "daily_customer_sync.oml"));
        _prague = _utc.Replace("timezone: \"UTC\"", "timezone: \"Europe/Prague\"", StringComparison.Ordinal);
        _dailyInterval = _prague
            .Replace("type: \"cron\"", "type: \"interval\"", StringComparison.Ordinal)
            .Replace("expression: \"0 2 * * *\"", "every: \"1d\"", StringComparison.Ordinal);
        _cron = CronExpression.Parse("30 2 * * *").Expression!;
        _newYork = DateTimeZoneProviders.Tzdb["America/New_York"];
    }

    /// <summary>The milestone's pipeline in UTC: everything the analyzer checks in one file.</summary>
    [Benchmark(Baseline = true)]
    public int AnalyzeSeedPipelineUtc() => OmlEngine.AnalyzeFile("daily_customer_sync.oml", _utc, _options).Diagnostics.Length;

    /// <summary>The same pipeline in Europe/Prague: DST analysis, window gaps and overlaps for three orchestrators (five engines).</summary>
    [Benchmark]
    public int AnalyzeSeedPipelinePrague() => OmlEngine.AnalyzeFile("daily_customer_sync.oml", _prague, _options).Diagnostics.Length;

    /// <summary>
    /// The same pipeline on a one-day interval in Europe/Prague: calendar-day steps walked from the
    /// anchor in the zone, for every target.
    /// </summary>
    [Benchmark]
    public int AnalyzeDailyIntervalPrague() => OmlEngine.AnalyzeFile("daily_customer_sync.oml", _dailyInterval, _options).Diagnostics.Length;

    /// <summary>800 Airflow fire times of a daily schedule across New York's DST changes.</summary>
    [Benchmark]
    public int AirflowFireTimes800() => ScheduleCalculator.GetFireTimes(_cron, _newYork, Reference, 800, ScheduleTarget.Airflow).FireTimes.Length;

    /// <summary>800 Dagster fire times of the same schedule (fast path with Python datetime emulation).</summary>
    [Benchmark]
    public int DagsterFireTimes800() => ScheduleCalculator.GetFireTimes(_cron, _newYork, Reference, 800, ScheduleTarget.Dagster).FireTimes.Length;
}
