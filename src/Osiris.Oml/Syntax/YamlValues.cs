using System.Globalization;
using Osiris.Oml.Text;
using Osiris.Oml.Time;

namespace Osiris.Oml.Syntax;

/// <summary>Small readings of YAML nodes that the binders, the rules and the spec reader share.</summary>
internal static class YamlValues
{
    /// <summary>The value of a string scalar; null for any other node.</summary>
    public static string? Text(YamlNode? node) => node is YamlScalarNode { IsString: true } s ? s.Value : null;

    /// <summary>How messages quote a value: 'text', or its kind ("a list", "null") when it is not a scalar.</summary>
    public static string Show(YamlNode node) => node is YamlScalarNode { IsNull: false } s ? "'" + MessageText.Excerpt(s.Value) + "'" : node.TypeDescription;

    /// <summary>A duration written as an integer (seconds) or a duration string; null otherwise.</summary>
    public static OmlDuration? Duration(YamlNode node) => node switch
    {
        YamlScalarNode { Type: YamlScalarType.Integer } i => OmlDuration.Parse(i.Value),
        YamlScalarNode { IsString: true } s => OmlDuration.Parse(s.Value),
        _ => null,
    };

    /// <summary>
    /// Where to report something missing from a mapping: its first key, so the squiggle lands on the
    /// first line of the block rather than on the whole block.
    /// </summary>
    public static SourceSpan HeadOf(YamlNode node)
        => node is YamlMappingNode { Entries.Count: > 0 } map ? map.Entries[0].Key.Span : node.Span;

    /// <summary>The line (one-based) of a span, as text for messages.</summary>
    public static string LineOf(SourceSpan span) => (span.StartPosition.Line + 1).ToString(CultureInfo.InvariantCulture);
}
