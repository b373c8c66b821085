using Osiris.Oml.Scheduling;

namespace Osiris.Cli.Schedules;

/// <summary>The --target names and the repository's default target.</summary>
internal static class Targets
{
    public static readonly string[] Names = { "airflow", "prefect", "prefect-py313", "dagster", "dagster-fixed", "native" };

    public static ScheduleTarget Parse(string name) => name switch
    {
        "airflow" => ScheduleTarget.Airflow,
        "prefect" => ScheduleTarget.PrefectPython312,
        "prefect-py313" => ScheduleTarget.PrefectPython313,
        "dagster" => ScheduleTarget.Dagster,
        "dagster-fixed" => ScheduleTarget.DagsterFixed,
        "native" => ScheduleTarget.Native,
        _ => throw new CliUsageException($"unknown target '{name}'; use one of {string.Join(", ", Names)}"),
    };

    public static string NameOf(ScheduleTarget target) => target switch
    {
        ScheduleTarget.Airflow => "airflow",
        ScheduleTarget.PrefectPython312 => "prefect",
        ScheduleTarget.PrefectPython313 => "prefect-py313",
        ScheduleTarget.Dagster => "dagster",
        ScheduleTarget.DagsterFixed => "dagster-fixed",
        _ => "native",
    };

    /// <summary>
    /// The first of the repository's targets (osiris_targets, in the order Airflow, Prefect, Dagster),
    /// with osiris_prefect_python and osiris_dagster_version choosing the variant; native without targets.
    /// </summary>
    public static ScheduleTarget Default(ScheduleSettings settings)
    {
        var variants = TargetSet.For(settings);
        return variants.Count == 0 ? ScheduleTarget.Native : variants[0].Target;
    }

    /// <summary>"Airflow", "Prefect 3 on Python ≤ 3.12", ...</summary>
    public static string Describe(ScheduleTarget target) => ScheduleCalculator.GetBehavior(target).Name;
}
