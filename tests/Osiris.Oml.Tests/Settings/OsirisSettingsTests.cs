using NodaTime;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Settings;
using Osiris.Oml.Time;

namespace Osiris.Oml.Tests.Settings;

public sealed class OsirisSettingsTests
{
    private static readonly LocalDate Today = new(2026, 11, 27);

    private static Func<SettingKey, string?> Lookup(params (string Key, string Value)[] values)
        => key => values.Where(v => v.Key == key.GlobalConfigKey).Select(v => v.Value).FirstOrDefault();

    [Fact]
    public void Defaults_CountFromTodayForAllTargets()
    {
        var schedule = OsirisSettings.ReadSchedule(Lookup(), Today, out var problems);
        Assert.Empty(problems);
        Assert.Equal(Instant.FromUtc(2026, 11, 27, 0, 0), schedule.ReferenceTime);
        Assert.Equal(Orchestrators.All, schedule.Targets);
        Assert.Equal(PolicySettings.Default, OsirisSettings.ReadPolicy(Lookup(), out _));
    }

    [Theory]
    [InlineData("airflow", Orchestrators.Airflow)]
    [InlineData("airflow;dagster", Orchestrators.Airflow | Orchestrators.Dagster)]
    [InlineData(" Prefect , DAGSTER ", Orchestrators.Prefect | Orchestrators.Dagster)]
    [InlineData("none", Orchestrators.None)]
    public void Targets_AreReadFromAList(string value, Orchestrators expected)
        => Assert.Equal(expected, OsirisSettings.ReadSchedule(Lookup(("osiris_targets", value)), Today, out _).Targets);

    [Theory]
    [InlineData("3.11", PrefectPython.Python312OrOlder)]
    [InlineData("3.12", PrefectPython.Python312OrOlder)]
    [InlineData("3.13", PrefectPython.Python313OrNewer)]
    [InlineData("3.14.1", PrefectPython.Python313OrNewer)]
    public void PrefectPython_SplitsAt313(string value, PrefectPython expected)
        => Assert.Equal(expected, OsirisSettings.ReadSchedule(Lookup(("osiris_prefect_python", value)), Today, out _).PrefectPython);

    [Fact]
    public void Policy_IsReadFromEveryKey()
    {
        var policy = OsirisSettings.ReadPolicy(
            Lookup(
                ("osiris_owner_required", "always"),
                ("osiris_high_criticality_requires", "sla"),
                ("osiris_max_timeout", "2h"),
                ("osiris_max_retry_attempts", "3"),
                ("osiris_max_concurrency", "1"),
                ("osiris_max_parallel_runs", "8")),
            out var problems);
        Assert.Empty(problems);
        Assert.Equal(
            new PolicySettings
            {
                OwnerRequired = OwnerRequirement.Always,
                HighCriticalityRequires = HighCriticalityRequirements.Sla,
                MaxTimeout = new OmlDuration(0, 7200),
                MaxRetryAttempts = 3,
                MaxConcurrency = 1,
                MaxParallelRuns = 8,
            },
            policy);
    }

    [Theory]
    [InlineData("osiris_targets", "airflw")]
    [InlineData("osiris_prefect_python", "python3")]
    [InlineData("osiris_dagster_version", "latest")]
    [InlineData("osiris_reference_date", "27.11.2026")]
    public void UnreadableScheduleSettings_AreProblems_AndKeepTheDefault(string key, string value)
    {
        var schedule = OsirisSettings.ReadSchedule(Lookup((key, value)), Today, out var problems);
        Assert.StartsWith($"{key} (or Osiris", Assert.Single(problems), StringComparison.Ordinal);
        Assert.Equal(new ScheduleSettings { ReferenceTime = Instant.FromUtc(2026, 11, 27, 0, 0) }, schedule);
    }

    [Theory]
    [InlineData("osiris_owner_required", "sometimes")]
    [InlineData("osiris_high_criticality_requires", "sla, tests")]
    [InlineData("osiris_max_timeout", "forever")]
    [InlineData("osiris_max_retry_attempts", "-1")]
    [InlineData("osiris_max_concurrency", "0")]
    [InlineData("osiris_max_parallel_runs", "many")]
    public void UnreadablePolicySettings_AreProblems_AndKeepTheDefault(string key, string value)
    {
        var policy = OsirisSettings.ReadPolicy(Lookup((key, value)), out var problems);
        Assert.Single(problems);
        Assert.Equal(PolicySettings.Default, policy);
    }
}
