using System;
using Osiris.Oml.Collections;

namespace Osiris.Oml.Components;

/// <summary>The JSON-schema types a configuration value may have.</summary>
[Flags]
public enum ConfigValueTypes
{
    /// <summary>No constraint recorded.</summary>
    Any = 0,

    /// <summary>A string.</summary>
    String = 1,

    /// <summary>A whole number.</summary>
    Integer = 2,

    /// <summary>Any number (integers included).</summary>
    Number = 4,

    /// <summary>true or false.</summary>
    Boolean = 8,

    /// <summary>A list.</summary>
    Array = 16,

    /// <summary>A mapping.</summary>
    Object = 32,

    /// <summary>null.</summary>
    Null = 64,
}

/// <summary>How a step may treat a field that its connection provides.</summary>
public enum OverridePolicy
{
    /// <summary>The step may set it.</summary>
    Allowed,

    /// <summary>The step may set it, with a warning.</summary>
    Warning,

    /// <summary>The step must not set it.</summary>
    Forbidden,
}

/// <summary>One key of a component's configuration schema.</summary>
/// <remarks>Immutable and value-equal, like every model type, so hosts can cache results on equality.</remarks>
public sealed record ConfigProperty(string Name, ConfigValueTypes Types)
{
    /// <summary>The allowed values, when the schema lists them.</summary>
    public EquatableArray<string> Enum { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The smallest allowed number.</summary>
    public double? Minimum { get; init; }

    /// <summary>The largest allowed number.</summary>
    public double? Maximum { get; init; }

    /// <summary>The shortest allowed string.</summary>
    public int? MinLength { get; init; }

    /// <summary>The longest allowed string.</summary>
    public int? MaxLength { get; init; }

    /// <summary>A regular expression strings must match.</summary>
    public string? Pattern { get; init; }

    /// <summary>The type of list items, for arrays.</summary>
    public ConfigValueTypes ItemTypes { get; init; }

    /// <summary>Whether list items must be distinct.</summary>
    public bool UniqueItems { get; init; }

    /// <summary>The default value as YAML text, for documentation.</summary>
    public string? Default { get; init; }
}

/// <summary>A field a connection provides, and whether a step may override it.</summary>
public sealed record ConnectionField(string Name, OverridePolicy Policy);
