using Osiris.Cli.Schedules;
using Osiris.Cli.Workspace;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;

namespace Osiris.Cli.Commands;

/// <summary>One pipeline file with a readable schedule, for the commands that work on a single pipeline.</summary>
internal sealed record PipelineFile(string FullPath, string DisplayPath, PipelineModel Model, ScheduleDefinition Schedule, Project Project)
{
    /// <summary>
    /// Loads and analyzes <paramref name="path"/>. Null when it has no usable schedule: the reason and
    /// the file's errors have then been written to stderr.
    /// </summary>
    public static PipelineFile? Load(string path, CliHost host)
    {
        var full = Path.GetFullPath(path, host.CurrentDirectory);
        if (Directory.Exists(full) || !File.Exists(full))
        {
            throw new CliUsageException($"{path}: no such file (give one .oml file)");
        }

        var project = ProjectLoader.Load(new[] { full }, host)[0];
        var display = Output.DisplayPath.Of(full, host.CurrentDirectory);
        var text = SourceText.Read(full, out var problem, out _);
        if (text is null)
        {
            host.Error.WriteLine($"osiris: {display}: the file is not text ({problem})");
            return null;
        }

        var analysis = Osiris.Oml.OmlEngine.AnalyzeFile(full, text, project.Options);
        if (analysis.Pipeline?.Schedule is not { } scheduleModel)
        {
            host.Error.WriteLine($"osiris: {display} has no schedule block, so there is nothing to preview or simulate");
            WriteErrors(analysis.Diagnostics, host);
            return null;
        }

        var schedule = PipelineSchedules.From(scheduleModel, out var error);
        if (schedule is null)
        {
            host.Error.WriteLine($"osiris: {display}: {error}");
            WriteErrors(analysis.Diagnostics, host);
            return null;
        }

        return new PipelineFile(full, display, analysis.Pipeline, schedule, project);
    }

    /// <summary>The target to use: the option, else the first of the repository's targets.</summary>
    public ScheduleTarget Target(string? option) => option is null ? Targets.Default(Project.Settings.Schedule) : Targets.Parse(option);

    private static void WriteErrors(IEnumerable<OmlDiagnostic> diagnostics, CliHost host)
    {
        foreach (var d in diagnostics.Where(d => d.Severity == OmlSeverity.Error))
        {
            host.Error.WriteLine($"{Output.DisplayPath.Of(d.Location.FilePath, host.CurrentDirectory)}({d.Span.StartPosition}): error {d.Id}: {d.GetMessage()}");
        }
    }
}
