using System;
using System.Globalization;
using System.Linq;
using Osiris.Oml.Model;
using Osiris.Oml.Syntax;

namespace Osiris.Oml.Descriptors;

/// <summary>Configuration values of the model as the typed values of <see cref="ConfigMap"/>.</summary>
internal static class ConfigValues
{
    public static ConfigMap Map(OmlMap? map)
        => map is null || map.Properties.IsEmpty
            ? ConfigMap.Empty
            : new ConfigMap(map.Properties.Select(p => ConfigMap.Entry(p.Key, Value(p.Value))).ToArray());

    public static object? Value(OmlValue value) => value switch
    {
        OmlMap map => Map(map),
        OmlList list => Array.AsReadOnly(list.Items.Select(Value).ToArray()),
        OmlScalar scalar => Scalar(scalar),
        _ => null,
    };

    private static object? Scalar(OmlScalar scalar)
    {
        var text = scalar.Text;
        switch (scalar.Type)
        {
            case YamlScalarType.Null:
                return null;
            case YamlScalarType.Boolean:
                return string.Equals(text.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            case YamlScalarType.Integer:
                return Integer(text) ?? Float(text) ?? text;
            case YamlScalarType.Float:
                return Float(text) ?? text;
            default:
                var match = OmlVocabulary.ConnectionReference.Match(text);
                return match.Success ? new ConnectionReference(match.Groups[1].Value, match.Groups[2].Value) : text;
        }
    }

    /// <summary>YAML 1.2 core integers: decimal with sign, <c>0x</c> hex, <c>0o</c> octal; null when out of range.</summary>
    private static object? Integer(string text)
    {
        var t = text.Trim().Replace("_", string.Empty);
        try
        {
            if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            {
                return long.TryParse(t.Substring(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) && hex >= 0 ? hex : null;
            }

            if (t.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
            {
                return Convert.ToInt64(t.Substring(2), 8);
            }
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            return null;
        }

        return long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private static object? Float(string text)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case ".inf":
            case "+.inf":
                return double.PositiveInfinity;
            case "-.inf":
                return double.NegativeInfinity;
            case ".nan":
                return double.NaN;
        }

        return double.TryParse(text.Trim().Replace("_", string.Empty), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsInfinity(value)
            ? value
            : null;
    }
}
