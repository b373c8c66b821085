using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Osiris.Oml.Export.Python;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;

namespace Osiris.Oml.Export.Dagster;

/// <summary>
/// A Dagster definitions module: an asset that runs the pipeline, an asset check per data-quality test,
/// a job and its schedule: <c>ScheduleDefinition</c>, or a schedule built from time-window partitions
/// when the pipeline has a window (each run then loads its partition's period, shifted by the offset).
/// </summary>
internal static class DagsterExporter
{
    private const string PartitionFormat = "%Y-%m-%d-%H:%M";

    // Dagster's definition tags: keys and values of letters, digits, '_', '-', '.', at most 63 characters.
    private static readonly Regex TagWord = new("^[A-Za-z0-9_.-]{1,63}$", RegexOptions.CultureInvariant);

    // Dagster checks owners with its own e-mail pattern; stay inside what it surely accepts.
    private static readonly Regex SimpleEmail = new(@"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$", RegexOptions.CultureInvariant);

    private static readonly string[] Reserved =
    {
        "annotations", "subprocess", "datetime", "timedelta", "timezone", "ZoneInfo", "AssetCheckResult", "AssetExecutionContext",
        "AssetKey", "Backoff", "DefaultScheduleStatus", "Definitions", "RetryPolicy", "ScheduleDefinition",
        "TimeWindowPartitionsDefinition", "asset", "asset_check", "build_schedule_from_partitioned_job", "define_asset_job",
        "PIPELINE", "ZONE", "PARTITIONS", "_shift", "defs", "completed", "context",
    };

