using NodaTime;

namespace Osiris.Oml.Scheduling;

/// <summary>
/// Repository settings that shape the schedule checks: where the pipelines are exported to, the
/// versions that change behaviour, and the instant the "next DST transitions" are counted from.
/// </summary>
/// <remarks>Immutable and value-equal.</remarks>
public sealed record ScheduleSettings
{
    /// <summary>All targets, versions unknown, counted from 2026-01-01 (hosts pass today's date).</summary>
    public static ScheduleSettings Default { get; } = new();

    /// <summary>The orchestrators the pipelines are exported to.</summary>
    public Orchestrators Targets { get; init; } = Orchestrators.All;

    /// <summary>The Prefect server's Python.</summary>
    public PrefectPython PrefectPython { get; init; } = PrefectPython.Unknown;

    /// <summary>The Dagster version.</summary>
    public DagsterVersion DagsterVersion { get; init; } = DagsterVersion.Unknown;

    /// <summary>
    /// Where the analysis horizon starts (the next DST transitions after it are examined). Hosts set it to
    /// the current date, truncated to the day, so a build's messages change at most once a day; set
    /// osiris_reference_date for reproducible output.
    /// </summary>
    public Instant ReferenceTime { get; init; } = Instant.FromUtc(2026, 1, 1, 0, 0);
}
