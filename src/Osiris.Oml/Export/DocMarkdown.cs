using System.Collections.Generic;
using System.Linq;
using System.Text;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;

namespace Osiris.Oml.Export;

/// <summary>
/// The Markdown page an export shows in the orchestrator's UI (Airflow's doc_md, Dagster's description):
/// owner, SLA and what it became, criticality, schedule, window, tests, lineage, notifications, and what the
/// target cannot express. OML text is escaped (<see cref="Markdown"/>), so it cannot inject HTML.
/// </summary>
internal static class DocMarkdown
{
    public static string Build(ExportContext ctx, string target, TargetSchedule schedule, IReadOnlyDictionary<NotificationModel, string> notifications)
    {
        var m = ctx.Metadata;
        var sb = new StringBuilder();
        sb.Append("### Osiris pipeline ").Append(Markdown.Inline(ctx.Name)).Append('\n');
        var description = ctx.Model.Description ?? m?.Description;
        if (!string.IsNullOrWhiteSpace(description))
        {
            sb.Append('\n').Append(Markdown.Block(description!)).Append('\n');
        }

        sb.Append('\n').Append("| | |\n|---|---|\n");
        Row(sb, "Source", ctx.PipelinePath);
        Row(sb, "Owner", m?.Owner ?? "(none)");
        if (m?.Team is { } team)
        {
            Row(sb, "Team", team);
        }

        Row(sb, "Criticality", m?.Criticality is { } c ? Json.PipelineJson.CriticalityText(c) : "(not set)");
        Row(sb, "SLA", m?.Sla is { } sla ? sla + ": " + SlaMechanism(target) : "(none)");
        Row(sb, "Schedule", ScheduleText(ctx, schedule));
        if (ctx.Schedule?.Window is { } w)
        {
            Row(sb, "Window", (w.Kind == WindowKind.Tumbling ? "tumbling" : "sliding " + w.Size) + ", offset " + w.Offset + (w.Field is null ? string.Empty : ", on " + w.Field));
        }

        if (m is { Tests.IsEmpty: false })
        {
            sb.Append("\n#### Data tests\n\n");
            foreach (var t in m.Tests)
            {
                sb.Append("- ").Append(Markdown.Inline(t.Type));
                if (!t.Settings.IsEmpty)
                {
                    sb.Append(": ").Append(Markdown.Inline(string.Join(", ", t.Settings.Select(p => p.Key + " " + ValueText(p.Value)))));
                }

                sb.Append('\n');
            }
        }

        if (m is not null && (!m.Upstream.IsEmpty || !m.Downstream.IsEmpty))
        {
            sb.Append("\n#### Lineage\n\n");
            foreach (var r in m.Upstream)
            {
                sb.Append("- upstream ").Append(Markdown.Inline(r.ToString())).Append('\n');
            }

            foreach (var r in m.Downstream)
            {
                sb.Append("- downstream ").Append(Markdown.Inline(r.ToString())).Append('\n');
            }
        }

        if (m is { Notifications.IsEmpty: false })
        {
            sb.Append("\n#### Notifications\n\n");
            foreach (var n in m.Notifications)
            {
                sb.Append("- ").Append(n.Event).Append(": ").Append(Markdown.Inline(n.Channel + " " + n.Target));
                if (notifications.TryGetValue(n, out var became))
                {
                    sb.Append(" (").Append(Markdown.Inline(became)).Append(')');
                }

                sb.Append('\n');
            }
        }

        if (ctx.Unsupported.Count > 0)
        {
            sb.Append("\n#### Not expressed in ").Append(target).Append("\n\n");
            foreach (var item in ctx.Unsupported)
            {
                sb.Append("- ").Append(Markdown.Inline(item)).Append('\n');
            }
        }

        return sb.ToString().TrimEnd('\n');
    }

    private static string SlaMechanism(string target) => target switch
    {
        "Airflow" => "not enforced by this DAG (Airflow 2 task SLAs measure from the data interval and fire unreliably; Airflow 3.0 removed them; Airflow 3.1's DeadlineAlert is experimental)",
        "Prefect" => "not enforced (Prefect's SLAs are a Prefect Cloud feature)",
        _ => "not enforced (Dagster's nearest mechanism, freshness, measures data age, not run time)",
    };

    private static string ScheduleText(ExportContext ctx, TargetSchedule schedule)
    {
        var s = ctx.Schedule;
        if (s is null)
        {
            return "none: runs when triggered";
        }

        var text = s.Kind == ScheduleKind.Interval ? "every " + s.Every : "cron " + s.Expression;
        text += " in " + s.TimeZone;
        if (schedule.Kind == TimetableKind.None)
        {
            text += " (not scheduled here: " + (schedule.Difference ?? "no schedule") + ")";
        }

        return text;
    }

    private static void Row(StringBuilder sb, string key, string value)
        => sb.Append("| ").Append(key).Append(" | ").Append(Markdown.Inline(value)).Append(" |\n");

    internal static string ValueText(OmlValue value) => value switch
    {
        OmlScalar s => s.Text,
        OmlList l => "[" + string.Join(", ", l.Items.Select(ValueText)) + "]",
        OmlMap m => "{" + string.Join(", ", m.Properties.Select(p => p.Key + ": " + ValueText(p.Value))) + "}",
        _ => string.Empty,
    };
}
