using System.CommandLine;
using System.Globalization;
using NodaTime;
using Osiris.Cli.Output;
using Osiris.Cli.Schedules;
using Osiris.Oml.Scheduling;

namespace Osiris.Cli.Commands;

/// <summary><c>osiris schedule test --dry-run</c>: simulate a period with the engine's <see cref="ScheduleSimulation"/> and report it.</summary>
internal static class TestCommand
{
    public static Command Create(CliHost host)
    {
        var file = new Argument<string>("file") { Description = "The .oml pipeline file." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Simulate without running anything (required: osiris never runs pipelines)." };
        var from = CommonOptions.From("Start of the period (ISO-8601; a date or local time is read in the pipeline's zone). Default: now.");
        var to = new Option<string?>("--to") { Description = "End of the period (ISO-8601). Default: 14 days after --from." };
        var target = CommonOptions.Target("Whose scheduler semantics, catch-up and retry formula to apply. Default: the first of osiris_targets.");
        var outage = new Option<string?>("--outage") { Description = "Simulate the orchestrator being down, FROM..TO (ISO-8601 each), and show what catch-up does afterwards." };
        var format = CommonOptions.Format("Output format: text or json.", "text", "json");
        var command = new Command("test", "Simulate a period: every run with its window, DST days, an outage and catch-up, runs overlapping under the timeout and concurrency, and the retry timeline of a failing run.")
        {
            file,
            dryRun,
            from,
            to,
            target,
            outage,
            format,
        };
        command.SetAction(parse => Run(
            host,
            parse.GetValue(file)!,
            parse.GetValue(dryRun),
            parse.GetValue(from),
            parse.GetValue(to),
            parse.GetValue(target),
            parse.GetValue(outage),
            parse.GetValue(format)!));
        return command;
    }

    private static int Run(CliHost host, string path, bool dryRun, string? fromText, string? toText, string? targetName, string? outageText, string format)
    {
        if (!dryRun)
        {
            throw new CliUsageException("schedule test needs --dry-run: osiris simulates schedules and never runs a pipeline");
        }

        if (PipelineFile.Load(path, host) is not { } pipeline)
        {
            return ExitCodes.Errors;
        }

        var schedule = pipeline.Schedule;
        var zone = schedule.Zone;
        var target = pipeline.Target(targetName);
        var from = fromText is null ? host.Clock() : Times.ParseMoment(fromText, zone, "--from");
        var to = toText is null ? from + Duration.FromDays(14) : Times.ParseMoment(toText, zone, "--to");
        if (to <= from)
        {
            throw new CliUsageException("--to must be later than --from");
        }

        if (to - from > Duration.FromDays(3660))
        {
            throw new CliUsageException("the period is longer than ten years; pick a shorter one");
        }

        Interval? outage = null;
        if (outageText is not null)
        {
            var parts = outageText.Split("..", StringSplitOptions.None);
            if (parts.Length != 2)
            {
                throw new CliUsageException($"--outage '{outageText}' must be FROM..TO, for example 2024-01-16T00:00Z..2024-01-18T12:00Z");
            }

            var start = Times.ParseMoment(parts[0], zone, "--outage");
            var end = Times.ParseMoment(parts[1], zone, "--outage");
            if (end <= start)
            {
                throw new CliUsageException("--outage must end after it starts");
            }

            outage = new Interval(start, end);
        }

        if (schedule.CheckSupport(target) is { } refusal)
        {
            host.Error.WriteLine($"osiris: {Targets.Describe(target)} refuses the schedule of {pipeline.DisplayPath}: {refusal.Message}");
            return ExitCodes.Errors;
        }

        var model = pipeline.Model.Schedule!;
        var options = new SimulationOptions(from, to, target)
        {
            Timeout = model.Timeout?.ToNominalDuration(),
            Concurrency = model.Concurrency,
            Catchup = model.Catchup,
            Outage = outage,
        };
        var result = ScheduleSimulation.Run(schedule, options);
        if (format == "json")
        {
            host.Output.Write(TestJson(pipeline, target, options, result));
        }
        else
        {
            TestText(host.Output, pipeline, target, options, result, new Style(host.UseColor(host.OutputIsTerminal)));
        }

        return ExitCodes.Success;
    }

    private static void TestText(TextWriter o, PipelineFile pipeline, ScheduleTarget target, SimulationOptions options, ScheduleSimulationResult result, Style style)
    {
        var schedule = pipeline.Schedule;
        var zone = schedule.Zone;
        string L(Instant i) => Times.Local(i, zone);

        o.WriteLine(style.Bold($"Dry run of {pipeline.Model.Name ?? "(unnamed pipeline)"} ({pipeline.DisplayPath}); nothing was run"));
        o.WriteLine($"Schedule: {PipelineSchedules.Describe(schedule)} in {schedule.TimeZone}, as {Targets.Describe(target)} computes it (tz database {ScheduleDefinition.TimeZoneDataVersion})");
        o.WriteLine($"Period: after {L(options.From)} until {L(options.To)}");
        o.WriteLine($"Settings: timeout {(options.Timeout is { } t ? Times.Length(t) : "none")}, concurrency {(options.Concurrency?.ToString(CultureInfo.InvariantCulture) ?? "unlimited")}, catchup {(options.Catchup is { } c ? (c ? "true" : "false") : "not set")}");
        o.WriteLine();

        if (result.Transitions.Length == 0)
        {
            o.WriteLine($"DST changes: none in the period ({schedule.TimeZone}).");
        }
        else
        {
            o.WriteLine("DST changes in the period:");
            foreach (var transition in result.Transitions)
            {
                o.WriteLine("  " + style.Warn(DescribeTransition(transition)));
            }
        }

        o.WriteLine();
        o.WriteLine($"Runs ({result.Runs.Length}{(result.IsTruncated ? $", cut off at {SimulationOptions.MaxRuns}" : string.Empty)}):");
        for (var i = 0; i < result.Runs.Length; i++)
        {
            var run = result.Runs[i];
            var line = $"  {(i + 1).ToString(CultureInfo.InvariantCulture),3}. {L(run.FireTime)}";
            if (run.Window is { } window)
            {
                line += $"  window {Times.Local(window.Start, zone)} → {Times.Local(window.End, zone)} ({Times.Length(window.Length)})";
            }

            o.WriteLine(line);
            if (run.Transition is { } transition)
            {
                o.WriteLine("       " + style.Warn($"DST day: clocks {(transition.IsGap ? "jump forward" : "fall back")} {Times.Length(transition.Shift)} at {transition.LocalBefore.TimeOfDay:HH':'mm} local time"));
            }

            if (run.WindowOverlap is { } overlap && overlap != Duration.Zero)
            {
                o.WriteLine("       " + (overlap > Duration.Zero
                    ? style.Warn($"window overlaps the previous run's by {Times.Length(overlap)}: those rows are loaded twice")
                    : style.Bad($"window leaves a gap of {Times.Length(-overlap)} after the previous run's: those rows are never loaded")));
            }

            switch (run.State)
            {
                case SimulatedRunState.Skipped:
                    o.WriteLine("       " + style.Bad("skipped: scheduled during the outage and never run"));
                    break;
                case SimulatedRunState.CaughtUp:
                    o.WriteLine("       " + style.Warn($"caught up: runs when the outage ends, {L(run.Start!.Value)}"));
                    break;
                case SimulatedRunState.Queued:
                    o.WriteLine("       " + style.Warn($"queued: {run.StillRunning} earlier run(s) may still be running (timeout), so it starts at {L(run.Start!.Value)}, {Times.Length(run.Start!.Value - run.FireTime)} late"));
                    break;
                default:
                    if (run.StillRunning > 0)
                    {
                        o.WriteLine("       " + style.Warn($"overlaps: {run.StillRunning} earlier run(s) may still be running (no concurrency limit)"));
                    }

                    break;
            }
        }

        o.WriteLine();
        WriteOutage(o, target, options, result, style, zone);
        WriteOverlap(o, options, result, style);
        o.WriteLine();
        WriteRetries(o, pipeline, options, result, style, zone);
    }

    private static void WriteOutage(TextWriter o, ScheduleTarget target, SimulationOptions options, ScheduleSimulationResult result, Style style, DateTimeZone zone)
    {
        if (options.Outage is not { } outage || result.Catchup is not { } behavior)
        {
            o.WriteLine("Outage: none simulated (use --outage FROM..TO).");
            return;
        }

        var missed = result.Runs.Count(r => r.State is SimulatedRunState.Skipped or SimulatedRunState.CaughtUp);
        var caught = result.Runs.Count(r => r.State == SimulatedRunState.CaughtUp);
        o.WriteLine($"Outage from {Times.Local(outage.Start, zone)} to {Times.Local(outage.End, zone)}: {missed} run(s) fall in it.");
        o.WriteLine("  " + CatchupText(target, options.Catchup, behavior));
        o.WriteLine("  " + (missed - caught > 0
            ? style.Bad($"{caught} run(s) are caught up when it ends, {missed - caught} are never run: their windows' rows are not loaded unless backfilled.")
            : style.Ok($"all {caught} run(s) are run when it ends.")));
    }

    private static string CatchupText(ScheduleTarget target, bool? catchup, CatchupBehavior behavior) => behavior switch
    {
        CatchupBehavior.All => $"{Targets.Describe(target)} with catchup={(catchup == true ? "True" : "False")} runs every missed run when it is back.",
        CatchupBehavior.AllLate => "Prefect creates runs ahead of time; runs missed while workers were down stay Late and all run when workers return (catchup has no Prefect equivalent).",
        CatchupBehavior.LatestFew => $"A partitioned Dagster schedule launches only the {ScheduleSimulation.DagsterMaxCatchupRuns} most recent missed ticks (max_catchup_runs) when the daemon is back.",
        _ => target is ScheduleTarget.Dagster or ScheduleTarget.DagsterFixed
            ? "A Dagster schedule without partitions launches only the most recent missed tick when the daemon is back."
            : $"{Targets.Describe(target)} with catchup={(catchup == true ? "True" : "False")} runs only the most recent missed run when it is back.",
    };

    private static void WriteOverlap(TextWriter o, SimulationOptions options, ScheduleSimulationResult result, Style style)
    {
        if (options.Timeout is null)
        {
            o.WriteLine("Overlap: not simulated; the schedule has no timeout, so a run's length is unknown.");
            return;
        }

        var queued = result.Runs.Count(r => r.State == SimulatedRunState.Queued);
        var overlapping = result.Runs.Count(r => r.StillRunning > 0);
        if (overlapping == 0)
        {
            o.WriteLine(style.Ok($"Overlap: none; every run ends (timeout {Times.Length(options.Timeout.Value)}) before the next is due."));
            return;
        }

        var worst = result.Runs.Where(r => r.Start is not null).Select(r => r.Start!.Value - r.FireTime).Max();
        o.WriteLine(style.Warn(options.Concurrency is { } limit
            ? $"Overlap: {overlapping} run(s) are due while earlier ones may still run; with concurrency {limit}, {queued} wait, the longest {Times.Length(worst)}."
            : $"Overlap: {overlapping} run(s) are due while earlier ones may still run, and nothing limits concurrency."));
    }

    private static void WriteRetries(TextWriter o, PipelineFile pipeline, SimulationOptions options, ScheduleSimulationResult result, Style style, DateTimeZone zone)
    {
        var retry = pipeline.Schedule.Retry;
        if (retry is null || retry.Attempts == 0 || result.RetryTimeline.Length == 0)
        {
            o.WriteLine("Retries: none configured" + (result.RetryTimeline.Length == 0 && retry is not null ? " or no run in the period" : string.Empty) + ".");
            return;
        }

        var tryLength = options.Timeout;
        o.WriteLine($"Retry timeline of a failing run 1 ({result.RetryFormula} formula, {retry.Backoff.ToString().ToLowerInvariant()} from {retry.Delay}{(retry.MaxDelay is { } max ? ", at most " + max : string.Empty)}; each try fails {(tryLength is { } t ? "at its " + Times.Length(t) + " timeout" : "at once (no timeout)")}):");
        foreach (var attempt in result.RetryTimeline)
        {
            var wait = attempt.Number == 1 ? "first try" : attempt.Wait.Minimum == attempt.Wait.Maximum
                ? $"after {Times.Length(attempt.Wait.Minimum)}"
                : $"after {Times.Length(attempt.Wait.Minimum)}–{Times.Length(attempt.Wait.Maximum)} (jitter)";
            var when = attempt.EarliestStart == attempt.LatestStart
                ? Times.Local(attempt.EarliestStart, zone)
                : $"{Times.Local(attempt.EarliestStart, zone)} – {Times.Local(attempt.LatestStart, zone)}";
            o.WriteLine($"  try {attempt.Number}: {when}  ({wait})");
        }

        var firstRun = result.Runs.First(r => r.Start is not null);
        var next = result.Runs.SkipWhile(r => r != firstRun).Skip(1).FirstOrDefault();
        var end = result.FailingRunLatestEnd!.Value;
        o.WriteLine($"  the last try ends by {Times.Local(end, zone)}");
        if (next is not null)
        {
            o.WriteLine("  " + (end > next.FireTime
                ? style.Bad($"that is after the next run is due ({Times.Local(next.FireTime, zone)}): the retries outlast the interval")
                : style.Ok($"before the next run is due ({Times.Local(next.FireTime, zone)})")));
        }
    }

    private static string DescribeTransition(DstTransition t)
        => t.IsGap
            ? $"{t.LocalBefore.Date:uuuu'-'MM'-'dd}: clocks jump forward {Times.Length(t.Shift)} at {t.LocalBefore.TimeOfDay:HH':'mm} (local times {t.LocalBefore.TimeOfDay:HH':'mm}–{t.LocalAfter.TimeOfDay:HH':'mm} do not exist)"
            : $"{t.LocalBefore.Date:uuuu'-'MM'-'dd}: clocks fall back {Times.Length(t.Shift)} at {t.LocalBefore.TimeOfDay:HH':'mm} (local times {t.LocalAfter.TimeOfDay:HH':'mm}–{t.LocalBefore.TimeOfDay:HH':'mm} happen twice)";

    private static string TestJson(PipelineFile pipeline, ScheduleTarget target, SimulationOptions options, ScheduleSimulationResult result)
    {
        var zone = pipeline.Schedule.Zone;
        return Json.Write(w =>
        {
            w.WriteStartObject();
            ValidationJson.WriteNullable(w, "pipeline", pipeline.Model.Name);
            w.WriteString("target", Targets.NameOf(target));
            w.WriteString("timezone", pipeline.Schedule.TimeZone);
            w.WriteString("tzdb", ScheduleDefinition.TimeZoneDataVersion);
            w.WriteString("from", Times.IsoUtc(options.From));
            w.WriteString("to", Times.IsoUtc(options.To));
            w.WriteBoolean("truncated", result.IsTruncated);
            w.WriteStartArray("dstTransitions");
            foreach (var t in result.Transitions)
            {
                w.WriteStartObject();
                w.WriteString("at", Times.IsoUtc(t.At));
                w.WriteString("kind", t.IsGap ? "gap" : "fold");
                w.WriteNumber("shiftSeconds", (long)t.Shift.TotalSeconds);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("runs");
            foreach (var run in result.Runs)
            {
                w.WriteStartObject();
                w.WriteString("utc", Times.IsoUtc(run.FireTime));
                w.WriteString("local", Times.IsoLocal(run.FireTime, zone));
                if (run.Window is { } window)
                {
                    w.WriteStartObject("window");
                    w.WriteString("start", Times.IsoUtc(window.Start));
                    w.WriteString("end", Times.IsoUtc(window.End));
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("window");
                }

                w.WriteString("state", run.State switch
                {
                    SimulatedRunState.Queued => "queued",
                    SimulatedRunState.Skipped => "skipped",
                    SimulatedRunState.CaughtUp => "caught-up",
                    _ => "on-time",
                });
                ValidationJson.WriteNullable(w, "start", run.Start is { } s ? Times.IsoUtc(s) : null);
                ValidationJson.WriteNullable(w, "latestEnd", run.LatestEnd is { } e ? Times.IsoUtc(e) : null);
                w.WriteNumber("stillRunning", run.StillRunning);
                w.WriteBoolean("dstDay", run.Transition is not null);
                if (run.WindowOverlap is { } overlap)
                {
                    w.WriteNumber("windowOverlapSeconds", (long)overlap.TotalSeconds);
                }
                else
                {
                    w.WriteNull("windowOverlapSeconds");
                }
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (options.Outage is { } outage && result.Catchup is { } behavior)
            {
                w.WriteStartObject("outage");
                w.WriteString("from", Times.IsoUtc(outage.Start));
                w.WriteString("to", Times.IsoUtc(outage.End));
                w.WriteString("catchup", behavior switch
                {
                    CatchupBehavior.All => "all",
                    CatchupBehavior.AllLate => "all-late",
                    CatchupBehavior.LatestFew => "latest-few",
                    _ => "latest-only",
                });
                w.WriteNumber("missed", result.Runs.Count(r => r.State is SimulatedRunState.Skipped or SimulatedRunState.CaughtUp));
                w.WriteNumber("caughtUp", result.Runs.Count(r => r.State == SimulatedRunState.CaughtUp));
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("outage");
            }

            w.WriteStartObject("retries");
            w.WriteString("formula", result.RetryFormula.ToString().ToLowerInvariant());
            w.WriteStartArray("tries");
            foreach (var attempt in result.RetryTimeline)
            {
                w.WriteStartObject();
                w.WriteNumber("try", attempt.Number);
                w.WriteString("earliestStart", Times.IsoUtc(attempt.EarliestStart));
                w.WriteString("latestStart", Times.IsoUtc(attempt.LatestStart));
                w.WriteNumber("waitMinSeconds", (long)attempt.Wait.Minimum.TotalSeconds);
                w.WriteNumber("waitMaxSeconds", (long)attempt.Wait.Maximum.TotalSeconds);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            ValidationJson.WriteNullable(w, "latestEnd", result.FailingRunLatestEnd is { } end ? Times.IsoUtc(end) : null);
            w.WriteEndObject();
            w.WriteEndObject();
        }) + "\n";
    }
}
