using System.Collections.Generic;
using System.Linq;
using NodaTime;
using NodaTime.Text;
using Osiris.Oml.Export.Oml;
using Osiris.Oml.Export.Python;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;

namespace Osiris.Oml.Export.Prefect;

/// <summary>
/// A Prefect 3 flow module and its <c>prefect.yaml</c> deployment. Prefect keeps schedules on the
/// deployment (<c>schedules: [{cron, timezone}]</c> or <c>interval</c> with an <c>anchor_date</c>); the
/// flow works out its window from <c>prefect.runtime.flow_run.scheduled_start_time</c>, or takes
/// <c>window_start</c>/<c>window_end</c> parameters for backfills.
/// </summary>
internal static class PrefectExporter
{
    public const string DeploymentFile = "prefect.yaml";

    // Module-level names of the flow module; the flow function must not take them.
    private static readonly string[] Reserved =
    {
        "annotations", "subprocess", "datetime", "timedelta", "timezone", "Optional", "ZoneInfo", "flow", "task", "flow_run",
        "PIPELINE", "ZONE", "PERIOD", "_shift", "run_pipeline", "check_pipeline", "scheduled", "window_start", "window_end",
    };

    public static ExportResult Export(ExportContext ctx)
    {
        var schedule = MapSchedule(ctx);
        var retry = ctx.Retry;
        var window = ctx.Schedule?.Window;
        var tests = ctx.Metadata?.Tests ?? default;
        var targets = Targets(ctx.Options.Schedule.PrefectPython);
        var retriesOnTask = retry is { Attempts: > 0 } && retry.Backoff != BackoffKind.Fixed;
        var timeout = ctx.Schedule?.Timeout;
        var function = new PythonIdentifier.Scope(Reserved).Unique(ctx.Name, "pipeline");

        Collect(ctx, window);

        // ---- the flow module ----
        var body = new SourceWriter();
        body.Line("PIPELINE = " + PythonLiteral.String(ctx.PipelinePath));
        if (window is not null)
        {
            body.Line("ZONE = ZoneInfo(" + PythonLiteral.String(ctx.ZoneId) + ")");
            if (window.Kind == WindowKind.Tumbling)
            {
                body.Line("PERIOD = timedelta(seconds=" + ExportContext.Int(NominalPeriod(ctx)) + ")  # Prefect has no previous scheduled time: see the header");
            }

            body.Line();
            body.Line();
            ExportContext.WriteShift(body);
        }

        body.Line();
        body.Line();
        var taskArgs = new List<string> { "name=\"run\"" };
        if (retriesOnTask)
        {
            var delays = Enumerable.Range(1, retry!.Attempts).Select(k => ExportContext.Int((long)RetryDelays.GetDelay(retry, k, RetryFormula.Prefect).Minimum.TotalSeconds));
            taskArgs.Add("retries=" + ExportContext.Int(retry.Attempts));
            taskArgs.Add("retry_delay_seconds=[" + string.Join(", ", delays) + "]");
            if (timeout is { } t)
            {
                taskArgs.Add("timeout_seconds=" + ExportContext.Int(t.NominalSeconds));
            }
        }

        body.Line("@task(" + string.Join(", ", taskArgs) + ")");
        body.Line(window is null ? "def run_pipeline() -> None:" : "def run_pipeline(window_start: str, window_end: str) -> None:");
        body.Indent++;
        body.Line("\"\"\"Runs the pipeline" + (window is null ? "." : " for the window.") + "\"\"\"");
        body.Line("subprocess.run(" + ctx.PythonArguments(ctx.RunArguments, "PIPELINE") + ", check=True)");
        body.Indent--;
        if (!tests.IsEmpty)
        {
            body.Line();
            body.Line();
            body.Line("@task(name=\"check\")");
            body.Line("def check_pipeline() -> None:");
            body.Indent++;
            body.Line("\"\"\"Runs the pipeline's data-quality tests.\"\"\"");
            body.Line("subprocess.run(" + ctx.PythonArguments(ctx.TestArguments, "PIPELINE") + ", check=True)");
            body.Indent--;
        }

        body.Line();
        body.Line();
        var flowArgs = new List<string> { "name=" + PythonLiteral.String(ctx.Name) };
        if ((ctx.Model.Description ?? ctx.Metadata?.Description) is { } description)
        {
            flowArgs.Add("description=" + PythonLiteral.String(description));
        }

        if (retry is { Attempts: > 0 } && !retriesOnTask)
        {
            flowArgs.Add("retries=" + ExportContext.Int(retry.Attempts));
            flowArgs.Add("retry_delay_seconds=" + ExportContext.Int(retry.Delay.NominalSeconds));
        }

        var flowTimeout = retriesOnTask ? ctx.WorstCase(RetryFormula.Prefect) : timeout?.ToNominalDuration();
        if (flowTimeout is { } ft)
        {
            flowArgs.Add("timeout_seconds=" + ExportContext.Int((long)ft.TotalSeconds));
        }

        body.Line("@flow(");
        body.Indent++;
        foreach (var a in flowArgs)
        {
            body.Line(a + ",");
        }

        body.Indent--;
        body.Line(")");
        body.Line(window is null
            ? "def " + function + "() -> None:"
            : "def " + function + "(window_start: Optional[str] = None, window_end: Optional[str] = None) -> None:");
        body.Indent++;
        body.Line("\"\"\"Runs the Osiris pipeline named in the header, then its data-quality tests.\"\"\"");
        if (window is not null)
        {
            body.Line("if window_start is None or window_end is None:");
            body.Indent++;
            body.Line("scheduled = flow_run.scheduled_start_time");
            ctx.WriteWindow(body, "scheduled", "scheduled - PERIOD", "computed_start", "computed_end");
            body.Line("window_start = window_start or computed_start");
            body.Line("window_end = window_end or computed_end");
            body.Indent--;
            body.Line("run_pipeline(window_start, window_end)");
        }
        else
        {
            body.Line("run_pipeline()");
        }

        if (!tests.IsEmpty)
        {
            body.Line("check_pipeline()");
        }

        body.Indent--;
        body.Line();
        body.Line();
        body.Line("if __name__ == \"__main__\":");
        body.Line("    " + function + "()");

        var semantics = Semantics(ctx, schedule, targets, retriesOnTask);
        var w = new SourceWriter();
        ctx.WriteHeader(w, "Prefect 3 flow of the Osiris pipeline " + PythonLiteral.String(ctx.Name) + "; its deployment is in prefect.yaml.", semantics);
        w.Line("from __future__ import annotations");
        w.Line();
        w.Line("import subprocess");
        if (window is not null)
        {
            w.Line("from datetime import datetime, timedelta, timezone");
            w.Line("from typing import Optional");
            w.Line("from zoneinfo import ZoneInfo");
        }

        w.Line();
        w.Line("from prefect import flow, task");
        if (window is not null)
        {
            w.Line("from prefect.runtime import flow_run");
        }

        w.Line();
        var module = new SourceWriter();
        module.Line();
        EmbeddedBlock.Write(module, ExportFormat.Prefect, ctx.Options, ctx.Model, ctx.Redactions);
        var flowFile = new ExportedFile(ctx.Identifier + ".py", w + body.ToString() + module);

        // ---- prefect.yaml ----
        var y = new SourceWriter("  ");
        ctx.WriteHeader(y, "Prefect 3 deployment of the Osiris pipeline " + PythonLiteral.String(ctx.Name) + " (flow in " + ctx.Identifier + ".py).", semantics);
        y.Line("name: " + YamlText.Quote(ctx.Identifier));
        y.Line("deployments:");
        y.Indent++;
        y.Line("- name: " + YamlText.Quote(ctx.Name));
        y.Indent++;
        y.Line("entrypoint: " + YamlText.Quote(ctx.Identifier + ".py:" + function));
        var deploymentDescription = ctx.Model.Description ?? ctx.Metadata?.Description;
        y.Line("description: " + (deploymentDescription is null ? "null" : YamlText.Quote(deploymentDescription)));
        var tags = (ctx.Metadata?.Tags ?? default).ToList();
        if (ctx.Metadata?.Owner is { } owner)
        {
            tags.Add("owner:" + owner);
        }

        if (ctx.Metadata?.Team is { } team)
        {
            tags.Add("team:" + team);
        }

        if (ctx.Metadata?.Criticality is { } criticality)
        {
            tags.Add("criticality:" + Json.PipelineJson.CriticalityText(criticality));
        }

        y.Line("tags: [" + string.Join(", ", tags.Select(YamlText.Quote)) + "]");
        y.Line("parameters: {}");
        y.Line("work_pool:");
        y.Line("  name: " + YamlText.Quote(ctx.Options.PrefectWorkPool));
        if (ctx.Schedule?.Concurrency is { } concurrency)
        {
            y.Line("concurrency_limit:");
            y.Line("  limit: " + ExportContext.Int(concurrency));
            y.Line("  collision_strategy: ENQUEUE");
        }

        switch (schedule.Kind)
        {
            case TimetableKind.Cron:
                y.Line("schedules:");
                y.Line("- cron: " + YamlText.Quote(schedule.Cron!));
                y.Line("  timezone: " + YamlText.Quote(schedule.Zone!));
                y.Line("  active: true");
                break;
            case TimetableKind.Interval:
                y.Line("schedules:");
                y.Line("- interval: " + ExportContext.Int(schedule.Step!.Value.NominalSeconds));
                y.Line("  anchor_date: " + YamlText.Quote(AnchorText(schedule)));
                y.Line("  timezone: " + YamlText.Quote(schedule.Zone!));
                y.Line("  active: true");
                break;
            default:
                y.Line("schedules: []");
                break;
        }

        y.Indent -= 2;
        y.Line();
        EmbeddedBlock.Write(y, ExportFormat.Prefect, ctx.Options, ctx.Model, ctx.Redactions);
        return PipelineExporter.Result(ctx, flowFile, new ExportedFile(DeploymentFile, y.ToString()));
    }

