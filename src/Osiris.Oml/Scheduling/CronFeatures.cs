using System;

namespace Osiris.Oml.Scheduling;

/// <summary>
/// Syntax an expression uses that some scheduler reads differently or rejects. Diagnostics decide
/// per export target what to say; <see cref="CronExpression.FeatureUses"/> says where each one is.
/// </summary>
[Flags]
public enum CronFeatures
{
    /// <summary>Nothing beyond plain numbers, lists, ranges, steps and <c>*</c>.</summary>
    None = 0,

    /// <summary><c>L</c> in day-of-month: the last day of the month (every target).</summary>
    LastDayOfMonth = 1 << 0,

    /// <summary>croniter's <c>L5</c> in day-of-week: the last Friday of the month (Cronos writes <c>5L</c>).</summary>
    LastWeekdayOfMonth = 1 << 1,

    /// <summary><c>1#2</c> in day-of-week: the second Monday of the month.</summary>
    NthWeekdayOfMonth = 1 << 2,

    /// <summary><c>?</c>, which croniter reads as <c>*</c> (croniter 1.3.5, Airflow 2.2-era, rejects it).</summary>
    QuestionMark = 1 << 3,

    /// <summary><c>15W</c> or <c>LW</c> (nearest weekday): Cronos only; croniter rejects it.</summary>
    NearestWeekday = 1 << 4,

    /// <summary><c>L-3</c> (three days before the last day): Cronos only; croniter rejects it.</summary>
    LastDayOffset = 1 << 5,

    /// <summary>Cronos' <c>5L</c> (last Friday): croniter rejects it and writes <c>L5</c>.</summary>
    CronosLastWeekday = 1 << 6,

    /// <summary>A range that wraps around, such as <c>22-2</c> or <c>SAT-SUN</c> (croniter 6.x; croniter 1.x/2.x reject it).</summary>
    WrapAroundRange = 1 << 7,

    /// <summary>
    /// A range whose ends are equal, such as <c>5-5</c>: croniter reads it as the WHOLE cycle
    /// (every minute), Cronos as the single value.
    /// </summary>
    WholeCycleRange = 1 << 8,

    /// <summary>A step that does not divide its cycle (<c>*/7</c>, <c>*/25</c>): the gap shrinks at each hour/day boundary.</summary>
    UnevenStep = 1 << 9,

    /// <summary>A step larger than its range (<c>*/90</c> means minute 0 only, that is hourly); Cronos and croner reject it.</summary>
    StepLargerThanRange = 1 << 10,

    /// <summary><c>7</c> for Sunday in day-of-week (only with 5 fields; croniter rejects it with 6 or 7).</summary>
    SundayAsSeven = 1 << 11,

    /// <summary>Month or weekday names such as <c>JAN</c> or <c>MON-FRI</c>.</summary>
    Names = 1 << 12,
}
