using System;

namespace Osiris.Oml.Export;

/// <summary>The orchestrators a pipeline can be exported to.</summary>
public enum ExportFormat
{
    /// <summary>One DAG file for Apache Airflow 2.7+ and 3.x.</summary>
    Airflow,

    /// <summary>A Prefect 3 flow module and its <c>prefect.yaml</c> deployment.</summary>
    Prefect,

    /// <summary>A Dagster definitions module.</summary>
    Dagster,
}

/// <summary>Text forms of <see cref="ExportFormat"/> (the CLI's <c>--format airflow|prefect|dagster</c>).</summary>
public static class ExportFormats
{
    /// <summary>Reads <c>airflow</c>, <c>prefect</c> or <c>dagster</c> (any case).</summary>
    public static bool TryParse(string? text, out ExportFormat format)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "airflow":
                format = ExportFormat.Airflow;
                return true;
            case "prefect":
                format = ExportFormat.Prefect;
                return true;
            case "dagster":
                format = ExportFormat.Dagster;
                return true;
            default:
                format = default;
                return false;
        }
    }

    /// <summary>The lower-case name.</summary>
    public static string ToText(ExportFormat format) => format switch
    {
        ExportFormat.Airflow => "airflow",
        ExportFormat.Prefect => "prefect",
        ExportFormat.Dagster => "dagster",
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };
}
