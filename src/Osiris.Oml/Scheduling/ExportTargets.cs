using System;

namespace Osiris.Oml.Scheduling;

/// <summary>The orchestrators a repository exports its pipelines to.</summary>
[Flags]
public enum Orchestrators
{
    /// <summary>None declared.</summary>
    None = 0,

    /// <summary>Apache Airflow 2.7+ / 3.x.</summary>
    Airflow = 1,

    /// <summary>Prefect 3.</summary>
    Prefect = 2,

    /// <summary>Dagster.</summary>
    Dagster = 4,

    /// <summary>All three (the default: a pipeline may be exported anywhere).</summary>
    All = Airflow | Prefect | Dagster,
}

/// <summary>Which Python the Prefect server runs: it decides where Prefect moves a run that DST skips.</summary>
public enum PrefectPython
{
    /// <summary>Not declared: both behaviours are possible.</summary>
    Unknown,

    /// <summary>Python 3.12 or older (pendulum): a skipped time moves back, before the gap.</summary>
    Python312OrOlder,

    /// <summary>Python 3.13 or newer (whenever): a skipped time moves forward.</summary>
    Python313OrNewer,
}

/// <summary>Which Dagster: 1.12 and older mis-place hourly runs in zones with a :30 or :45 offset.</summary>
public enum DagsterVersion
{
    /// <summary>Not declared: the old behaviour is possible.</summary>
    Unknown,

    /// <summary>Dagster 1.12.x or older.</summary>
    Legacy,

    /// <summary>A Dagster with PR #33474 (correct minutes in offset zones).</summary>
    Current,
}

/// <summary>Parsing of the repository settings (<c>osiris_targets = airflow, dagster</c>).</summary>
public static class ExportTargets
{
    /// <summary>Reads a comma- or semicolon-separated list of orchestrator names; null when a name is unknown.</summary>
    public static Orchestrators? ParseOrchestrators(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Orchestrators.All;
        }

        var result = Orchestrators.None;
        foreach (var part in text!.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries))
        {
            switch (part.Trim().ToLowerInvariant())
            {
                case "airflow":
                    result |= Orchestrators.Airflow;
                    break;
                case "prefect":
                    result |= Orchestrators.Prefect;
                    break;
                case "dagster":
                    result |= Orchestrators.Dagster;
                    break;
                case "all":
                    result |= Orchestrators.All;
                    break;
                case "none":
                    break;
                default:
                    return null;
            }
        }

        return result;
    }

    /// <summary>Reads <c>3.12</c>, <c>3.11</c>, <c>3.13</c>, <c>3.14</c> or <c>unknown</c>.</summary>
    public static PrefectPython? ParsePrefectPython(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || string.Equals(text!.Trim(), "unknown", StringComparison.OrdinalIgnoreCase))
        {
            return PrefectPython.Unknown;
        }

        var parts = text.Trim().Split('.');
        if (parts.Length >= 2 && parts[0] == "3" && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minor))
        {
            return minor <= 12 ? PrefectPython.Python312OrOlder : PrefectPython.Python313OrNewer;
        }

        return null;
    }

    /// <summary>Reads a Dagster version such as <c>1.12.3</c> or <c>1.13</c>, or <c>unknown</c>.</summary>
    public static DagsterVersion? ParseDagsterVersion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || string.Equals(text!.Trim(), "unknown", StringComparison.OrdinalIgnoreCase))
        {
            return DagsterVersion.Unknown;
        }

        var parts = text.Trim().Split('.');
        if (parts.Length >= 2
            && int.TryParse(parts[0], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var major)
            && int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var minor))
        {
            return major > 1 || (major == 1 && minor >= 13) ? DagsterVersion.Current : DagsterVersion.Legacy;
        }

        return null;
    }
}
