using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using NodaTime;
using Osiris.Oml.Scheduling;

namespace Osiris.Oml.Settings;

/// <summary>
/// Everything a repository configures, read from plain key/value pairs: the merged global section
/// of its <c>.globalconfig</c> files (<see cref="GlobalConfigFile.Merge"/>) or the compiler's global
/// options. Every host reads settings through here, so the analyzer, the CLI and a language server
/// agree on them.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed class RepositorySettings
{
    private const string BuildPropertyPrefix = "build_property.";

    private RepositorySettings(ScheduleSettings schedule, PolicySettings policy, SeverityConfiguration severities, ImmutableArray<string> problems, ImmutableArray<string> severityProblems)
    {
        Schedule = schedule;
        Policy = policy;
        Severities = severities;
        Problems = problems;
        SeverityProblems = severityProblems;
    }

    /// <summary>Export targets, versions and the reference date of the schedule checks.</summary>
    public ScheduleSettings Schedule { get; }

    /// <summary>The production policy.</summary>
    public PolicySettings Policy { get; }

    /// <summary>The severities set with <c>dotnet_diagnostic.OSIxxxx.severity</c> and the bulk keys.</summary>
    public SeverityConfiguration Severities { get; }

    /// <summary>The <c>osiris_*</c> values that could not be read (hosts report each as OSI0010).</summary>
    public ImmutableArray<string> Problems { get; }

    /// <summary>Severity keys with values the compiler would not accept (it ignores them too).</summary>
    public ImmutableArray<string> SeverityProblems { get; }

    /// <summary>
    /// The keys <see cref="Read"/> looks for besides the severity keys: every <c>osiris_*</c> key and its
    /// <c>build_property.*</c> twin, for hosts that can look keys up but not list them.
    /// </summary>
    public static ImmutableArray<string> SettingKeys { get; } = CreateSettingKeys();

    /// <summary>
    /// Reads the settings. An <c>osiris_*</c> key wins over its MSBuild property
    /// (<c>build_property.OsirisTargets</c>, which the package makes visible to the compiler).
    /// Keys are compared without case.
    /// </summary>
    /// <param name="options">The key/value pairs.</param>
    /// <param name="today">The build date (UTC): the schedule checks count DST transitions from it unless <c>osiris_reference_date</c> is set.</param>
    public static RepositorySettings Read(IEnumerable<KeyValuePair<string, string>> options, LocalDate today)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in options)
        {
            map[pair.Key] = pair.Value;
        }

        string? Lookup(SettingKey key)
        {
            if (map.TryGetValue(key.GlobalConfigKey, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                return value;
            }

            return map.TryGetValue(BuildPropertyPrefix + key.MsBuildProperty, out value) && !string.IsNullOrWhiteSpace(value) ? value : null;
        }

        var schedule = OsirisSettings.ReadSchedule(Lookup, today, out var scheduleProblems);
        var policy = OsirisSettings.ReadPolicy(Lookup, out var policyProblems);
        var severities = SeverityConfiguration.Read(map, out var severityProblems);
        return new RepositorySettings(schedule, policy, severities, scheduleProblems.AddRange(policyProblems), severityProblems);
    }

    private static ImmutableArray<string> CreateSettingKeys()
    {
        var keys = ImmutableArray.CreateBuilder<string>();
        foreach (var key in OsirisSettings.All)
        {
            keys.Add(key.GlobalConfigKey);
            keys.Add(BuildPropertyPrefix + key.MsBuildProperty);
        }

        return keys.ToImmutable();
    }
}
