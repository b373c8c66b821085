using System.CommandLine;
using Osiris.Cli.Output;
using Osiris.Cli.Schedules;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;

namespace Osiris.Cli.Commands;

/// <summary><c>osiris schedule preview</c>: the next runs in a target's semantics, their windows and the queries they run.</summary>
internal static class PreviewCommand
{
    public static Command Create(CliHost host)
    {
        var file = new Argument<string>("file") { Description = "The .oml pipeline file." };
        var from = CommonOptions.From("List the runs strictly after this moment: ISO-8601 (2024-01-15, 2024-01-15T02:00 in the pipeline's zone, or 2024-01-15T02:00:00Z). Default: now.");
        var count = new Option<int>("--count") { Description = "How many runs to list (1 to 1000).", DefaultValueFactory = _ => 5 };
        var target = CommonOptions.Target("Whose scheduler semantics to apply: airflow, prefect (server on Python ≤ 3.12), prefect-py313, dagster (≤ 1.12), dagster-fixed, native (Cronos). Default: the first of osiris_targets.");
        var format = CommonOptions.Format("Output format: text or json (one object: pipeline, target, timezone, tzdb, runs).", "text", "json");
        var command = new Command("preview", "Preview the next runs of a pipeline as its orchestrator computes them: local and UTC times, each run's window, each step's query with ${window.*} filled in.")
        {
            file,
            from,
            count,
            target,
            format,
        };
        command.SetAction(parse => Run(host, parse.GetValue(file)!, parse.GetValue(from), parse.GetValue(count), parse.GetValue(target), parse.GetValue(format)!));
        return command;
    }

    private static int Run(CliHost host, string path, string? fromText, int count, string? targetName, string format)
    {
        if (count < 1 || count > 1000)
        {
            throw new CliUsageException($"--count must be between 1 and 1000, not {count}");
        }

        if (PipelineFile.Load(path, host) is not { } pipeline)
        {
            return ExitCodes.Errors;
        }

        var schedule = pipeline.Schedule;
        var target = pipeline.Target(targetName);
        var from = fromText is null ? host.Clock() : Times.ParseMoment(fromText, schedule.Zone, "--from");
        if (schedule.CheckSupport(target) is { } refusal)
        {
            host.Error.WriteLine($"osiris: {Targets.Describe(target)} refuses the schedule of {pipeline.DisplayPath}: {refusal.Message}");
            return ExitCodes.Errors;
        }

        var runs = schedule.GetRuns(from, count, target);
        if (format == "json")
        {
            host.Output.Write(Json.Write(w =>
            {
                w.WriteStartObject();
                ValidationJson.WriteNullable(w, "pipeline", pipeline.Model.Name);
                w.WriteString("target", Targets.NameOf(target));
                w.WriteString("timezone", schedule.TimeZone);
                w.WriteString("tzdb", ScheduleDefinition.TimeZoneDataVersion);
                w.WriteStartArray("runs");
                foreach (var run in runs)
                {
                    w.WriteStartObject();
                    w.WriteString("utc", Times.IsoUtc(run.FireTime));
                    w.WriteString("local", Times.IsoLocal(run.FireTime, schedule.Zone));
                    if (run.Window is { } window)
                    {
                        w.WriteStartObject("window");
                        w.WriteString("start", Times.IsoUtc(window.Start));
                        w.WriteString("end", Times.IsoUtc(window.End));
                        w.WriteEndObject();
                    }
                    else
                    {
                        w.WriteNull("window");
                    }

                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }) + "\n");
            return ExitCodes.Success;
        }

        var style = new Style(host.UseColor(host.OutputIsTerminal));
        var o = host.Output;
        o.WriteLine(style.Bold($"{pipeline.Model.Name ?? "(unnamed pipeline)"} ({pipeline.DisplayPath})"));
        o.WriteLine($"Schedule: {PipelineSchedules.Describe(schedule)} in {schedule.TimeZone}, as {Targets.Describe(target)} computes it (tz database {ScheduleDefinition.TimeZoneDataVersion})");
        o.WriteLine($"Next {runs.Length} runs after {Times.Local(from, schedule.Zone)}:");
        var field = pipeline.Model.Schedule?.Window?.Field;
        for (var i = 0; i < runs.Length; i++)
        {
            var run = runs[i];
            o.WriteLine();
            o.WriteLine($"Run {i + 1}: {Times.Local(run.FireTime, schedule.Zone)}");
            o.WriteLine($"  UTC:   {Times.Utc(run.FireTime)}");
            if (run.Window is { } window)
            {
                o.WriteLine($"  Window for this run ({Times.Length(window.Length)}{(field is null ? string.Empty : ", rows with " + field + " in [start, end)")}):");
                o.WriteLine($"    Start: {Times.Local(window.Start, schedule.Zone)}");
                o.WriteLine($"    End:   {Times.Local(window.End, schedule.Zone)}");
            }
        }

        if (runs.Length == 0)
        {
            o.WriteLine("  (none: the schedule does not fire again)");
        }

        if (runs.Length > 0 && runs[0].Window is { } first)
        {
            var queries = WindowQueries(pipeline.Model).ToList();
            if (queries.Count > 0)
            {
                o.WriteLine();
                o.WriteLine($"Steps with ${{window.*}} filled in for run 1 ({Times.Local(runs[0].FireTime, schedule.Zone)}):");
                foreach (var (step, key, text) in queries)
                {
                    o.WriteLine($"  {step}.{key}:");
                    foreach (var line in WindowFormats.RenderPlaceholders(text, first, schedule.Zone).TrimEnd('\n').Split('\n'))
                    {
                        o.WriteLine("    " + line);
                    }
                }
            }
        }

        o.WriteLine();
        o.WriteLine("Rows: not estimated. Counting the rows a window selects needs a connection to the source database, and osiris does not connect to one.");
        return ExitCodes.Success;
    }

    /// <summary>The step configuration strings that use ${window.*}, as (step id, key path, text).</summary>
    private static IEnumerable<(string Step, string Key, string Text)> WindowQueries(PipelineModel model)
    {
        foreach (var step in model.Steps)
        {
            foreach (var (key, text) in Strings(step.Config, string.Empty))
            {
                if (text.Contains("${window", StringComparison.Ordinal) || text.Contains("${ window", StringComparison.Ordinal))
                {
                    yield return (step.Id ?? "(step)", key, text);
                }
            }
        }
    }

    private static IEnumerable<(string Key, string Text)> Strings(OmlValue value, string path)
    {
        switch (value)
        {
            case OmlScalar scalar:
                yield return (path, scalar.Text);
                break;
            case OmlMap map:
                foreach (var property in map.Properties)
                {
                    foreach (var inner in Strings(property.Value, path.Length == 0 ? property.Key : path + "." + property.Key))
                    {
                        yield return inner;
                    }
                }

                break;
            case OmlList list:
                var i = 0;
                foreach (var item in list.Items)
                {
                    foreach (var inner in Strings(item, $"{path}[{i++}]"))
                    {
                        yield return inner;
                    }
                }

                break;
        }
    }
}
