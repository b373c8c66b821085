using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;

namespace Osiris.Cli.Schedules;

/// <summary>The tool reads a pipeline's schedule through the engine's <see cref="ScheduleDefinition"/>; no schedule math here.</summary>
internal static class PipelineSchedules
{
    /// <summary>The schedule of <paramref name="model"/>, or null with the reason.</summary>
    public static ScheduleDefinition? From(ScheduleModel model, out string? error)
    {
        var expression = model.Kind == ScheduleKind.Cron ? model.Expression : null;
        var every = model.Kind == ScheduleKind.Interval ? model.Every : null;
        if (expression is null && every is null)
        {
            error = model.Kind == ScheduleKind.Cron ? "the schedule has no valid cron expression" : "the schedule has no valid interval";
            return null;
        }

        if (!ScheduleDefinition.TryCreate(expression, every, model.TimeZone, model.Start, out var schedule, out error))
        {
            return null;
        }

        return schedule!
            .WithWindow(model.Window is { } w ? new WindowDefinition(w.Kind, w.Size, w.Offset) : null)
            .WithRetry(model.Retry);
    }

    /// <summary>"cron \"0 2 * * *\"" or "every 15m".</summary>
    public static string Describe(ScheduleDefinition schedule)
        => schedule.Expression is { } cron ? $"cron \"{cron}\"" : $"every {schedule.Every}";
}