    public static ExportResult Export(ExportContext ctx)
    {
        var schedule = MapSchedule(ctx);
        var target = ctx.Options.Schedule.DagsterVersion == DagsterVersion.Current ? ScheduleTarget.DagsterFixed : ScheduleTarget.Dagster;
        var window = ctx.Schedule?.Window;
        var partitioned = window is not null && schedule.Kind == TimetableKind.Cron;
        var retry = ctx.Retry;
        var m = ctx.Metadata;
        var scope = new PythonIdentifier.Scope(Reserved);
        var assetName = scope.Unique(ctx.Name, "pipeline");
        var jobName = scope.Unique(assetName + "_job", "job");
        var scheduleName = scope.Unique(assetName + "_schedule", "schedule");

        Collect(ctx, schedule, partitioned);

        var body = new SourceWriter();
        body.Line("PIPELINE = " + PythonLiteral.String(ctx.PipelinePath));
        if (window is not null)
        {
            body.Line("ZONE = ZoneInfo(" + PythonLiteral.String(ctx.ZoneId) + ")");
        }

        if (partitioned)
        {
            var local = ctx.Start.InZone(ctx.Zone ?? NodaTime.DateTimeZone.Utc).LocalDateTime;
            body.Line("PARTITIONS = TimeWindowPartitionsDefinition(");
            body.Indent++;
            body.Line("cron_schedule=" + PythonLiteral.String(schedule.Cron!) + ",");
            body.Line("timezone=" + PythonLiteral.String(schedule.Zone!) + ",");
            body.Line("start=" + PythonLiteral.String(local.ToString("uuuu-MM-dd-HH:mm", System.Globalization.CultureInfo.InvariantCulture)) + ",");
            body.Line("fmt=" + PythonLiteral.String(PartitionFormat) + ",");
            body.Indent--;
            body.Line(")");
        }

        if (window is not null)
        {
            body.Line();
            body.Line();
            ExportContext.WriteShift(body);
        }

        body.Line();
        body.Line();
        body.Line("@asset(");
        body.Indent++;
        body.Line("name=" + PythonLiteral.String(assetName) + ",");
        if ((ctx.Model.Description ?? m?.Description) is { } description)
        {
            body.Line("description=" + PythonLiteral.String(description) + ",");
        }

        var owners = new List<string>();
        if (m?.Owner is { } owner)
        {
            if (SimpleEmail.IsMatch(owner))
            {
                owners.Add(owner);
            }
            else
            {
                ctx.Unsupported.Add($"owner {PythonLiteral.String(owner)}: not an address Dagster's owner check surely accepts; it is in the asset metadata");
            }
        }

        if (m?.Team is { Length: > 0 } team)
        {
            owners.Add("team:" + team);
        }

        if (owners.Count > 0)
        {
            body.Line("owners=" + PythonLiteral.StringList(owners) + ",");
        }

        var tags = new List<string>();
        foreach (var tag in m?.Tags ?? default)
        {
            if (TagWord.IsMatch(tag))
            {
                tags.Add(tag);
            }
            else
            {
                ctx.Unsupported.Add($"tag {PythonLiteral.String(tag)}: Dagster tag keys are letters, digits, '_', '-' and '.' (at most 63); it is in the asset metadata");
            }
        }

        if (tags.Count > 0)
        {
            body.Line("tags={" + string.Join(", ", tags.Select(t => PythonLiteral.String(t) + ": \"\"")) + "},");
        }

        if (m is { Upstream.IsEmpty: false })
        {
            body.Line("deps=[" + string.Join(", ", m.Upstream.Select(Dep)) + "],");
        }

        if (retry is { Attempts: > 0 })
        {
            var backoff = retry.Backoff switch
            {
                BackoffKind.Exponential => ", backoff=Backoff.EXPONENTIAL",
                BackoffKind.Linear => ", backoff=Backoff.LINEAR",
                _ => string.Empty,
            };
            body.Line("retry_policy=RetryPolicy(max_retries=" + ExportContext.Int(retry.Attempts) + ", delay=" + ExportContext.Int(retry.Delay.NominalSeconds) + backoff + "),");
        }

        if (partitioned)
        {
            body.Line("partitions_def=PARTITIONS,");
        }

        var metadata = new List<(string, string)> { ("osiris/source", ctx.PipelinePath) };
        if (m?.Owner is { } o)
        {
            metadata.Add(("osiris/owner", o));
        }

        if (m?.Criticality is { } criticality)
        {
            metadata.Add(("osiris/criticality", Json.PipelineJson.CriticalityText(criticality)));
        }

        if (m?.Sla is { } sla)
        {
            metadata.Add(("osiris/sla", sla.ToString()));
        }

        if (m is { Tags.IsEmpty: false })
        {
            metadata.Add(("osiris/tags", string.Join(", ", m.Tags)));
        }

        if (m is { Downstream.IsEmpty: false })
        {
            metadata.Add(("osiris/downstream", string.Join(", ", m.Downstream.Select(r => r.ToString()))));
        }

        body.Line("metadata={" + string.Join(", ", metadata.Select(kv => PythonLiteral.String(kv.Item1) + ": " + PythonLiteral.String(kv.Item2))) + "},");
        body.Indent--;
        body.Line(")");
        body.Line("def " + assetName + "(context: AssetExecutionContext) -> None:");
        body.Indent++;
        body.Line("\"\"\"Runs the Osiris pipeline named in the header.\"\"\"");
        if (window is not null)
        {
            if (partitioned)
            {
                body.Line("period = context.partition_time_window");
                ctx.WriteWindow(body, "period.end", "period.start");
            }
            else
            {
                body.Line("now = datetime.now(timezone.utc)  # not scheduled here (see the header): the window ends now");
                ctx.WriteWindow(body, "now", "now");
            }
        }

        body.Line("subprocess.run(" + ctx.PythonArguments(ctx.RunArguments, "PIPELINE") + ", check=True)");
        body.Indent--;

        var checks = new List<string>();
        var testNumber = 0;
        foreach (var test in m?.Tests ?? default)
        {
            testNumber++;
            var checkName = scope.Unique(test.Type, "check");
            var function = scope.Unique(assetName + "_" + checkName, "check");
            checks.Add(function);
            var summary = test.Type + (test.Settings.IsEmpty ? string.Empty : ": " + string.Join(", ", test.Settings.Select(p => p.Key + " " + DocMarkdown.ValueText(p.Value))));
            var arguments = new List<List<CommandPart>>(ctx.TestArguments)
            {
                new() { new CommandPart("--test", false) },
                new() { new CommandPart(ExportContext.Int(testNumber), false) },
            };
            body.Line();
            body.Line();
            body.Line("@asset_check(asset=" + assetName + ", name=" + PythonLiteral.String(checkName) + ", blocking=True, description=" + PythonLiteral.String(summary) + ")");
            body.Line("def " + function + "() -> AssetCheckResult:");
            body.Indent++;
            body.Line("\"\"\"Runs data-quality test " + ExportContext.Int(testNumber) + " of the pipeline.\"\"\"");
            body.Line("completed = subprocess.run(" + ctx.PythonArguments(arguments, "PIPELINE") + ", check=False)");
            body.Line("return AssetCheckResult(passed=completed.returncode == 0)");
            body.Indent--;
        }

        body.Line();
        body.Line();
        var jobTags = new List<string> { PythonLiteral.String("osiris/pipeline") + ": " + PythonLiteral.String(assetName) };
        var worst = ctx.WorstCase(RetryFormula.Dagster);
        if (worst is { } w)
        {
            jobTags.Add(PythonLiteral.String("dagster/max_runtime") + ": " + PythonLiteral.String(ExportContext.Int((long)w.TotalSeconds)));
        }

        body.Line(jobName + " = define_asset_job(");
        body.Indent++;
        body.Line("name=" + PythonLiteral.String(jobName) + ",");
        body.Line("selection=[" + assetName + "],");
        body.Line("tags={" + string.Join(", ", jobTags) + "},");
        if (partitioned)
        {
            body.Line("partitions_def=PARTITIONS,");
        }

        body.Indent--;
        body.Line(")");
        var hasSchedule = schedule.Kind == TimetableKind.Cron;
        if (hasSchedule)
        {
            if (partitioned)
            {
                body.Line(scheduleName + " = build_schedule_from_partitioned_job(");
                body.Indent++;
                body.Line(jobName + ",");
                body.Line("name=" + PythonLiteral.String(scheduleName) + ",");
                body.Line("default_status=DefaultScheduleStatus.RUNNING,");
                body.Indent--;
                body.Line(")");
            }
            else
            {
                body.Line(scheduleName + " = ScheduleDefinition(");
                body.Indent++;
                body.Line("name=" + PythonLiteral.String(scheduleName) + ",");
                body.Line("job=" + jobName + ",");
                body.Line("cron_schedule=" + PythonLiteral.String(schedule.Cron!) + ",");
                body.Line("execution_timezone=" + PythonLiteral.String(schedule.Zone!) + ",");
                body.Line("default_status=DefaultScheduleStatus.RUNNING,");
                body.Indent--;
                body.Line(")");
            }
        }

        body.Line();
        body.Line("defs = Definitions(");
        body.Indent++;
        body.Line("assets=[" + assetName + "],");
        if (checks.Count > 0)
        {
            body.Line("asset_checks=[" + string.Join(", ", checks) + "],");
        }

        body.Line("jobs=[" + jobName + "],");
        body.Line("schedules=[" + (hasSchedule ? scheduleName : string.Empty) + "],");
        body.Indent--;
        body.Line(")");

        var semantics = new List<string>
        {
            "Fire times: " + (hasSchedule ? ExportContext.Describe(target) : "none: this module has no schedule (see below)."),
            retry is { Attempts: > 0 }
                ? "Retries: Dagster's formula (RetryFormula.Dagster" + (retry.Backoff == BackoffKind.Exponential ? ", (2^k - 1) x delay" : string.Empty) + "): waits " + ctx.DelayList(RetryFormula.Dagster) + (retry.Backoff == BackoffKind.Exponential ? ", where Osiris's own formula (RetryFormula.Native) waits " + ctx.DelayList(RetryFormula.Native) : string.Empty) + "."
                : "Retries: none.",
        };
        if (worst is not null)
        {
            semantics.Add("Timeout: the job tag dagster/max_runtime caps the whole run (every try up to the timeout plus the waits); it needs run monitoring enabled on the instance.");
        }

        if (schedule.Derivation is { } derivation)
        {
            semantics.Add(derivation);
        }

        if (schedule.Difference is { } difference)
        {
            semantics.Add((hasSchedule ? "Differs from the preview: " : "Not scheduled: ") + difference);
        }

        var head = new SourceWriter();
        ctx.WriteHeader(head, "Dagster definitions of the Osiris pipeline " + PythonLiteral.String(ctx.Name) + ".", semantics);
        head.Line("from __future__ import annotations");
        head.Line();
        head.Line("import subprocess");
        if (window is not null)
        {
            head.Line("from datetime import datetime, timedelta, timezone");
            head.Line("from zoneinfo import ZoneInfo");
        }

        head.Line();
        var imports = new SortedSet<string>(System.StringComparer.Ordinal) { "AssetExecutionContext", "Definitions", "asset", "define_asset_job" };
        if (checks.Count > 0)
        {
            imports.Add("AssetCheckResult");
            imports.Add("asset_check");
        }

        if (m is { Upstream.IsEmpty: false })
        {
            imports.Add("AssetKey");
        }

        if (retry is { Attempts: > 0 })
        {
            imports.Add("RetryPolicy");
            if (retry.Backoff != BackoffKind.Fixed)
            {
                imports.Add("Backoff");
            }
        }

        if (hasSchedule)
        {
            imports.Add("DefaultScheduleStatus");
            imports.Add(partitioned ? "build_schedule_from_partitioned_job" : "ScheduleDefinition");
        }

        if (partitioned)
        {
            imports.Add("TimeWindowPartitionsDefinition");
        }

        head.Line("from dagster import (");
        foreach (var name in imports)
        {
            head.Line("    " + name + ",");
        }

        head.Line(")");
        head.Line();
        var tail = new SourceWriter();
        tail.Line();
        EmbeddedBlock.Write(tail, ExportFormat.Dagster, ctx.Options, ctx.Model, ctx.Redactions);
        return PipelineExporter.Result(ctx, new ExportedFile(ctx.Identifier + ".py", head + body.ToString() + tail));
    }

