using System.Diagnostics;
using NodaTime;
using Osiris.Oml.Scheduling;
using static Osiris.Oml.Tests.Scheduling.ScheduleAssert;

namespace Osiris.Oml.Tests.Scheduling;

/// <summary>Which targets accept what, the behaviour table, argument handling and speed.</summary>
public sealed class ScheduleCalculatorFacts(ITestOutputHelper output)
{
    private static readonly DateTimeZone Utc0 = DateTimeZone.Utc;

    [Theory]

    // Cronos-only day forms: croniter targets refuse, pointing at the token
    [InlineData("0 0 15W * *", ScheduleTarget.Airflow, ScheduleRejectionReason.UnsupportedSyntax, 4, 3)]
    [InlineData("0 0 * * 5L", ScheduleTarget.PrefectPython312, ScheduleRejectionReason.UnsupportedSyntax, 8, 2)]
    [InlineData("0 0 L-3 * *", ScheduleTarget.Dagster, ScheduleRejectionReason.UnsupportedSyntax, 4, 3)]

    // croniter syntax Cronos refuses
    [InlineData("0 0 * * L5", ScheduleTarget.Native, ScheduleRejectionReason.UnsupportedSyntax, 8, 2)]
    [InlineData("*/90 * * * *", ScheduleTarget.Native, ScheduleRejectionReason.UnsupportedSyntax, 0, 4)]

    // layouts: seconds last (croniter) vs first (Cronos); Dagster takes 5 fields
    [InlineData("30 0 12 * * *", ScheduleTarget.Native, ScheduleRejectionReason.UnsupportedLayout, 12, 1)]
    [InlineData("30 0 12 * * *", ScheduleTarget.Dagster, ScheduleRejectionReason.UnsupportedLayout, 12, 1)]
    [InlineData("0 0 1 1 * 0 2027", ScheduleTarget.DagsterFixed, ScheduleRejectionReason.UnsupportedLayout, 10, 6)]

    // presets: @quarterly is Airflow's own, lower case only
    [InlineData("@quarterly", ScheduleTarget.PrefectPython313, ScheduleRejectionReason.UnsupportedPreset, 0, 10)]
    [InlineData("@quarterly", ScheduleTarget.Dagster, ScheduleRejectionReason.UnsupportedPreset, 0, 10)]
    [InlineData("@Quarterly", ScheduleTarget.Airflow, ScheduleRejectionReason.UnsupportedPreset, 0, 10)]
    [InlineData("@quarterly", ScheduleTarget.Native, ScheduleRejectionReason.UnsupportedSyntax, 0, 10)]

    // Dagster refuses February 30/31 when the schedule is defined
    [InlineData("0 0 30 2 *", ScheduleTarget.Dagster, ScheduleRejectionReason.ImpossibleDate, 4, 2)]
    public void CheckSupport_Refuses_WhenTargetCannotReadTheExpression(string text, ScheduleTarget target, ScheduleRejectionReason reason, int start, int length)
    {
        var rejection = ScheduleCalculator.CheckSupport(Cron(text), target);

        Assert.NotNull(rejection);
        Assert.Equal(target, rejection.Target);
        Assert.Equal(reason, rejection.Reason);
        Assert.Equal(new CronSpan(start, length), rejection.Span);
        Assert.False(ScheduleCalculator.GetFireTimes(Cron(text), Utc0, Instant.FromUtc(2025, 1, 1, 0, 0), 3, target).IsAccepted);
    }

    [Theory]
    [InlineData("@quarterly", ScheduleTarget.Airflow)]
    [InlineData("30 0 12 * * *", ScheduleTarget.Airflow)]
    [InlineData("30 0 12 * * *", ScheduleTarget.PrefectPython313)]
    [InlineData("0 0 15W * *", ScheduleTarget.Native)]
    [InlineData("0 0 * * 5L", ScheduleTarget.Native)]
    [InlineData("*/90 * * * *", ScheduleTarget.Dagster)]
    [InlineData("0 0 30 2 *", ScheduleTarget.Airflow)]
    public void CheckSupport_Accepts_WhenTargetReadsTheExpression(string text, ScheduleTarget target)
        => Assert.Null(ScheduleCalculator.CheckSupport(Cron(text), target));

