using NodaTime;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Rules;

/// <summary>
/// The schedule's expression and its consequences. The reference date is fixed (2026-11-27), so the
/// "next transitions" are known: New York 2027-03-14 / 2027-11-07, Prague 2027-03-28 / 2027-10-31,
/// Santiago 2027-04-04 / 2027-09-05.
/// </summary>
public sealed class ScheduleRuleTests
{
    internal static readonly Instant Reference = Instant.FromUtc(2026, 11, 27, 0, 0);

    internal static OmlAnalysisOptions Options(
        Orchestrators targets = Orchestrators.All,
        PrefectPython python = PrefectPython.Unknown,
        DagsterVersion dagster = DagsterVersion.Unknown)
        => OmlAnalysisOptions.Default with
        {
            Schedule = new ScheduleSettings { ReferenceTime = Reference, Targets = targets, PrefectPython = python, DagsterVersion = dagster },
        };

    /// <summary>A 0.2.0 pipeline with the given schedule lines (indented by two) and an optional window use.</summary>
    internal static string Pipeline(string schedule, bool usesWindow = false, string writer = "") => $$"""
        oml_version: "0.2.0"
        name: "orders"
        metadata:
          owner: "data@company.com"
        schedule:
        {{string.Join("\n", schedule.Split('\n').Select(l => "  " + l))}}
        steps:
          - id: "extract"
            component: "mysql.extractor"
            mode: "read"
            config:
              connection: "@mysql.primary"
              query: "{{(usesWindow ? "SELECT * FROM orders WHERE updated_at >= '${window.start}' AND updated_at < '${window.end}'" : "SELECT * FROM orders")}}"
        {{writer}}
        """;

    // ---- OSI0201 / OSI0202 ------------------------------------------------------------------------

