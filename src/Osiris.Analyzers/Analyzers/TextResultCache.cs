using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Text;

namespace Osiris.Analyzers.Analyzers;

/// <summary>
/// Results computed from an AdditionalFile's text, kept for as long as that <see cref="SourceText"/> lives.
/// </summary>
/// <remarks>
/// The IDE builds a new compilation on every keystroke in a C# file, but an unchanged AdditionalFile keeps
/// its <see cref="SourceText"/> instance, so its result is reused as long as the key (path and options) is
/// equal. The table holds texts weakly: a closed or edited file's entry goes with its text.
/// </remarks>
internal sealed class TextResultCache<TKey, TValue>
    where TValue : class
{
    private readonly ConditionalWeakTable<SourceText, Slot> _slots = new();

    public TValue GetOrCompute(SourceText text, TKey key, Func<TValue> compute)
    {
        var slot = _slots.GetValue(text, static _ => new Slot());
        if (slot.Entry is { } entry && EqualityComparer<TKey>.Default.Equals(entry.Key, key))
        {
            return entry.Value;
        }

        var value = compute();
        slot.Entry = new Entry(key, value);
        return value;
    }

    private sealed class Slot
    {
        // One entry per text: the last key wins, so two projects sharing a file just recompute.
        public volatile Entry? Entry;
    }

    private sealed class Entry
    {
        public Entry(TKey key, TValue value)
        {
            Key = key;
            Value = value;
        }

        public TKey Key { get; }

        public TValue Value { get; }
    }
}
