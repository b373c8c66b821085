using System.Collections.Generic;
using System.Linq;
using NodaTime;
using Osiris.Oml.Binding;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Syntax;
using Osiris.Oml.Time;

namespace Osiris.Oml.Rules;

/// <summary>
/// Gaps and overlaps between the sliding windows of consecutive runs (OSI0401, OSI0402; W12): a fixed
/// size on a local-time schedule loses or duplicates an hour of rows around each DST change, and a
/// size that differs from the time between runs does so on every run.
/// </summary>
internal static class WindowAnalysis
{
    private const int MaxListed = 4;

    public static void Analyze(RuleContext context, ScheduleModel schedule, FireSamples samples, ScheduleSpans spans)
    {
        if (schedule.Window is not { Kind: WindowKind.Sliding, Size: { } } window || samples.ByTarget.Count == 0)
        {
            return;
        }

        var zone = samples.Zone;
        var location = spans.WindowSize ?? spans.Window ?? spans.Block;
        var steady = samples.ByTarget[0].Steady;
        var steadyPairs = Deltas(steady, window, zone).ToList();
        var steadyDeltas = steadyPairs.Select(d => d.Delta).Distinct().ToList();
        var findings = new List<Finding>();

        // Every run: the size does not match the time between runs.
        if (steadyDeltas.Count == 1 && steadyDeltas[0] != Duration.Zero && steady.Length >= 2)
        {
            var every = steady[1] - steady[0];
            findings.Add(new Finding(
                steadyDeltas[0],
                $"{TimeText.Length(Abs(steadyDeltas[0]))} on every run (the window is {window.Size}, the runs are {TimeText.Length(every)} apart)",
                Steady: true));
        }
        else if (steadyDeltas.Count > 1)
        {
            // Irregular schedules (weekdays, business hours): name the first few places.
            foreach (var (later, delta) in steadyPairs.Where(d => d.Delta != Duration.Zero).Take(MaxListed))
            {
                findings.Add(new Finding(delta, $"{TimeText.Length(Abs(delta))} before the run of {TimeText.DateAndClock(later, zone)}", Steady: true));
            }
        }

        // Around DST transitions: pairs that differ from the steady pattern, grouped by what happens.
        var around = new Dictionary<(Duration Delta, string Transition), List<(string Target, Instant Run)>>();
        foreach (var (target, _, stretches) in samples.ByTarget)
        {
            foreach (var (transition, fires) in stretches)
            {
                var described = Describe(transition, zone);
                foreach (var (later, delta) in Deltas(fires, window, zone))
                {
                    if (steadyDeltas.Contains(delta))
                    {
                        continue;
                    }

                    var key = (delta, described);
                    if (!around.TryGetValue(key, out var list))
                    {
                        around[key] = list = new List<(string, Instant)>();
                    }

                    if (!list.Any(x => x.Target == target.Name))
                    {
                        list.Add((target.Name, later));
                    }
                }
            }
        }

        foreach (var entry in around.OrderBy(kv => kv.Value.Min(r => r.Run)))
        {
            var (delta, transition) = entry.Key;
            var runs = entry.Value;
            var byRun = runs.GroupBy(r => r.Run).OrderBy(g => g.Key)
                .Select(g => $"{TimeText.DateAndClock(g.Key, zone)} ({TargetSet.JoinNames(g.Select(x => x.Target))})");
            findings.Add(new Finding(delta, $"{TimeText.Length(Abs(delta))} before the run of {string.Join(" or ", byRun)}, {transition}", Steady: false));
        }

        var calendar = window.Size.Value.HasCalendarDays;
        Report(context, findings.Where(f => f.Delta > Duration.Zero).ToList(), DiagnosticCatalog.WindowGap, location, calendar);
        Report(context, findings.Where(f => f.Delta < Duration.Zero).ToList(), DiagnosticCatalog.WindowOverlap, location, calendar);
    }

    private static void Report(RuleContext context, List<Finding> findings, OmlDiagnosticDescriptor descriptor, Text.SourceSpan location, bool calendarSize)
    {
        if (findings.Count == 0)
        {
            return;
        }

        var what = string.Join("; ", findings.Take(MaxListed).Select(f => f.Text));
        // A calendar-day size already follows the clock: what is left is a run the DST change moves
        // (a skipped or repeated local time), which only a tumbling window or another hour absorbs.
        var fix = !findings.Any(f => !f.Steady)
            ? "Make the size equal to the time between runs, or use type: tumbling, which spans exactly from the previous run to this one"
            : calendarSize
            ? "Use type: tumbling, which spans exactly from the previous run to this one, or schedule the runs outside the local hours the DST changes skip or repeat"
            : "Make the window follow the clock: size \"1d\" is a calendar day (23 or 25 hours on DST change days), or use type: tumbling, which spans exactly from the previous run to this one";
        if (descriptor == DiagnosticCatalog.WindowOverlap)
        {
            if (Appends(context.Root) is { } appends)
            {
                var duplicated = $", and step '{Text.MessageText.Excerpt(appends)}' appends them, so they are duplicated";
                context.Diagnostics.ReportWithSeverity(descriptor, OmlSeverity.Error, location, "schedule.window", what, duplicated, fix, TimeZones.TzdbVersion);
            }
            else
            {
                context.Report(descriptor, location, "schedule.window", what, string.Empty, fix, TimeZones.TzdbVersion);
            }
        }
        else
        {
            context.Report(descriptor, location, "schedule.window", what, fix, TimeZones.TzdbVersion);
        }
    }

    /// <summary>For each consecutive pair: the later run and (its window's start − the previous window's end).</summary>
    private static IEnumerable<(Instant Later, Duration Delta)> Deltas(IReadOnlyList<Instant> fires, WindowModel window, DateTimeZone zone)
    {
        for (var i = 1; i < fires.Count; i++)
        {
            if (fires[i] <= fires[i - 1])
            {
                continue;
            }

            var previous = RunWindow.For(window.Kind, window.Size, window.Offset, fires[i - 1], null, zone);
            var current = RunWindow.For(window.Kind, window.Size, window.Offset, fires[i], fires[i - 1], zone);
            yield return (fires[i], current.Start - previous.End);
        }
    }

    private static string Describe(ZoneTransition transition, DateTimeZone zone)
        => $"after {zone.Id} {(transition.IsGap ? "jumps" : "falls back")} {transition.Describe()} on {TimeText.Date(transition.WallStart.Date)}";

    private static Duration Abs(Duration d) => d < Duration.Zero ? -d : d;

    /// <summary>The id of a writer step that appends what it loads (write_mode or mode append, or the component's default).</summary>
    private static string? Appends(YamlMappingNode root)
    {
        if (root["steps"] is not YamlSequenceNode steps)
        {
            return null;
        }

        foreach (var step in steps.Items.OfType<YamlMappingNode>())
        {
            if (step["mode"] is not YamlScalarNode { Value: "write" })
            {
                continue;
            }

            var component = (step["component"] as YamlScalarNode)?.Value ?? string.Empty;
            var config = step["config"] as YamlMappingNode;
            var mode = (config?["write_mode"] as YamlScalarNode)?.Value ?? (config?["mode"] as YamlScalarNode)?.Value;

            // mysql.writer and supabase.writer append unless told otherwise; files are rewritten per run.
            mode ??= component is "mysql.writer" or "supabase.writer" ? "append" : null;
            if (mode == "append")
            {
                return (step["id"] as YamlScalarNode)?.Value ?? component;
            }
        }

        return null;
    }

    private sealed record Finding(Duration Delta, string Text, bool Steady);
}
