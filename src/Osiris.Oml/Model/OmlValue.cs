using Osiris.Oml.Collections;
using Osiris.Oml.Syntax;

namespace Osiris.Oml.Model;

/// <summary>
/// A configuration value as plain data: a scalar with its resolved YAML type, a list, or a mapping.
/// </summary>
/// <remarks>Immutable and value-equal, like every model type, so hosts can cache results on equality.</remarks>
public abstract record OmlValue
{
    private protected OmlValue()
    {
    }

    /// <summary>Converts a syntax node (aliases already resolved) into a value.</summary>
    internal static OmlValue From(YamlNode node) => node switch
    {
        YamlScalarNode s => new OmlScalar(s.Value, s.Type),
        YamlSequenceNode l => new OmlList(new EquatableArray<OmlValue>(System.Linq.Enumerable.Select(l.Items, From))),
        YamlMappingNode m => new OmlMap(new EquatableArray<OmlProperty>(
            System.Linq.Enumerable.Select(
                System.Linq.Enumerable.Where(m.Entries, e => e.KeyText is not null),
                e => new OmlProperty(e.KeyText!, From(e.Value))))),
        _ => new OmlScalar(string.Empty, YamlScalarType.Null),
    };
}

/// <summary>A single value and the type YAML resolved it to.</summary>
public sealed record OmlScalar(string Text, YamlScalarType Type) : OmlValue;

/// <summary>A list of values.</summary>
public sealed record OmlList(EquatableArray<OmlValue> Items) : OmlValue;

/// <summary>A mapping, in document order.</summary>
public sealed record OmlMap(EquatableArray<OmlProperty> Properties) : OmlValue;

/// <summary>One key and value of an <see cref="OmlMap"/>.</summary>
public sealed record OmlProperty(string Key, OmlValue Value);
