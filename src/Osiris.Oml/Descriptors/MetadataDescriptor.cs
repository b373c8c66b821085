using System;
using System.Collections.Generic;
using Osiris.Oml.Model;
using Osiris.Oml.Time;

namespace Osiris.Oml.Descriptors;

/// <summary>A pipeline's <c>metadata</c> block.</summary>
public sealed class MetadataDescriptor
{
    /// <summary>Creates the metadata (the generated code does).</summary>
    public MetadataDescriptor(
        string? owner,
        string? team,
        OmlDuration? sla,
        Criticality? criticality,
        string? description,
        IReadOnlyList<string> tags,
        IReadOnlyList<DataTestDescriptor> tests,
        IReadOnlyList<LineageReference> upstream,
        IReadOnlyList<LineageReference> downstream,
        IReadOnlyList<NotificationModel> notifications)
    {
        Owner = owner;
        Team = team;
        Sla = sla;
        Criticality = criticality;
        Description = description;
        Tags = tags ?? Array.Empty<string>();
        Tests = tests ?? Array.Empty<DataTestDescriptor>();
        Upstream = upstream ?? Array.Empty<LineageReference>();
        Downstream = downstream ?? Array.Empty<LineageReference>();
        Notifications = notifications ?? Array.Empty<NotificationModel>();
    }

    /// <summary>Who answers for the pipeline (an e-mail address or a handle), or null.</summary>
    public string? Owner { get; }

    /// <summary>The owning team, or null.</summary>
    public string? Team { get; }

    /// <summary>By when a run must have finished after its scheduled time, or null.</summary>
    public OmlDuration? Sla { get; }

    /// <summary>How much the business depends on the pipeline, or null.</summary>
    public Criticality? Criticality { get; }

    /// <summary>The metadata <c>description</c>, or null.</summary>
    public string? Description { get; }

    /// <summary>The tags, in file order.</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>The data-quality tests.</summary>
    public IReadOnlyList<DataTestDescriptor> Tests { get; }

    /// <summary>What the pipeline reads from (<c>lineage.upstream</c>).</summary>
    public IReadOnlyList<LineageReference> Upstream { get; }

    /// <summary>What reads the pipeline's output (<c>lineage.downstream</c>).</summary>
    public IReadOnlyList<LineageReference> Downstream { get; }

    /// <summary>Who hears of which events.</summary>
    public IReadOnlyList<NotificationModel> Notifications { get; }
}

/// <summary>A data-quality test: <c>row_count</c>, <c>schema</c>, <c>freshness</c> or <c>custom</c>, and its settings.</summary>
/// <param name="Type">The test's <c>type</c>.</param>
/// <param name="Settings">Its other keys, typed as in <see cref="ConfigMap"/>.</param>
public sealed record DataTestDescriptor(string Type, ConfigMap Settings);
