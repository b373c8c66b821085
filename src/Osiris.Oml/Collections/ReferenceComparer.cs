using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace Osiris.Oml.Collections;

/// <summary>
/// Compares by reference: for caches keyed by value-equal records (component specs, catalog entries)
/// whose value hash would walk their contents on every lookup.
/// </summary>
internal sealed class ReferenceComparer<T> : IEqualityComparer<T>
    where T : class
{
    public static readonly ReferenceComparer<T> Instance = new();

    public bool Equals(T? x, T? y) => ReferenceEquals(x, y);

    public int GetHashCode(T obj) => RuntimeHelpers.GetHashCode(obj);
}
