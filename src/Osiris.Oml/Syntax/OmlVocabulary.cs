using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Osiris.Oml.Syntax;

/// <summary>
/// The words of OML 0.2.0 that the rules check: the keys at each level and the values of every
/// keyword. The binders and rules read their lists from here, so editors (completion, the JSON
/// Schema) offer exactly what the build accepts.
/// </summary>
public static class OmlVocabulary
{
    /// <summary>A connection reference, <c>@family.alias</c> (groups 1 and 2): what OSI0115 checks and descriptors type.</summary>
    internal static readonly Regex ConnectionReference = new(@"^@([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$", RegexOptions.CultureInvariant);

    internal static readonly string[] Versions = { "0.1.0", "0.2.0" };

    internal static readonly string[] TopLevel = { OmlKeys.OmlVersion, OmlKeys.Name, OmlKeys.Description, OmlKeys.Schedule, OmlKeys.Metadata, OmlKeys.Params, OmlKeys.Steps };

    internal static readonly string[] Step = { OmlKeys.Id, OmlKeys.Component, OmlKeys.Mode, OmlKeys.Config, OmlKeys.Needs };

    internal static readonly string[] StepModes = { "read", "write", "transform" };

    internal static readonly string[] Schedule = { "type", "expression", "every", "timezone", "start", "retry", "timeout", "concurrency", "catchup", "window" };

    internal static readonly string[] ScheduleKinds = { "cron", "interval" };

    internal static readonly string[] Retry = { "attempts", "delay", "backoff", "max_delay" };

    internal static readonly string[] BackoffKinds = { "fixed", "linear", "exponential" };

    internal static readonly string[] Window = { "type", "size", "offset", "field" };

    internal static readonly string[] WindowKinds = { "sliding", "tumbling" };

    internal static readonly string[] Metadata = { "owner", "team", "sla", "criticality", "description", "tags", "tests", "lineage", "notifications" };

    internal static readonly string[] CriticalityLevels = { "low", "medium", "high", "critical" };

    internal static readonly string[] Directions = { "upstream", "downstream" };

    /// <summary>The kinds a lineage entry may name (Airflow datasets, Dagster assets and Prefect assets take them all).</summary>
    internal static readonly string[] Kinds = { "pipeline", "table", "view", "dashboard", "report", "model", "dataset", "file", "bucket", "topic", "api", "notebook", "metric" };

    internal static readonly string[] Events = { "on_failure", "on_success", "on_retry", "on_sla_breach" };

    internal static readonly string[] Channels = { "email", "slack", "pagerduty", "webhook" };

    internal static readonly string[] TestTypes = { "row_count", "schema", "freshness", "custom" };

    /// <summary>The <c>oml_version</c> values this release understands.</summary>
    public static ImmutableArray<string> OmlVersions { get; } = ImmutableArray.Create(Versions);

    /// <summary>The top-level keys (besides <c>x-*</c> extension keys, which are allowed at every level).</summary>
    public static ImmutableArray<string> TopLevelKeys { get; } = ImmutableArray.Create(TopLevel);

    /// <summary>The keys of a step.</summary>
    public static ImmutableArray<string> StepKeys { get; } = ImmutableArray.Create(Step);

    /// <summary>The values of a step's <c>mode</c>.</summary>
    public static ImmutableArray<string> Modes { get; } = ImmutableArray.Create(StepModes);

    /// <summary>The keys of <c>schedule</c>.</summary>
    public static ImmutableArray<string> ScheduleKeys { get; } = ImmutableArray.Create(Schedule);

    /// <summary>The values of <c>schedule.type</c>.</summary>
    public static ImmutableArray<string> ScheduleTypes { get; } = ImmutableArray.Create(ScheduleKinds);

    /// <summary>The keys of <c>schedule.retry</c>.</summary>
    public static ImmutableArray<string> RetryKeys { get; } = ImmutableArray.Create(Retry);

    /// <summary>The values of <c>schedule.retry.backoff</c>.</summary>
    public static ImmutableArray<string> Backoffs { get; } = ImmutableArray.Create(BackoffKinds);

    /// <summary>The keys of <c>schedule.window</c>.</summary>
    public static ImmutableArray<string> WindowKeys { get; } = ImmutableArray.Create(Window);

    /// <summary>The values of <c>schedule.window.type</c>.</summary>
    public static ImmutableArray<string> WindowTypes { get; } = ImmutableArray.Create(WindowKinds);

    /// <summary>The keys of <c>metadata</c>.</summary>
    public static ImmutableArray<string> MetadataKeys { get; } = ImmutableArray.Create(Metadata);

    /// <summary>The values of <c>metadata.criticality</c>.</summary>
    public static ImmutableArray<string> Criticalities { get; } = ImmutableArray.Create(CriticalityLevels);

    /// <summary>The keys of <c>metadata.lineage</c>.</summary>
    public static ImmutableArray<string> LineageDirections { get; } = ImmutableArray.Create(Directions);

    /// <summary>The kinds a lineage entry (<c>"kind: name"</c>) may name.</summary>
    public static ImmutableArray<string> LineageKinds { get; } = ImmutableArray.Create(Kinds);

    /// <summary>The keys of <c>metadata.notifications</c>.</summary>
    public static ImmutableArray<string> NotificationEvents { get; } = ImmutableArray.Create(Events);

    /// <summary>The channels a notification target names (<c>{email: ...}</c>).</summary>
    public static ImmutableArray<string> NotificationChannels { get; } = ImmutableArray.Create(Channels);

    /// <summary>The values of a data test's <c>type</c>.</summary>
    public static ImmutableArray<string> DataTestTypes { get; } = ImmutableArray.Create(TestTypes);

    /// <summary>The keys of a data test of <paramref name="type"/> (<c>custom</c>'s for any other type).</summary>
    public static ImmutableArray<string> DataTestKeys(string type) => type switch
    {
        "row_count" => ImmutableArray.Create("type", "min", "max"),
        "schema" => ImmutableArray.Create("type", "expected"),
        "freshness" => ImmutableArray.Create("type", "max_age", "field"),
        _ => ImmutableArray.Create("type", "script", "args"),
    };
}
