using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;
using NodaTime.Text;
using Osiris.Oml.Scheduling;

namespace Osiris.Oml.Settings;

/// <summary>One repository setting: its .globalconfig key, its MSBuild property, what it takes.</summary>
public sealed record SettingKey(string GlobalConfigKey, string MsBuildProperty, string Description);

/// <summary>
/// Repository settings, read the same way by every host: a <c>.globalconfig</c> key
/// (<c>osiris_targets = airflow, dagster</c>) or an MSBuild property made visible to the compiler
/// (<c>&lt;OsirisTargets&gt;airflow;dagster&lt;/OsirisTargets&gt;</c>). The .globalconfig key wins.
/// </summary>
public static class OsirisSettings
{
    /// <summary>Where the pipelines are exported to.</summary>
    public static readonly SettingKey Targets = new("osiris_targets", "OsirisTargets", "airflow, prefect, dagster (any of them; default all)");

    /// <summary>The Prefect server's Python.</summary>
    public static readonly SettingKey PrefectPython = new("osiris_prefect_python", "OsirisPrefectPython", "the Prefect server's Python version, such as 3.12 or 3.13 (default unknown)");

    /// <summary>The Dagster version.</summary>
    public static readonly SettingKey DagsterVersion = new("osiris_dagster_version", "OsirisDagsterVersion", "the Dagster version, such as 1.12 or 1.13 (default unknown)");

    /// <summary>The date the schedule analysis counts the next DST transitions from.</summary>
    public static readonly SettingKey ReferenceDate = new("osiris_reference_date", "OsirisReferenceDate", "a date such as 2027-01-01 to count DST transitions from (default: the build date, UTC)");

    /// <summary>Every key, for documentation and for the package's CompilerVisibleProperty list.</summary>
    public static ImmutableArray<SettingKey> All { get; } = ImmutableArray.Create(Targets, PrefectPython, DagsterVersion, ReferenceDate);

    /// <summary>
    /// Reads the schedule settings. <paramref name="lookup"/> answers a key (either spelling) or null;
    /// <paramref name="today"/> is the build date, used when no reference date is set. Values that cannot
    /// be read are listed in <paramref name="problems"/> and left at their defaults.
    /// </summary>
    public static ScheduleSettings ReadSchedule(Func<SettingKey, string?> lookup, LocalDate today, out ImmutableArray<string> problems)
    {
        var errors = ImmutableArray.CreateBuilder<string>();
        var settings = new ScheduleSettings { ReferenceTime = today.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() };

        if (lookup(Targets) is { } targets)
        {
            if (ExportTargets.ParseOrchestrators(targets) is { } parsed)
            {
                settings = settings with { Targets = parsed };
            }
            else
            {
                errors.Add(Problem(Targets, targets));
            }
        }

        if (lookup(PrefectPython) is { } python)
        {
            if (ExportTargets.ParsePrefectPython(python) is { } parsed)
            {
                settings = settings with { PrefectPython = parsed };
            }
            else
            {
                errors.Add(Problem(PrefectPython, python));
            }
        }

        if (lookup(DagsterVersion) is { } dagster)
        {
            if (ExportTargets.ParseDagsterVersion(dagster) is { } parsed)
            {
                settings = settings with { DagsterVersion = parsed };
            }
            else
            {
                errors.Add(Problem(DagsterVersion, dagster));
            }
        }

        if (lookup(ReferenceDate) is { } date)
        {
            var parsed = LocalDatePattern.Iso.Parse(date.Trim());
            if (parsed.Success)
            {
                settings = settings with { ReferenceTime = parsed.Value.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() };
            }
            else
            {
                errors.Add(Problem(ReferenceDate, date));
            }
        }

        problems = errors.ToImmutable();
        return settings;
    }

    private static string Problem(SettingKey key, string value)
        => $"{key.GlobalConfigKey} (or {key.MsBuildProperty}) is '{value}', but it takes {key.Description}";
}
