using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using Osiris.Oml.Export.Json;
using Osiris.Oml.Export.Python;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;

namespace Osiris.Oml.Export;

/// <summary>
/// The machine-readable copy of the pipeline in every export: JSON in comment lines between
/// <c># osiris:oml-begin</c> and <c># osiris:oml-end</c> (valid in Python and YAML alike). It holds the
/// whole (redacted) model and the options that shaped the file, so an import gets the pipeline back
/// and can regenerate the file to find hand edits.
/// </summary>
internal static class EmbeddedBlock
{
    public const string BeginMarker = "# osiris:oml-begin";
    public const string EndMarker = "# osiris:oml-end";

    /// <summary>The version of the block's layout.</summary>
    public const int LayoutVersion = 1;

    public static void Write(SourceWriter writer, ExportFormat format, ExportOptions options, PipelineModel redacted, IReadOnlyList<Redaction> redactions)
    {
        var json = JsonText.Write(ToJson(format, options, redacted, redactions));
        writer.Line(BeginMarker);
        foreach (var line in json.Split('\n'))
        {
            writer.Line("# " + line);
        }

        writer.Line(EndMarker);
    }

    private static JsonObject ToJson(ExportFormat format, ExportOptions options, PipelineModel redacted, IReadOnlyList<Redaction> redactions)
    {
        var list = new JsonArray();
        foreach (var r in redactions)
        {
            list.Add(new JsonObject().Add("path", new JsonString(r.Path)).Add("replacement", new JsonString(r.Replacement)));
        }

        var opts = new JsonObject()
            .Add("run_command", new JsonString(options.RunCommand))
            .Add("window_arguments", new JsonString(options.WindowArguments))
            .Add("test_command", new JsonString(options.TestCommand))
            .Add("pipeline_path", options.PipelinePath is null ? new JsonNull() : new JsonString(options.PipelinePath))
            .Add("prefect_python", new JsonString(PrefectPythonText(options.Schedule.PrefectPython)))
            .Add("dagster_version", new JsonString(DagsterVersionText(options.Schedule.DagsterVersion)))
            .Add("reference_time", new JsonString(InstantPattern.ExtendedIso.Format(options.Schedule.ReferenceTime)))
            .Add("prefect_work_pool", new JsonString(options.PrefectWorkPool));
        return new JsonObject()
            .Add("osiris_export", new JsonNumber(LayoutVersion))
            .Add("format", new JsonString(ExportFormats.ToText(format)))
            .Add("tool", new JsonString(options.ToolVersion))
            .Add("options", opts)
            .Add("redactions", list)
            .Add("pipeline", PipelineJson.ToJson(redacted));
    }

    internal static string PrefectPythonText(PrefectPython value) => value switch
    {
        PrefectPython.Python312OrOlder => "3.12",
        PrefectPython.Python313OrNewer => "3.13",
        _ => "unknown",
    };

    internal static string DagsterVersionText(DagsterVersion value) => value switch
    {
        DagsterVersion.Legacy => "1.12",
        DagsterVersion.Current => "1.13",
        _ => "unknown",
    };

    /// <summary>Reads the block's contents back: the format, the options and the pipeline.</summary>
    /// <exception cref="JsonShapeException">The JSON is not an export block.</exception>
    public static (ExportFormat Format, ExportOptions Options, PipelineModel Pipeline, List<Redaction> Redactions) Read(JsonNode json, ExportOptions importOptions)
    {
        var o = json as JsonObject ?? throw new JsonShapeException("the block must be a JSON object", json);
        if (o["osiris_export"] is not JsonNumber n || n.AsInt64() != LayoutVersion)
        {
            throw new JsonShapeException($"the block is not an Osiris export of layout {LayoutVersion.ToString(CultureInfo.InvariantCulture)} ('osiris_export')", o["osiris_export"] ?? o);
        }

        var formatNode = o["format"];
        if (formatNode is not JsonString f || !ExportFormats.TryParse(f.Value, out var format))
        {
            throw new JsonShapeException("'format' must be airflow, prefect or dagster", formatNode ?? o);
        }

        var tool = o["tool"] as JsonString ?? throw new JsonShapeException("'tool' must be a string", o["tool"] ?? o);
        var opts = o["options"] as JsonObject ?? throw new JsonShapeException("'options' must be an object", o["options"] ?? o);
        string Text(string key) => (opts[key] as JsonString)?.Value ?? throw new JsonShapeException($"options.{key} must be a string", opts[key] ?? opts);
        var reference = InstantPattern.ExtendedIso.Parse(Text("reference_time"));
        if (!reference.Success)
        {
            throw new JsonShapeException("options.reference_time must be an ISO instant", opts["reference_time"]!);
        }

        if (!ScheduleSettings.IsInRange(reference.Value.InUtc().Date))
        {
            throw new JsonShapeException($"options.reference_time must fall in {ScheduleSettings.DescribeRange()}", opts["reference_time"]!);
        }

        var options = importOptions with
        {
            ToolVersion = tool.Value,
            RunCommand = Text("run_command"),
            WindowArguments = Text("window_arguments"),
            TestCommand = Text("test_command"),
            PipelinePath = opts["pipeline_path"] is JsonString p ? p.Value : null,
            PrefectWorkPool = Text("prefect_work_pool"),
            Schedule = importOptions.Schedule with
            {
                PrefectPython = ExportTargets.ParsePrefectPython(Text("prefect_python")) ?? PrefectPython.Unknown,
                DagsterVersion = ExportTargets.ParseDagsterVersion(Text("dagster_version")) ?? DagsterVersion.Unknown,
                ReferenceTime = reference.Value,
            },
        };
        var redactions = new List<Redaction>();
        if (o["redactions"] is JsonArray list)
        {
            foreach (var item in list.Items)
            {
                if (item is JsonObject r && r["path"] is JsonString path && r["replacement"] is JsonString replacement)
                {
                    redactions.Add(new Redaction(path.Value, replacement.Value));
                }
            }
        }

        var pipeline = PipelineJson.FromJson(o["pipeline"] ?? throw new JsonShapeException("'pipeline' is missing", o));
        return (format, options, pipeline, redactions);
    }