    private static string Dep(LineageReference r)
        => r.Kind == "pipeline"
            ? "AssetKey([" + PythonLiteral.String(PythonIdentifier.Sanitize(r.Name, "pipeline")) + "])"
            : "AssetKey([" + PythonLiteral.String(PythonIdentifier.Sanitize(r.Kind, "asset")) + ", " + PythonLiteral.String(PythonIdentifier.Sanitize(r.Name, "asset")) + "])";

    private static void Collect(ExportContext ctx, TargetSchedule schedule, bool partitioned)
    {
        var s = ctx.Schedule;
        if (s?.Retry is { MaxDelay: { } max, Attempts: > 0 })
        {
            ctx.Unsupported.Add($"retry max_delay {max}: Dagster's RetryPolicy has no cap on the wait");
        }

        if (s?.Timeout is { } timeout)
        {
            ctx.Unsupported.Add($"timeout {timeout} per try: Dagster has no per-try timeout; dagster/max_runtime caps the whole run instead");
        }

        if (s?.Concurrency is { } c)
        {
            ctx.Unsupported.Add($"concurrency {ExportContext.Int(c)}: Dagster limits runs in the instance, not in code; set run_coordinator tag_concurrency_limits [{{key: \"osiris/pipeline\", value: \"{PythonIdentifier.Sanitize(ctx.Name, "pipeline")}\", limit: {ExportContext.Int(c)}}}]");
        }

        if (s?.Catchup == true)
        {
            ctx.Unsupported.Add(partitioned
                ? "catchup true: the partitioned schedule runs only each new partition; backfill missed ones from the UI or `dagster job backfill`"
                : "catchup true: Dagster schedules do not catch up; use a partitioned job to backfill");
        }

        if (s is { Start: { } start } && !partitioned && schedule.Kind == TimetableKind.Cron)
        {
            ctx.Unsupported.Add($"start {PythonLiteral.String(start)}: a Dagster schedule has no start date; it fires from when it is turned on");
        }

        if (ctx.Metadata?.Sla is { } sla)
        {
            ctx.Unsupported.Add($"sla {sla}: Dagster's nearest mechanism, freshness, measures data age rather than run time");
        }

        foreach (var n in ctx.Metadata?.Notifications ?? default)
        {
            ctx.Unsupported.Add($"{n.Event} {n.Channel} {PythonLiteral.String(n.Target)}: Dagster notifies through run-status sensors (for example make_slack_on_run_failure_sensor) defined next to these definitions");
        }

        if (ctx.Metadata is { Downstream.IsEmpty: false })
        {
            ctx.Unsupported.Add("downstream lineage: a Dagster asset names its upstream deps only; the downstream entries are in the asset metadata");
        }
    }

    internal static TargetSchedule MapSchedule(ExportContext ctx)
    {
        if (TargetSchedule.MapShared(ctx.Schedule, TimetableKind.Cron, out var every) is { } shared)
        {
            return shared;
        }

        if (TargetSchedule.UtcCronFor(every, ctx.IntervalAnchor!.Value) is { } cron)
        {
            return new TargetSchedule(
                TimetableKind.Cron,
                cron,
                "UTC",
                every,
                ctx.Start,
                $"The interval every {every} from {NodaTime.Text.InstantPattern.ExtendedIso.Format(ctx.IntervalAnchor!.Value)} fires exactly at the cron '{cron}' in UTC, which Dagster's cron-only schedules can express.",
                null);
        }

        var why = $"Dagster schedules are cron-only, and every {every} from {NodaTime.Text.InstantPattern.ExtendedIso.Format(ctx.IntervalAnchor!.Value)} matches no cron expression (it must be whole minutes dividing an hour or whole hours dividing a day{(every.HasCalendarDays ? ", in fixed time" : string.Empty)}); trigger the job from a sensor or change the interval";
        ctx.Unsupported.Add("schedule: " + why);
        return TargetSchedule.None(why + ".");
    }
}
