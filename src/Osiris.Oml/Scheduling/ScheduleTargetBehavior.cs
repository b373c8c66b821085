namespace Osiris.Oml.Scheduling;

/// <summary>
/// What a target does at DST changes and with the two day fields, as data, so diagnostics can say
/// "what each export target does instead". Expressions fall in three groups:
/// <list type="bullet">
/// <item><see cref="FixedTime"/>: one minute and one hour (<c>30 2 * * *</c>);</item>
/// <item><see cref="EveryHour"/>: the hour field is <c>*</c> (<c>0 * * * *</c>, <c>*/15 * * * *</c>);</item>
/// <item><see cref="OtherTimes"/>: hour lists, ranges or steps, or several minutes in fixed hours
/// (<c>30 0-3 * * *</c>, <c>*/30 1 * * *</c>).</item>
/// </list>
/// </summary>
/// <param name="Target">The target described.</param>
/// <param name="Name">A short display name ("Prefect 3 on Python ≤ 3.12").</param>
/// <param name="FixedTime">DST handling of fixed-time expressions.</param>
/// <param name="EveryHour">DST handling of expressions whose hour field is <c>*</c>.</param>
/// <param name="OtherTimes">DST handling of the other expressions.</param>
/// <param name="DaysCombinedWithOr">Whether restricted day-of-month and day-of-week are combined with OR by default.</param>
/// <param name="CanCombineDaysWithAnd">Whether the target can be told to AND them (Prefect's <c>day_or=False</c>; Cronos always does).</param>
/// <param name="AcceptsSecondsFields">Whether 6- and 7-field expressions are accepted (croniter layout: seconds last).</param>
/// <param name="Notes">The exceptions that the enum values cannot say.</param>
public sealed record ScheduleTargetBehavior(
    ScheduleTarget Target,
    string Name,
    DstHandling FixedTime,
    DstHandling EveryHour,
    DstHandling OtherTimes,
    bool DaysCombinedWithOr,
    bool CanCombineDaysWithAnd,
    bool AcceptsSecondsFields,
    string Notes);
