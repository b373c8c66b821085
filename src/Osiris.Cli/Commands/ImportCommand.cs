using System.CommandLine;
using Osiris.Cli.Output;
using Osiris.Cli.Workspace;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Export;
using Osiris.Oml.Export.Oml;
using Osiris.Oml.Import;

namespace Osiris.Cli.Commands;

/// <summary>
/// <c>osiris schedule import</c>: an exported file back to <c>.oml</c> text with the engine's
/// <see cref="PipelineImporter"/> (the pipeline from the embedded block, every hand edit located in the
/// file) and <see cref="OmlWriter"/>. A file with hand edits or an unreadable block exits with 1 and writes
/// nothing unless <c>--force</c>.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CliHost host)
    {
        var file = new Argument<string>("file") { Description = "A file osiris schedule export wrote: an Airflow DAG, a Dagster definitions module, a Prefect flow module or its prefect.yaml." };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "The .oml file to write, or a folder (an existing one, or a path ending in '/') that gets the pipeline's own file name. Default: stdout.",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Write the embedded block's pipeline even when the file was edited by hand (the edits are still listed on stderr, but not carried over, and the exit code is 0).",
        };
        var command = new Command("import", "Read an exported file back into OML from its embedded block, and list every hand edit that disagrees with the block (exit 1).")
        {
            file,
            output,
            force,
        };
        command.SetAction(parse => Run(host, parse.GetValue(file)!, parse.GetValue(output), parse.GetValue(force)));
        return command;
    }

    private static int Run(CliHost host, string path, string? outputOption, bool force)
    {
        var full = Path.GetFullPath(path, host.CurrentDirectory);
        if (Directory.Exists(full) || !File.Exists(full))
        {
            throw new CliUsageException($"{path}: no such file (give one exported .py or prefect.yaml file)");
        }

        var display = DisplayPath.Of(full, host.CurrentDirectory);
        var text = SourceText.Read(full, out var problem, out _)
            ?? throw new CliUsageException($"{display}: the file is not text ({problem})");

        // The repository's component specs say which configuration fields are secret when the file is regenerated for comparison.
        var project = ProjectLoader.Load(new[] { full }, host)[0];
        var result = PipelineImporter.Import(full, text, ExportOptions.From(project.Options));

        var style = new Style(host.UseColor(host.ErrorIsTerminal));
        foreach (var d in result.Diagnostics)
        {
            var severity = style.Severity(d.Severity, ValidationText.SeverityWord(d.Severity) + " " + d.Id);
            host.Error.WriteLine($"{DisplayPath.Of(d.Location.FilePath, host.CurrentDirectory)}({d.Span.StartPosition}): {severity}: {d.GetMessage()}");
        }

        if (result.Pipeline is not { } pipeline)
        {
            host.Error.WriteLine(style.Bad($"osiris: {display}: no pipeline could be read from its embedded block, so nothing was imported"));
            return ExitCodes.Errors;
        }

        if (result.HasErrors && !force)
        {
            var edits = result.Diagnostics.Count(d => d.Id == DiagnosticIds.ExportEditedByHand);
            host.Error.WriteLine(style.Bad(edits > 0
                ? $"osiris: {display} was edited by hand ({edits} {(edits == 1 ? "change" : "changes")} above), so nothing was imported; make the changes in the .oml file and export again, or pass --force to import the embedded block's pipeline without them"
                : $"osiris: {display} cannot be imported (see above); pass --force to import the embedded block's pipeline anyway"));
            return ExitCodes.Errors;
        }

        foreach (var redaction in result.Redactions)
        {
            host.Error.WriteLine($"osiris: note: {TerminalText.Printable(redaction.Path)} held an inline secret when exported; the imported pipeline has {TerminalText.Printable(redaction.Replacement)}");
        }

        var oml = OmlWriter.Write(pipeline);
        if (outputOption is null)
        {
            host.Output.Write(oml);
            return ExitCodes.Success;
        }

        var target = Path.GetFullPath(outputOption, host.CurrentDirectory);
        if (OutputFiles.NamesFolder(outputOption, target))
        {
            target = Path.Combine(target, FileName(pipeline.SourcePath, pipeline.Name));
        }

        OutputFiles.Write(target, oml);
        host.Output.WriteLine("Wrote " + DisplayPath.Of(target, host.CurrentDirectory));
        return ExitCodes.Success;
    }

    /// <summary>The file name the block's source path ends in (the block is file content: only its last segment is used), else the pipeline's name.</summary>
    private static string FileName(string sourcePath, string? name)
    {
        var last = sourcePath.Replace('\\', '/').Split('/')[^1];
        if (IsSafeName(last) && last.EndsWith(".oml", StringComparison.OrdinalIgnoreCase))
        {
            return last;
        }

        return name is not null && IsSafeName(name + ".oml") ? name + ".oml" : "pipeline.oml";
    }

    private static bool IsSafeName(string name)
        => name.Length is > 4 and <= 200 && name is not ("." or "..") && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
            && !name.Any(c => char.IsControl(c) || c is ':' or '*' or '?' or '"' or '<' or '>' or '|' or '/' or '\\') && !name.StartsWith('.');
}
