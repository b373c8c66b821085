using System.CommandLine;
using System.Globalization;
using Osiris.Cli.Output;
using Osiris.Cli.Workspace;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Export;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Settings;

namespace Osiris.Cli.Commands;

/// <summary>
/// <c>osiris schedule export</c>: the engine's <see cref="PipelineExporter"/> over one pipeline, with the
/// repository's settings and component specs (as the build reads them) and its project-relative path.
/// A pipeline with errors is refused unless <c>--force</c>.
/// </summary>
internal static class ExportCommand
{
    private static readonly string[] Formats = { "airflow", "prefect", "dagster" };

    public static Command Create(CliHost host)
    {
        var file = new Argument<string>("file") { Description = "The .oml pipeline file." };
        var format = new Option<string>("--format")
        {
            Description = "The orchestrator: airflow (one DAG file), prefect (a flow module and prefect.yaml) or dagster (a definitions module).",
            Required = true,
        };
        format.AcceptOnlyFromAmong(Formats);
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Where to write: a file, or a folder (an existing one, or a path ending in '/') that gets the export's own file names. "
                + "A Prefect export is two files, so -o names a folder. Without -o the export goes to stdout (Prefect: the flow module; a note on stderr says -o DIR writes prefect.yaml too).",
        };
        var force = new Option<bool>("--force") { Description = "Export even when the pipeline has errors (they are still listed on stderr)." };
        var runCommand = new Option<string?>("--run-command")
        {
            Description = "The command the run task starts on the orchestrator's workers, split on spaces (no shell); {pipeline} is the pipeline's project-relative path. Default: osiris run {pipeline} (the Osiris pipeline runner, not this tool).",
        };
        var windowArguments = new Option<string?>("--window-arguments")
        {
            Description = "Appended to the run command when the pipeline has a window; {window_start} and {window_end} are the run's window. Default: --window-start {window_start} --window-end {window_end}.",
        };
        var testCommand = new Option<string?>("--test-command")
        {
            Description = "The command of the check task that runs the data-quality tests; {pipeline} as above. Default: osiris test {pipeline}.",
        };
        var workPool = new Option<string?>("--prefect-work-pool") { Description = "The work pool of the Prefect deployment. Default: default." };
        var command = new Command("export", "Export a pipeline to Airflow, Prefect or Dagster with the repository's settings: the files the orchestrator runs, each carrying the whole pipeline in an embedded block that 'osiris schedule import' reads back.")
        {
            file,
            format,
            output,
            force,
            runCommand,
            windowArguments,
            testCommand,
            workPool,
        };
        command.SetAction(parse => Run(host, new Request(
            parse.GetValue(file)!,
            parse.GetValue(format)!,
            parse.GetValue(output),
            parse.GetValue(force),
            parse.GetValue(runCommand),
            parse.GetValue(windowArguments),
            parse.GetValue(testCommand),
            parse.GetValue(workPool))));
        return command;
    }

    private sealed record Request(string File, string Format, string? Output, bool Force, string? RunCommand, string? WindowArguments, string? TestCommand, string? WorkPool);

    private static int Run(CliHost host, Request request)
    {
        if (!ExportFormats.TryParse(request.Format, out var format))
        {
            throw new CliUsageException($"unknown format '{request.Format}'; use airflow, prefect or dagster");
        }

        var full = Path.GetFullPath(request.File, host.CurrentDirectory);
        if (Directory.Exists(full) || !File.Exists(full))
        {
            throw new CliUsageException($"{request.File}: no such file (give one .oml file)");
        }

        if (!full.EndsWith(".oml", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliUsageException($"{request.File}: not an .oml file (give one .oml pipeline file)");
        }

        var projects = ProjectLoader.Load(new[] { full }, host);
        var project = projects[0];
        foreach (var conflict in project.GlobalConfigConflicts.Concat(project.Settings.SeverityProblems))
        {
            host.Error.WriteLine("osiris: warning: " + conflict);
        }

        // The same analysis as validate: the file's own rules, the repository-wide rules over the project,
        // and the .globalconfig severities, so "has errors" means what the build says.
        var result = Validation.Run(projects);
        var fileResult = result.Files.Single(f => string.Equals(f.FullPath, full, StringComparison.Ordinal));
        var display = DisplayPath.Of(full, host.CurrentDirectory);
        var style = new Style(host.UseColor(host.ErrorIsTerminal));
        var reported = result.Findings
            .Where(f => f.FullPath is null || string.Equals(f.FullPath, full, StringComparison.Ordinal))
            .Where(f => f.Severity >= OmlSeverity.Warning)
            .ToList();
        foreach (var finding in reported)
        {
            host.Error.WriteLine(ValidationText.Line(finding, host.CurrentDirectory, style));
        }

        var errors = reported.Count(f => f.Severity == OmlSeverity.Error);
        if (fileResult.Analysis?.Pipeline is not { } model)
        {
            host.Error.WriteLine($"osiris: {display} has no pipeline to export");
            return ExitCodes.Errors;
        }

        if (errors > 0 && !request.Force)
        {
            host.Error.WriteLine(style.Bad($"osiris: {display} has {Count(errors, "error")}, so it was not exported; fix {(errors == 1 ? "it" : "them")}, or pass --force to export it anyway"));
            return ExitCodes.Errors;
        }

        if (errors > 0)
        {
            host.Error.WriteLine(style.Warn($"osiris: warning: exporting {display} despite {Count(errors, "error")} (--force): the orchestrator may reject the file, or run it differently from the preview"));
        }

        var options = ExportOptions.From(project.Options);
        options = options with
        {
            RunCommand = request.RunCommand ?? options.RunCommand,
            WindowArguments = request.WindowArguments ?? options.WindowArguments,
            TestCommand = request.TestCommand ?? options.TestCommand,
            PrefectWorkPool = request.WorkPool ?? options.PrefectWorkPool,
        };

        // The export names its source, and the commands receive it: the path inside the repository, with '/'.
        var relative = ProjectLoader.Relative(project.Root, full);
        ExportResult export;
        try
        {
            export = PipelineExporter.Export(model with { SourcePath = relative }, format, options);
        }
        catch (ArgumentException ex)
        {
            // A command template the exporter refuses (an unknown placeholder, an open brace).
            throw new CliUsageException(ex.Message);
        }

        WriteNotes(host, project, format, options, export, style);
        return Write(host, request, format, export);
    }

    private static int Write(CliHost host, Request request, ExportFormat format, ExportResult export)
    {
        var files = export.Files;
        if (request.Output is null)
        {
            // stdout takes one file: the module the orchestrator imports.
            var module = files.First(f => f.RelativePath.EndsWith(".py", StringComparison.Ordinal));
            host.Output.Write(module.Content);
            foreach (var other in files.Where(f => !ReferenceEquals(f, module)))
            {
                host.Error.WriteLine($"osiris: note: stdout holds {module.RelativePath}; {other.RelativePath} was not written: give -o FOLDER to write both files");
            }

            return ExitCodes.Success;
        }

        var target = Path.GetFullPath(request.Output, host.CurrentDirectory);
        var toFolder = files.Count > 1 || OutputFiles.NamesFolder(request.Output, target);
        if (toFolder && File.Exists(target))
        {
            throw new CliUsageException($"-o {request.Output}: a {ExportFormats.ToText(format)} export is {files.Count} files, so -o must name a folder, not a file");
        }

        foreach (var file in files)
        {
            var path = toFolder ? Path.Combine(target, file.RelativePath) : target;
            OutputFiles.Write(path, file.Content);
            host.Output.WriteLine("Wrote " + DisplayPath.Of(path, host.CurrentDirectory));
        }

        return ExitCodes.Success;
    }

    /// <summary>What a user should know about the export besides the file: settings that make it change, what the target cannot say, secrets replaced.</summary>
    private static void WriteNotes(CliHost host, Project project, ExportFormat format, ExportOptions options, ExportResult export, Style style)
    {
        var name = ExportFormats.ToText(format);
        var (orchestrator, title) = format switch
        {
            ExportFormat.Airflow => (Orchestrators.Airflow, "Airflow"),
            ExportFormat.Prefect => (Orchestrators.Prefect, "Prefect"),
            _ => (Orchestrators.Dagster, "Dagster"),
        };
        if ((options.Schedule.Targets & orchestrator) == 0)
        {
            host.Error.WriteLine(style.Warn($"osiris: warning: osiris_targets does not list {name}, so the build does not check this pipeline against {title}'s semantics; add {name} to osiris_targets in .globalconfig"));
        }

        if (!ReferenceDateIsSet(project))
        {
            var date = options.Schedule.ReferenceTime.InUtc().Date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);
            host.Error.WriteLine($"osiris: note: osiris_reference_date is not set, so the export records today, {date}, as its reference date (and starts a schedule without 'start' then); set it in .globalconfig to get the same file on any day");
        }

        foreach (var unsupported in export.Unsupported)
        {
            host.Error.WriteLine($"osiris: note: {title} cannot express {TerminalText.Printable(unsupported)}");
        }

        foreach (var redaction in export.Redactions)
        {
            host.Error.WriteLine($"osiris: note: {TerminalText.Printable(redaction.Path)} holds an inline secret; the export writes {TerminalText.Printable(redaction.Replacement)} instead");
        }
    }

    /// <summary>
    /// Whether the repository pins the reference date (<c>osiris_reference_date</c> or its
    /// <c>build_property.OsirisReferenceDate</c> twin) in a .globalconfig; without it the engine uses today.
    /// </summary>
    private static bool ReferenceDateIsSet(Project project)
    {
        var configs = project.GlobalConfigs.Select(p => GlobalConfigFile.Parse(p, ProjectLoader.ReadAllText(p)));
        var merged = GlobalConfigFile.Merge(configs, out _);
        var key = OsirisSettings.ReferenceDate;
        var keys = new[] { key.GlobalConfigKey, "build_property." + key.MsBuildProperty };
        return merged.Any(p => keys.Contains(p.Key, StringComparer.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(p.Value));
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
