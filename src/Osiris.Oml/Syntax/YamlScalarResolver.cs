using System.Text.RegularExpressions;

namespace Osiris.Oml.Syntax;

/// <summary>
/// Resolves plain scalars with the YAML 1.2 core schema. Unlike YAML 1.1 (PyYAML), <c>yes</c>,
/// <c>no</c>, <c>on</c>, <c>off</c>, dates and <c>1:30</c> are strings.
/// </summary>
internal static class YamlScalarResolver
{
    /// <summary>The prefix of the YAML core schema's tags (<c>!!str</c> is <c>tag:yaml.org,2002:str</c>).</summary>
    public const string CoreTagPrefix = "tag:yaml.org,2002:";

    private static readonly Regex IntPattern = new(@"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", RegexOptions.CultureInvariant);

    private static readonly Regex FloatPattern = new(
        @"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        RegexOptions.CultureInvariant);

    public static YamlScalarType Resolve(string value, YamlScalarStyle style, string? tag)
    {
        switch (tag)
        {
            case CoreTagPrefix + "str":
            case "!":
                return YamlScalarType.String;
            case CoreTagPrefix + "null":
                return YamlScalarType.Null;
            case CoreTagPrefix + "bool":
                return YamlScalarType.Boolean;
            case CoreTagPrefix + "int":
                return YamlScalarType.Integer;
            case CoreTagPrefix + "float":
                return YamlScalarType.Float;
        }

        if (style != YamlScalarStyle.Plain)
        {
            return YamlScalarType.String;
        }

        switch (value)
        {
            case "":
            case "~":
            case "null":
            case "Null":
            case "NULL":
                return YamlScalarType.Null;
            case "true":
            case "True":
            case "TRUE":
            case "false":
            case "False":
            case "FALSE":
                return YamlScalarType.Boolean;
        }

        if (IntPattern.IsMatch(value))
        {
            return YamlScalarType.Integer;
        }

        return FloatPattern.IsMatch(value) ? YamlScalarType.Float : YamlScalarType.String;
    }
}
