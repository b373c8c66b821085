using System;
using System.Linq;
using Osiris.Oml.Components;
using Osiris.Oml.Export;
using Osiris.Oml.Export.Json;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;

namespace Osiris.Oml.Descriptors;

/// <summary>
/// Builds descriptors from the engine's lossless model JSON (the block the exports embed), which is how
/// the generated <c>Pipelines</c> class carries each pipeline (see <see cref="GeneratedPipelineSet"/>).
/// No YAML is parsed at run time.
/// </summary>
internal static class GeneratedPipeline
{
    /// <summary>The descriptor of the pipeline whose model is <paramref name="modelJson"/>.</summary>
    /// <param name="modelJson">The model as the engine's JSON.</param>
    /// <param name="contentHash">The hash of the file's text.</param>
    /// <param name="exports">The repository's export options, or null when the build found errors in the pipeline (no exports then).</param>
    /// <exception cref="FormatException">The JSON is not a model (never for generated code).</exception>
    public static PipelineDescriptor Create(string modelJson, string contentHash, Lazy<ExportOptions>? exports)
    {
        var json = JsonText.Parse(modelJson, out var error, out var offset) ?? throw new FormatException($"Not a pipeline model: {error} at {offset}.");
        PipelineModel model;
        try
        {
            model = PipelineJson.FromJson(json);
        }
        catch (JsonShapeException ex)
        {
            throw new FormatException("Not a pipeline model: " + ex.Message, ex);
        }

        return PipelineDescriptor.From(model, contentHash, exports is null ? null : new PipelineExports(model, exports));
    }

    /// <summary>The model's JSON as <see cref="Create"/> reads it (the generator writes it so).</summary>
    public static string ToJson(PipelineModel model) => JsonText.WriteCompact(PipelineJson.ToJson(model ?? throw new ArgumentNullException(nameof(model))));

    internal static ScheduleDescriptor? Schedule(ScheduleModel? s)
    {
        if (s is null)
        {
            return null;
        }

        var expression = s.Kind == ScheduleKind.Cron ? s.Expression : null;
        var every = s.Kind == ScheduleKind.Interval ? s.Every : null;
        if (!ScheduleDefinition.TryCreate(expression, every, s.TimeZone, s.Start, out _, out _))
        {
            return null;
        }

        return new ScheduleDescriptor(
            expression,
            every,
            s.TimeZone,
            s.Start,
            s.Retry,
            s.Timeout,
            s.Concurrency,
            s.Catchup,
            s.Window is { } w ? new WindowDescriptor(w.Kind, w.Size, w.Offset, w.Field) : null);
    }

    internal static MetadataDescriptor? Metadata(MetadataModel? m)
        => m is null
            ? null
            : new MetadataDescriptor(
                m.Owner,
                m.Team,
                m.Sla,
                m.Criticality,
                m.Description,
                m.Tags.ToArray(),
                m.Tests.Select(t => new DataTestDescriptor(t.Type, ConfigValues.Map(new OmlMap(t.Settings)))).ToArray(),
                m.Upstream.ToArray(),
                m.Downstream.ToArray(),
                m.Notifications.ToArray());

    internal static StepDescriptor Step(StepModel step)
        => new(step.Id, step.Component, step.Mode is { } mode ? OmlModes.ToText(mode) : null, step.Needs.ToArray(), ConfigValues.Map(step.Config));
}
