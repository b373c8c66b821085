using Osiris.Oml.Collections;
using Osiris.Oml.Components;

namespace Osiris.Oml.Model;

/// <summary>
/// A pipeline as plain data, built from a document whatever its errors (missing parts are null or
/// empty). Hosts read it to know what a pipeline declares; the diagnostics say whether it is valid.
/// </summary>
/// <remarks>
/// Immutable and value-equal: two models built from the same text are equal, so hosts can cache
/// results on equality. Never put syntax nodes, Roslyn objects or mutable collections in it.
/// <para><see cref="Params"/> is the top-level <c>params</c> mapping as written (null when absent or
/// not a mapping): <c>${params.x}</c> in step configuration names its keys.</para>
/// </remarks>
public sealed record PipelineModel(
    string SourcePath,
    string? OmlVersion,
    string? Name,
    string? Description,
    EquatableArray<StepModel> Steps,
    ScheduleModel? Schedule = null,
    MetadataModel? Metadata = null,
    OmlMap? Params = null);

/// <summary>One step of a pipeline.</summary>
/// <remarks>Immutable and value-equal.</remarks>
public sealed record StepModel(
    string? Id,
    string? Component,
    OmlMode? Mode,
    EquatableArray<string> Needs,
    OmlMap Config);
