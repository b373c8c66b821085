using System.Collections.Immutable;
using NodaTime;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Export;
using Osiris.Oml.Model;
using Osiris.Oml.Time;

namespace Osiris.Oml.Import;

/// <summary>How an exported file schedules the pipeline, read from the orchestrator's own arguments.</summary>
public enum ExportedScheduleKind
{
    /// <summary>Not scheduled (no timetable, no schedule in the file).</summary>
    None,

    /// <summary>A cron in a zone: Airflow <c>CronTriggerTimetable</c>, a Prefect <c>cron</c> schedule, a Dagster <c>ScheduleDefinition</c> or time-window partitions.</summary>
    Cron,

    /// <summary>Airflow's <c>CronDataIntervalTimetable</c>: fires like <see cref="Cron"/>, each run covering the period since the previous one.</summary>
    CronDataInterval,

    /// <summary>A fixed step from an anchor: Airflow's <c>DeltaTriggerTimetable</c>, a Prefect <c>interval</c> schedule.</summary>
    Interval,
}

/// <summary>
/// The schedule as an exported file writes it, read from the file's code (not from its block), so a
/// test can check that what the orchestrator will read fires where the preview says.
/// </summary>
/// <param name="Kind">The timetable's kind.</param>
/// <param name="Cron">The cron expression, for cron kinds.</param>
/// <param name="TimeZone">The zone the cron or anchor is read in.</param>
/// <param name="Step">The step of an interval (Airflow's delta: days are 24 hours; Prefect's: days follow the zone).</param>
/// <param name="Anchor">Where an interval is counted from (Airflow's start_date, Prefect's anchor_date).</param>
public sealed record ExportedSchedule(ExportedScheduleKind Kind, string? Cron, string? TimeZone, OmlDuration? Step, Instant? Anchor);

/// <summary>
/// What <see cref="PipelineImporter.Import"/> read from an exported file: the pipeline from its block,
/// the schedule from its code, and the diagnostics (located in the file) for hand edits and problems.
/// </summary>
public sealed class ImportResult
{
    internal ImportResult(string filePath, PipelineModel? pipeline, ExportFormat? format, ExportOptions? options, ExportedSchedule? schedule, ImmutableArray<Redaction> redactions, ImmutableArray<OmlDiagnostic> diagnostics)
    {
        FilePath = filePath;
        Pipeline = pipeline;
        Format = format;
        Options = options;
        Schedule = schedule;
        Redactions = redactions;
        Diagnostics = diagnostics;
    }

    /// <summary>The path the diagnostics are located in.</summary>
    public string FilePath { get; }

    /// <summary>The pipeline in the embedded block (null when there is none or it cannot be read).</summary>
    public PipelineModel? Pipeline { get; }

    /// <summary>The orchestrator the file was exported for.</summary>
    public ExportFormat? Format { get; }

    /// <summary>The options the file was exported with, as its block records them.</summary>
    public ExportOptions? Options { get; }

    /// <summary>The schedule as the file's code writes it; null for a file that carries no schedule (a Prefect flow module).</summary>
    public ExportedSchedule? Schedule { get; }

    /// <summary>Inline secrets the export replaced: <see cref="Pipeline"/> holds the environment references, not the secrets.</summary>
    public ImmutableArray<Redaction> Redactions { get; }

    /// <summary>Hand edits (OSI0701) and problems (OSI0702-OSI0704), ordered by position.</summary>
    public ImmutableArray<OmlDiagnostic> Diagnostics { get; }

    /// <summary>Whether any diagnostic is an error: the CLI exits with 1.</summary>
    public bool HasErrors => OmlDiagnostic.AnyError(Diagnostics);
}
