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

    // ---- osiris_reference_date outside the calculator's range -----------------------------------

    [Theory]
    [InlineData("9998-12-31")]
    [InlineData("9999-12-31")]
    [InlineData("8998-01-01")]
    [InlineData("0001-01-01")]
    public void ReferenceDate_IsAProblemNamingTheRange_WhenOutsideTheCalculatorsYears(string value)
    {
        var schedule = OsirisSettings.ReadSchedule(Lookup(("osiris_reference_date", value)), Today, out var problems);

        Assert.Equal(
            $"osiris_reference_date (or OsirisReferenceDate) is '{value}', outside the dates the schedule analysis can count from (0002-01-01 to 8997-12-31)",
            Assert.Single(problems));
        Assert.Equal(Instant.FromUtc(2026, 11, 27, 0, 0), schedule.ReferenceTime);
    }

    [Theory]
    [InlineData("0002-01-01")]
    [InlineData("8997-12-31")]
    public void ReferenceDate_IsRead_AtTheEndsOfTheRange(string value)
    {
        var schedule = OsirisSettings.ReadSchedule(Lookup(("osiris_reference_date", value)), Today, out var problems);

        Assert.Empty(problems);
        Assert.Equal(NodaTime.Text.LocalDatePattern.Iso.Parse(value).Value.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant(), schedule.ReferenceTime);
    }

    [Fact]
    public void ReferenceTime_CannotBeSetOutsideTheRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ScheduleSettings.Default with { ReferenceTime = Instant.FromUtc(9998, 12, 31, 0, 0) });
        Assert.Throws<ArgumentOutOfRangeException>(() => ScheduleSettings.Default with { ReferenceTime = Instant.FromUtc(1, 12, 31, 0, 0) });
    }

    [Fact]
    public void BuildDate_IsKeptInRange_WhenTheMachineClockIsFarOff()
    {
        var schedule = OsirisSettings.ReadSchedule(Lookup(), new LocalDate(9999, 6, 1), out var problems);

        Assert.Empty(problems);
        Assert.Equal(Instant.FromUtc(8997, 12, 31, 0, 0), schedule.ReferenceTime);
    }

    /// <summary>Crons that reach far (a leap day, the last Friday, yearly, seconds) in zones with and without DST.</summary>
    public static TheoryData<string> RangeEnds() => new() { "0002-01-01", "0002-06-15", "8997-06-15", "8997-12-31" };

    [Theory]
    [MemberData(nameof(RangeEnds))]
    public void Analysis_HasNoInternalError_AtTheEndsOfTheRange(string date)
    {
        var reference = NodaTime.Text.LocalDatePattern.Iso.Parse(date).Value;
        var options = OmlAnalysisOptions.Default with
        {
            Schedule = ScheduleSettings.Default with { ReferenceTime = reference.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() },
            Policy = PolicySettings.Default with { MaxParallelRuns = 1 },
        };
        string[] crons = { "0 2 * * *", "30 2 * * *", "0 * * * *", "*/15 * * * *", "0 0 29 2 *", "0 0 L * *", "0 0 * * 5L", "@yearly", "* * * * * 30", "0 2 * * 1-5" };
        string[] zones = { "UTC", "America/New_York", "Australia/Lord_Howe", "America/Santiago", "Asia/Kolkata" };
        var entries = new List<Osiris.Oml.Catalog.CatalogEntry>();
        foreach (var zone in zones)
        {
            foreach (var cron in crons)
            {
                var text = $"oml_version: \"0.2.0\"\nname: p{entries.Count}\nschedule:\n  expression: \"{cron}\"\n  timezone: \"{zone}\"\n  timeout: 1h\n  window: {{size: 1d}}\n"
                    + "steps: [{id: a, component: duckdb.processor, mode: transform, config: {query: \"${window.start}\"}}]\n";
                var analysis = OmlEngine.AnalyzeFile($"p{entries.Count}.oml", text, options, TestContext.Current.CancellationToken);
                Assert.DoesNotContain(analysis.Diagnostics, d => d.Id == "OSI0001");
                entries.Add(analysis.Catalog!);
            }

            var interval = $"oml_version: \"0.2.0\"\nname: i\nschedule: {{type: interval, every: 1d, timezone: \"{zone}\"}}\nsteps: [{{id: a, component: duckdb.processor, mode: transform, config: {{query: q}}}}]\n";
            Assert.DoesNotContain(OmlEngine.AnalyzeFile("i.oml", interval, options, TestContext.Current.CancellationToken).Diagnostics, d => d.Id == "OSI0001");
        }

        Osiris.Oml.Catalog.OmlCatalog.Analyze(entries, options, TestContext.Current.CancellationToken);
    }
}
