using Osiris.Oml.Components;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Settings;
using Osiris.Oml.Syntax;

namespace Osiris.Oml;

/// <summary>What the engine needs besides the text: the component registry and the limits.</summary>
/// <remarks>Immutable and value-equal, so hosts can cache on it.</remarks>
public sealed record OmlAnalysisOptions
{
    /// <summary>The options every host starts from: built-in components, default limits.</summary>
    public static OmlAnalysisOptions Default { get; } = new();

    /// <summary>The components steps may use.</summary>
    public ComponentRegistry Components { get; init; } = ComponentRegistry.BuiltIn;

    /// <summary>Bounds on the work spent per file.</summary>
    public SyntaxLimits Limits { get; init; } = SyntaxLimits.Default;

    /// <summary>Export targets, versions and the reference date of the schedule checks.</summary>
    public ScheduleSettings Schedule { get; init; } = ScheduleSettings.Default;

    /// <summary>The repository's production policy.</summary>
    public PolicySettings Policy { get; init; } = PolicySettings.Default;

    /// <summary>
    /// The project's files (full paths with '/' separators), when the host knows them: custom data-test
    /// scripts are looked up there. Null skips that check (a host that cannot list files).
    /// </summary>
    public ProjectFiles? ProjectFiles { get; init; }
}
