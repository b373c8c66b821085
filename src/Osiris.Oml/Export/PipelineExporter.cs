using System;
using Osiris.Oml.Collections;
using Osiris.Oml.Export.Airflow;
using Osiris.Oml.Export.Dagster;
using Osiris.Oml.Export.Prefect;
using Osiris.Oml.Model;

namespace Osiris.Oml.Export;

/// <summary>
/// Turns a pipeline into the files an orchestrator runs: pure functions of the model and the options
/// (no file IO, no clock, no culture), with byte-identical output for equal inputs, so the source
/// generator can embed them as constants and golden files stay stable.
/// </summary>
/// <remarks>
/// Each file starts with a header naming the source and <see cref="ExportOptions.ToolVersion"/>, the
/// semantics its schedule and retries follow, and what the target cannot express; it ends with the
/// embedded block (<c># osiris:oml-begin</c> ... <c># osiris:oml-end</c>) that carries the whole pipeline
/// as JSON for <see cref="Import.PipelineImporter"/>. No secret value is ever written: see <see cref="Redaction"/>.
/// The exporter does not validate: export only pipelines the engine reports no errors for.
/// </remarks>
public static class PipelineExporter
{
    /// <summary>Exports <paramref name="pipeline"/> to <paramref name="format"/>.</summary>
    /// <param name="pipeline">The model, as the engine built it (<see cref="OmlFileAnalysis.Pipeline"/>).</param>
    /// <param name="format">The orchestrator.</param>
    /// <param name="options">Tool version, commands and settings; <see cref="ExportOptions.Default"/> when null.</param>
    /// <returns>The files with their suggested relative names: <c>&lt;name&gt;.py</c> for Airflow and Dagster, <c>&lt;name&gt;.py</c> and <c>prefect.yaml</c> for Prefect.</returns>
    /// <exception cref="ArgumentException">A command of <paramref name="options"/> names an unknown placeholder.</exception>
    public static ExportResult Export(PipelineModel pipeline, ExportFormat format, ExportOptions? options = null)
    {
        if (pipeline is null)
        {
            throw new ArgumentNullException(nameof(pipeline));
        }

        var ctx = new ExportContext(pipeline, format, options ?? ExportOptions.Default);
        return format switch
        {
            ExportFormat.Airflow => AirflowExporter.Export(ctx),
            ExportFormat.Prefect => PrefectExporter.Export(ctx),
            ExportFormat.Dagster => DagsterExporter.Export(ctx),
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    internal static ExportResult Result(ExportContext ctx, params ExportedFile[] files)
        => new(ctx.Format, files.ToEquatableArray(), ctx.Unsupported.ToEquatableArray(), ctx.Redactions.ToEquatableArray());
}
