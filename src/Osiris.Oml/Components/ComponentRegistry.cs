using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Osiris.Oml.Components;

/// <summary>The components a project can use: the built-ins, extended or overridden by the project's own specs.</summary>
public sealed class ComponentRegistry : IEquatable<ComponentRegistry>
{
    private readonly ImmutableSortedDictionary<string, ComponentSpec> _specs;

    private ComponentRegistry(ImmutableSortedDictionary<string, ComponentSpec> specs)
    {
        _specs = specs;
        Names = specs.Keys.ToImmutableArray();
    }

    /// <summary>The built-in components of Osiris.</summary>
    public static ComponentRegistry BuiltIn { get; } = new(
        BuiltInComponents.All.ToImmutableSortedDictionary(s => s.Name, s => s, StringComparer.Ordinal));

    /// <summary>The component names in ordinal order.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>The spec of <paramref name="name"/>, or null when the component is unknown.</summary>
    public ComponentSpec? Find(string name) => _specs.TryGetValue(name, out var spec) ? spec : null;

    /// <summary>A registry where <paramref name="specs"/> add to or replace this one's components.</summary>
    public ComponentRegistry With(IEnumerable<ComponentSpec> specs)
    {
        var builder = _specs.ToBuilder();
        foreach (var spec in specs)
        {
            builder[spec.Name] = spec;
        }

        return new ComponentRegistry(builder.ToImmutable());
    }

    /// <inheritdoc />
    public bool Equals(ComponentRegistry? other)
        => other is not null && (ReferenceEquals(this, other) || _specs.Values.SequenceEqual(other._specs.Values));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ComponentRegistry);

    /// <inheritdoc />
    public override int GetHashCode() => _specs.Count;
}
