using Osiris.Oml.Time;

namespace Osiris.Oml.Syntax;

/// <summary>Small readings of YAML values that several binders share.</summary>
internal static class YamlValues
{
    /// <summary>How messages quote a value: 'text', or its kind ("a list", "null") when it is not a scalar.</summary>
    public static string Show(YamlNode node) => node is YamlScalarNode { IsNull: false } s ? "'" + s.Value + "'" : node.TypeDescription;

    /// <summary>A duration written as an integer (seconds) or a duration string; null otherwise.</summary>
    public static OmlDuration? Duration(YamlNode node) => node switch
    {
        YamlScalarNode { Type: YamlScalarType.Integer } i => OmlDuration.Parse(i.Value),
        YamlScalarNode { IsString: true } s => OmlDuration.Parse(s.Value),
        _ => null,
    };
}
