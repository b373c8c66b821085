using System;
using System.Linq;
using Osiris.Oml.Collections;

namespace Osiris.Oml.Components;

/// <summary>
/// What the engine knows about a component: the OML modes it offers, its configuration schema,
/// the fields its connections provide and which fields are secrets.
/// </summary>
/// <remarks>Immutable and value-equal: registries built from the same specs are equal.</remarks>
public sealed record ComponentSpec(
    string Name,
    string Version,
    EquatableArray<OmlMode> OmlModes,
    EquatableArray<ConfigProperty> Properties,
    EquatableArray<string> Required,
    EquatableArray<ConnectionField> ConnectionFields,
    EquatableArray<string> Secrets)
{
    /// <summary>Whether the component offers <paramref name="mode"/>.</summary>
    public bool Supports(OmlMode mode) => OmlModes.Contains(mode);

    /// <summary>The property named <paramref name="name"/>, or null.</summary>
    public ConfigProperty? FindProperty(string name)
    {
        foreach (var p in Properties)
        {
            if (string.Equals(p.Name, name, StringComparison.Ordinal))
            {
                return p;
            }
        }

        return null;
    }

    /// <summary>The connection field named <paramref name="name"/>, or null.</summary>
    public ConnectionField? FindConnectionField(string name)
        => ConnectionFields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));

    /// <summary>Whether <paramref name="name"/> holds a secret.</summary>
    public bool IsSecret(string name) => Secrets.Contains(name);
}
