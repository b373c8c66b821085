namespace Osiris.Oml.Scheduling;

/// <summary>What a target does with a fire time that falls in a repeated hour (clocks set back).</summary>
public enum FoldBehavior
{
    /// <summary>Runs once, in the first pass (daylight time).</summary>
    FirstOccurrence,

    /// <summary>Runs once, in the second pass (standard time).</summary>
    SecondOccurrence,

    /// <summary>Runs in both passes.</summary>
    BothOccurrences,

    /// <summary>
    /// Dagster's fast paths (numeric minute and hour): the second pass when the hour is 1, 2 or 3,
    /// otherwise the first pass (midnight and 23:xx folds in Havana, Santiago, Beirut).
    /// </summary>
    SecondOccurrenceInHours1To3,
}
