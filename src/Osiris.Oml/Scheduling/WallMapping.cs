using NodaTime.TimeZones;

namespace Osiris.Oml.Scheduling;

/// <summary>
/// How a wall-clock time maps to the zone's intervals (NodaTime's <c>ZoneLocalMapping</c> without
/// the allocation): <see cref="Count"/> is 1 normally, 0 in a gap, 2 in a repeated hour; Early and
/// Late are the intervals before and after the transition (the same interval when Count is 1).
/// </summary>
internal readonly struct WallMapping
{
    public WallMapping(int count, ZoneInterval early, ZoneInterval late)
    {
        Count = count;
        Early = early;
        Late = late;
    }

    public int Count { get; }

    public ZoneInterval Early { get; }

    public ZoneInterval Late { get; }
}
