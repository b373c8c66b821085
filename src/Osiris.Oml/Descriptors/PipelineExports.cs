using System;
using System.Collections.Generic;
using System.Threading;
using Osiris.Oml.Export;

namespace Osiris.Oml.Descriptors;

/// <summary>
/// A pipeline's Airflow, Prefect and Dagster files, exactly as <c>osiris schedule export</c> writes them
/// for the same repository settings.
/// </summary>
/// <remarks>
/// The generated code carries the pipeline's text, the repository's export settings and the specs of
/// its custom components, and the packaged engine exports on first use (once per target): three files
/// of about 10 KB per pipeline as string constants would pass the 16 MB limit of a .NET assembly's
/// string heap at a few hundred pipelines and slow every build. Thread-safe.
/// </remarks>
public sealed class PipelineExports
{
    private readonly string _sourcePath;
    private readonly string _text;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _settings;
    private readonly IReadOnlyList<KeyValuePair<string, string>> _componentSpecs;
    private readonly ExportResult?[] _results = new ExportResult?[3];

    /// <summary>Creates the exports of a pipeline (the generated code does).</summary>
    /// <param name="sourcePath">The project-relative path the files' headers name.</param>
    /// <param name="text">The pipeline's <c>.oml</c> text.</param>
    /// <param name="settings">The repository's <c>osiris_*</c> export settings.</param>
    /// <param name="componentSpecs">Path and text of the project's component specs the pipeline uses.</param>
    public PipelineExports(string sourcePath, string text, IReadOnlyList<KeyValuePair<string, string>> settings, IReadOnlyList<KeyValuePair<string, string>> componentSpecs)
    {
        _sourcePath = sourcePath ?? throw new ArgumentNullException(nameof(sourcePath));
        _text = text ?? throw new ArgumentNullException(nameof(text));
        _settings = settings ?? Array.Empty<KeyValuePair<string, string>>();
        _componentSpecs = componentSpecs ?? Array.Empty<KeyValuePair<string, string>>();
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

        var result = SourceExport.Export(_sourcePath, _text, format, _settings, _componentSpecs);
        return Interlocked.CompareExchange(ref _results[index], result, null) ?? result;
    }
}
