using System.Text.Json;
using Osiris.Cli.Commands;
using Osiris.Cli.Schedules;
using Osiris.Cli.Workspace;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Scheduling;

namespace Osiris.Cli.Output;

/// <summary>
/// <c>schedule validate --format json</c>: one object (see the README, "JSON output"). Paths are
/// relative to the current folder; positions are one-based; the order is stable.
/// </summary>
internal static class ValidationJson
{
    public static string Write(ValidationResult result, IReadOnlyDictionary<string, ScheduleSummary> summaries, string currentDirectory)
        => Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("tool", "osiris");
            w.WriteString("version", Sarif.ToolVersion);
            w.WriteString("tzdb", ScheduleDefinition.TimeZoneDataVersion);
            w.WriteStartArray("files");
            foreach (var file in result.Files)
            {
                var summary = summaries[file.FullPath];
                w.WriteStartObject();
                w.WriteString("path", DisplayPath.Of(file.FullPath, currentDirectory));
                WriteNullable(w, "pipeline", summary.Pipeline);
                if (summary.Schedule is { } schedule)
                {
                    w.WriteStartObject("schedule");
                    WriteNullable(w, "cron", schedule.Expression);
                    WriteNullable(w, "every", schedule.Every?.ToString());
                    w.WriteString("timezone", schedule.TimeZone);
                    w.WriteString("target", Targets.NameOf(summary.Target));
                    WriteNullable(w, "refusal", summary.TargetRefusal);
                    w.WriteStartArray("nextRuns");
                    foreach (var run in summary.NextRuns)
                    {
                        w.WriteStringValue(Times.IsoUtc(run));
                    }

                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("schedule");
                }

                WriteNullable(w, "scheduleError", summary.ScheduleError);
                w.WriteBoolean("windowValid", summary.WindowProblems.Count == 0);
                w.WriteBoolean("conflictsDetected", summary.Conflicts.Count > 0);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("diagnostics");
            foreach (var finding in result.Findings)
            {
                w.WriteStartObject();
                w.WriteString("id", finding.Id);
                w.WriteString("severity", ValidationText.SeverityWord(finding.Severity));
                w.WriteString("message", finding.Message);
                if (finding.FullPath is { } path)
                {
                    w.WriteString("path", DisplayPath.Of(path, currentDirectory));
                    w.WriteNumber("line", finding.Span.StartPosition.Line + 1);
                    w.WriteNumber("column", finding.Span.StartPosition.Character + 1);
                    w.WriteNumber("endLine", finding.Span.EndPosition.Line + 1);
                    w.WriteNumber("endColumn", finding.Span.EndPosition.Character + 1);
                }
                else
                {
                    w.WriteNull("path");
                }

                w.WriteString("title", finding.Descriptor.Title);
                w.WriteString("category", finding.Descriptor.Category);
                w.WriteString("helpUri", finding.Descriptor.HelpLink);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartObject("summary");
            w.WriteNumber("files", result.Files.Count);
            w.WriteNumber("errors", result.Count(OmlSeverity.Error));
            w.WriteNumber("warnings", result.Count(OmlSeverity.Warning));
            w.WriteNumber("infos", result.Count(OmlSeverity.Info));
            w.WriteEndObject();
            w.WriteEndObject();
        }) + "\n";

    internal static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
