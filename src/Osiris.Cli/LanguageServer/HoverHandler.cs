using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using NodaTime;
using Osiris.Cli.Output;
using Osiris.Cli.Schedules;
using Osiris.Cli.Workspace;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Syntax;
using Osiris.Oml.Text;

namespace Osiris.Cli.LanguageServer;

/// <summary>
/// <c>textDocument/hover</c>: on a finding, what it is and how to fix it; on the schedule
/// (<c>expression</c>, <c>every</c>, <c>timezone</c>), the next runs per export target in the
/// pipeline's zone and the first run where the targets disagree.
/// </summary>
internal static class HoverHandler
{
    /// <summary>How many runs the hover lists.</summary>
    public const int RunCount = 5;

    // How far ahead the targets are compared: a year of a daily schedule, two weeks of a per-minute one.
    private const int CompareCount = 2_000;

    private static readonly string[] ScheduleValueKeys = { "expression", "every", "timezone", "start" };

    public static JsonObject? Hover(DocumentAnalysis? analysis, DocumentSnapshot document, Position position, Instant now, CancellationToken cancellationToken)
    {
        if (analysis is null || !string.Equals(analysis.Text, document.Text, StringComparison.Ordinal))
        {
            return null;
        }

        var offset = analysis.Lines.OffsetOf(position);
        var sections = new List<string>();
        SourceSpan? range = null;
        foreach (var finding in analysis.Findings.Where(f => f.Span.Start <= offset && offset <= f.Span.End))
        {
            sections.Add(DescribeFinding(finding));
            range ??= finding.Span;
        }

        if (ScheduleNodeAt(analysis, offset) is { } node)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (DescribeSchedule(analysis, now) is { } schedule)
            {
                sections.Insert(0, schedule);
                range = node;
            }
        }

        if (sections.Count == 0)
        {
            return null;
        }

