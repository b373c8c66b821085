using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Export;
using Osiris.Oml.Export.Json;
using Osiris.Oml.Import.Python;
using Osiris.Oml.Model;
using Osiris.Oml.Syntax;
using Osiris.Oml.Text;

namespace Osiris.Oml.Import;

/// <summary>
/// Reads an exported file back: the pipeline from its embedded block, and every hand edit, found by
/// exporting that pipeline again with the options the block records and comparing the two files'
/// orchestrator arguments (<see cref="DiagnosticIds.ExportEditedByHand"/>, located at the edit).
/// Never throws on input; every problem is a diagnostic located in the file.
/// </summary>
public static class PipelineImporter
{
    /// <summary>Imports <paramref name="text"/>, the content of <paramref name="filePath"/>.</summary>
    /// <param name="filePath">The file's path: diagnostics are located in it; a name ending in .yaml or .yml is read as a Prefect deployment, anything else as Python.</param>
    /// <param name="text">The file's text.</param>
    /// <param name="options">
    /// The repository's components (which configuration fields are secret) for regenerating the file;
    /// the other options come from the block. <see cref="ExportOptions.Default"/> when null.
    /// </param>
    public static ImportResult Import(string filePath, string text, ExportOptions? options = null)
    {
        options ??= ExportOptions.Default;
        var lines = LineMap.Create(text);
        var bag = new DiagnosticBag(filePath);
        SourceSpan Span(int start, int end) => lines.GetSpan(start, end);
        var isYaml = filePath.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || filePath.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);

