using System;
using Osiris.Oml.Time;

namespace Osiris.Oml.Settings;

/// <summary>When a pipeline must name an owner.</summary>
public enum OwnerRequirement
{
    /// <summary>Never required.</summary>
    Never,

    /// <summary>Required when the pipeline has a schedule (the default).</summary>
    Scheduled,

    /// <summary>Required when the criticality is high or critical.</summary>
    HighCriticality,

    /// <summary>Always required.</summary>
    Always,
}

/// <summary>What a high- or critical-criticality pipeline must declare.</summary>
[Flags]
public enum HighCriticalityRequirements
{
    /// <summary>Nothing extra.</summary>
    None = 0,

    /// <summary>metadata.sla.</summary>
    Sla = 1,

    /// <summary>metadata.notifications.on_failure.</summary>
    OnFailure = 2,
}

/// <summary>A repository's production policy (issue: metadata, lineage and policy).</summary>
/// <remarks>Immutable and value-equal.</remarks>
public sealed record PolicySettings
{
    /// <summary>Owners for scheduled pipelines; SLA and on_failure for high criticality; no limits.</summary>
    public static PolicySettings Default { get; } = new();

    /// <summary>When an owner is required.</summary>
    public OwnerRequirement OwnerRequired { get; init; } = OwnerRequirement.Scheduled;

    /// <summary>What high-criticality pipelines must declare.</summary>
    public HighCriticalityRequirements HighCriticalityRequires { get; init; } = HighCriticalityRequirements.Sla | HighCriticalityRequirements.OnFailure;

    /// <summary>The longest schedule.timeout allowed.</summary>
    public OmlDuration? MaxTimeout { get; init; }

    /// <summary>The most retry attempts allowed.</summary>
    public int? MaxRetryAttempts { get; init; }

    /// <summary>The highest schedule.concurrency allowed.</summary>
    public int? MaxConcurrency { get; init; }

    /// <summary>The most runs of all the repository's pipelines active at once.</summary>
    public int? MaxParallelRuns { get; init; }
}