    /// <summary>The anchor as Prefect reads it: local time with its offset in the schedule's zone (UTC for fixed steps).</summary>
    private static string AnchorText(TargetSchedule schedule)
    {
        var zone = Time.TimeZones.Find(schedule.Zone!) ?? DateTimeZone.Utc;
        return OffsetDateTimePattern.GeneralIso.Format(schedule.Anchor!.Value.InZone(zone).ToOffsetDateTime());
    }

    private static void Collect(ExportContext ctx, WindowModel? window)
    {
        var s = ctx.Schedule;
        if (window is { Kind: WindowKind.Tumbling })
        {
            ctx.Unsupported.Add("window type tumbling: a Prefect run does not know the previous scheduled time, so the window starts PERIOD before the scheduled time (exact while runs are PERIOD apart; not across DST changes or irregular crons); pass window_start and window_end to be exact");
        }

        if (s?.Catchup == true)
        {
            ctx.Unsupported.Add("catchup true: Prefect has no catchup; its scheduler creates runs from now on, and runs missed while workers were down stay Late and run later");
        }

        if (s is { Kind: ScheduleKind.Cron, Start: { } start })
        {
            ctx.Unsupported.Add($"start {PythonLiteral.String(start)}: a Prefect cron schedule has no start date; pause the deployment until then");
        }

        if (ctx.Metadata?.Sla is { } sla)
        {
            ctx.Unsupported.Add($"sla {sla}: Prefect's SLAs are a Prefect Cloud feature");
        }

        foreach (var n in ctx.Metadata?.Notifications ?? default)
        {
            ctx.Unsupported.Add($"{n.Event} {n.Channel} {PythonLiteral.String(n.Target)}: Prefect sends notifications through automations on the server; create one for this flow");
        }

        if (ctx.Metadata is { } m && (!m.Upstream.IsEmpty || !m.Downstream.IsEmpty))
        {
            ctx.Unsupported.Add("lineage: Prefect assets need @materialize with asset keys; the lineage stays in the block");
        }
    }