    /// <summary>Where the block is in a file: the JSON text and, per JSON line, the file offset it starts at.</summary>
    internal sealed class Location
    {
        public Location(string json, List<int> lineOffsets, int beginOffset, int endOffset)
        {
            Json = json;
            LineOffsets = lineOffsets;
            BeginOffset = beginOffset;
            EndOffset = endOffset;
        }

        public string Json { get; }

        /// <summary>For JSON line i, the offset in the file where that line's JSON text starts.</summary>
        public List<int> LineOffsets { get; }

        public int BeginOffset { get; }

        public int EndOffset { get; }

        /// <summary>The file offset of JSON offset <paramref name="jsonOffset"/>.</summary>
        public int ToFileOffset(int jsonOffset)
        {
            var line = 0;
            var start = 0;
            for (var i = 0; i < Json.Length && i < jsonOffset; i++)
            {
                if (Json[i] == '\n')
                {
                    line++;
                    start = i + 1;
                }
            }

            return line < LineOffsets.Count ? LineOffsets[line] + (jsonOffset - start) : EndOffset;
        }
    }

    /// <summary>
    /// Finds the block in <paramref name="text"/>. Null with <paramref name="problem"/> null when there is
    /// none; null with a problem (and its offset) when it is broken.
    /// </summary>
    public static Location? Find(string text, out string? problem, out int problemOffset)
    {
        problem = null;
        problemOffset = 0;
        var lines = SplitLines(text);
        var begin = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var content = text.Substring(lines[i].Start, lines[i].Length).TrimEnd();
            if (content == BeginMarker)
            {
                if (begin >= 0)
                {
                    problem = "a second '" + BeginMarker + "' before '" + EndMarker + "'";
                    problemOffset = lines[i].Start;
                    return null;
                }

                begin = i;
            }
            else if (content == EndMarker)
            {
                if (begin < 0)
                {
                    problem = "'" + EndMarker + "' without '" + BeginMarker + "'";
                    problemOffset = lines[i].Start;
                    return null;
                }

                var json = new StringBuilder();
                var offsets = new List<int>();
                for (var j = begin + 1; j < i; j++)
                {
                    var line = text.Substring(lines[j].Start, lines[j].Length);
                    var skip = line.StartsWith("# ", StringComparison.Ordinal) ? 2 : line.StartsWith("#", StringComparison.Ordinal) ? 1 : -1;
                    if (skip < 0)
                    {
                        problem = "a line of the block does not start with '#'";
                        problemOffset = lines[j].Start;
                        return null;
                    }

                    offsets.Add(lines[j].Start + skip);
                    json.Append(line, skip, line.Length - skip).Append('\n');
                }

                return new Location(json.ToString(), offsets, lines[begin].Start, lines[i].Start + lines[i].Length);
            }
        }

        if (begin >= 0)
        {
            problem = "'" + BeginMarker + "' without '" + EndMarker + "'";
            problemOffset = lines[begin].Start;
        }

        return null;
    }

    private static List<(int Start, int Length)> SplitLines(string text)
    {
        var result = new List<(int, int)>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i == text.Length || text[i] == '\n')
            {
                var end = i > start && text[i - 1] == '\r' ? i - 1 : i;
                result.Add((start, end - start));
                start = i + 1;
            }
        }

        return result;
    }

    /// <summary>The instant a date names: its start in <paramref name="zone"/>.</summary>
    internal static Instant StartOfDay(LocalDate date, DateTimeZone zone)
    {
        var midnight = zone.MapLocal(date.AtMidnight());
        return midnight.Count == 0 ? midnight.LateInterval.Start : midnight.First().ToInstant();
    }
}
