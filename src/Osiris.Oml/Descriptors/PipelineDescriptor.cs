using System;
using System.Collections.Generic;

namespace Osiris.Oml.Descriptors;

/// <summary>
/// A pipeline of the project as typed data, built by the generated <c>Pipelines</c> class from what the
/// build read in the <c>.oml</c> file: no YAML is parsed at run time to read it.
/// </summary>
/// <remarks>Immutable and thread-safe. Parts of a pipeline that did not validate are null or empty.</remarks>
public sealed class PipelineDescriptor
{
    /// <summary>Creates a descriptor (the generated code does; tests and tools may too).</summary>
    public PipelineDescriptor(
        string name,
        string? description,
        string? omlVersion,
        string sourcePath,
        string contentHash,
        IReadOnlyList<StepDescriptor> steps,
        ScheduleDescriptor? schedule,
        MetadataDescriptor? metadata,
        PipelineExports? exports)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Description = description;
        OmlVersion = omlVersion;
        SourcePath = sourcePath ?? throw new ArgumentNullException(nameof(sourcePath));
        ContentHash = contentHash ?? throw new ArgumentNullException(nameof(contentHash));
        Steps = steps ?? Array.Empty<StepDescriptor>();
        Schedule = schedule;
        Metadata = metadata;
        Exports = exports;
    }

    /// <summary>The pipeline's <c>name</c>, as written.</summary>
    public string Name { get; }

    /// <summary>The top-level <c>description</c>, or null.</summary>
    public string? Description { get; }

    /// <summary>The <c>oml_version</c>, for example <c>0.2.0</c>, or null when missing.</summary>
    public string? OmlVersion { get; }

    /// <summary>The <c>.oml</c> file, relative to the project folder, with <c>/</c> separators.</summary>
    public string SourcePath { get; }

    /// <summary>
    /// <c>sha256:</c> and the lower-case hex SHA-256 of the file's text in UTF-8 with line ends
    /// normalised to LF, so a Windows and a Linux checkout of the same file agree.
    /// </summary>
    public string ContentHash { get; }

    /// <summary>The steps, in file order.</summary>
    public IReadOnlyList<StepDescriptor> Steps { get; }

    /// <summary>The <c>schedule</c> block, or null when the pipeline has none (or it did not validate).</summary>
    public ScheduleDescriptor? Schedule { get; }

    /// <summary>The <c>metadata</c> block, or null when the pipeline has none.</summary>
    public MetadataDescriptor? Metadata { get; }

    /// <summary>
    /// The pipeline's Airflow, Prefect and Dagster files, or null when the build found errors in the
    /// pipeline (the exporters only take valid pipelines).
    /// </summary>
    public PipelineExports? Exports { get; }

    /// <summary>
    /// The descriptor of a model the engine built (<see cref="OmlFileAnalysis.Pipeline"/>); its
    /// <see cref="Model.PipelineModel.SourcePath"/> becomes <see cref="SourcePath"/>.
    /// </summary>
    /// <param name="model">The pipeline.</param>
    /// <param name="contentHash">The hash of the file's text (see <see cref="ContentHash"/>).</param>
    /// <param name="exports">Its exports, or null.</param>
    public static PipelineDescriptor From(Model.PipelineModel model, string contentHash, PipelineExports? exports = null)
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        return new PipelineDescriptor(
            model.Name ?? string.Empty,
            model.Description,
            model.OmlVersion,
            model.SourcePath,
            contentHash,
            System.Linq.Enumerable.ToArray(System.Linq.Enumerable.Select(model.Steps, GeneratedPipeline.Step)),
            GeneratedPipeline.Schedule(model.Schedule),
            GeneratedPipeline.Metadata(model.Metadata),
            exports);
    }

    /// <summary>The step with this id, or null.</summary>
    public StepDescriptor? FindStep(string id)
    {
        foreach (var step in Steps)
        {
            if (string.Equals(step.Id, id, StringComparison.Ordinal))
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}