    [Theory]
    [InlineData(ScheduleTarget.Airflow, false)]
    [InlineData(ScheduleTarget.Dagster, false)]
    [InlineData(ScheduleTarget.DagsterFixed, false)]
    [InlineData(ScheduleTarget.PrefectPython312, true)]
    [InlineData(ScheduleTarget.PrefectPython313, true)]
    [InlineData(ScheduleTarget.Native, true)]
    public void GetFireTimes_HonoursOrRefusesDayAnd_ByTarget(ScheduleTarget target, bool accepted)
    {
        // 2025-09-01 is the first Monday that is also the 1st of a month after 2025-01-01.
        var result = ScheduleCalculator.GetFireTimes(Cron("0 0 1 * MON"), Utc0, Instant.FromUtc(2025, 1, 1, 0, 0), 1, target, dayOr: false);

        Assert.Equal(accepted, result.IsAccepted);
        if (accepted)
        {
            Assert.Equal(Instant.FromUtc(2025, 9, 1, 0, 0), Assert.Single(result.FireTimes));
        }
        else
        {
            Assert.Equal(ScheduleRejectionReason.DayAndUnsupported, result.Rejection!.Reason);
            Assert.Equal(new CronSpan(4, 7), result.Rejection.Span);
        }
    }

    [Fact]
    public void GetFireTimes_IgnoresDayOr_WhenOnlyOneDayFieldIsRestricted()
        => Assert.True(ScheduleCalculator.GetFireTimes(Cron("0 0 1 * *"), Utc0, Instant.FromUtc(2025, 1, 1, 0, 0), 1, ScheduleTarget.Airflow, dayOr: false).IsAccepted);

    [Fact]
    public void GetFireTimes_AndsTheDays_WhenTargetIsNative()
        => Assert.Equal(
            "2025-09-01 00:00+00, 2025-12-01 00:00+00",
            Fires(ScheduleTarget.Native, "UTC", "0 0 1 * MON", "2025-01-01T00:00:00Z", 2));

    [Theory]
    [InlineData(ScheduleTarget.Airflow)]
    [InlineData(ScheduleTarget.PrefectPython312)]
    [InlineData(ScheduleTarget.Dagster)]
    public void GetFireTimes_RefusesWithNeverFires_WhenCroniterGivesUp(ScheduleTarget target)
    {
        var result = ScheduleCalculator.GetFireTimes(Cron("0 0 31 4 *"), Utc0, Instant.FromUtc(2025, 1, 1, 0, 0), 1, target);

        Assert.Equal(ScheduleRejectionReason.NeverFires, result.Rejection!.Reason);
    }

    [Fact]
    public void GetFireTimes_AcceptsWithNoFires_WhenNativeNeverFires()
    {
        var result = ScheduleCalculator.GetFireTimes(Cron("0 0 30 2 *"), Utc0, Instant.FromUtc(2025, 1, 1, 0, 0), 2, ScheduleTarget.Native);

        Assert.True(result.IsAccepted);
        Assert.Empty(result.FireTimes);
        Assert.True(result.IsExhausted);
    }

    [Fact]
    public void GetFireTimes_StopsEarly_WhenYearFieldRunsOut()
    {
        var result = ScheduleCalculator.GetFireTimes(Cron("0 0 1 1 * 0 2027"), Utc0, Instant.FromUtc(2025, 1, 1, 0, 0), 3, ScheduleTarget.Airflow);

        Assert.True(result.IsAccepted);
        Assert.True(result.IsExhausted);
        Assert.Equal(Instant.FromUtc(2027, 1, 1, 0, 0), Assert.Single(result.FireTimes));
    }

    [Fact]
    public void GetFireTimes_IsStrictlyAfter_AndIgnoresSubSeconds()
    {
        var after = Instant.FromUtc(2025, 1, 1, 2, 0).Plus(Duration.FromMilliseconds(500));
        foreach (var target in Enum.GetValues<ScheduleTarget>())
        {
            var fires = ScheduleCalculator.GetFireTimes(Cron("0 2 * * *"), Utc0, after, 1, target);
            Assert.Equal(Instant.FromUtc(2025, 1, 2, 2, 0), Assert.Single(fires.FireTimes));
        }
    }

