using System;
using System.Collections;
using System.Collections.Generic;

namespace Osiris.Oml.Descriptors;

/// <summary>
/// A configuration mapping in file order. Values are typed as far as YAML says: <see cref="string"/>,
/// <see cref="long"/> (or <see cref="double"/> for floats and integers out of range), <see cref="bool"/>,
/// null, a <see cref="ConnectionReference"/> for <c>"@family.alias"</c>, a nested <see cref="ConfigMap"/>
/// or an <see cref="IReadOnlyList{T}"/> of such values.
/// </summary>
public sealed class ConfigMap : IReadOnlyDictionary<string, object?>
{
    private readonly KeyValuePair<string, object?>[] _entries;

    /// <summary>Creates a mapping; a repeated key keeps its first value (as the build reports OSI0004 for it).</summary>
    public ConfigMap(params KeyValuePair<string, object?>[] entries)
    {
        _entries = entries ?? Array.Empty<KeyValuePair<string, object?>>();
    }

    /// <summary>The empty mapping.</summary>
    public static ConfigMap Empty { get; } = new();

    /// <inheritdoc />
    public int Count => _entries.Length;

    /// <summary>The keys, in file order.</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var entry in _entries)
            {
                yield return entry.Key;
            }
        }
    }

    /// <summary>The values, in file order.</summary>
    public IEnumerable<object?> Values
    {
        get
        {
            foreach (var entry in _entries)
            {
                yield return entry.Value;
            }
        }
    }

    /// <inheritdoc />
    public object? this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException("No configuration key '" + key + "'.");

    /// <summary>Creates an entry (keeps generated code short).</summary>
    public static KeyValuePair<string, object?> Entry(string key, object? value) => new(key, value);

    /// <inheritdoc />
    public bool ContainsKey(string key) => TryGetValue(key, out _);

    /// <inheritdoc />
    public bool TryGetValue(string key, out object? value)
    {
        foreach (var entry in _entries)
        {
            if (string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                value = entry.Value;
                return true;
            }
        }

        value = null;
        return false;
    }

    /// <summary>The value of <paramref name="key"/> as a string (also numbers and booleans, in invariant culture), or null.</summary>
    public string? GetString(string key) => TryGetValue(key, out var value) ? value switch
    {
        null => null,
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString(),
    } : null;

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_entries).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>A reference to a connection of the Osiris connections file: <c>"@mysql.default"</c>.</summary>
/// <param name="Family">The connection family, for example <c>mysql</c>.</param>
/// <param name="Alias">The connection's alias, for example <c>default</c>.</param>
public sealed record ConnectionReference(string Family, string Alias)
{
    /// <summary>The written form, <c>@family.alias</c>.</summary>
    public override string ToString() => "@" + Family + "." + Alias;
}
