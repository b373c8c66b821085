using System;
using System.Collections.Immutable;
using NodaTime;
using Osiris.Oml.Time;

namespace Osiris.Oml.Scheduling;

/// <summary>
/// Fire times of a cron schedule in a time zone, as a given scheduler would compute them
/// (SCHEDULE-SEMANTICS.md §1-§3, checked against the cron-dev oracle). Pure functions of their
/// arguments; zones come from NodaTime, never from <c>TimeZoneInfo</c>.
/// </summary>
public static class ScheduleCalculator
{
    /// <summary>The largest <c>count</c> accepted by <see cref="GetFireTimes"/>.</summary>
    public const int MaxCount = 100_000;

    // Python's datetime (and so every emulated scheduler) ends in year 9999; keep a margin below it.
    private static readonly Instant EarliestStart = Instant.FromUtc(1, 1, 2, 0, 0);
    private static readonly Instant LatestStart = Instant.FromUtc(9000, 1, 1, 0, 0);

    /// <summary>The TZDB release the zones come from (NodaTime's embedded data, e.g. <c>2026f</c>).</summary>
    public static string TimeZoneDataVersion => TimeZones.TzdbVersion;

    /// <summary>
    /// The first <paramref name="count"/> fire instants strictly after <paramref name="after"/>
    /// under <paramref name="target"/>'s semantics, or the target's refusal.
    /// </summary>
    /// <param name="cron">The expression.</param>
    /// <param name="zone">The schedule's zone (resolve names with <c>DateTimeZoneProviders.Tzdb</c>).</param>
    /// <param name="after">Fire times must be later than this; sub-second parts are ignored (fires fall on whole seconds). Years 1 to 8999.</param>
    /// <param name="count">How many fire times to compute, 0 to <see cref="MaxCount"/>.</param>
    /// <param name="target">Whose semantics to apply.</param>
    /// <param name="dayOr">
    /// Combine restricted day-of-month and day-of-week with OR (croniter's default). False asks for
    /// AND: Prefect honours it (<c>day_or=False</c>); Airflow and Dagster cannot and refuse the
    /// expression when both day fields are restricted. <see cref="ScheduleTarget.Native"/> ignores it
    /// and always ANDs, as Cronos does.
    /// </param>
    /// <returns>
    /// Ascending instants (Dagster's in the order it yields them); fewer than asked when the schedule
    /// ends. Prefect on Python ≤ 3.12 is the one exception to "strictly after": like its
    /// <c>get_dates</c>, it can return a gap time moved back to before <paramref name="after"/>.
    /// </returns>
    public static ScheduleFireTimes GetFireTimes(CronExpression cron, DateTimeZone zone, Instant after, int count, ScheduleTarget target, bool dayOr = true)
    {
        if (cron is null)
        {
            throw new ArgumentNullException(nameof(cron));
        }

        if (zone is null)
        {
            throw new ArgumentNullException(nameof(zone));
        }

        if (count < 0 || count > MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"count must be between 0 and {MaxCount}.");
        }

        if (after < EarliestStart || after >= LatestStart)
        {
            throw new ArgumentOutOfRangeException(nameof(after), after, "after must fall in the years 1 to 8999.");
        }

        if (CheckSupport(cron, target, dayOr) is { } rejection)
        {
            return ScheduleFireTimes.Rejected(rejection);
        }

        if (count == 0)
        {
            return new ScheduleFireTimes(target, ImmutableArray<Instant>.Empty, null, false);
        }

