using System;
using System.Collections.Immutable;
using NodaTime;
using NodaTime.Text;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Time;

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
    public static readonly SettingKey ReferenceDate = new("osiris_reference_date", "OsirisReferenceDate", "a date from 0002-01-01 to 8997-12-31, such as 2027-01-01, to count DST transitions from (default: the build date, UTC)");

    /// <summary>When an owner is required.</summary>
    public static readonly SettingKey OwnerRequired = new("osiris_owner_required", "OsirisOwnerRequired", "scheduled, always, high or never (default scheduled)");

    /// <summary>What high-criticality pipelines must declare.</summary>
    public static readonly SettingKey HighCriticalityRequires = new("osiris_high_criticality_requires", "OsirisHighCriticalityRequires", "sla, on_failure, both or none (default both)");

    /// <summary>The longest timeout.</summary>
    public static readonly SettingKey MaxTimeout = new("osiris_max_timeout", "OsirisMaxTimeout", "a duration such as 2h or 7200 (default: no limit)");

    /// <summary>The most retry attempts.</summary>
    public static readonly SettingKey MaxRetryAttempts = new("osiris_max_retry_attempts", "OsirisMaxRetryAttempts", "a whole number such as 3 (default: no limit)");

    /// <summary>The highest concurrency.</summary>
    public static readonly SettingKey MaxConcurrency = new("osiris_max_concurrency", "OsirisMaxConcurrency", "a whole number such as 1 (default: no limit)");

    /// <summary>The most runs at once across the repository.</summary>
    public static readonly SettingKey MaxParallelRuns = new("osiris_max_parallel_runs", "OsirisMaxParallelRuns", "a whole number such as 8 (default: no limit)");

    /// <summary>Every key, for documentation and for the package's CompilerVisibleProperty list (PackagePropsTests keeps the two equal).</summary>
    public static ImmutableArray<SettingKey> All { get; } = ImmutableArray.Create(
        Targets, PrefectPython, DagsterVersion, ReferenceDate,
        OwnerRequired, HighCriticalityRequires, MaxTimeout, MaxRetryAttempts, MaxConcurrency, MaxParallelRuns);

    /// <summary>Reads the production policy; unreadable values are listed in <paramref name="problems"/> and left at their defaults.</summary>
    public static PolicySettings ReadPolicy(Func<SettingKey, string?> lookup, out ImmutableArray<string> problems)
    {
        var errors = ImmutableArray.CreateBuilder<string>();
        var policy = PolicySettings.Default;

        if (lookup(OwnerRequired) is { } owner)
        {
            OwnerRequirement? parsed = owner.Trim().ToLowerInvariant() switch
            {
                "scheduled" => OwnerRequirement.Scheduled,
                "always" => OwnerRequirement.Always,
                "high" or "criticality_high" => OwnerRequirement.HighCriticality,
                "never" => OwnerRequirement.Never,
                _ => null,
            };
            if (parsed is { } value)
            {
                policy = policy with { OwnerRequired = value };
            }
            else
            {
                errors.Add(Problem(OwnerRequired, owner));
            }
        }

        if (lookup(HighCriticalityRequires) is { } requires)
        {
            var value = HighCriticalityRequirements.None;
            var ok = true;
            foreach (var part in requires.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries))
            {
                switch (part.Trim().ToLowerInvariant())
                {
                    case "sla":
                        value |= HighCriticalityRequirements.Sla;
                        break;
                    case "on_failure":
                        value |= HighCriticalityRequirements.OnFailure;
                        break;
                    case "both":
                        value |= HighCriticalityRequirements.Sla | HighCriticalityRequirements.OnFailure;
                        break;
                    case "none":
                        break;
                    default:
                        ok = false;
                        break;
                }
            }

            if (ok)
            {
                policy = policy with { HighCriticalityRequires = value };
            }
            else
            {
                errors.Add(Problem(HighCriticalityRequires, requires));
            }
        }

        if (lookup(MaxTimeout) is { } timeout)
        {
            if (OmlDuration.Parse(timeout) is { NominalSeconds: > 0 } parsed)
            {
                policy = policy with { MaxTimeout = parsed };
            }
            else
            {
                errors.Add(Problem(MaxTimeout, timeout));
            }
        }

        policy = ReadCount(lookup, MaxRetryAttempts, 0, policy, (p, v) => p with { MaxRetryAttempts = v }, errors);
        policy = ReadCount(lookup, MaxConcurrency, 1, policy, (p, v) => p with { MaxConcurrency = v }, errors);
        policy = ReadCount(lookup, MaxParallelRuns, 1, policy, (p, v) => p with { MaxParallelRuns = v }, errors);
        problems = errors.ToImmutable();
        return policy;
    }

    private static PolicySettings ReadCount(
        Func<SettingKey, string?> lookup,
        SettingKey key,
        int min,
        PolicySettings policy,
        Func<PolicySettings, int, PolicySettings> set,
        ImmutableArray<string>.Builder errors)
    {
        if (lookup(key) is not { } text)
        {
            return policy;
        }

        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value >= min)
        {
            return set(policy, value);
        }

        errors.Add(Problem(key, text));
        return policy;
    }

    /// <summary>
    /// Reads the schedule settings. <paramref name="lookup"/> answers a key (either spelling) or null;
    /// <paramref name="today"/> is the build date, used when no reference date is set. Values that cannot
    /// be read are listed in <paramref name="problems"/> and left at their defaults.
    /// </summary>
    public static ScheduleSettings ReadSchedule(Func<SettingKey, string?> lookup, LocalDate today, out ImmutableArray<string> problems)
    {
        var errors = ImmutableArray.CreateBuilder<string>();
        // A machine clock far off still gives a date the analysis can count from.
        var start = today < ScheduleSettings.EarliestReferenceDate ? ScheduleSettings.EarliestReferenceDate
            : today > ScheduleSettings.LatestReferenceDate ? ScheduleSettings.LatestReferenceDate
            : today;
        var settings = new ScheduleSettings { ReferenceTime = start.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant() };

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
            if (parsed.Success && !ScheduleSettings.IsInRange(parsed.Value))
            {
                // A date the calculator cannot count from (Python's datetime ends in 9999; the analysis looks 14 months ahead).
                errors.Add($"{ReferenceDate.GlobalConfigKey} (or {ReferenceDate.MsBuildProperty}) is '{Text.MessageText.Excerpt(date)}', outside the dates the schedule analysis can count from ({ScheduleSettings.DescribeRange()})");
            }
            else if (parsed.Success)
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
        => $"{key.GlobalConfigKey} (or {key.MsBuildProperty}) is '{Text.MessageText.Excerpt(value)}', but it takes {key.Description}";
}
