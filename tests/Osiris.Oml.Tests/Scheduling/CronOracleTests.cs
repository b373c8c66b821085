using System.Globalization;
using NodaTime;
using Osiris.Oml.Scheduling;

namespace Osiris.Oml.Tests.Scheduling;

/// <summary>
/// Every case of the cron-dev oracle, for every engine it covers, must come out with exactly the
/// oracle's fire instants (or be refused when the engine refuses it). Skipped, with the reason, where
/// <c>../shared/oracles/cron-dev</c> is not present.
/// </summary>
public sealed class CronOracleTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, ScheduleTarget> Engines = new(StringComparer.Ordinal)
    {
        ["airflow"] = ScheduleTarget.Airflow,
        ["prefect"] = ScheduleTarget.PrefectPython312,
        ["prefect-py313"] = ScheduleTarget.PrefectPython313,
        ["dagster"] = ScheduleTarget.Dagster,
    };

    public static TheoryData<string, string> EngineAndCase()
    {
        var data = new TheoryData<string, string>();
        if (!CronOracle.IsPresent)
        {
            data.Add("(oracle not present)", "(oracle not present)");
            return data;
        }

        foreach (var engine in Engines.Keys)
        {
            foreach (var c in CronOracle.Cases)
            {
                data.Add(engine, c.Id);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EngineAndCase))]
    public void GetFireTimes_MatchesOracle_ForEveryCaseAndEngine(string engine, string caseId)
    {
        SkipWithoutOracle();
        var c = CronOracle.Cases.Single(x => x.Id == caseId);
        var expected = CronOracle.Expected[engine][caseId];
        output.WriteLine($"{engine} `{c.Cron}` in {c.Zone} after {c.Start}, n={c.Count}, day_or={c.DayOr}: {c.Note}");

        var outcome = Run(c, Engines[engine], out var fires);
        if (!expected.Ok)
        {
            output.WriteLine($"oracle refuses: {expected.Error}; ours: {outcome}");
            Assert.Null(fires);
            return;
        }

        Assert.True(fires is not null, $"expected fire times, got a refusal: {outcome}");
        Assert.Equal(expected.Fires, fires);
    }

    [Fact]
    public void Oracle_CoversEveryCase_ForTheFourEngines()
    {
        SkipWithoutOracle();
        Assert.Equal(83, CronOracle.Cases.Count);
        foreach (var engine in Engines.Keys)
        {
            Assert.Equal(CronOracle.Cases.Select(c => c.Id).OrderBy(x => x, StringComparer.Ordinal), CronOracle.Expected[engine].Keys.OrderBy(x => x, StringComparer.Ordinal));
        }
    }

    [Fact]
    public void TimeZoneData_IsTheOraclesRelease()
    {
        SkipWithoutOracle();
        Assert.Equal(CronOracle.TzdbVersion, ScheduleCalculator.TimeZoneDataVersion);
    }

    private static void SkipWithoutOracle()
    {
        if (!CronOracle.IsPresent)
        {
            Assert.Skip(CronOracle.MissingReason);
        }
    }

    private static string Run(CronOracle.Case c, ScheduleTarget target, out List<string>? fires)
    {
        fires = null;
        var parsed = CronExpression.Parse(c.Cron);
        if (!parsed.IsValid)
        {
            return "parse error: " + parsed.Error.Message;
        }

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(c.Zone);
        if (zone is null)
        {
            return "unknown zone " + c.Zone;
        }

        var result = ScheduleCalculator.GetFireTimes(parsed.Expression, zone, ScheduleAssert.Utc(c.Start), c.Count, target, c.DayOr);
        if (!result.IsAccepted)
        {
            return $"{result.Rejection!.Reason}: {result.Rejection.Message}";
        }

        fires = result.FireTimes.Select(f => f.ToString("uuuu-MM-ddTHH:mm:ss'Z'", CultureInfo.InvariantCulture)).ToList();
        return "accepted";
    }
}
