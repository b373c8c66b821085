using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Osiris.Oml.Binding;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Text;
using Osiris.Oml.Time;

namespace Osiris.Oml.Rules;

/// <summary>
/// Fire times that the zone's next DST transitions skip or repeat, and what each export target does
/// with them (SCHEDULE-SEMANTICS §3.1 W1–W4 and W11). The outcome of every target is computed with the
/// calculator's emulation of that target, not described from a table, so the message gives real times.
/// </summary>
internal static class DstAnalysis
{
    private const int MaxNaiveFires = 256;

    /// <summary>
    /// Reports the fire times that <paramref name="transitions"/> (the zone's next ones, see
    /// <see cref="FireSamples.NextTransitions"/>) skip or repeat, for the <paramref name="targets"/>
    /// that accept the expression.
    /// </summary>
    public static void Analyze(RuleContext context, ScheduleSource source, CronExpression cron, IReadOnlyList<TargetVariant> targets, IReadOnlyList<ZoneTransition> transitions, ScheduleSpans spans)
    {
        if (targets.Count == 0 || cron.FieldCount != 5)
        {
            return;
        }

        var fixedTime = cron.IsFixedTime;
        var reported = new HashSet<(string Id, bool Gap)>();
        foreach (var transition in transitions)
        {
            var affected = NaiveFiresIn(cron, transition.WallStart, transition.WallEnd);
            if (affected.Count == 0)
            {
                continue;
            }

            // One diagnostic per kind of transition: the message names the next occurrence only.
            if (fixedTime)
            {
                var midnight = transition.WallStart.TimeOfDay == LocalTime.Midnight || transition.WallEnd.TimeOfDay == LocalTime.Midnight;
                var descriptor = midnight
                    ? DiagnosticCatalog.MidnightDstTransition
                    : transition.IsGap ? DiagnosticCatalog.FireTimeSkippedByDst : DiagnosticCatalog.FireTimeRepeatedByDst;
                if (reported.Add((descriptor.Id, transition.IsGap)))
                {
                    ReportFixedTime(context, source, cron, targets, spans, transition, affected[0], descriptor);
                }
            }
            else if (cron.HourIsWildcard)
            {
                if (!transition.IsGap && reported.Add((DiagnosticIds.RepeatedHourRunsDiffer, false)))
                {
                    ReportEveryHour(context, source, cron, targets, spans, transition);
                }
            }
            else if (reported.Add((DiagnosticIds.HourSetCrossesDst, transition.IsGap)))
            {
                ReportHourSet(context, source, cron, targets, spans, transition);
            }
        }
    }

    private static void ReportFixedTime(
        RuleContext context,
        ScheduleSource source,
        CronExpression cron,
        IReadOnlyList<TargetVariant> targets,
        ScheduleSpans spans,
        ZoneTransition transition,
        LocalDateTime naive,
        OmlDiagnosticDescriptor descriptor)
    {
        var zone = source.Zone;

        // The run that belongs to this naive time lies between the neighbouring naive fires, which exist once.
        var previous = PreviousNaiveFire(cron, naive);
        var next = cron.GetNextLocalTime(naive);
        var from = previous?.InZoneLeniently(zone).ToInstant() ?? transition.At - Duration.FromDays(1);
        var until = next?.InZoneLeniently(zone).ToInstant() ?? transition.At + Duration.FromDays(1);
        var outcomes = targets.Select(t => (t.Name, Text: Outcome(source.FiresUntil(t.Target, from, until, 8).Where(f => f > from && f < until).ToList(), zone, naive.Date)));
        var outcome = Describe(outcomes);

        var date = TimeText.Date(naive.Date);
        var clock = TimeText.Clock(naive.TimeOfDay);
        var span = spans.Expression!.Value;
        var settings = context.Options.Schedule;
        if (descriptor == DiagnosticCatalog.MidnightDstTransition)
        {
            var what = transition.IsGap ? "which does not exist that night" : "which happens twice that night";
            context.Report(
                descriptor,
                span,
                "schedule.expression",
                zone.Id,
                MidnightChange(transition),
                MessageText.Excerpt(cron.Text),
                $"{clock} on {date}, {what}",
                outcome + "; daily partitions of that date may shift too. Schedule away from midnight, for example at 01:30 or later, or use UTC",
                TimeZones.TzdbVersion);
            return;
        }

        var avoid = $"{TimeText.Clock(transition.WallStart.TimeOfDay)}–{TimeText.Clock(transition.WallEnd.TimeOfDay)}";
        var arguments = new[] { clock, zone.Id, date, transition.Describe(), outcome, avoid, TimeZones.TzdbVersion };
        var prefectUnknown = transition.IsGap
            && (settings.Targets & Orchestrators.Prefect) != 0
            && settings.PrefectPython == PrefectPython.Unknown;
        if (prefectUnknown)
        {
            // W1: with the Prefect server's Python unknown, the run may land before the gap, even on the previous day.
            context.Diagnostics.ReportWithSeverity(descriptor, OmlSeverity.Error, span, "schedule.expression", arguments);
        }
        else
        {
            context.Report(descriptor, span, "schedule.expression", arguments);
        }
    }

