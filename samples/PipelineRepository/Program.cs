// What the generated Pipelines class gives .NET code: every pipeline of this repository, typed, with
// the engine's exact fire times. `dotnet run` lists each pipeline with its owner, the next 3 runs under
// each orchestrator's semantics (in the pipeline's own time zone) and the data window of the next run.
// `dotnet run -- 2026-03-27T12:00:00Z` starts from that instant instead of now.
using System.Globalization;
using Osiris.Oml.Scheduling;
using PipelineRepository;

var after = args.Length > 0
    ? DateTimeOffset.Parse(args[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
    : DateTimeOffset.UtcNow;
var targets = new[] { ScheduleTarget.Airflow, ScheduleTarget.PrefectPython313, ScheduleTarget.Dagster };

Console.WriteLine($"{Pipelines.All.Count} pipelines, next runs after {Format(after)}");
foreach (var pipeline in Pipelines.All)
{
    Console.WriteLine();
    Console.WriteLine($"{pipeline.Name} ({pipeline.SourcePath})");
    Console.WriteLine($"  owner:    {pipeline.Metadata?.Owner ?? "(none)"}");
    if (pipeline.Schedule is not { } schedule)
    {
        Console.WriteLine("  schedule: none (runs on demand)");
        continue;
    }

    Console.WriteLine($"  schedule: {schedule}");
    foreach (var target in targets)
    {
        var runs = schedule.GetNextRuns(after, 3, target);
        Console.WriteLine($"  {target,-16}  {string.Join("   ", runs.Select(Format))}");
    }

    var next = schedule.GetNextRuns(after, 1, ScheduleTarget.Airflow);
    if (schedule.Window is { } window && next.Count > 0 && schedule.GetWindow(next[0], ScheduleTarget.Airflow) is { } times)
    {
        Console.WriteLine($"  window of the next run: {window.Field} from {Format(times.Start)} to {Format(times.End)}");
    }
}

static string Format(DateTimeOffset instant) => instant.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);