        return new JsonObject
        {
            ["contents"] = new JsonObject { ["kind"] = "markdown", ["value"] = string.Join("\n\n---\n\n", sections) },
            ["range"] = Protocol.Range(analysis.Lines, range!.Value.Start, range.Value.End),
        };
    }

    private static string DescribeFinding(Finding finding)
    {
        var text = new StringBuilder();
        text.Append("**").Append(finding.Id).Append("** (").Append(finding.Severity.ToString().ToLowerInvariant()).Append("): ").Append(finding.Descriptor.Title).Append("\n\n");
        text.Append(finding.Message).Append("\n\n");
        if (finding.Suggestion is { } suggestion)
        {
            text.Append("**Quick fix:** change it to `").Append(suggestion.Value).Append("`.\n\n");
        }

        if (DocsPages.HowToFix(finding.Id) is { } fix)
        {
            text.Append("**How to fix:** ").Append(fix).Append("\n\n");
        }

        text.Append('[').Append(finding.Id).Append(" documentation](").Append(finding.Descriptor.HelpLink).Append(')');
        return text.ToString();
    }

    /// <summary>The span of the schedule value (or the <c>schedule</c> key) under the cursor.</summary>
    private static SourceSpan? ScheduleNodeAt(DocumentAnalysis analysis, int offset)
    {
        if (analysis.Analysis?.Syntax?.Root is not YamlMappingNode root || root.GetEntry("schedule") is not { } schedule)
        {
            return null;
        }

        if (Contains(schedule.Key.Span, offset))
        {
            return schedule.Key.Span;
        }

        if (schedule.Value is YamlMappingNode block)
        {
            foreach (var key in ScheduleValueKeys)
            {
                if (block.GetEntry(key) is { } entry && (Contains(entry.Value.Span, offset) || Contains(entry.Key.Span, offset)))
                {
                    return entry.Value.Span;
                }
            }
        }

        return null;
    }

    private static bool Contains(SourceSpan span, int offset) => span.Start <= offset && offset <= span.End;

    /// <summary>The next runs per target, in the zone, and where the targets part ways.</summary>
    internal static string? DescribeSchedule(DocumentAnalysis analysis, Instant now)
    {
        if (analysis.Analysis?.Pipeline?.Schedule is not { } model)
        {
            return null;
        }

        var text = new StringBuilder();
        if (PipelineSchedules.From(model, out var error) is not { } schedule)
        {
            return "**Schedule:** no runs can be computed: " + error;
        }

        text.Append("**Schedule:** ").Append(PipelineSchedules.Describe(schedule)).Append(" in ").Append(schedule.TimeZone)
            .Append(" (tz database ").Append(ScheduleDefinition.TimeZoneDataVersion).Append(")\n\n");

        var targets = Targets(analysis);
        var accepted = new List<(string Name, IReadOnlyList<Instant> Fires)>();
        foreach (var (target, name) in targets)
        {
            if (schedule.CheckSupport(target) is { } refusal)
            {
                text.Append("- **").Append(name).Append("** refuses it: ").Append(refusal.Message).Append('\n');
                continue;
            }

            var count = schedule.DependsOnTarget ? CompareCount : RunCount;
            accepted.Add((name, schedule.GetFireTimes(now, count, target)));
        }

        if (accepted.Count == 0)
        {
            return text.ToString().TrimEnd();
        }

        var first = accepted[0].Fires;
        var agree = accepted.All(a => a.Fires.Take(RunCount).SequenceEqual(first.Take(RunCount)));
        if (agree)
        {
            text.Append("Next runs (").Append(Join(accepted.Select(a => a.Name))).Append(agree && accepted.Count > 1 ? " agree" : string.Empty).Append("):\n\n");
            foreach (var fire in first.Take(RunCount))
            {
                text.Append("- ").Append(Times.Local(fire, schedule.Zone)).Append(" — ").Append(Times.Utc(fire)).Append('\n');
            }
        }
        else
        {
            text.Append("Next runs:\n\n| ").Append(string.Join(" | ", accepted.Select(a => a.Name))).Append(" |\n|")
                .Append(string.Concat(Enumerable.Repeat("---|", accepted.Count))).Append('\n');
            for (var i = 0; i < RunCount; i++)
            {
                text.Append("| ").Append(string.Join(" | ", accepted.Select(a => i < a.Fires.Count ? Times.Local(a.Fires[i], schedule.Zone) : "—"))).Append(" |\n");
            }
        }

        if (accepted.Count > 1 && FirstDisagreement(accepted) is { } index)
        {
            text.Append("\n⚠ The targets disagree from run ").Append((index + 1).ToString(CultureInfo.InvariantCulture)).Append(":\n\n");
            foreach (var (name, fires) in accepted)
            {
                text.Append("- ").Append(name).Append(": ").Append(index < fires.Count ? Times.Local(fires[index], schedule.Zone) : "no run").Append('\n');
            }
        }
        else if (accepted.Count > 1 && schedule.DependsOnTarget)
        {
            text.Append("\nThe targets agree on the next ").Append(accepted.Min(a => a.Fires.Count).ToString(CultureInfo.InvariantCulture)).Append(" runs.\n");
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The first run (index) at which some target fires at another instant, within the runs all lists have.</summary>
    private static int? FirstDisagreement(List<(string Name, IReadOnlyList<Instant> Fires)> accepted)
    {
        var length = accepted.Min(a => a.Fires.Count);
        for (var i = 0; i < length; i++)
        {
            var first = accepted[0].Fires[i];
            if (accepted.Any(a => a.Fires[i] != first))
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The repository's targets (osiris_targets), or every orchestrator and the native semantics when it names none.</summary>
    private static IReadOnlyList<(ScheduleTarget Target, string Name)> Targets(DocumentAnalysis analysis)
    {
        var variants = TargetSet.For(analysis.Project.Options.Schedule);
        if (variants.Count > 0)
        {
            return variants.Select(v => (v.Target, v.Name)).ToList();
        }

        return new[] { ScheduleTarget.Airflow, ScheduleTarget.PrefectPython312, ScheduleTarget.PrefectPython313, ScheduleTarget.Dagster, ScheduleTarget.Native }
            .Select(t => (t, Schedules.Targets.Describe(t)))
            .ToList();
    }

    private static string Join(IEnumerable<string> names) => TargetSet.JoinNames(names);
}
