using System;
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

    /// <summary>
    /// The earliest reference date the analysis takes. The calculator computes fire times in the years 1 to
    /// 8999 (Python's datetime, which every emulated scheduler uses, ends in 9999), and the analysis looks
    /// a few days before the reference and up to 14 months after it.
    /// </summary>
    public static LocalDate EarliestReferenceDate { get; } = new(2, 1, 1);

    /// <summary>The latest reference date the analysis takes (see <see cref="EarliestReferenceDate"/>).</summary>
    public static LocalDate LatestReferenceDate { get; } = new(8997, 12, 31);

    private readonly Instant _referenceTime = Instant.FromUtc(2026, 1, 1, 0, 0);

    /// <summary>The orchestrators the pipelines are exported to.</summary>
    public Orchestrators Targets { get; init; } = Orchestrators.All;

    /// <summary>The Prefect server's Python.</summary>
    public PrefectPython PrefectPython { get; init; } = PrefectPython.Unknown;

    /// <summary>The Dagster version.</summary>
    public DagsterVersion DagsterVersion { get; init; } = DagsterVersion.Unknown;

    /// <summary>
    /// Where the analysis horizon starts (the next DST transitions after it are examined). Hosts set it to
    /// the current date, truncated to the day, so a build's messages change at most once a day; set
    /// osiris_reference_date for reproducible output. It must fall from
    /// <see cref="EarliestReferenceDate"/> to the end of <see cref="LatestReferenceDate"/>, UTC.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The instant is outside that range.</exception>
    public Instant ReferenceTime
    {
        get => _referenceTime;
        init => _referenceTime = IsInRange(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ReferenceTime), value, $"The reference time must fall in {DescribeRange()}.");
    }

    /// <summary>Whether <paramref name="date"/> is a reference date the analysis takes.</summary>
    public static bool IsInRange(LocalDate date) => date >= EarliestReferenceDate && date <= LatestReferenceDate;

    /// <summary>"0002-01-01 to 8997-12-31", for messages.</summary>
    public static string DescribeRange()
        => $"{TimeText.Date(EarliestReferenceDate)} to {TimeText.Date(LatestReferenceDate)}";

    private static bool IsInRange(Instant instant)
        => instant >= EarliestReferenceDate.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant()
           && instant < LatestReferenceDate.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
}
