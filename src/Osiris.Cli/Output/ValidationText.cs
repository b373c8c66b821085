using System.Globalization;
using Osiris.Cli.Commands;
using Osiris.Cli.Schedules;
using Osiris.Cli.Workspace;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Scheduling;

namespace Osiris.Cli.Output;

/// <summary>
/// The human report of <c>schedule validate</c>: per pipeline, the milestone's D3 lines (✓ valid
/// expression, next 5 runs, window check, conflicts) followed by its findings in the compiler's
/// <c>file.oml(line,col): severity ID: message</c> form; then the findings in other files and a total.
/// </summary>
internal static class ValidationText
{
    public static void Write(TextWriter output, ValidationResult result, IReadOnlyDictionary<string, ScheduleSummary> summaries, string currentDirectory, Style style)
    {
        var written = new HashSet<Finding>();
        foreach (var file in result.Files)
        {
            var summary = summaries[file.FullPath];
            var path = DisplayPath.Of(file.FullPath, currentDirectory);
            output.WriteLine(style.Bold(summary.Pipeline is null ? path : $"{path} ({summary.Pipeline})"));
            WriteSchedule(output, summary, style);
            foreach (var finding in file.Findings.OrderBy(f => f, Comparer<Finding>.Create(Validation.Compare)))
            {
                output.WriteLine(Line(finding, currentDirectory, style));
                written.Add(finding);
            }

            output.WriteLine();
        }

        var others = result.Findings.Where(f => !written.Contains(f)).ToList();
        foreach (var finding in others)
        {
            output.WriteLine(Line(finding, currentDirectory, style));
        }

        if (others.Count > 0)
        {
            output.WriteLine();
        }

        var errors = result.Count(OmlSeverity.Error);
        var warnings = result.Count(OmlSeverity.Warning);
        var infos = result.Count(OmlSeverity.Info);
        var total = $"{Count(result.Files.Count, "pipeline file")}: {Count(errors, "error")}, {Count(warnings, "warning")}, {Count(infos, "info message")}";
        output.WriteLine(errors > 0 ? style.Bad(total) : warnings > 0 ? style.Warn(total) : style.Ok(total));
    }

    /// <summary><c>path(line,col): severity ID: message</c>, or <c>severity ID: message</c> without a file.</summary>
    public static string Line(Finding finding, string currentDirectory, Style style)
    {
        var severity = style.Severity(finding.Severity, SeverityWord(finding.Severity) + " " + finding.Id);
        return finding.FullPath is null
            ? $"{severity}: {finding.Message}"
            : $"{DisplayPath.Of(finding.FullPath, currentDirectory)}({finding.Span.StartPosition}): {severity}: {finding.Message}";
    }

    public static string SeverityWord(OmlSeverity severity) => severity switch
    {
        OmlSeverity.Error => "error",
        OmlSeverity.Warning => "warning",
        OmlSeverity.Info => "info",
        _ => "hidden",
    };

    private static void WriteSchedule(TextWriter output, ScheduleSummary summary, Style style)
    {
        string Ok(string text) => style.Ok("✓") + " " + text;
        string Bad(string text) => style.Bad("✗") + " " + text;
        string None(string text) => style.Dim("· " + text);

        if (summary.Schedule is null && summary.ScheduleError is null)
        {
            output.WriteLine(None("No schedule: the pipeline runs only when started by hand"));
        }
        else if (summary.Schedule is not { } schedule)
        {
            output.WriteLine(Bad("Invalid schedule: " + summary.ScheduleError));
        }
        else
        {
            output.WriteLine(Ok(schedule.Expression is { } cron
                ? $"Valid cron expression: \"{cron}\" in {schedule.TimeZone}"
                : $"Valid interval: every {schedule.Every} in {schedule.TimeZone}"));
            if (summary.TargetRefusal is { } refusal)
            {
                output.WriteLine(Bad($"{Targets.Describe(summary.Target)} refuses it: {refusal}"));
            }
            else
            {
                var runs = summary.NextRuns;
                output.WriteLine(Ok($"Next {runs.Count} runs ({Targets.Describe(summary.Target)}, tz database {ScheduleDefinition.TimeZoneDataVersion}):"));
                foreach (var run in runs)
                {
                    output.WriteLine("  - " + Times.Local(run, schedule.Zone));
                }
            }
        }

        if (summary.WindowProblems.Count > 0)
        {
            output.WriteLine(Bad("Window calculation: see " + string.Join(", ", summary.WindowProblems)));
        }
        else if (summary.Schedule?.Window is not null)
        {
            output.WriteLine(Ok("Window calculation valid"));
        }
        else if (summary.Schedule is not null)
        {
            output.WriteLine(None("No window: each run loads what its steps select"));
        }

        output.WriteLine(summary.Conflicts.Count > 0
            ? Bad("Schedule conflicts: see " + string.Join(", ", summary.Conflicts))
            : Ok("No schedule conflicts detected"));
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