        PipelineModel? pipeline = null;
        ExportFormat? format = null;
        ExportOptions? recorded = null;
        ExportedSchedule? schedule = null;
        var redactions = ImmutableArray<Redaction>.Empty;
        try
        {
            // The file's own arguments.
            PythonModule? module = null;
            OmlSyntaxTree? yaml = null;
            if (isYaml)
            {
                yaml = OmlSyntaxTree.Parse(filePath, text);
                if (!yaml.IsComplete || yaml.Diagnostics.Any(d => d.Severity == OmlSeverity.Error))
                {
                    var first = yaml.Diagnostics.FirstOrDefault(d => d.Severity == OmlSeverity.Error);
                    bag.Report(DiagnosticCatalog.UnreadableExport, first?.Span ?? Span(0, 0), string.Empty, "YAML", first?.GetMessage() ?? "it is not complete YAML");
                    yaml = null;
                }
            }
            else
            {
                var tokens = PythonTokenizer.Tokenize(text, out var problem, out var at);
                if (tokens is null)
                {
                    bag.Report(DiagnosticCatalog.UnreadableExport, Span(at, Math.Min(text.Length, at + 1)), string.Empty, "Python", problem!);
                }
                else
                {
                    module = PythonModule.Read(tokens, text);
                }
            }

            // The block.
            var block = EmbeddedBlock.Find(text, out var blockProblem, out var blockAt);
            if (block is null)
            {
                if (blockProblem is not null)
                {
                    bag.Report(DiagnosticCatalog.InvalidEmbeddedBlock, LineAt(lines, text, blockAt), string.Empty, blockProblem);
                }
                else
                {
                    bag.Report(DiagnosticCatalog.NoEmbeddedBlock, LineAt(lines, text, 0), string.Empty);
                }
            }
            else
            {
                var json = JsonText.Parse(block.Json, out var jsonProblem, out var jsonAt);
                if (json is null)
                {
                    var offset = block.ToFileOffset(jsonAt);
                    bag.Report(DiagnosticCatalog.InvalidEmbeddedBlock, Span(offset, Math.Min(text.Length, offset + 1)), string.Empty, jsonProblem!);
                }
                else
                {
                    try
                    {
                        List<Redaction> list;
                        (var f, recorded, pipeline, list) = EmbeddedBlock.Read(json, options);
                        format = f;
                        redactions = list.ToImmutableArray();
                    }
                    catch (JsonShapeException ex)
                    {
                        var start = block.ToFileOffset(ex.Node.Start);
                        var end = block.ToFileOffset(Math.Max(ex.Node.Start, Math.Min(ex.Node.End, ex.Node.Start + 200)));
                        bag.Report(DiagnosticCatalog.InvalidEmbeddedBlock, Span(start, Math.Max(start, end)), string.Empty, ex.Message);
                    }
                }
            }

            if (module is not null)
            {
                schedule = format switch
                {
                    ExportFormat.Airflow => ScheduleReader.Airflow(module),
                    ExportFormat.Dagster => ScheduleReader.Dagster(module),
                    _ => null,
                };
            }
            else if (yaml is not null)
            {
                schedule = ScheduleReader.Prefect(yaml.Root);
            }

            // Hand edits: the file against the file its block makes.
            if (pipeline is not null && format is { } fmt && recorded is not null && (module is not null || yaml is not null))
            {
                CompareWithRegenerated(bag, lines, text, filePath, pipeline, fmt, recorded, module, yaml, block!.BeginOffset);
            }
        }
        catch (ArgumentException ex)
        {
            // A command template in the block that the exporter refuses.
            bag.Report(DiagnosticCatalog.InvalidEmbeddedBlock, LineAt(lines, text, 0), string.Empty, ex.Message);
        }
        catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            bag.Report(DiagnosticCatalog.InternalError, LineAt(lines, text, 0), string.Empty, ex.GetType().Name + ": " + ex.Message);
        }

        return new ImportResult(filePath, pipeline, format, recorded, schedule, redactions, bag.ToSortedArray());
    }

    private static void CompareWithRegenerated(
        DiagnosticBag bag,
        LineMap lines,
        string text,
        string filePath,
        PipelineModel pipeline,
        ExportFormat format,
        ExportOptions recorded,
        PythonModule? module,
        OmlSyntaxTree? yaml,
        int blockOffset)
    {
        var export = PipelineExporter.Export(pipeline, format, recorded);
        var wantYaml = yaml is not null;
        var twin = export.Files.FirstOrDefault(f => f.RelativePath.EndsWith(".yaml", StringComparison.Ordinal) == wantYaml);
        if (twin is null)
        {
            bag.Report(DiagnosticCatalog.InvalidEmbeddedBlock, LineAt(lines, text, blockOffset), string.Empty, $"a {ExportFormats.ToText(format)} export has no {(wantYaml ? "YAML" : "Python")} file");
            return;
        }

        List<FileFact> actual;
        List<FileFact> expected;
        if (module is not null)
        {
            var twinTokens = PythonTokenizer.Tokenize(twin.Content, out _, out _)!;
            actual = ExportComparer.Facts(module);
            expected = ExportComparer.Facts(PythonModule.Read(twinTokens, twin.Content));
        }
        else
        {
            actual = ExportComparer.Facts(yaml!.Root);
            expected = ExportComparer.Facts(OmlSyntaxTree.Parse(filePath, twin.Content).Root);
        }

        foreach (var d in ExportComparer.Compare(actual, expected, blockOffset))
        {
            bag.Report(
                DiagnosticCatalog.ExportEditedByHand,
                lines.GetSpan(d.Start, d.End),
                d.Path,
                d.Path,
                d.Actual is null ? "absent" : Short(d.Actual),
                d.Expected is null ? "absent" : Short(d.Expected));
        }
    }

    /// <summary>A value for a message: at most 120 characters, on one line.</summary>
    private static string Short(string text)
    {
        var one = Export.Python.SourceWriter.Printable(text);
        return one.Length <= 120 ? one : one.Substring(0, 117) + "...";
    }

    /// <summary>The span of the line that holds <paramref name="offset"/>, without its line break.</summary>
    private static SourceSpan LineAt(LineMap lines, string text, int offset)
    {
        var start = lines.GetLineStart(lines.GetPosition(offset).Line);
        var end = start;
        while (end < text.Length && text[end] != '\n' && text[end] != '\r')
        {
            end++;
        }

        return lines.GetSpan(start, end);
    }
}
