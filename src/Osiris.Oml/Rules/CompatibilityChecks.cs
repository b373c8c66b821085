using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NodaTime;
using Osiris.Oml.Binding;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Text;

namespace Osiris.Oml.Rules;

/// <summary>
/// What the export targets cannot express or read differently (OSI06xx, SCHEDULE-SEMANTICS §3.1
/// W5–W7, W9, W10): both day fields, seconds and year fields, dialect extensions, wrap-around ranges,
/// uneven steps, hourly schedules in zones with a non-whole-hour offset on Dagster 1.12.
/// </summary>
internal static class CompatibilityChecks
{
    /// <summary>
    /// Reports what the expression uses that the targets read differently, and the refusal of each
    /// target that refuses it (<paramref name="support"/>, with messages naming the orchestrator).
    /// </summary>
    public static void Analyze(RuleContext context, CronExpression cron, DateTimeZone? zone, IReadOnlyList<(TargetVariant Target, ScheduleRejection? Rejection)> support, ScheduleSpans spans)
    {
        var text = cron.Text;
        var whole = spans.Expression!.Value;

        if (cron.FieldCount != 5)
        {
            var span = CronSpan.Cover(cron.GetField(CronField.Second)?.Span, cron.GetField(CronField.Year)?.Span);
            context.Report(
                DiagnosticCatalog.SecondsOrYearField,
                ScheduleRule.ExpressionSpan(context, spans, span),
                "schedule.expression",
                MessageText.Excerpt(text),
                cron.FieldCount.ToString(CultureInfo.InvariantCulture),
                "Airflow and Prefect (croniter) read the sixth field as SECONDS AT THE END and the seventh as a year, Quartz-style schedulers read seconds FIRST, and Dagster rejects anything but 5 fields");
        }

        if (cron.DayOfMonthAndDayOfWeekRestricted)
        {
            var span = CronSpan.Cover(cron.GetField(CronField.DayOfMonth)?.Span, cron.GetField(CronField.DayOfWeek)?.Span);
            context.Report(DiagnosticCatalog.DayOfMonthAndDayOfWeek, cron.PresetName is null ? ScheduleRule.ExpressionSpan(context, spans, span) : whole, "schedule.expression", MessageText.Excerpt(text));
        }

        // What each declared target refuses, other than the layout (reported above).
        var rejections = support
            .Where(x => x.Rejection is { Reason: not ScheduleRejectionReason.UnsupportedLayout })
            .GroupBy(x => x.Target.Orchestrator)
            .Select(g => g.First())
            .ToList();
        foreach (var (target, rejection) in rejections)
        {
            context.Report(
                DiagnosticCatalog.CronFeatureNotSupported,
                cron.PresetName is null ? ScheduleRule.ExpressionSpan(context, spans, rejection!.Span) : whole,
                "schedule.expression",
                MessageText.Excerpt(rejection!.Span is { } r && r.End <= text.Length ? text.Substring(r.Start, r.Length) : text),
                target.Orchestrator.ToString(),
                ScheduleRule.AsClause(rejection.Message));
        }

        foreach (var use in cron.FeatureUses)
        {
            var token = MessageText.Excerpt(use.Span.End <= text.Length ? text.Substring(use.Span.Start, use.Span.Length) : text);
            var at = cron.PresetName is null ? ScheduleRule.ExpressionSpan(context, spans, use.Span) : whole;
            switch (use.Feature)
            {
                case CronFeatures.WrapAroundRange:
                    context.Report(
                        DiagnosticCatalog.CronFeatureVersionDependent,
                        at,
                        "schedule.expression",
                        token,
                        "is a wrap-around range: croniter 6 (current Airflow, Prefect 3, Dagster) reads it across the end of the range, but croniter 1.x and 2.0.x (older Airflow installations, Prefect 2) and most other cron libraries reject it; " + SplitHint(use.Field, token));
                    break;
                case CronFeatures.StepLargerThanRange:
                    context.Report(DiagnosticCatalog.UnevenCronStep, at, "schedule.expression", token, StepTooLarge(use.Field, token));
                    break;
                case CronFeatures.UnevenStep:
                    context.Report(DiagnosticCatalog.UnevenCronStep, at, "schedule.expression", token, UnevenStep(use.Field, token));
                    break;
            }
        }

        CheckOffsetZone(context, cron, zone, support.Select(s => s.Target), spans);
    }

