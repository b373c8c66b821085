using System.CommandLine;
using Osiris.Cli.Output;
using Osiris.Cli.Schedules;
using Osiris.Cli.Workspace;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Scheduling;

namespace Osiris.Cli.Commands;

/// <summary><c>osiris schedule validate</c>: every diagnostic the build gives, and the D3 schedule summary.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliHost host)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = ".oml files or folders to validate (folders are searched for **/*.oml, components/*/spec.yaml and scripts, like the build does).",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = CommonOptions.Format("Output format: text (people; the milestone's D3 summary), json (documented in the README), sarif (SARIF 2.1.0 for GitHub code scanning).", "text", "json", "sarif");
        var warnAsError = new Option<bool>("--warnaserror") { Description = "Exit with 1 when there are warnings, not only errors." };
        var from = CommonOptions.From("Show the next runs after this moment (ISO-8601; default: now).");
        var target = CommonOptions.Target("Whose scheduler semantics the next runs follow (default: the first of osiris_targets).");
        var command = new Command("validate", "Validate pipelines: every diagnostic the build reports (including info), with the .globalconfig settings above them, and a summary of each schedule.")
        {
            paths,
            format,
            warnAsError,
            from,
            target,
        };
        command.SetAction(parse => Run(
            host,
            parse.GetValue(paths)!,
            parse.GetValue(format)!,
            parse.GetValue(warnAsError),
            parse.GetValue(from),
            parse.GetValue(target)));
        return command;
    }

    private static int Run(CliHost host, string[] paths, string format, bool warnAsError, string? from, string? targetName)
    {
        var projects = ProjectLoader.Load(paths, host);
        foreach (var project in projects)
        {
            foreach (var conflict in project.GlobalConfigConflicts.Concat(project.Settings.SeverityProblems))
            {
                host.Error.WriteLine("osiris: warning: " + conflict);
            }
        }

        var result = Validation.Run(projects);
        switch (format)
        {
            case "json":
                host.Output.Write(ValidationJson.Write(result, Summaries(result, host, from, targetName), host.CurrentDirectory));
                break;
            case "sarif":
                host.Output.Write(Sarif.Write(result, host.CurrentDirectory));
                break;
            default:
                ValidationText.Write(host.Output, result, Summaries(result, host, from, targetName), host.CurrentDirectory, new Style(host.UseColor(host.OutputIsTerminal)));
                break;
        }

        var errors = result.Count(OmlSeverity.Error);
        var warnings = result.Count(OmlSeverity.Warning);
        return errors > 0 || (warnAsError && warnings > 0) ? ExitCodes.Errors : ExitCodes.Success;
    }

    private static IReadOnlyDictionary<string, ScheduleSummary> Summaries(ValidationResult result, CliHost host, string? from, string? targetName)
    {
        var summaries = new Dictionary<string, ScheduleSummary>(StringComparer.Ordinal);
        foreach (var file in result.Files)
        {
            var project = result.Projects.First(p => p.OmlFiles.Contains(file.FullPath, StringComparer.Ordinal));
            var target = targetName is null ? Targets.Default(project.Settings.Schedule) : Targets.Parse(targetName);
            summaries[file.FullPath] = ScheduleSummary.For(file, target, from, host.Clock());
        }

        return summaries;
    }
}

/// <summary>The D3 lines of one file: is the schedule readable, its next runs, the window and conflict checks.</summary>
internal sealed record ScheduleSummary(
    string? Pipeline,
    ScheduleDefinition? Schedule,
    string? ScheduleError,
    ScheduleTarget Target,
    IReadOnlyList<NodaTime.Instant> NextRuns,
    string? TargetRefusal,
    IReadOnlyList<string> WindowProblems,
    IReadOnlyList<string> Conflicts)
{
    /// <summary>Findings about the load window: overlaps, gaps, a window nobody uses, window variables without a window.</summary>
    public static readonly string[] WindowIds = { "OSI0208", "OSI0209", "OSI0401", "OSI0402" };

    /// <summary>Findings about runs colliding: with themselves, retries, other pipelines, the repository's limits.</summary>
    public static readonly string[] ConflictIds = { "OSI0403", "OSI0404", "OSI0405", "OSI0409", "OSI0410", "OSI0411" };

    public static ScheduleSummary For(FileResult file, ScheduleTarget target, string? from, NodaTime.Instant now)
    {
        var model = file.Analysis?.Pipeline;
        var windowProblems = file.Findings.Where(f => WindowIds.Contains(f.Id) && f.Severity >= OmlSeverity.Warning).Select(f => f.Id).Distinct().ToList();
        var conflicts = file.Findings.Where(f => ConflictIds.Contains(f.Id) && f.Severity >= OmlSeverity.Warning).Select(f => f.Id).Distinct().ToList();
        if (model?.Schedule is not { } scheduleModel)
        {
            return new ScheduleSummary(model?.Name, null, null, target, Array.Empty<NodaTime.Instant>(), null, windowProblems, conflicts);
        }

        var schedule = PipelineSchedules.From(scheduleModel, out var error);
        if (schedule is null)
        {
            return new ScheduleSummary(model.Name, null, error, target, Array.Empty<NodaTime.Instant>(), null, windowProblems, conflicts);
        }

        var after = from is null ? now : Times.ParseMoment(from, schedule.Zone, "--from");
        if (schedule.CheckSupport(target) is { } refusal)
        {
            return new ScheduleSummary(model.Name, schedule, null, target, Array.Empty<NodaTime.Instant>(), refusal.Message, windowProblems, conflicts);
        }

        return new ScheduleSummary(model.Name, schedule, null, target, schedule.GetFireTimes(after, 5, target), null, windowProblems, conflicts);
    }
}