    [Theory]
    [InlineData("\"0 {|OSI0201:24|} * * *\"")]
    [InlineData("\"{|OSI0201:60|} * * * *\"")]
    [InlineData("\"0 0 * * {|OSI0201:8|}\"")]
    [InlineData("'0 2 * {|OSI0201:JANUARY|} *'")]
    [InlineData("0 2 * * {|OSI0201:MOM|}")]
    public void InvalidCron_IsReportedAtTheOffendingField(string expression)
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline("expression: " + expression), Options()));
        Assert.StartsWith("Cron expression '", d.GetMessage(), StringComparison.Ordinal);
        Assert.Equal("schedule.expression", d.Path);
    }

    [Theory]
    [InlineData("\"{|OSI0201:* * * *|}\"")]
    [InlineData("{|OSI0201:\"\"|}")]
    public void InvalidCron_IsReportedOnTheValue_WhenNoFieldIsToBlame(string expression)
        => OmlMarkup.Verify(Pipeline("expression: " + expression), Options());

    [Fact]
    public void NeverFiringCron_IsAnError()
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline("expression: {|OSI0202:\"0 0 30 2 *\"|}"), Options()));
        Assert.Equal("Cron expression '0 0 30 2 *' never fires: day-of-month '30' does not exist in month '2'; use 'L' for the last day of the month, or another day", d.GetMessage());
    }

    // ---- OSI06xx --------------------------------------------------------------------------------

    [Fact]
    public void DayOfMonthAndDayOfWeek_IsAnErrorOnBothFields()
        => OmlMarkup.Verify(Pipeline("expression: \"0 0 {|OSI0601:1 * MON|}\""), Options());

    [Fact]
    public void SixFields_IsAnErrorOnTheExtraField()
    {
        var diagnostics = OmlMarkup.Analyze(OmlMarkup.Parse(Pipeline("expression: \"30 0 12 * * *\"")).Text, Options()).Diagnostics;
        var d = Assert.Single(diagnostics, x => x.Id == "OSI0602");
        Assert.Equal("'30 0 12 * * *' has 6 fields; Airflow and Prefect (croniter) read the sixth field as SECONDS AT THE END and the seventh as a year, Quartz-style schedulers read seconds FIRST, and Dagster rejects anything but 5 fields. Use the 5 fields minute hour day-of-month month day-of-week", d.GetMessage());
    }

    [Theory]
    [InlineData("\"30 0 12 * * {|OSI0602:*|}\"")]
    [InlineData("\"0 0 1 1 * {|OSI0602:0 2027|}\"")]
    public void SecondsAndYearFields_AreLocatedOnTheExtraFields(string expression)
        => OmlMarkup.Verify(Pipeline("expression: " + expression), Options(Orchestrators.Airflow));

    [Fact]
    public void Quarterly_IsNotSupportedByPrefectAndDagster()
    {
        var diagnostics = OmlMarkup.Verify(Pipeline("expression: {|OSI0603:{|OSI0603:\"@quarterly\"|}|}"), Options());
        Assert.Equal(new[] { "Dagster", "Prefect" }, diagnostics.Select(d => d.Arguments[1]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Quarterly_IsQuiet_ForAirflowOnly()
        => OmlMarkup.Quiet(Pipeline("expression: \"@quarterly\""), Options(Orchestrators.Airflow));

    [Fact]
    public void WrapAroundRange_DependsOnTheCroniterVersion()
        => OmlMarkup.Verify(Pipeline("expression: \"0 {|OSI0604:22-2|} * * *\""), Options());

    [Theory]
    [InlineData("\"{|OSI0605:*/7|} * * * *\"", "does not divide the hour: it runs at :56 and again 4 minutes later at :00")]
    [InlineData("\"{|OSI0605:*/90|} * * * *\"", "has a step larger than the minute (0-59) range")]
    [InlineData("\"0 {|OSI0605:*/5|} * * *\"", "does not divide the day: it runs at 20:00 and again 4 hours later at midnight")]
    public void UnevenStep_IsAWarningThatExplainsTheSpacing(string expression, string explanation)
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline("expression: " + expression), Options(Orchestrators.Airflow)));
        Assert.Contains(explanation, d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void WrapAroundRangeInTheSecondsField_IsSplitWithinTheSecondsRange()
    {
        var diagnostics = OmlMarkup.Analyze(OmlMarkup.Parse(Pipeline("expression: \"0 0 * * * 50-10\"")).Text, Options(Orchestrators.Airflow)).Diagnostics;
        Assert.EndsWith("write it as two ranges, '50-59,0-10'", Assert.Single(diagnostics, x => x.Id == "OSI0604").GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void StepLargerThanTheSecondsField_NamesItsRange()
    {
        var diagnostics = OmlMarkup.Analyze(OmlMarkup.Parse(Pipeline("expression: \"0 0 * * * */90\"")).Text, Options(Orchestrators.Airflow)).Diagnostics;
        Assert.StartsWith("'*/90' has a step larger than the seconds (0-59) range, so it means only the first value: '*/90' fires once per minute, not every 90 seconds", Assert.Single(diagnostics, x => x.Id == "OSI0605").GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void HourlyInAHalfHourZone_WarnsForDagster112()
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline("expression: \"0 * * * *\"\ntimezone: {|OSI0606:\"Asia/Kolkata\"|}"), Options(Orchestrators.Dagster)));
        Assert.StartsWith("Asia/Kolkata is +05:30 from UTC; Dagster 1.12 and older run the hourly schedule '0 * * * *' at the wrong minute", d.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Orchestrators.Airflow, DagsterVersion.Unknown)]
    [InlineData(Orchestrators.Dagster, DagsterVersion.Current)]
    public void HourlyInAHalfHourZone_IsQuiet_WithoutDagster112(Orchestrators targets, DagsterVersion version)
        => OmlMarkup.Quiet(Pipeline("expression: \"0 * * * *\"\ntimezone: \"Asia/Kolkata\""), Options(targets, dagster: version));

    // ---- DST: OSI0211-OSI0215 -------------------------------------------------------------------

    [Fact]
    public void FixedTimeInTheSpringGap_NamesWhatEachTargetDoes()
    {
        // 2027-03-14 in New York: 02:00 EST jumps to 03:00 EDT, 02:30 does not exist.
        var d = Assert.Single(OmlMarkup.Verify(Pipeline("expression: {|OSI0211:\"30 2 * * *\"|}\ntimezone: \"America/New_York\""), Options()));
        Assert.Equal(
            "02:30 does not exist in America/New_York on 2027-03-14 (the clocks jump from 02:00 to 03:00); Airflow and Prefect on Python ≥3.13 run it at 03:30 EDT; Prefect on Python ≤3.12 runs it at 01:30 EST; Dagster runs it at 03:00 EDT. Schedule outside 02:00–03:00 local time or use UTC (TZDB 2026f)",
            d.GetMessage());
        Assert.Equal(OmlSeverity.Error, d.Severity);
    }

    [Theory]
    [InlineData(Orchestrators.All, PrefectPython.Python313OrNewer)]
    [InlineData(Orchestrators.Airflow | Orchestrators.Dagster, PrefectPython.Unknown)]
    public void FixedTimeInTheSpringGap_IsAWarning_WhenPrefectBehaviourIsKnownOrAbsent(Orchestrators targets, PrefectPython python)
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline("expression: {|OSI0211:\"30 2 * * *\"|}\ntimezone: \"America/New_York\""), Options(targets, python)));
        Assert.Equal(OmlSeverity.Warning, d.Severity);
    }

    [Fact]
    public void FixedTimeInTheFallFold_NamesWhichOccurrenceEachTargetRuns()
    {
        // 2027-11-07 in New York: 02:00 EDT falls back to 01:00 EST, 01:30 happens twice.
        var d = Assert.Single(OmlMarkup.Verify(Pipeline("expression: {|OSI0212:\"30 1 * * *\"|}\ntimezone: \"America/New_York\""), Options()));
        Assert.Equal(
            "01:30 happens twice in America/New_York on 2027-11-07 (the clocks fall back from 02:00 to 01:00); Airflow and Dagster run it at 01:30 EST; Prefect runs it at 01:30 EDT. Schedule outside 01:00–02:00 local time or use UTC (TZDB 2026f)",
            d.GetMessage());
        Assert.Equal(OmlSeverity.Warning, d.Severity);
    }

    [Fact]
    public void HourlyThroughTheFold_ExplainsPrefectsSinglePass()
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline("expression: {|OSI0213:\"0 * * * *\"|}\ntimezone: \"Europe/Prague\""), Options()));
        Assert.Equal(
            "'0 * * * *' runs every hour in Europe/Prague; on 2027-10-31 the hour 02:00–03:00 happens twice, and Airflow and Dagster run both passes; Prefect runs the first pass only, then pauses (TZDB 2026f)",
            d.GetMessage());
        Assert.Equal(OmlSeverity.Warning, d.Severity);
    }

    [Fact]
    public void HourlyThroughTheFold_IsInformational_WithoutPrefect()
        => Assert.Equal(
            OmlSeverity.Info,
            Assert.Single(OmlMarkup.Verify(Pipeline("expression: {|OSI0213:\"0 * * * *\"|}\ntimezone: \"Europe/Prague\""), Options(Orchestrators.Airflow | Orchestrators.Dagster))).Severity);

    [Fact]
    public void HourRangeAcrossTransitions_ListsEachTargetsRuns()
    {
        var diagnostics = OmlMarkup.Verify(Pipeline("expression: {|OSI0214:{|OSI0214:\"30 0-3 * * *\"|}|}\ntimezone: \"America/New_York\""), Options(Orchestrators.Airflow));
        Assert.Equal(
            "The hours of '30 0-3 * * *' include the hour that America/New_York skips or repeats on 2027-03-14 (skipped); around it Airflow runs at 00:30 EST, 01:30 EST, 03:30 EDT. Avoid hour lists and ranges that cross 02:00–03:00 (TZDB 2026f)",
            diagnostics[0].GetMessage());
        Assert.Contains("2027-11-07 (repeated)", diagnostics[1].GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void MidnightTransition_IsReportedWithDates()
    {
        // America/Santiago: 2027-09-05 00:00 -04 jumps to 01:00 -03; midnight does not exist that night.
        // (Its fall-back on 2027-04-04 repeats 23:00-00:00 of the 3rd, which a 00:00 run does not touch.)
        var d = Assert.Single(OmlMarkup.Verify(Pipeline("expression: {|OSI0215:\"0 0 * * *\"|}\ntimezone: \"America/Santiago\""), Options()));
        Assert.Equal(
            "America/Santiago changes its clocks at midnight (at 00:00 on 2027-09-05 the clocks jump to 01:00), and '0 0 * * *' fires at 00:00 on 2027-09-05, which does not exist that night; Airflow, Prefect on Python ≥3.13 and Dagster run it at 01:00 UTC-03:00; Prefect on Python ≤3.12 runs it at 23:00 UTC-04:00 on 2027-09-04; daily partitions of that date may shift too. Schedule away from midnight, for example at 01:30 or later, or use UTC (TZDB 2026f)",
            d.GetMessage());
    }

    [Theory]
    [InlineData("@daily")]
    [InlineData("@midnight")]
    [InlineData("@weekly")]
    public void MidnightTransition_IsReportedForPresets(string preset)
    {
        // A preset fires at a fixed time as much as '0 0 * * *' does (2027-09-05 is a Sunday).
        var d = Assert.Single(OmlMarkup.Verify(Pipeline($"expression: {{|OSI0215:\"{preset}\"|}}\ntimezone: \"America/Santiago\""), Options(Orchestrators.Airflow)));
        Assert.Equal(
            $"America/Santiago changes its clocks at midnight (at 00:00 on 2027-09-05 the clocks jump to 01:00), and '{preset}' fires at 00:00 on 2027-09-05, which does not exist that night; Airflow runs it at 01:00 UTC-03:00; daily partitions of that date may shift too. Schedule away from midnight, for example at 01:30 or later, or use UTC (TZDB 2026f)",
            d.GetMessage());
    }

    [Fact]
    public void HourListAcrossTheGap_IncludesARunExactlyThreeHoursBefore()
    {
        // 2027-03-14 in New York: 02:00 EST jumps to 03:00 EDT; 23:00 EST the day before is exactly 3 hours earlier.
        var d = Assert.Single(OmlMarkup.Verify(Pipeline("expression: {|OSI0214:\"0 2,23 * * *\"|}\ntimezone: \"America/New_York\""), Options(Orchestrators.Airflow)));
        Assert.Contains("around it Airflow runs at 23:00 EST, 03:00 EDT.", d.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("expression: \"30 2 * * *\"\ntimezone: \"UTC\"")]
    [InlineData("expression: \"0 12 * * *\"\ntimezone: \"Europe/Prague\"")]
    [InlineData("expression: \"*/15 * * * *\"\ntimezone: \"Asia/Tokyo\"")]
    [InlineData("expression: \"30 2 * * *\"\ntimezone: \"Asia/Kolkata\"")]
    [InlineData("type: interval\nevery: \"1h\"\ntimezone: \"America/New_York\"")]
    public void Schedules_AreQuiet_WhereDstCannotTouchThem(string schedule)
        => OmlMarkup.Quiet(Pipeline(schedule), Options());

    [Fact]
    public void IntervalStartingOnADayTheZoneSkips_StartsWhenTheClocksResume()
    {
        // Samoa skipped 2011-12-30 entirely: the start of that day is the first instant after the jump.
        OmlMarkup.Quiet(Pipeline("type: interval\nevery: \"1d\"\ntimezone: \"Pacific/Apia\"\nstart: \"2011-12-30\""), Options());
    }

    // ---- windows: OSI0401 / OSI0402 -------------------------------------------------------------

    private const string SeedSchedule = """
        type: "cron"
        expression: "0 2 * * *"
        timezone: "UTC"
        retry: {attempts: 3, delay: 300, backoff: "exponential"}
        timeout: 3600
        concurrency: 1
        catchup: false
        window: {type: "sliding", size: "24h", offset: "-1h", field: "updated_at"}
        """;

    [Fact]
    public void SeedExample_IsClean_InUtc()
        => OmlMarkup.Quiet(Pipeline(SeedSchedule, usesWindow: true), Options());

    [Fact]
    public void SeedExample_ReportsTheWindowGapAndOverlapDates_InPrague()
    {
        var text = OmlMarkup.Parse(Pipeline(SeedSchedule.Replace("\"UTC\"", "\"Europe/Prague\""), usesWindow: true)).Text;
        var diagnostics = OmlMarkup.Analyze(text, Options(Orchestrators.Airflow)).Diagnostics;

        var overlap = Assert.Single(diagnostics, d => d.Id == "OSI0401");
        Assert.Equal(
            "The load windows of consecutive runs overlap: 1h before the run of 2027-03-29 02:00 CEST (Airflow), after Europe/Prague jumps from 02:00 to 03:00 on 2027-03-28; rows in the overlap are loaded twice. Make the window follow the clock: size \"1d\" is a calendar day (23 or 25 hours on DST change days), or use type: tumbling, which spans exactly from the previous run to this one (TZDB 2026f)",
            overlap.GetMessage());
        var gap = Assert.Single(diagnostics, d => d.Id == "OSI0402");
        Assert.StartsWith("The load windows of consecutive runs leave a gap: 1h before the run of 2027-10-31 02:00 CET (Airflow), after Europe/Prague falls back from 03:00 to 02:00 on 2027-10-31", gap.GetMessage(), StringComparison.Ordinal);
        Assert.Equal((12, 34), (gap.Span.StartPosition.Line, gap.Span.StartPosition.Character)); // the size, inside the flow mapping
    }

    [Fact]
    public void CalendarDayWindow_IsClean_InPrague()
    {
        var schedule = SeedSchedule.Replace("\"UTC\"", "\"Europe/Prague\"").Replace("\"0 2 * * *\"", "\"0 4 * * *\"").Replace("size: \"24h\"", "size: \"1d\"");
        OmlMarkup.Quiet(Pipeline(schedule, usesWindow: true), Options());
    }

    [Fact]
    public void CalendarDayWindow_OnASkippedHour_SuggestsTumblingOrAnotherHour_NotTheSizeItHas()
    {
        // 02:30 happens twice in Prague on 2027-10-31 and Airflow runs the later one, 25 hours after the
        // previous run: even a calendar-day window leaves a gap, so the fix cannot be the "1d" it has.
        var schedule = SeedSchedule.Replace("\"UTC\"", "\"Europe/Prague\"").Replace("\"0 2 * * *\"", "\"30 2 * * *\"").Replace("size: \"24h\"", "size: \"1d\"");
        var text = OmlMarkup.Parse(Pipeline(schedule, usesWindow: true)).Text;
        var diagnostics = OmlMarkup.Analyze(text, Options(Orchestrators.Airflow)).Diagnostics;

        var gap = Assert.Single(diagnostics, d => d.Id == "OSI0402");
        Assert.Equal(
            "The load windows of consecutive runs leave a gap: 1h before the run of 2027-10-31 02:30 CET (Airflow), after Europe/Prague falls back from 03:00 to 02:00 on 2027-10-31; rows updated in the gap are never loaded. Use type: tumbling, which spans exactly from the previous run to this one, or schedule the runs outside the local hours the DST changes skip or repeat (TZDB 2026f)",
            gap.GetMessage());
        Assert.Equal((12, 34), (gap.Span.StartPosition.Line, gap.Span.StartPosition.Character));
    }

    [Fact]
    public void WindowLongerThanTheInterval_OverlapsOnEveryRun_AndIsAnErrorWhenAppended()
    {
        const string writer = """
              - id: "load"
                component: "supabase.writer"
                mode: "write"
                needs: ["extract"]
                config:
                  connection: "@supabase.main"
                  table: "orders"
            """;
        var d = Assert.Single(OmlMarkup.Verify(
            Pipeline("expression: \"0 * * * *\"\nwindow: {type: sliding, size: {|OSI0401:\"24h\"|}, field: updated_at}", usesWindow: true, writer: writer),
            Options()));
        Assert.Equal(
            "The load windows of consecutive runs overlap: 23h on every run (the window is 24h, the runs are 1h apart); rows in the overlap are loaded twice, and step 'load' appends them, so they are duplicated. Make the size equal to the time between runs, or use type: tumbling, which spans exactly from the previous run to this one (TZDB 2026f)",
            d.GetMessage());
        Assert.Equal(OmlSeverity.Error, d.Severity);
    }

    [Fact]
    public void WindowShorterThanTheInterval_LeavesAGapOnEveryRun()
        => Assert.Contains(
            "23h on every run (the window is 1h, the runs are 1d apart)",
            Assert.Single(OmlMarkup.Verify(Pipeline("expression: \"0 2 * * *\"\nwindow: {size: {|OSI0402:\"1h\"|}, field: updated_at}", usesWindow: true), Options())).GetMessage(),
            StringComparison.Ordinal);

    [Fact]
    public void TumblingWindow_IsContiguous_AcrossDst()
        => OmlMarkup.Quiet(Pipeline("expression: \"0 4 * * *\"\ntimezone: \"Europe/Prague\"\nwindow: {type: tumbling, field: updated_at}", usesWindow: true), Options());

    // ---- OSI0403 / OSI0404 ----------------------------------------------------------------------

    [Fact]
    public void TimeoutLongerThanTheInterval_PilesUpRuns()
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline("expression: \"*/15 * * * *\"\ntimeout: {|OSI0403:3600|}\nconcurrency: 1"), Options()));
        Assert.StartsWith("The timeout (1h) is longer than the shortest time between runs (15m, between the runs of ", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void TimeoutLongerThanTheInterval_IsQuiet_WhenRunsMayOverlap()
        => OmlMarkup.Quiet(Pipeline("expression: \"*/15 * * * *\"\ntimeout: 3600\nconcurrency: 4"), Options());

    [Fact]
    public void RetriesLongerThanTheInterval_AreReported()
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline("expression: \"0 2 * * *\"\n{|OSI0404:retry|}: {attempts: 3, delay: 600, backoff: fixed}\ntimeout: \"8h\""), Options()));
        Assert.StartsWith("With 3 retries the worst case (4 tries × timeout 8h + delays 30m = 1d 8h 30m) is longer than the shortest time between runs (1d, between the runs of", d.GetMessage(), StringComparison.Ordinal);
    }
}
