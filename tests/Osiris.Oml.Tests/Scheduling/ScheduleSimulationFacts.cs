using NodaTime;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Time;

namespace Osiris.Oml.Tests.Scheduling;

/// <summary>The dry-run simulation: outages and catch-up per target, queues under concurrency, windows, retries.</summary>
public sealed class ScheduleSimulationFacts
{
    private static readonly Instant From = Instant.FromUtc(2026, 1, 1, 0, 0);
    private static readonly Interval Outage = new(Instant.FromUtc(2026, 1, 2, 0, 0), Instant.FromUtc(2026, 1, 8, 12, 0));

    private static ScheduleSimulationResult Daily(ScheduleTarget target, bool? catchup, bool window = false)
    {
        var schedule = ScheduleDefinition.FromCron("0 2 * * *", "UTC");
        if (window)
        {
            schedule = schedule.WithWindow(new WindowDefinition(WindowKind.Sliding, new OmlDuration(1, 0), OmlDuration.Zero));
        }

        return ScheduleSimulation.Run(schedule, new SimulationOptions(From, From + Duration.FromDays(10), target) { Catchup = catchup, Outage = Outage });
    }

    private static int Count(ScheduleSimulationResult result, SimulatedRunState state) => result.Runs.Count(r => r.State == state);

    [Fact]
    public void Airflow_WithCatchup_RunsEveryMissedRunWhenTheOutageEnds()
    {
        var result = Daily(ScheduleTarget.Airflow, catchup: true);

        // Runs on 01-02 .. 01-08 at 02:00 fall in the outage (01-02 00:00 .. 01-08 12:00): seven of them.
        Assert.Equal(CatchupBehavior.All, result.Catchup);
        Assert.Equal(7, Count(result, SimulatedRunState.CaughtUp));
        Assert.Equal(0, Count(result, SimulatedRunState.Skipped));
        Assert.All(result.Runs.Where(r => r.State == SimulatedRunState.CaughtUp), r => Assert.Equal(Outage.End, r.Start));
    }

    [Fact]
    public void Airflow_WithoutCatchup_RunsOnlyTheLatestMissedRun()
    {
        var result = Daily(ScheduleTarget.Airflow, catchup: false);

        Assert.Equal(CatchupBehavior.LatestOnly, result.Catchup);
        Assert.Equal(1, Count(result, SimulatedRunState.CaughtUp));
        Assert.Equal(6, Count(result, SimulatedRunState.Skipped));
        Assert.Equal(Instant.FromUtc(2026, 1, 8, 2, 0), result.Runs.Single(r => r.State == SimulatedRunState.CaughtUp).FireTime);
    }

    [Fact]
    public void Prefect_RunsEveryLateRun_WhateverCatchupSays()
    {
        var result = Daily(ScheduleTarget.PrefectPython313, catchup: false);

        Assert.Equal(CatchupBehavior.AllLate, result.Catchup);
        Assert.Equal(7, Count(result, SimulatedRunState.CaughtUp));
    }

    [Fact]
    public void Dagster_CatchesUpOneTick_OrFivePartitionsWithAWindow()
    {
        Assert.Equal(1, Count(Daily(ScheduleTarget.Dagster, catchup: true), SimulatedRunState.CaughtUp));
        Assert.Equal(5, Count(Daily(ScheduleTarget.Dagster, catchup: true, window: true), SimulatedRunState.CaughtUp));
    }

    [Fact]
    public void Timeout_LongerThanTheInterval_QueuesRunsUnderConcurrencyOne()
    {
        var schedule = ScheduleDefinition.FromCron("0 * * * *", "UTC");
        var options = new SimulationOptions(From, From + Duration.FromHours(3), ScheduleTarget.Airflow) { Timeout = Duration.FromMinutes(90), Concurrency = 1 };

        var result = ScheduleSimulation.Run(schedule, options);

        Assert.Equal(new[] { SimulatedRunState.OnTime, SimulatedRunState.Queued, SimulatedRunState.Queued }, result.Runs.Select(r => r.State));
        Assert.Equal(new[] { From + Duration.FromHours(1), From + Duration.FromMinutes(150), From + Duration.FromHours(4) }, result.Runs.Select(r => r.Start!.Value));
        Assert.Equal(new[] { 0, 1, 1 }, result.Runs.Select(r => r.StillRunning));
    }

    [Fact]
    public void Timeout_WithoutConcurrencyLimit_ReportsOverlapButStartsOnTime()
    {
        var schedule = ScheduleDefinition.FromCron("0 * * * *", "UTC");
        var options = new SimulationOptions(From, From + Duration.FromHours(3), ScheduleTarget.Airflow) { Timeout = Duration.FromMinutes(150) };

        var result = ScheduleSimulation.Run(schedule, options);

        Assert.All(result.Runs, r => Assert.Equal(SimulatedRunState.OnTime, r.State));
        Assert.Equal(new[] { 0, 1, 2 }, result.Runs.Select(r => r.StillRunning));
    }

    [Fact]
    public void FixedWindow_OverlapsAfterSpringForward_AndTheDstDayIsMarked()
    {
        var schedule = ScheduleDefinition.FromCron("0 0 * * *", "America/New_York")
            .WithWindow(new WindowDefinition(WindowKind.Sliding, new OmlDuration(0, 86400), new OmlDuration(0, -3600)));
        var options = new SimulationOptions(Instant.FromUtc(2025, 3, 8, 0, 0), Instant.FromUtc(2025, 3, 12, 0, 0), ScheduleTarget.Airflow);

        var result = ScheduleSimulation.Run(schedule, options);

        // SCHEDULE-SEMANTICS.md "Incremental-window demo": the 03-10 run's fixed window overlaps by 1h.
        var transition = Assert.Single(result.Transitions);
        Assert.True(transition.IsGap);
        var onMarch10 = result.Runs.Single(r => r.FireTime == Instant.FromUtc(2025, 3, 10, 4, 0));
        Assert.Equal(Duration.FromHours(1), onMarch10.WindowOverlap);
        Assert.NotNull(result.Runs.Single(r => r.FireTime == Instant.FromUtc(2025, 3, 9, 5, 0)).Transition);
    }

    [Fact]
    public void RetryTimeline_AddsTimeoutsAndTheTargetsWaits()
    {
        var schedule = ScheduleDefinition.FromCron("0 2 * * *", "UTC").WithRetry(new RetryPolicy(2, new OmlDuration(0, 300), BackoffKind.Linear, null));
        var options = new SimulationOptions(From, From + Duration.FromDays(2), ScheduleTarget.Dagster) { Timeout = Duration.FromHours(1) };

        var result = ScheduleSimulation.Run(schedule, options);

        var fire = Instant.FromUtc(2026, 1, 1, 2, 0);
        Assert.Equal(RetryFormula.Dagster, result.RetryFormula);
        Assert.Equal(new[] { fire, fire + Duration.FromMinutes(65), fire + Duration.FromMinutes(135) }, result.RetryTimeline.Select(t => t.LatestStart));
        Assert.Equal(fire + Duration.FromMinutes(195), result.FailingRunLatestEnd);
    }
}