    private static void ReportEveryHour(RuleContext context, ScheduleSource source, CronExpression cron, IReadOnlyList<TargetVariant> targets, ScheduleSpans spans, ZoneTransition transition)
    {
        var zone = source.Zone;
        var firstPassStart = transition.At - transition.Shift;
        var secondPassEnd = transition.At + transition.Shift;
        var outcomes = targets.Select(t =>
        {
            var fires = source.FiresUntil(t.Target, firstPassStart - Duration.FromSeconds(1), secondPassEnd, 512).Where(f => f >= firstPassStart && f < secondPassEnd).ToList();
            var first = fires.Count(f => f < transition.At);
            var second = fires.Count - first;
            var text = first > 0 && second > 0 ? "run{s} both passes" : first > 0 ? "run{s} the first pass only, then pause{s}" : second > 0 ? "run{s} the second pass only" : "skip{s} the hour";
            return (t.Name, Text: text);
        });
        var repeated = $"{TimeText.Clock(transition.WallStart.TimeOfDay)}–{TimeText.Clock(transition.WallEnd.TimeOfDay)}";
        var settings = context.Options.Schedule;
        var args = new[] { MessageText.Excerpt(cron.Text), zone.Id, TimeText.Date(transition.WallStart.Date), repeated, Describe(outcomes), TimeZones.TzdbVersion };
        if ((settings.Targets & Orchestrators.Prefect) != 0)
        {
            // W3 is a warning when Prefect is a target: its single pass leaves a two-hour hole.
            context.Diagnostics.ReportWithSeverity(DiagnosticCatalog.RepeatedHourRunsDiffer, OmlSeverity.Warning, spans.Expression!.Value, "schedule.expression", args);
        }
        else
        {
            context.Report(DiagnosticCatalog.RepeatedHourRunsDiffer, spans.Expression!.Value, "schedule.expression", args);
        }
    }

    private static void ReportHourSet(RuleContext context, ScheduleSource source, CronExpression cron, IReadOnlyList<TargetVariant> targets, ScheduleSpans spans, ZoneTransition transition)
    {
        var zone = source.Zone;
        var from = transition.At - Duration.FromHours(3);
        var until = transition.At + Duration.FromHours(3);
        var outcomes = targets.Select(t =>
        {
            var fires = source.FiresUntil(t.Target, from - Duration.FromSeconds(1), until, 64).Where(f => f >= from && f < until).ToList();
            return (t.Name, Text: fires.Count == 0 ? "do{es} not run" : "run{s} at " + string.Join(", ", fires.Select(f => TimeText.Clock(f, zone))));
        });
        var hours = $"{TimeText.Clock(transition.WallStart.TimeOfDay)}–{TimeText.Clock(transition.WallEnd.TimeOfDay)}";
        context.Report(
            DiagnosticCatalog.HourSetCrossesDst,
            spans.Expression!.Value,
            "schedule.expression",
            MessageText.Excerpt(cron.Text),
            zone.Id,
            TimeText.Date(transition.WallStart.Date) + (transition.IsGap ? " (skipped)" : " (repeated)"),
            "around it " + Describe(outcomes),
            hours,
            TimeZones.TzdbVersion);
    }

