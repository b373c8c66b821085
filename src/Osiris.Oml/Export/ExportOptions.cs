using System.Reflection;
using Osiris.Oml.Components;
using Osiris.Oml.Scheduling;

namespace Osiris.Oml.Export;

/// <summary>
/// Everything besides the pipeline that shapes an export. Every value is written into the export's
/// embedded block, so an import regenerates exactly the same file and reports only real hand edits.
/// </summary>
/// <remarks>Immutable and value-equal, so hosts (the generator) can cache exports on it.</remarks>
public sealed record ExportOptions
{
    /// <summary>The engine's version, the built-in components, the default commands and settings.</summary>
    public static ExportOptions Default { get; } = new();

    /// <summary>
    /// The version named in each file's header and block. Defaults to the engine assembly's informational
    /// version without build metadata; tests and golden files pass a fixed one.
    /// </summary>
    public string ToolVersion { get; init; } = EngineVersion;

    /// <summary>
    /// The command a run executes, split on spaces into arguments (no shell, so no quoting): <c>{pipeline}</c>
    /// is the pipeline's path. Default <c>osiris run {pipeline}</c>.
    /// </summary>
    public string RunCommand { get; init; } = "osiris run {pipeline}";

    /// <summary>
    /// Appended to <see cref="RunCommand"/> when the pipeline has a window: <c>{window_start}</c> and
    /// <c>{window_end}</c> are the run's window as ISO-8601 instants with the zone's offset
    /// (<c>2026-01-01T01:00:00+00:00</c>). Default <c>--window-start {window_start} --window-end {window_end}</c>.
    /// </summary>
    public string WindowArguments { get; init; } = "--window-start {window_start} --window-end {window_end}";

    /// <summary>The command of the check task that runs the data-quality tests (<c>{pipeline}</c> as above). Default <c>osiris test {pipeline}</c>.</summary>
    public string TestCommand { get; init; } = "osiris test {pipeline}";

    /// <summary>
    /// The path the commands receive; null uses the model's <see cref="Model.PipelineModel.SourcePath"/>
    /// (with '/' separators), as the export's header does.
    /// </summary>
    public string? PipelinePath { get; init; }

    /// <summary>
    /// The repository settings that change semantics: the Prefect server's Python and the Dagster version
    /// decide which scheduler each file follows, and <see cref="ScheduleSettings.ReferenceTime"/> gives the
    /// default start date (its day, at midnight in the schedule's zone) of a schedule without <c>start</c>.
    /// </summary>
    public ScheduleSettings Schedule { get; init; } = ScheduleSettings.Default;

    /// <summary>The components, whose specs say which configuration fields are secrets.</summary>
    public ComponentRegistry Components { get; init; } = ComponentRegistry.BuiltIn;

    /// <summary>The Prefect work pool the deployment runs on. Default <c>default</c>.</summary>
    public string PrefectWorkPool { get; init; } = "default";

    /// <summary>Options that follow the repository's analysis settings (schedule settings and components).</summary>
    public static ExportOptions From(OmlAnalysisOptions analysis)
        => Default with { Schedule = analysis.Schedule, Components = analysis.Components };

    private static string EngineVersion
    {
        get
        {
            var version = typeof(ExportOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            var plus = version.IndexOf('+');
            return plus > 0 ? version.Substring(0, plus) : version;
        }
    }
}
