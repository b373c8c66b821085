using System.Collections.Immutable;
using NodaTime;

namespace Osiris.Oml.Scheduling;

/// <summary>Collects fire timestamps (whole seconds) into an array sized once.</summary>
internal sealed class FireTimeBuffer
{
    private readonly long[] _items;

    public FireTimeBuffer(int capacity) => _items = new long[capacity];

    public int Count { get; private set; }

    public bool IsFull => Count == _items.Length;

    public void Add(long timestamp)
    {
        _items[Count++] = timestamp;
        if (timestamp > Max)
        {
            Max = timestamp;
        }
    }

    /// <summary>The largest timestamp added so far.</summary>
    public long Max { get; private set; } = long.MinValue;

    /// <summary>
    /// Whether the timestamp was added already. Only a time at or below <see cref="Max"/> can be a
    /// duplicate, which happens only around DST changes, so the scan is rare.
    /// </summary>
    public bool Contains(long timestamp)
    {
        if (timestamp > Max)
        {
            return false;
        }

        for (var i = Count - 1; i >= 0; i--)
        {
            if (_items[i] == timestamp)
            {
                return true;
            }
        }

        return false;
    }

    public void Sort() => System.Array.Sort(_items, 0, Count);

    public ImmutableArray<Instant> ToInstants()
    {
        var builder = ImmutableArray.CreateBuilder<Instant>(Count);
        for (var i = 0; i < Count; i++)
        {
            builder.Add(Instant.FromUnixTimeSeconds(_items[i]));
        }

        return builder.MoveToImmutable();
    }
}
