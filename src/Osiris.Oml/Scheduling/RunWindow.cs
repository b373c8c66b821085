using NodaTime;
using Osiris.Oml.Time;

namespace Osiris.Oml.Scheduling;

/// <summary>The rows one run loads: <c>[Start, End)</c> on the window's field.</summary>
public readonly record struct RunWindow(Instant Start, Instant End)
{
    /// <summary>How long the window is in real time (23 or 25 hours for "1d" on a DST change day).</summary>
    public Duration Length => End - Start;

    /// <summary>
    /// The window of the run scheduled at <paramref name="fireTime"/> (OML-SPEC §2).
    /// Sliding: end = fire + offset, start = end − size. Tumbling: from the previous scheduled time to
    /// this one, both shifted by the offset — contiguous by construction, like Airflow's data interval.
    /// A size or offset in days moves on the zone's clock; hours, minutes and seconds are fixed time.
    /// </summary>
    /// <param name="kind">Sliding or tumbling.</param>
    /// <param name="size">The size of a sliding window (ignored for tumbling ones).</param>
    /// <param name="offset">How far the window is shifted from the run's time.</param>
    /// <param name="fireTime">When the run is scheduled.</param>
    /// <param name="previousFireTime">The previous scheduled time (tumbling windows need it).</param>
    /// <param name="zone">The schedule's zone.</param>
    public static RunWindow For(WindowKind kind, OmlDuration? size, OmlDuration offset, Instant fireTime, Instant? previousFireTime, DateTimeZone zone)
    {
        var end = offset.AddTo(fireTime, zone);
        if (kind == WindowKind.Tumbling)
        {
            var previous = previousFireTime ?? (fireTime - Duration.FromDays(1));
            return new RunWindow(offset.AddTo(previous, zone), end);
        }

        return new RunWindow((size ?? OmlDuration.Zero).Negate().AddTo(end, zone), end);
    }
}
