using System.Collections.Generic;
using System.Linq;

namespace Osiris.Oml.Scheduling;

/// <summary>One engine to check a schedule with, and how messages name it.</summary>
/// <param name="Target">The calculator target.</param>
/// <param name="Name">The name in messages, for example "Prefect (Python ≤3.12)".</param>
/// <param name="Orchestrator">The orchestrator it belongs to.</param>
public sealed record TargetVariant(ScheduleTarget Target, string Name, Orchestrators Orchestrator);

/// <summary>
/// The engines a repository's settings call for: each declared orchestrator, and where its
/// behaviour depends on an undeclared version, every version that behaves differently.
/// </summary>
public static class TargetSet
{
    /// <summary>The variants to check, in a fixed order (Airflow, Prefect, Dagster).</summary>
    public static IReadOnlyList<TargetVariant> For(ScheduleSettings settings)
    {
        var result = new List<TargetVariant>();
        if ((settings.Targets & Orchestrators.Airflow) != 0)
        {
            result.Add(new TargetVariant(ScheduleTarget.Airflow, "Airflow", Orchestrators.Airflow));
        }

        if ((settings.Targets & Orchestrators.Prefect) != 0)
        {
            switch (settings.PrefectPython)
            {
                case PrefectPython.Python312OrOlder:
                    result.Add(new TargetVariant(ScheduleTarget.PrefectPython312, "Prefect", Orchestrators.Prefect));
                    break;
                case PrefectPython.Python313OrNewer:
                    result.Add(new TargetVariant(ScheduleTarget.PrefectPython313, "Prefect", Orchestrators.Prefect));
                    break;
                default:
                    result.Add(new TargetVariant(ScheduleTarget.PrefectPython312, "Prefect on Python ≤3.12", Orchestrators.Prefect));
                    result.Add(new TargetVariant(ScheduleTarget.PrefectPython313, "Prefect on Python ≥3.13", Orchestrators.Prefect));
                    break;
            }
        }

        if ((settings.Targets & Orchestrators.Dagster) != 0)
        {
            result.Add(settings.DagsterVersion == DagsterVersion.Current
                ? new TargetVariant(ScheduleTarget.DagsterFixed, "Dagster", Orchestrators.Dagster)
                : new TargetVariant(ScheduleTarget.Dagster, "Dagster", Orchestrators.Dagster));
        }

        return result;
    }

    /// <summary>"A", "A and B", "A, B and C"; both Prefect variants together read "Prefect".</summary>
    public static string JoinNames(IEnumerable<string> names)
    {
        var list = names.ToList();
        var old = list.IndexOf("Prefect on Python ≤3.12");
        if (old >= 0 && list.Remove("Prefect on Python ≥3.13"))
        {
            list[old] = "Prefect";
        }

        return list.Count switch
        {
            0 => string.Empty,
            1 => list[0],
            _ => string.Join(", ", list.Take(list.Count - 1)) + " and " + list[list.Count - 1],
        };
    }
}
