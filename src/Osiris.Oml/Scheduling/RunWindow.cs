using NodaTime;
using Osiris.Oml.Model;

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
    /// <param name="window">The window definition.</param>
    /// <param name="fireTime">When the run is scheduled.</param>
    /// <param name="previousFireTime">The previous scheduled time (tumbling windows need it).</param>
    /// <param name="zone">The schedule's zone.</param>
    public static RunWindow For(WindowModel window, Instant fireTime, Instant? previousFireTime, DateTimeZone zone)
    {
        var end = window.Offset.AddTo(fireTime, zone);
        if (window.Kind == WindowKind.Tumbling)
        {
            var previous = previousFireTime ?? (fireTime - Duration.FromDays(1));
            return new RunWindow(window.Offset.AddTo(previous, zone), end);
        }

        var size = window.Size ?? Time.OmlDuration.Zero;
        return new RunWindow(size.Negate().AddTo(end, zone), end);
    }
}