    internal static TargetSchedule MapSchedule(ExportContext ctx)
    {
        if (TargetSchedule.MapShared(ctx.Schedule, TimetableKind.Cron, out var every) is { } shared)
        {
            return shared;
        }

        // Prefect steps the days of an interval on the zone's clock and the rest in absolute time. A fixed
        // step in UTC is therefore exact; calendar days need the schedule's zone.
        return every.HasCalendarDays
            ? new TargetSchedule(TimetableKind.Interval, null, ctx.Schedule!.TimeZone, every, ctx.IntervalAnchor, null,
                "Prefect keeps the local time for the days of an interval, but resolves a local time that DST skips or repeats with its own rules, so runs on DST change days can differ from the preview.")
            : new TargetSchedule(TimetableKind.Interval, null, "UTC", every, ctx.IntervalAnchor,
                "The interval is anchored in UTC, where Prefect steps in absolute time (in a DST zone it would keep the local time for steps of a day or more).", null);
    }

    private static IReadOnlyList<ScheduleTarget> Targets(PrefectPython python) => python switch
    {
        PrefectPython.Python312OrOlder => new[] { ScheduleTarget.PrefectPython312 },
        PrefectPython.Python313OrNewer => new[] { ScheduleTarget.PrefectPython313 },
        _ => new[] { ScheduleTarget.PrefectPython312, ScheduleTarget.PrefectPython313 },
    };

