using System;
using System.Collections.Generic;
using System.Threading;
using Osiris.Oml.Export;
using Osiris.Oml.Model;

namespace Osiris.Oml.Descriptors;

/// <summary>
/// A pipeline's Airflow, Prefect and Dagster files, exactly as <c>osiris schedule export</c> writes them
/// for the same repository settings.
/// </summary>
/// <remarks>
/// The generated code carries the pipeline's model, the repository's export settings and the specs of
/// its custom components, and the packaged exporters run on first use (once per target): three files
/// of about 10 KB per pipeline as string constants would pass the 16 MB limit of a .NET assembly's
/// string heap at a few hundred pipelines and slow every build. The exporters are pure functions, so
/// the text is the same as at build time. Thread-safe.
/// </remarks>
public sealed class PipelineExports
{
    private readonly PipelineModel _model;
    private readonly Lazy<ExportOptions> _options;
    private readonly ExportResult?[] _results = new ExportResult?[3];

    /// <summary>Creates the exports of a pipeline.</summary>
    /// <param name="model">The pipeline (valid: the exporters do not validate); its SourcePath is what the files' headers name.</param>
    /// <param name="settings">The repository's <c>osiris_*</c> export settings.</param>
    /// <param name="componentSpecs">Path and text of the project's component specs (their secret fields are never written).</param>
    public PipelineExports(PipelineModel model, IReadOnlyList<KeyValuePair<string, string>>? settings = null, IReadOnlyList<KeyValuePair<string, string>>? componentSpecs = null)
    {
        _model = model ?? throw new ArgumentNullException(nameof(model));
        _options = Options(settings, componentSpecs);
    }

    // The generated Pipelines class: every pipeline shares one set of options, so the specs are read once.
    internal PipelineExports(PipelineModel model, Lazy<ExportOptions> options)
    {
        _model = model;
        _options = options;
    }

    /// <summary>The Airflow DAG file (Airflow 2.7+ and 3.x).</summary>
    public string Airflow => Get(ExportFormat.Airflow).Files[0].Content;

    /// <summary>The Prefect 3 flow module.</summary>
    public string Prefect => Get(ExportFormat.Prefect).Files[0].Content;

    /// <summary>The Prefect deployment, <c>prefect.yaml</c>.</summary>
    public string PrefectDeployment => Get(ExportFormat.Prefect).Files[1].Content;

    /// <summary>The Dagster definitions module.</summary>
    public string Dagster => Get(ExportFormat.Dagster).Files[0].Content;

    /// <summary>Creates a settings entry (keeps generated code short).</summary>
    public static KeyValuePair<string, string> Setting(string key, string value) => new(key, value);

    /// <summary>Every file of one target with its suggested name, what the target cannot express and what was redacted.</summary>
    public ExportResult Get(ExportFormat format)
    {
        var index = (int)format;
        if (index < 0 || index >= _results.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(format));
        }

        if (Volatile.Read(ref _results[index]) is { } known)
        {
            return known;
        }

        var result = PipelineExporter.Export(_model, format, _options.Value);
        return Interlocked.CompareExchange(ref _results[index], result, null) ?? result;
    }

    /// <summary>The export options of the repository's settings and component specs, built on first use.</summary>
    internal static Lazy<ExportOptions> Options(IReadOnlyList<KeyValuePair<string, string>>? settings, IReadOnlyList<KeyValuePair<string, string>>? componentSpecs)
        => new(() => ExportOptions.From(SourceExport.AnalysisOptions(
            settings ?? Array.Empty<KeyValuePair<string, string>>(),
            componentSpecs ?? Array.Empty<KeyValuePair<string, string>>())));
}
