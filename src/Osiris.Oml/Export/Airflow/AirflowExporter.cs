using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NodaTime;
using Osiris.Oml.Export.Python;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Time;

namespace Osiris.Oml.Export.Airflow;

/// <summary>
/// One DAG file per pipeline that imports and schedules unchanged on Airflow 2.7+ and 3.x: imports try
/// <c>airflow.sdk</c> first and fall back to the 2.x modules, the schedule is always an explicit timetable
/// object, and no OML text ever reaches a Jinja-templated field unprotected (the run and check tasks are
/// Python callables that start the commands without a shell; notifier fields that Jinja would read as a
/// template are wrapped in <c>literal()</c>).
/// </summary>
internal static class AirflowExporter
{
    public static ExportResult Export(ExportContext ctx)
    {
        var schedule = MapSchedule(ctx);
        var body = new SourceWriter();
        var usesLiteral = false;
        var notifierImports = new SortedSet<string>(StringComparer.Ordinal);

        string Templated(string value)
        {
            if (!JinjaSafe(value))
            {
                usesLiteral = true;
                return "literal(" + PythonLiteral.String(value) + ")";
            }

            return PythonLiteral.String(value);
        }

        var retry = ctx.Retry;
        if (retry is { Attempts: > 0, Backoff: BackoffKind.Linear })
        {
            ctx.Unsupported.Add($"retry backoff linear: Airflow grows retry waits only exponentially, so the retries wait a fixed {ExportContext.Seconds(retry.Delay.ToNominalDuration())} (the preview's linear waits are {ctx.DelayList(RetryFormula.Native)})");
        }

        if (ctx.Metadata?.Sla is { } sla)
        {
            ctx.Unsupported.Add($"sla {sla}: Airflow 2 task SLAs measure from the end of the data interval and fire unreliably, Airflow 3.0 removed them and Airflow 3.1's DeadlineAlert is experimental, so this DAG enforces no SLA");
        }

        // Notifications: provider notifiers where one exists.
        var callbacks = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var n in ctx.Metadata?.Notifications ?? default)
        {
            if (n.Event == "on_sla_breach")
            {
                ctx.Unsupported.Add($"on_sla_breach {n.Channel} {PythonLiteral.String(n.Target)}: there is no SLA mechanism to attach it to (see sla)");
                continue;
            }

            string? call = n.Channel switch
            {
                "email" => "SmtpNotifier(from_email=None, to=" + Templated(n.Target) + ")",
                "slack" when n.Target.StartsWith("#", StringComparison.Ordinal)
                    => "SlackNotifier(channel=" + Templated(n.Target) + ", text=" + Templated("Osiris pipeline " + ctx.Name + ": " + EventText(n.Event)) + ")",
                "pagerduty" => "PagerdutyNotifier(pagerduty_events_conn_id=" + PythonLiteral.String(n.Target) + ", summary=" + Templated("Osiris pipeline " + ctx.Name + ": " + EventText(n.Event)) + ", severity=\"error\", source=" + PythonLiteral.String(ctx.Name) + ")",
                _ => null,
            };
            if (call is null)
            {
                ctx.Unsupported.Add(n.Channel == "slack"
                    ? $"{n.Event} slack webhook {PythonLiteral.String(n.Target)}: Airflow's SlackWebhookNotifier reads the webhook from an Airflow connection, and a webhook URL is a credential; create the connection and add the notifier"
                    : $"{n.Event} {n.Channel} {PythonLiteral.String(n.Target)}: Airflow has no provider notifier for plain webhooks");
                continue;
            }

            notifierImports.Add(n.Channel);
            if (!callbacks.TryGetValue(n.Event, out var list))
            {
                callbacks[n.Event] = list = new List<string>();
            }

            list.Add(call);
        }

        var tags = new List<string>();
        foreach (var tag in ctx.Metadata?.Tags ?? default)
        {
            if (tag.Length > 100)
            {
                ctx.Unsupported.Add($"tag {PythonLiteral.String(tag.Substring(0, 20))}...: Airflow tags are at most 100 characters");
                continue;
            }

            tags.Add(tag);
        }