    private static List<string> Semantics(ExportContext ctx, TargetSchedule schedule, IReadOnlyList<ScheduleTarget> targets, bool retriesOnTask)
    {
        var result = new List<string>();
        if (schedule.Kind == TimetableKind.Interval)
        {
            result.Add("Fire times: Prefect's interval schedule from anchor_date.");
        }
        else if (targets.Count == 1)
        {
            result.Add("Fire times: " + ExportContext.Describe(targets[0]));
        }
        else
        {
            result.Add("Fire times: the Prefect server's Python is not declared (osiris_prefect_python), and it decides DST:");
            result.Add("  on Python <= 3.12, " + ExportContext.Describe(targets[0]));
            result.Add("  on Python >= 3.13, " + ExportContext.Describe(targets[1]));
        }

        var retry = ctx.Retry;
        result.Add(retry is not { Attempts: > 0 }
            ? "Retries: none."
            : retriesOnTask
                ? "Retries: on the run task, which is the whole run (a flow's retry delay is one number in Prefect): waits " + ctx.DelayList(RetryFormula.Prefect) + " (RetryFormula.Prefect, listed one by one)."
                : "Retries: on the flow, waits " + ctx.DelayList(RetryFormula.Prefect) + " (RetryFormula.Prefect).");
        if (schedule.Derivation is { } d)
        {
            result.Add(d);
        }

        if (schedule.Difference is { } diff)
        {
            result.Add("Differs from the preview: " + diff);
        }

        return result;
    }

    /// <summary>The usual time between two runs, for tumbling windows: the most common gap of the next runs.</summary>
    private static long NominalPeriod(ExportContext ctx)
    {
        var s = ctx.Schedule!;
        if (s.Kind == ScheduleKind.Interval)
        {
            return s.Every?.NominalSeconds ?? 86_400;
        }

        var source = s.CreateSource(ctx.Zone, out _);
        if (source is null)
        {
            return 86_400;
        }

        var fires = source.Fires(ScheduleTarget.PrefectPython313, ctx.Options.Schedule.ReferenceTime, 16);
        var gaps = new Dictionary<long, int>();
        for (var i = 1; i < fires.Length; i++)
        {
            var gap = (long)(fires[i] - fires[i - 1]).TotalSeconds;
            gaps[gap] = gaps.TryGetValue(gap, out var n) ? n + 1 : 1;
        }

        return gaps.Count == 0 ? 86_400 : gaps.OrderByDescending(g => g.Value).ThenBy(g => g.Key).First().Key;
    }
}
