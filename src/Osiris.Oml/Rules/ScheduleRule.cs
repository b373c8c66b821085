using System;
using System.Linq;
using Osiris.Oml.Binding;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Text;
using Osiris.Oml.Time;

namespace Osiris.Oml.Rules;

/// <summary>
/// The schedule's expression and its consequences (OML-SPEC §2, SCHEDULE-SEMANTICS.md): invalid or
/// never-firing crons, what each export target cannot express, DST effects on fire times, gaps and
/// overlaps between the load windows of consecutive runs, and runs that pile up.
/// </summary>
internal sealed class ScheduleRule : IDocumentRule
{
    public void Analyze(RuleContext context)
    {
        if (context.Schedule is not { } schedule || context.ScheduleSpans is not { } spans)
        {
            return;
        }

        var zone = TimeZones.Find(schedule.TimeZone);
        var targets = TargetSet.For(context.Options.Schedule);
        var source = schedule.CreateSource(zone, out var parsed);
        if (parsed is not null)
        {
            if (parsed.Expression is not { } cron)
            {
                var error = parsed.Error!;
                context.Report(DiagnosticCatalog.InvalidCron, ExpressionSpan(context, spans, error.Span), "schedule.expression", MessageText.Excerpt(schedule.Expression!), AsClause(error.Message));
                return;
            }

            if (cron.NeverFires)
            {
                context.Report(DiagnosticCatalog.CronNeverFires, spans.Expression!.Value, "schedule.expression", MessageText.Excerpt(cron.Text), NeverFiresReason(cron));
                return;
            }

            var support = targets.Select(t => (Target: t, Rejection: ScheduleCalculator.CheckSupport(cron, t.Target, dayOr: true, t.Orchestrator.ToString()))).ToList();
            CompatibilityChecks.Analyze(context, cron, zone, support, spans);
            targets = support.Where(s => s.Rejection is null).Select(s => s.Target).ToList();
        }

        if (source is null || targets.Count == 0)
        {
            return;
        }

        var reference = context.Options.Schedule.ReferenceTime;
        var transitions = FireSamples.NextTransitions(source.Zone, reference);
        if (source.Cron is { } expression)
        {
            DstAnalysis.Analyze(context, source, expression, targets, transitions, spans);
        }

        var samples = FireSamples.Take(source, targets, reference, transitions);
        WindowAnalysis.Analyze(context, schedule, samples, spans);
        RunLoadAnalysis.Analyze(context, schedule, samples, spans);
    }

    /// <summary>
    /// The span of a cron error inside the expression. Offsets map 1:1 onto a plain or quoted scalar
    /// without escapes; otherwise the whole value is the location.
    /// </summary>
    internal static SourceSpan ExpressionSpan(RuleContext context, ScheduleSpans spans, CronSpan? inner)
    {
        var whole = spans.Expression!.Value;
        if (inner is not { Length: > 0 } span || spans.ExpressionTextStart is not { } start)
        {
            return whole;
        }

        var from = start + span.Start;
        var to = from + Math.Max(span.Length, 0);
        if (from < whole.Start || to > whole.End)
        {
            return whole;
        }

        return context.Tree.Lines.GetSpan(from, to);
    }

    /// <summary>The calculator writes sentences; inside our messages they are clauses: "hour 25 is out of range; use 0-23".</summary>
    internal static string AsClause(string sentence)
    {
        var s = sentence.Trim();
        if (s.EndsWith(".", StringComparison.Ordinal))
        {
            s = s.Substring(0, s.Length - 1);
        }

        return s.Length > 1 && char.IsUpper(s[0]) && !char.IsUpper(s[1]) ? char.ToLowerInvariant(s[0]) + s.Substring(1) : s;
    }

    private static string NeverFiresReason(CronExpression cron)
    {
        var dom = cron.GetField(CronField.DayOfMonth)?.Text;
        var month = cron.GetField(CronField.Month)?.Text;
        return dom is null || month is null
            ? "no date matches all of its fields"
            : $"day-of-month '{dom}' does not exist in month '{month}'; use 'L' for the last day of the month, or another day";
    }
}