        var catchup = ctx.Schedule?.Catchup ?? false;
        var tests = ctx.Metadata?.Tests ?? default;
        var window = ctx.Schedule?.Window;
        var worst = ctx.WorstCase(RetryFormula.Airflow);
        var timeout = ctx.Schedule?.Timeout;

        // ---- functions ----
        body.Line("PIPELINE = " + PythonLiteral.String(ctx.PipelinePath));
        if (window is not null)
        {
            body.Line("ZONE = ZoneInfo(" + PythonLiteral.String(ctx.ZoneId) + ")");
        }

        body.Line();
        body.Line("DOC_MD = (");
        body.Indent++;
        var doc = DocMarkdown.Build(ctx, "Airflow", schedule, NotifierNames(ctx));
        var docLines = doc.Split('\n');
        for (var i = 0; i < docLines.Length; i++)
        {
            body.Line(PythonLiteral.String(docLines[i] + (i + 1 < docLines.Length ? "\n" : string.Empty)));
        }

        body.Indent--;
        body.Line(")");
        body.Line();
        if (window is not null)
        {
            body.Line();
            ExportContext.WriteShift(body);
            body.Line();
        }

        body.Line();
        body.Line("def run_pipeline(**context) -> None:");
        body.Indent++;
        body.Line("\"\"\"Runs the pipeline" + (window is null ? "." : " for the run's window.") + "\"\"\"");
        if (window is not null)
        {
            var previous = schedule.Kind == TimetableKind.Interval
                ? "context[\"data_interval_end\"] - " + Delta(schedule.Step!.Value)
                : "context[\"data_interval_start\"]";
            ctx.WriteWindow(body, "context[\"data_interval_end\"]", previous);
        }

        body.Line("subprocess.run(" + ctx.PythonArguments(ctx.RunArguments, "PIPELINE") + ", check=True)");
        body.Indent--;
        if (!tests.IsEmpty)
        {
            body.Line();
            body.Line();
            body.Line("def check_pipeline(**context) -> None:");
            body.Indent++;
            body.Line("\"\"\"Runs the pipeline's data-quality tests.\"\"\"");
            body.Line("subprocess.run(" + ctx.PythonArguments(ctx.TestArguments, "PIPELINE") + ", check=True)");
            body.Indent--;
        }

        body.Line();
        body.Line();