        var start = after.ToUnixTimeSeconds();
        var pyZone = new PythonZone(zone);
        return target switch
        {
            ScheduleTarget.Airflow => AirflowEngine.Run(cron, pyZone, start, count),
            ScheduleTarget.PrefectPython312 => PrefectEngine.Run(cron, pyZone, start, count, python313: false, dayOr),
            ScheduleTarget.PrefectPython313 => PrefectEngine.Run(cron, pyZone, start, count, python313: true, dayOr),
            ScheduleTarget.Dagster or ScheduleTarget.DagsterFixed => DagsterEngine.Run(cron, pyZone, start, count, target),
            ScheduleTarget.Native => NativeEngine.Run(cron, pyZone, start, count),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Unknown schedule target."),
        };
    }

    /// <summary>
    /// Whether <paramref name="target"/> accepts the expression at all (syntax, layout, presets,
    /// day combination), without computing fire times. Null when it does. An expression that is
    /// accepted may still never fire: see <see cref="CronExpression.NeverFires"/>.
    /// </summary>
    public static ScheduleRejection? CheckSupport(CronExpression cron, ScheduleTarget target, bool dayOr = true)
        => CheckSupport(cron, target, dayOr, targetName: null);

    /// <summary>
    /// <see cref="CheckSupport(CronExpression, ScheduleTarget, bool)"/>, with messages that name the target
    /// <paramref name="targetName"/> (for example "Prefect" for both Prefect variants) instead of its
    /// <see cref="ScheduleTargetBehavior.Name"/>.
    /// </summary>
    internal static ScheduleRejection? CheckSupport(CronExpression cron, ScheduleTarget target, bool dayOr, string? targetName)
    {
        if (cron is null)
        {
            throw new ArgumentNullException(nameof(cron));
        }

        if (target == ScheduleTarget.Native)
        {
            return CheckNative(cron, target);
        }

        if (cron.CroniterIncompatibility is { } incompatible)
        {
            return new ScheduleRejection(target, ScheduleRejectionReason.UnsupportedSyntax, incompatible.Message, incompatible.Span);
        }

        if (cron.PresetName == "@quarterly" && (target != ScheduleTarget.Airflow || cron.Text != "@quarterly"))
        {
            var message = target == ScheduleTarget.Airflow
                ? "Airflow recognises '@quarterly' only in lower case (croniter does not know it); write '@quarterly' or '0 0 1 */3 *'."
                : $"{targetName ?? GetBehavior(target).Name} passes '@quarterly' to croniter, which does not know it; write '0 0 1 */3 *'.";
            return new ScheduleRejection(target, ScheduleRejectionReason.UnsupportedPreset, message, new CronSpan(0, cron.Text.Length));
        }

        var isDagster = target is ScheduleTarget.Dagster or ScheduleTarget.DagsterFixed;
        if (isDagster && cron.FieldCount != 5)
        {
            var span = cron.GetField(CronField.Second)?.Span ?? new CronSpan(0, cron.Text.Length);
            return new ScheduleRejection(
                target,
                ScheduleRejectionReason.UnsupportedLayout,
                $"Dagster accepts only 5-field cron strings; remove the {(cron.FieldCount == 6 ? "sixth field (croniter's seconds)" : "second and year fields")}.",
                cron.FieldCount == 7 ? CronSpan.Cover(span, cron.GetField(CronField.Year)?.Span) : span);
        }

        if (isDagster && IsFebruary30Or31(cron))
        {
            return new ScheduleRejection(
                target,
                ScheduleRejectionReason.ImpossibleDate,
                "Dagster rejects February 30 and 31 when the schedule is defined; pick a day that exists, such as 'L' for the last day.",
                cron.GetField(CronField.DayOfMonth)?.Span);
        }

        if (!dayOr && cron.DayOfMonthAndDayOfWeekRestricted && target is ScheduleTarget.Airflow or ScheduleTarget.Dagster or ScheduleTarget.DagsterFixed)
        {
            return new ScheduleRejection(
                target,
                ScheduleRejectionReason.DayAndUnsupported,
                $"{targetName ?? GetBehavior(target).Name} always fires when EITHER day-of-month or day-of-week matches (no day_or switch); to require both, restrict one field and filter the other inside the job, or export to Prefect with day_or=False.",
                CronSpan.Cover(cron.GetField(CronField.DayOfMonth)?.Span, cron.GetField(CronField.DayOfWeek)?.Span));
        }

        return null;
    }

    /// <summary>How <paramref name="target"/> treats DST gaps, repeated hours and the day fields.</summary>
    public static ScheduleTargetBehavior GetBehavior(ScheduleTarget target)
        => target switch
        {
            ScheduleTarget.Native => new(
                target,
                "Cronos (native)",
                new DstHandling(GapBehavior.MovedToGapEnd, FoldBehavior.FirstOccurrence),
                new DstHandling(GapBehavior.MovedToGapEnd, FoldBehavior.BothOccurrences),
                new DstHandling(GapBehavior.MovedToGapEnd, FoldBehavior.BothOccurrences),
                DaysCombinedWithOr: false,
                CanCombineDaysWithAnd: true,
                AcceptsSecondsFields: false,
                "Day-of-month AND day-of-week. A gap time fires at the end of the gap, so '30 * * * *' fires at 03:00 and 03:30 after a 02:00-03:00 gap. Minute lists in fixed hours without '*', ranges or steps ('0,30 2 * * *') fire in the first pass of a repeated hour only."),
            ScheduleTarget.Airflow => new(
                target,
                "Airflow",
                new DstHandling(GapBehavior.ShiftedForward, FoldBehavior.SecondOccurrence),
                new DstHandling(GapBehavior.Skipped, FoldBehavior.BothOccurrences),
                new DstHandling(GapBehavior.ShiftedForward, FoldBehavior.SecondOccurrence),
                DaysCombinedWithOr: true,
                CanCombineDaysWithAnd: false,
                AcceptsSecondsFields: true,
                "Each fire is computed from the previous one, so after a gap time moves forward (02:00 → 03:00) the later slots inside the gap hour (02:30) are lost. With the hour field '*', fires are spaced by elapsed time."),
            ScheduleTarget.PrefectPython312 => new(
                target,
                "Prefect 3 on Python ≤ 3.12",
                new DstHandling(GapBehavior.ShiftedBackward, FoldBehavior.FirstOccurrence),
                new DstHandling(GapBehavior.Skipped, FoldBehavior.FirstOccurrence),
                new DstHandling(GapBehavior.ShiftedBackward, FoldBehavior.FirstOccurrence),
                DaysCombinedWithOr: true,
                CanCombineDaysWithAnd: true,
                AcceptsSecondsFields: true,
                "A gap time runs one gap-length EARLIER (02:30 → 01:30 standard time); in zones that change at midnight this is 23:00 on the previous date. An hourly job pauses two hours across a repeated hour. get_dates may return instants before its start."),
            ScheduleTarget.PrefectPython313 => new(
                target,
                "Prefect 3 on Python ≥ 3.13",
                new DstHandling(GapBehavior.ShiftedForward, FoldBehavior.FirstOccurrence),
                new DstHandling(GapBehavior.Skipped, FoldBehavior.FirstOccurrence),
                new DstHandling(GapBehavior.ShiftedForward, FoldBehavior.FirstOccurrence),
                DaysCombinedWithOr: true,
                CanCombineDaysWithAnd: true,
                AcceptsSecondsFields: true,
                "An hourly job pauses two hours across a repeated hour (it runs the repeated hour once)."),
            ScheduleTarget.Dagster => new(
                target,
                "Dagster ≤ 1.12",
                new DstHandling(GapBehavior.MovedToGapEnd, FoldBehavior.SecondOccurrenceInHours1To3),
                new DstHandling(GapBehavior.Skipped, FoldBehavior.BothOccurrences),
                new DstHandling(GapBehavior.MovedToGapEnd, FoldBehavior.SecondOccurrence),
                DaysCombinedWithOr: true,
                CanCombineDaysWithAnd: false,
                AcceptsSecondsFields: false,
                "Fixed times with a day-of-week range or list, or a day of month above 28, take the croniter path and run a repeated time in its second pass at any hour. Hourly patterns in zones with a :30 or :45 offset fire at the wrong minute (issue #33448)."),
            ScheduleTarget.DagsterFixed => new(
                target,
                "Dagster ≥ 1.12.x with PR #33474",
                new DstHandling(GapBehavior.MovedToGapEnd, FoldBehavior.SecondOccurrenceInHours1To3),
                new DstHandling(GapBehavior.Skipped, FoldBehavior.BothOccurrences),
                new DstHandling(GapBehavior.MovedToGapEnd, FoldBehavior.SecondOccurrence),
                DaysCombinedWithOr: true,
                CanCombineDaysWithAnd: false,
                AcceptsSecondsFields: false,
                "Fixed times with a day-of-week range or list, or a day of month above 28, take the croniter path and run a repeated time in its second pass at any hour."),
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, "Unknown schedule target."),
        };

    internal static ScheduleFireTimes Completed(ScheduleTarget target, FireTimeBuffer buffer)
        => new(target, buffer.ToInstants(), null, false);

    /// <summary>The target found no further match: a refusal when nothing was found (croniter raises).</summary>
    internal static ScheduleFireTimes Stopped(ScheduleTarget target, FireTimeBuffer buffer, bool acceptEmpty = false)
    {
        if (buffer.Count == 0 && !acceptEmpty)
        {
            return ScheduleFireTimes.Rejected(new ScheduleRejection(
                target,
                ScheduleRejectionReason.NeverFires,
                $"{GetBehavior(target).Name} accepts the expression but croniter finds no fire time within 50 years (CroniterBadDateError); check the day and month fields.",
                null));
        }

        return new ScheduleFireTimes(target, buffer.ToInstants(), null, true);
    }

    internal static ScheduleFireTimes Failure(ScheduleTarget target, string message)
        => ScheduleFireTimes.Rejected(new ScheduleRejection(target, ScheduleRejectionReason.TargetFailure, message, null));

    private static ScheduleRejection? CheckNative(CronExpression cron, ScheduleTarget target)
    {
        if (cron.FieldCount != 5)
        {
            return new ScheduleRejection(
                target,
                ScheduleRejectionReason.UnsupportedLayout,
                "The native preview reads 5 fields only: croniter reads a sixth field as the second at the END, Cronos at the START, so the same text means different times.",
                cron.GetField(CronField.Second)?.Span ?? new CronSpan(0, cron.Text.Length));
        }

        if (cron.GetCronos(out var error) is null)
        {
            string hint;
            CronSpan? span = null;
            if ((cron.Features & CronFeatures.LastWeekdayOfMonth) != 0)
            {
                hint = "Cronos writes the last Friday of the month as '5L', not croniter's 'L5'.";
                span = First(cron, CronFeatures.LastWeekdayOfMonth);
            }
            else if ((cron.Features & CronFeatures.StepLargerThanRange) != 0)
            {
                hint = "Cronos rejects a step larger than its range ('*/90'); croniter reads it as the first value only.";
                span = First(cron, CronFeatures.StepLargerThanRange);
            }
            else if (cron.PresetName == "@quarterly")
            {
                hint = "Cronos has no '@quarterly'; write '0 0 1 */3 *'.";
            }
            else
            {
                hint = "Cronos rejects this croniter syntax.";
            }

            return new ScheduleRejection(target, ScheduleRejectionReason.UnsupportedSyntax, $"{hint} ({error})", span ?? new CronSpan(0, cron.Text.Length));
        }

        return null;
    }

    private static bool IsFebruary30Or31(CronExpression cron)
    {
        var fields = cron.FieldSets;
        return fields.Month.IsSingleNumber && fields.Month.Values[0] == 2
            && fields.DayOfMonth.IsSingleNumber && fields.DayOfMonth.Values[0] >= 30;
    }

    private static CronSpan? First(CronExpression cron, CronFeatures feature)
    {
        foreach (var use in cron.FeatureUses)
        {
            if (use.Feature == feature)
            {
                return use.Span;
            }
        }

        return null;
    }
}
