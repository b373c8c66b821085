using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;
using NodaTime;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Settings;

namespace Osiris.Analyzers.Analyzers;

/// <summary>Reads <see cref="OsirisSettings"/> from the compiler's global options (.globalconfig or build properties).</summary>
internal static class RepositorySettings
{
    public static ScheduleSettings ReadSchedule(AnalyzerConfigOptions global, out ImmutableArray<string> problems)
    {
        // The build date (UTC) anchors "the next DST transitions"; osiris_reference_date pins it for reproducible builds.
        var today = LocalDate.FromDateTime(DateTime.UtcNow);
        return OsirisSettings.ReadSchedule(key => Lookup(global, key), today, out problems);
    }

    public static PolicySettings ReadPolicy(AnalyzerConfigOptions global, out ImmutableArray<string> problems)
        => OsirisSettings.ReadPolicy(key => Lookup(global, key), out problems);

    private static string? Lookup(AnalyzerConfigOptions global, SettingKey key)
    {
        if (global.TryGetValue(key.GlobalConfigKey, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        return global.TryGetValue("build_property." + key.MsBuildProperty, out value) && !string.IsNullOrWhiteSpace(value) ? value : null;
    }
}
