namespace Osiris.Oml.Scheduling;

/// <summary>
/// Whose semantics turn a (cron, zone) pair into instants. The schedulers agree on plain 5-field
/// schedules away from DST changes and disagree on almost everything else (SCHEDULE-SEMANTICS.md).
/// </summary>
public enum ScheduleTarget
{
    /// <summary>
    /// The project's own semantics, those of Cronos 0.13 computed on NodaTime's zones: a time in a
    /// gap moves to the end of the gap; a repeated time fires once, in its first pass, unless the
    /// second, minute or hour field uses <c>*</c>, a range or a step ("interval" expressions fire in
    /// both passes); restricted day-of-month AND day-of-week must both match. 5 fields only.
    /// </summary>
    Native,

    /// <summary>Airflow 2.x/3.x cron timetables (croniter ≥ 6, pendulum 3).</summary>
    Airflow,

    /// <summary>A Prefect 3 server on Python 3.12 or older (pendulum 3 resolves the local times).</summary>
    PrefectPython312,

    /// <summary>A Prefect 3 server on Python 3.13 or newer (<c>whenever</c>/zoneinfo resolve the local times).</summary>
    PrefectPython313,

    /// <summary>
    /// Dagster up to 1.12 (<c>cron_string_iterator</c>), including its hourly fast path that works
    /// out minutes on epoch seconds and so fires at the wrong minute in +05:30/+05:45 zones.
    /// </summary>
    Dagster,

    /// <summary>Dagster after PR #33474 (February 2026): as <see cref="Dagster"/>, with the hourly minute fixed.</summary>
    DagsterFixed,
}