    [Fact]
    public void GetFireTimes_ValidatesArguments()
    {
        var cron = Cron("0 2 * * *");
        Assert.Throws<ArgumentNullException>(() => ScheduleCalculator.GetFireTimes(null!, Utc0, default, 1, ScheduleTarget.Airflow));
        Assert.Throws<ArgumentNullException>(() => ScheduleCalculator.GetFireTimes(cron, null!, default, 1, ScheduleTarget.Airflow));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScheduleCalculator.GetFireTimes(cron, Utc0, default, -1, ScheduleTarget.Airflow));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScheduleCalculator.GetFireTimes(cron, Utc0, default, ScheduleCalculator.MaxCount + 1, ScheduleTarget.Airflow));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScheduleCalculator.GetFireTimes(cron, Utc0, Instant.FromUtc(9500, 1, 1, 0, 0), 1, ScheduleTarget.Dagster));
        Assert.Empty(ScheduleCalculator.GetFireTimes(cron, Utc0, default, 0, ScheduleTarget.Airflow).FireTimes);
        Assert.Single(ScheduleCalculator.GetFireTimes(cron, Utc0, Instant.FromUtc(8998, 12, 31, 12, 0), 1, ScheduleTarget.Dagster).FireTimes);
    }

    [Theory]
    [InlineData(ScheduleTarget.Native, GapBehavior.MovedToGapEnd, FoldBehavior.FirstOccurrence, FoldBehavior.BothOccurrences, false, true)]
    [InlineData(ScheduleTarget.Airflow, GapBehavior.ShiftedForward, FoldBehavior.SecondOccurrence, FoldBehavior.BothOccurrences, true, false)]
    [InlineData(ScheduleTarget.PrefectPython312, GapBehavior.ShiftedBackward, FoldBehavior.FirstOccurrence, FoldBehavior.FirstOccurrence, true, true)]
    [InlineData(ScheduleTarget.PrefectPython313, GapBehavior.ShiftedForward, FoldBehavior.FirstOccurrence, FoldBehavior.FirstOccurrence, true, true)]
    [InlineData(ScheduleTarget.Dagster, GapBehavior.MovedToGapEnd, FoldBehavior.SecondOccurrenceInHours1To3, FoldBehavior.BothOccurrences, true, false)]
    [InlineData(ScheduleTarget.DagsterFixed, GapBehavior.MovedToGapEnd, FoldBehavior.SecondOccurrenceInHours1To3, FoldBehavior.BothOccurrences, true, false)]
    public void GetBehavior_DescribesTheTargetsRules(ScheduleTarget target, GapBehavior fixedGap, FoldBehavior fixedFold, FoldBehavior hourlyFold, bool or, bool canAnd)
    {
        var behavior = ScheduleCalculator.GetBehavior(target);

        Assert.Equal(target, behavior.Target);
        Assert.Equal(new DstHandling(fixedGap, fixedFold), behavior.FixedTime);
        Assert.Equal(hourlyFold, behavior.EveryHour.Fold);
        Assert.Equal(or, behavior.DaysCombinedWithOr);
        Assert.Equal(canAnd, behavior.CanCombineDaysWithAnd);
        Assert.False(string.IsNullOrEmpty(behavior.Name));
    }

    [Fact]
    public void GetFireTimes_Computes800FireTimesQuickly_ForEveryTarget()
    {
        // The analyzer previews schedules on every build: ~800 fire times must cost well under a
        // millisecond warm (measured 20-210 µs in Release). The bound here is loose for CI machines.
        var zone = DateTimeZoneProviders.Tzdb["Europe/Prague"];
        var after = Instant.FromUtc(2025, 1, 1, 0, 0);
        foreach (var text in new[] { "30 2 * * *", "*/15 * * * *", "0 9 * * MON-FRI" })
        {
            var cron = Cron(text);
            foreach (var target in Enum.GetValues<ScheduleTarget>())
            {
                for (var i = 0; i < 20; i++)
                {
                    Assert.Equal(800, ScheduleCalculator.GetFireTimes(cron, zone, after, 800, target).FireTimes.Length);
                }

                var watch = Stopwatch.StartNew();
                const int Rounds = 20;
                for (var i = 0; i < Rounds; i++)
                {
                    ScheduleCalculator.GetFireTimes(cron, zone, after, 800, target);
                }

                var perCall = watch.Elapsed.TotalMilliseconds / Rounds;
                output.WriteLine($"{text,-16} {target,-17} {perCall * 1000:F0} µs per 800 fire times");
                Assert.True(perCall < 25, $"{text} / {target}: {perCall:F2} ms per call");
            }
        }
    }
}
