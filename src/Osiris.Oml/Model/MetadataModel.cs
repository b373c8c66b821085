using Osiris.Oml.Collections;
using Osiris.Oml.Time;

namespace Osiris.Oml.Model;

/// <summary>How much the business depends on a pipeline.</summary>
public enum Criticality
{
    /// <summary>Nice to have.</summary>
    Low,

    /// <summary>Used regularly.</summary>
    Medium,

    /// <summary>Others depend on it daily.</summary>
    High,

    /// <summary>An outage is an incident.</summary>
    Critical,
}

/// <summary>The <c>metadata</c> block of an OML 0.2.0 pipeline (OML-SPEC §3).</summary>
/// <remarks>Immutable and value-equal; fields that were missing or invalid are null or empty.</remarks>
public sealed record MetadataModel(
    string? Owner,
    string? Team,
    OmlDuration? Sla,
    Criticality? Criticality,
    string? Description,
    EquatableArray<string> Tags,
    EquatableArray<DataTestModel> Tests,
    EquatableArray<LineageReference> Upstream,
    EquatableArray<LineageReference> Downstream,
    EquatableArray<NotificationModel> Notifications);

/// <summary>A data-quality test: <c>row_count</c>, <c>schema</c>, <c>freshness</c> or <c>custom</c>, with its settings as text.</summary>
public sealed record DataTestModel(string Type, EquatableArray<OmlProperty> Settings);

/// <summary>A lineage entry, <c>"&lt;kind&gt;: &lt;name&gt;"</c> (pipeline, table, dashboard, ...).</summary>
public sealed record LineageReference(string Kind, string Name)
{
    /// <summary>The written form.</summary>
    public override string ToString() => Kind + ": " + Name;
}

/// <summary>Where to send a notification when an event happens.</summary>
/// <param name="Event">on_failure, on_success, on_retry or on_sla_breach.</param>
/// <param name="Channel">email, slack, pagerduty or webhook.</param>
/// <param name="Target">The address, channel, service or URL.</param>
public sealed record NotificationModel(string Event, string Channel, string Target);
