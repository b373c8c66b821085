namespace Osiris.Oml.Scheduling;

/// <summary>What a target does with a fire time that falls in a DST gap (a local time that does not exist).</summary>
public enum GapBehavior
{
    /// <summary>Moved forward by the gap's length: 02:30 → 03:30 (1-hour gap), 02:15 → 02:45 in Lord Howe's 30-minute gap.</summary>
    ShiftedForward,

    /// <summary>Moved BACKWARD by the gap's length: 02:30 → 01:30 standard time; a 00:00 gap → 23:00 of the previous date.</summary>
    ShiftedBackward,

    /// <summary>Moved to the first instant after the gap: 02:30 → 03:00 (Lord Howe 02:15 → 02:30).</summary>
    MovedToGapEnd,

    /// <summary>Not run: the schedule simply continues with its next time.</summary>
    Skipped,
}