        // ---- the DAG ----
        body.Line("with DAG(");
        body.Indent++;
        body.Line("dag_id=" + PythonLiteral.String(DagId(ctx)) + ",");
        body.Line("description=" + PythonLiteral.StringOrNone(ctx.Model.Description ?? ctx.Metadata?.Description) + ",");
        body.Line("schedule=" + Timetable(schedule, ctx) + ",");
        var startComment = ctx.StartIsDefault && ctx.Schedule?.Kind == ScheduleKind.Interval
            ? "  # no schedule.start: the first run on or after the reference date " + ctx.Options.Schedule.ReferenceTime.InZone(ctx.Zone ?? DateTimeZone.Utc).Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)
            : ctx.StartIsDefault
            ? "  # no schedule.start: the reference date " + ctx.Options.Schedule.ReferenceTime.InZone(ctx.Zone ?? DateTimeZone.Utc).Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) + " at midnight in " + SourceWriter.Printable(ctx.ZoneId)
            : "  # schedule.start " + SourceWriter.Printable(ctx.Schedule!.Start!) + " in " + SourceWriter.Printable(ctx.ZoneId);
        body.Line("start_date=" + Pendulum(ctx.Start) + "," + startComment);
        body.Line("catchup=" + PythonLiteral.Bool(catchup) + "," + (ctx.Schedule?.Catchup is null ? "  # not set in the pipeline; written because Airflow 2 defaults to True and 3 to False" : string.Empty));
        body.Line("max_active_runs=" + ExportContext.Int(ctx.Schedule?.Concurrency ?? 16) + "," + (ctx.Schedule?.Concurrency is null ? "  # not set in the pipeline: Airflow's default" : string.Empty));
        body.Line("dagrun_timeout=" + (worst is { } longest ? TimeDelta(longest) : PythonLiteral.None) + "," + (worst is not null ? "  # every try up to the timeout plus the longest retry waits" : string.Empty));
        body.Line("default_args={");
        body.Indent++;
        body.Line("\"owner\": " + PythonLiteral.String(ctx.Metadata?.Owner ?? "airflow") + ",");
        body.Line("\"retries\": " + ExportContext.Int(retry?.Attempts ?? 0) + ",");
        body.Line("\"retry_delay\": " + TimeDelta((retry?.Delay ?? OmlDuration.Zero).ToNominalDuration()) + ",");
        body.Line("\"retry_exponential_backoff\": " + PythonLiteral.Bool(retry?.Backoff == BackoffKind.Exponential) + ",");
        body.Line("\"max_retry_delay\": " + (retry?.MaxDelay is { } max ? TimeDelta(max.ToNominalDuration()) : PythonLiteral.None) + ",");
        if (callbacks.TryGetValue("on_retry", out var onRetry))
        {
            body.Line("\"on_retry_callback\": [" + string.Join(", ", onRetry) + "],");
        }

        body.Indent--;
        body.Line("},");
        body.Line("tags=" + PythonLiteral.StringList(tags) + ",");
        body.Line("doc_md=DOC_MD,");
        if (callbacks.TryGetValue("on_failure", out var onFailure))
        {
            body.Line("on_failure_callback=[" + string.Join(", ", onFailure) + "],");
        }

        if (callbacks.TryGetValue("on_success", out var onSuccess))
        {
            body.Line("on_success_callback=[" + string.Join(", ", onSuccess) + "],");
        }

        body.Indent--;
        body.Line(") as dag:");
        body.Indent++;
        body.Line("run = PythonOperator(");
        body.Indent++;
        body.Line("task_id=\"run\",");
        body.Line("python_callable=run_pipeline,");
        if (timeout is { } t)
        {
            body.Line("execution_timeout=" + TimeDelta(t.ToNominalDuration()) + ",");
        }

        var upstream = ctx.Metadata?.Upstream ?? default;
        var downstream = ctx.Metadata?.Downstream ?? default;
        if (!upstream.IsEmpty)
        {
            body.Line("inlets=[" + string.Join(", ", upstream.Select(r => "Lineage(" + PythonLiteral.String(LineageUri(r)) + ")")) + "],");
        }

        if (!downstream.IsEmpty)
        {
            body.Line("outlets=[" + string.Join(", ", downstream.Select(r => "Lineage(" + PythonLiteral.String(LineageUri(r)) + ")")) + "],");
        }

        body.Indent--;
        body.Line(")");
        if (!tests.IsEmpty)
        {
            body.Line("check = PythonOperator(task_id=\"check\", python_callable=check_pipeline)");
            body.Line("run >> check");
        }

        body.Indent--;

        // ---- assemble: header, imports, body, block ----
        var w = new SourceWriter();
        var semantics = new List<string>
        {
            "Fire times: " + (schedule.Kind == TimetableKind.Interval
                ? "an interval in absolute time from start_date (Airflow's delta timetable)."
                : ExportContext.Describe(ScheduleTarget.Airflow)),
            retry is { Attempts: > 0 }
                ? "Retries: Airflow's formula (RetryFormula.Airflow): waits " + ctx.DelayList(RetryFormula.Airflow) + (retry.Backoff == BackoffKind.Exponential ? " (a hash of the try adds up to as much again)." : ".")
                : "Retries: none.",
        };
        if (schedule.Derivation is { } derivation)
        {
            semantics.Add(derivation);
        }

        if (schedule.Difference is { } difference)
        {
            semantics.Add("Differs from the preview: " + difference);
        }

        ctx.WriteHeader(w, "Airflow DAG of the Osiris pipeline " + PythonLiteral.String(ctx.Name) + ", for Airflow 2.7+ and 3.x.", semantics);
        w.Line("from __future__ import annotations");
        w.Line();
        w.Line("import subprocess");
        w.Line(window is null ? "from datetime import timedelta" : "from datetime import datetime, timedelta, timezone");
        if (window is not null)
        {
            w.Line("from zoneinfo import ZoneInfo");
        }

        w.Line();
        w.Line("import pendulum");
        switch (schedule.Kind)
        {
            case TimetableKind.Cron:
                w.Line("from airflow.timetables.trigger import CronTriggerTimetable");
                break;
            case TimetableKind.CronDataInterval:
                w.Line("from airflow.timetables.interval import CronDataIntervalTimetable");
                break;
            case TimetableKind.Interval:
                w.Line("try:  # Airflow 2.10.5+ and 3.x");
                w.Line("    from airflow.timetables.trigger import DeltaTriggerTimetable");
                w.Line("except ImportError:  # older Airflow 2: runs at the end of each interval, one interval after start_date");
                w.Line("    from airflow.timetables.interval import DeltaDataIntervalTimetable as DeltaTriggerTimetable");
                break;
        }

        w.Line();
        w.Line("try:  # Airflow 3");
        w.Line("    from airflow.sdk import DAG" + (upstream.IsEmpty && downstream.IsEmpty ? string.Empty : ", Asset as Lineage"));
        w.Line("    from airflow.providers.standard.operators.python import PythonOperator");
        w.Line("except ImportError:  # Airflow 2.7+");
        w.Line("    from airflow import DAG");
        if (!upstream.IsEmpty || !downstream.IsEmpty)
        {
            w.Line("    from airflow.datasets import Dataset as Lineage");
        }

        w.Line("    from airflow.operators.python import PythonOperator");
        if (usesLiteral)
        {
            w.Line("try:  # literal() keeps OML text that looks like a Jinja template from being rendered");
            w.Line("    from airflow.sdk import literal");
            w.Line("except ImportError:");
            w.Line("    try:");
            w.Line("        from airflow.utils.template import literal  # Airflow 2.8+");
            w.Line("    except ImportError:  # Airflow 2.7 cannot pass such text through untouched");
            w.Line();
            w.Line("        def literal(value):");
            w.Line("            raise RuntimeError(\"this DAG passes text that Jinja would render; it needs Airflow 2.8+ (literal())\")");
        }

        foreach (var channel in notifierImports)
        {
            w.Line(channel switch
            {
                "email" => "from airflow.providers.smtp.notifications.smtp import SmtpNotifier",
                "slack" => "from airflow.providers.slack.notifications.slack import SlackNotifier",
                _ => "from airflow.providers.pagerduty.notifications.pagerduty import PagerdutyNotifier",
            });
        }

        w.Line();
        var text = w + body.ToString();
        var tail = new SourceWriter();
        tail.Line();
        EmbeddedBlock.Write(tail, ExportFormat.Airflow, ctx.Options, ctx.Model, ctx.Redactions);
        return PipelineExporter.Result(ctx, new ExportedFile(ctx.Identifier + ".py", text + tail));
    }

    private static string EventText(string e) => e switch
    {
        "on_failure" => "run failed",
        "on_success" => "run succeeded",
        "on_retry" => "run retried",
        _ => e,
    };

    /// <summary>An Airflow DAG id: the name when Airflow accepts it as is, else the sanitised identifier.</summary>
    private static string DagId(ExportContext ctx)
    {
        var name = ctx.Name;
        if (name.Length <= 250 && name.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '_' or '-' or '.'))
        {
            return name;
        }

        return ctx.Identifier;
    }

    /// <summary>
    /// Whether Airflow would pass <paramref name="value"/> through a templated field unchanged: no Jinja
    /// markers, and no ending that makes Airflow load a template file of that name.
    /// </summary>
    internal static bool JinjaSafe(string value)
    {
        if (value.Contains("{{") || value.Contains("{%") || value.Contains("{#"))
        {
            return false;
        }

        foreach (var ext in new[] { ".html", ".tmpl", ".j2", ".jinja2", ".sql", ".sh", ".bash", ".json", ".txt", ".md" })
        {
            if (value.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    internal static TargetSchedule MapSchedule(ExportContext ctx)
    {
        var s = ctx.Schedule;
        var tumbling = s?.Window?.Kind == WindowKind.Tumbling;
        if (TargetSchedule.MapShared(s, tumbling ? TimetableKind.CronDataInterval : TimetableKind.Cron, out var every) is { } shared)
        {
            return shared;
        }

        if (TargetSchedule.UtcCronFor(every, ctx.IntervalAnchor!.Value) is { } cron)
        {
            return new TargetSchedule(
                tumbling ? TimetableKind.CronDataInterval : TimetableKind.Cron,
                cron,
                "UTC",
                every,
                ctx.Start,
                $"The interval every {every} from start_date fires exactly at the cron '{cron}' in UTC, which is written instead of a delta timetable: its runs keep their phase whatever catchup does.",
                null);
        }

        var why = new List<string>();
        if (every.HasCalendarDays)
        {
            why.Add($"Airflow adds intervals in UTC, so a calendar day of 'every: {every}' is 24 hours here and the runs shift by the DST change where the preview keeps the local time");
        }

        if (s!.Catchup != true)
        {
            why.Add("with catchup off, Airflow's delta timetables take their phase from the first run they create (or the first after a pause), not from start_date");
        }

        const string Fallback = "DeltaTriggerTimetable fires at start_date and every step after it; before Airflow 2.10.5 the file falls back to DeltaDataIntervalTimetable, whose first run is one step later.";
        return new TargetSchedule(TimetableKind.Interval, null, s.TimeZone, every, ctx.Start, Fallback, why.Count == 0 ? null : string.Join("; ", why) + ".");
    }

    private static string Timetable(TargetSchedule t, ExportContext ctx)
    {
        // The data interval shows the run's window in Airflow's UI: a sliding window of fixed size is
        // [fire - size, fire). The task computes the exact window itself (offset and calendar days included).
        var window = ctx.Schedule?.Window;
        var size = window is { Kind: WindowKind.Sliding } ? ExportContext.FixedSeconds(window.Size) : null;
        switch (t.Kind)
        {
            case TimetableKind.Cron:
                return "CronTriggerTimetable(" + PythonLiteral.String(t.Cron!) + ", timezone=" + PythonLiteral.String(t.Zone!)
                    + (size is { } s ? ", interval=timedelta(seconds=" + ExportContext.Int(s) + ")" : string.Empty) + ")";
            case TimetableKind.CronDataInterval:
                return "CronDataIntervalTimetable(" + PythonLiteral.String(t.Cron!) + ", timezone=" + PythonLiteral.String(t.Zone!) + ")";
            case TimetableKind.Interval:
                // No interval= here: the pre-2.10.5 fallback does not take it; the task works out the window.
                return "DeltaTriggerTimetable(" + Delta(t.Step!.Value) + ")";
            default:
                return PythonLiteral.None;
        }
    }

    private static string Pendulum(Instant instant)
    {
        var utc = instant.InUtc();
        return "pendulum.datetime(" + string.Join(", ", new[] { utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second }.Select(x => x.ToString(CultureInfo.InvariantCulture))) + ", tz=\"UTC\")";
    }

    private static string Delta(OmlDuration step) => "timedelta(days=" + ExportContext.Int(step.Days) + ", seconds=" + ExportContext.Int(step.Seconds) + ")";

    internal static string TimeDelta(Duration d) => "timedelta(seconds=" + ((long)d.TotalSeconds).ToString(CultureInfo.InvariantCulture) + ")";

    /// <summary>An AIP-60 URI for a lineage entry: <c>osiris://&lt;kind&gt;/&lt;name&gt;</c>, percent-encoded to ASCII.</summary>
    internal static string LineageUri(LineageReference r) => "osiris://" + Percent(r.Kind.ToLowerInvariant()) + "/" + Percent(r.Name);

    private static string Percent(string text)
    {
        var sb = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            var c = (char)b;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '-' or '.' or '_' or '~')
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>What each notification became, for doc_md.</summary>
    private static Dictionary<NotificationModel, string> NotifierNames(ExportContext ctx)
    {
        var result = new Dictionary<NotificationModel, string>();
        foreach (var n in ctx.Metadata?.Notifications ?? default)
        {
            result[n] = n.Event == "on_sla_breach"
                ? "not wired: no SLA mechanism"
                : n.Channel switch
                {
                    "email" => "SmtpNotifier",
                    "slack" when n.Target.StartsWith("#", StringComparison.Ordinal) => "SlackNotifier",
                    "pagerduty" => "PagerdutyNotifier (connection " + n.Target + ")",
                    _ => "not wired: no provider notifier",
                };
        }

        return result;
    }
}