    /// <summary>"at 00:00 on 2027-09-05 the clocks jump to 01:00" / "at 00:00 on 2026-04-05 the clocks fall back to 23:00 on 2026-04-04".</summary>
    private static string MidnightChange(ZoneTransition transition)
    {
        var before = transition.At.WithOffset(transition.Before).LocalDateTime;
        var after = transition.At.WithOffset(transition.After).LocalDateTime;
        var to = after.Date == before.Date ? TimeText.Clock(after.TimeOfDay) : $"{TimeText.Clock(after.TimeOfDay)} on {TimeText.Date(after.Date)}";
        return $"at {TimeText.Clock(before.TimeOfDay)} on {TimeText.Date(before.Date)} the clocks {(transition.IsGap ? "jump" : "fall back")} to {to}";
    }

    /// <summary>"Airflow and Dagster run it at 03:30 CEST; Prefect runs it at 01:30 CET on 2027-03-27".</summary>
    /// <remarks>Outcome texts carry {s}/{es} where the verb agrees with one target or several.</remarks>
    private static string Describe(IEnumerable<(string Name, string Text)> outcomes)
    {
        var groups = outcomes
            .GroupBy(o => o.Text, StringComparer.Ordinal)
            .Select(g =>
            {
                var joined = TargetSet.JoinNames(g.Select(x => x.Name));
                var singular = !joined.Contains(" and ");
                return joined + " " + g.Key.Replace("{s}", singular ? "s" : string.Empty).Replace("{es}", singular ? "es" : string.Empty);
            })
            .ToList();
        return string.Join("; ", groups);
    }

    private static string Outcome(IReadOnlyList<Instant> fires, DateTimeZone zone, LocalDate date)
    {
        if (fires.Count == 0)
        {
            return "skip{s} the run";
        }

        return "run{s} it at " + string.Join(" and ", fires.Select(f =>
        {
            var local = f.InZone(zone).Date;
            var clock = TimeText.Clock(f, zone);
            return local == date ? clock : clock + " on " + TimeText.Date(local);
        }));
    }

    /// <summary>The naive (wall-clock) fire times in [start, end), bounded.</summary>
    private static List<LocalDateTime> NaiveFiresIn(CronExpression cron, LocalDateTime start, LocalDateTime end)
    {
        var result = new List<LocalDateTime>();
        var at = cron.GetNextLocalTime(start.PlusSeconds(-1));
        while (at is { } t && t < end && result.Count < MaxNaiveFires)
        {
            result.Add(t);
            at = cron.GetNextLocalTime(t);
        }

        return result;
    }

    /// <summary>The last naive fire before <paramref name="naive"/> for a fixed-time expression (at most one a day).</summary>
    private static LocalDateTime? PreviousNaiveFire(CronExpression cron, LocalDateTime naive)
    {
        // Most fixed-time schedules fire daily, weekly or monthly: look two months back first.
        return PreviousNaiveFire(cron, naive, 63) ?? PreviousNaiveFire(cron, naive, 400);
    }

    private static LocalDateTime? PreviousNaiveFire(CronExpression cron, LocalDateTime naive, int days)
    {
        LocalDateTime? previous = null;
        var at = cron.GetNextLocalTime(naive.PlusDays(-days));
        for (var guard = 0; at is { } t && t < naive && guard < 500; guard++)
        {
            previous = t;
            at = cron.GetNextLocalTime(t);
        }

        return previous;
    }
}