    /// <summary>"write it as two ranges, '22-23,0-2'" for a numeric wrap-around range.</summary>
    private static string SplitHint(CronField field, string token)
    {
        var parts = token.Split('-');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var a)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var b))
        {
            var range = CronParser.Range(field);
            return $"write it as two ranges, '{a}-{range.Max},{range.Min}-{b}'";
        }

        return "write it as two ranges that do not wrap, for example 'FRI-SAT,SUN-MON' as '5-6,0-1'";
    }

    private static string StepTooLarge(CronField field, string token)
        => $"has a step larger than the {FieldName(field)} range, so it means only the first value: '{token}' fires once per {Cycle(field)}, not every {StepOf(token)} {Unit(field)}; Cronos and croner reject it. Use a list of values or another schedule";

    private static string UnevenStep(CronField field, string token)
    {
        var step = StepOf(token);
        if (field == CronField.Minute && int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0)
        {
            var last = 59 / s * s;
            return $"does not divide the hour: it runs at :{last:00} and again {60 - last} minutes later at :00, not every {s} minutes. Use a step that divides 60 (5, 10, 15, 20, 30) or an interval schedule (type: interval)";
        }

        if (field == CronField.Hour && int.TryParse(step, NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h > 0)
        {
            var last = 23 / h * h;
            return $"does not divide the day: it runs at {last:00}:00 and again {24 - last} hours later at midnight, not every {h} hours. Use a step that divides 24 (2, 3, 4, 6, 8, 12) or an interval schedule (type: interval)";
        }

        return $"does not divide the {FieldName(field)} range, so the step restarts at every {Cycle(field)} boundary and the spacing is uneven";
    }

    /// <summary>W10: Dagster 1.12's hourly fast path computes minutes on UTC epoch seconds (dagster#33448).</summary>
    private static void CheckOffsetZone(RuleContext context, CronExpression cron, DateTimeZone? zone, IEnumerable<TargetVariant> targets, ScheduleSpans spans)
    {
        if (zone is null || !targets.Any(t => t.Target == ScheduleTarget.Dagster) || !cron.HourIsWildcard || cron.FieldCount != 5)
        {
            return;
        }

        var reference = context.Options.Schedule.ReferenceTime;
        var offset = zone.GetZoneIntervals(reference, reference + FireSamples.Horizon)
            .Select(i => i.WallOffset)
            .FirstOrDefault(o => o.Seconds % 3600 != 0);
        if (offset == default)
        {
            return;
        }

        context.Report(
            DiagnosticCatalog.OffsetZoneHourlyDagster,
            spans.TimeZone ?? spans.Expression!.Value,
            "schedule.timezone",
            zone.Id,
            TimeText.Offset(offset),
            MessageText.Excerpt(cron.Text),
            context.Options.Schedule.DagsterVersion == DagsterVersion.Legacy
                ? "upgrade Dagster (the fix is in 1.13) or schedule in a whole-hour zone"
                : "upgrade Dagster, or set osiris_dagster_version = 1.13 if you already run a fixed version");
    }

    private static string StepOf(string token) => token.Substring(token.IndexOf('/') + 1);

    /// <summary>"minute (0-59)".</summary>
    private static string FieldName(CronField field)
    {
        var range = CronParser.Range(field);
        return $"{CronParser.FieldName(field)} ({range.Min}-{range.Max})";
    }

    private static string Cycle(CronField field) => field switch
    {
        CronField.Minute => "hour",
        CronField.Hour => "day",
        CronField.DayOfMonth => "month",
        CronField.Month => "year",
        CronField.DayOfWeek => "week",
        _ => "minute",
    };

    private static string Unit(CronField field) => field switch
    {
        CronField.Minute => "minutes",
        CronField.Hour => "hours",
        CronField.DayOfMonth => "days",
        CronField.Month => "months",
        CronField.DayOfWeek => "days",
        _ => "seconds",
    };
}
