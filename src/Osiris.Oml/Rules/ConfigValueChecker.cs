using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Osiris.Oml.Components;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Syntax;
using Osiris.Oml.Text;

namespace Osiris.Oml.Rules;

/// <summary>A value that breaks its schema: where, and what the message should say after "must …".</summary>
internal readonly record struct ValueProblem(SourceSpan Span, string Message)
{
    /// <summary>The value the message suggests instead, as an edit.</summary>
    public OmlSuggestion? Suggestion { get; init; }
}

/// <summary>
/// Checks one configuration value against its JSON-schema property: type, enum, range, length,
/// pattern and list items. Values that contain a <c>${...}</c> reference are resolved only at run
/// time, so their type is not judged here.
/// </summary>
internal static class ConfigValueChecker
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromMilliseconds(50);

    public static ValueProblem? Check(ConfigProperty property, YamlNode value)
    {
        if (value is YamlScalarNode { IsString: true } s && s.Value.IndexOf("${", StringComparison.Ordinal) >= 0)
        {
            return null;
        }

        if (value is YamlScalarNode { IsNull: true } && property.Default == "null")
        {
            return null;
        }

        if (!Matches(property.Types, value))
        {
            return new ValueProblem(value.Span, $"must be {Describe(property.Types)}, not {Show(value)}");
        }

        switch (value)
        {
            case YamlScalarNode scalar:
                return CheckScalar(property, scalar);
            case YamlSequenceNode list:
                return CheckList(property, list);
            default:
                return null;
        }
    }

    private static ValueProblem? CheckScalar(ConfigProperty property, YamlScalarNode scalar)
    {
        if (property.Enum.Count > 0 && scalar.Type is YamlScalarType.String && !property.Enum.Contains(scalar.Value))
        {
            var hint = Suggestions.DidYouMean(scalar.Value, property.Enum, out var meant);
            return new ValueProblem(
                scalar.Span,
                $"must be one of {MessageText.List(property.Enum)}, not '{MessageText.Excerpt(scalar.Value)}'{hint}")
            {
                Suggestion = OmlSuggestion.ForScalar(scalar, meant),
            };
        }

        if (scalar.Type is YamlScalarType.Integer or YamlScalarType.Float && TryNumber(scalar, out var number))
        {
            if (property.Minimum is { } min && number < min)
            {
                return new ValueProblem(scalar.Span, $"must be at least {Format(min)}{Range(property)}, not {MessageText.Excerpt(scalar.Value)}");
            }

            if (property.Maximum is { } max && number > max)
            {
                return new ValueProblem(scalar.Span, $"must be at most {Format(max)}{Range(property)}, not {MessageText.Excerpt(scalar.Value)}");
            }
        }

        if (scalar.IsString)
        {
            var length = CodePoints(scalar.Value);
            if (property.MinLength is { } minLength && length < minLength)
            {
                return new ValueProblem(scalar.Span, minLength == 1 ? "must not be empty" : $"must have at least {minLength} characters, not {length}");
            }

            if (property.MaxLength is { } maxLength && length > maxLength)
            {
                return new ValueProblem(scalar.Span, $"must have at most {maxLength} character{(maxLength == 1 ? string.Empty : "s")}, not {length}");
            }

            if (property.Pattern is { } pattern && !MatchesPattern(pattern, scalar.Value))
            {
                return new ValueProblem(scalar.Span, $"must match the pattern {MessageText.Excerpt(pattern)}, not '{MessageText.Excerpt(scalar.Value)}'");
            }
        }

        return null;
    }

    private static ValueProblem? CheckList(ConfigProperty property, YamlSequenceNode list)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in list.Items)
        {
            if (property.ItemTypes != ConfigValueTypes.Any && !Matches(property.ItemTypes, item))
            {
                return new ValueProblem(item.Span, $"must be a list of {Plural(property.ItemTypes)}, but has an item that is {item.TypeDescription}");
            }

            if (property.UniqueItems && item is YamlScalarNode scalar && !seen.Add(scalar.Value))
            {
                return new ValueProblem(item.Span, $"must not repeat '{MessageText.Excerpt(scalar.Value)}'");
            }
        }

        return null;
    }

    private static bool Matches(ConfigValueTypes types, YamlNode value)
    {
        if (types == ConfigValueTypes.Any)
        {
            return true;
        }

        return value switch
        {
            YamlSequenceNode => (types & ConfigValueTypes.Array) != 0,
            YamlMappingNode => (types & ConfigValueTypes.Object) != 0,
            YamlScalarNode s => s.Type switch
            {
                YamlScalarType.Null => (types & ConfigValueTypes.Null) != 0,
                YamlScalarType.Boolean => (types & ConfigValueTypes.Boolean) != 0,
                YamlScalarType.Integer => (types & (ConfigValueTypes.Integer | ConfigValueTypes.Number)) != 0,
                YamlScalarType.Float => (types & ConfigValueTypes.Number) != 0
                    || ((types & ConfigValueTypes.Integer) != 0 && TryNumber(s, out var n) && Math.Floor(n) == n && !double.IsInfinity(n)),
                _ => (types & ConfigValueTypes.String) != 0,
            },
            _ => false,
        };
    }

    private static string Describe(ConfigValueTypes types)
    {
        var names = new List<string>();
        if ((types & ConfigValueTypes.Boolean) != 0)
        {
            names.Add("true");
            names.Add("false");
        }

        if ((types & ConfigValueTypes.String) != 0)
        {
            names.Add("a string");
        }

        if ((types & ConfigValueTypes.Integer) != 0)
        {
            names.Add("an integer");
        }

        if ((types & ConfigValueTypes.Number) != 0)
        {
            names.Add("a number");
        }

        if ((types & ConfigValueTypes.Array) != 0)
        {
            names.Add("a list");
        }

        if ((types & ConfigValueTypes.Object) != 0)
        {
            names.Add("a mapping");
        }

        if ((types & ConfigValueTypes.Null) != 0)
        {
            names.Add("null");
        }

        return names.Count switch
        {
            0 => "a value",
            1 => names[0],
            _ => string.Join(", ", names.Take(names.Count - 1)) + " or " + names[names.Count - 1],
        };
    }

    private static string Plural(ConfigValueTypes types) => Describe(types) switch
    {
        "a string" => "strings",
        "an integer" => "integers",
        "a number" => "numbers",
        var other => other,
    };

    private static string Show(YamlNode value) => value is YamlScalarNode { IsNull: false } s
        ? (s.IsString ? $"the string '{MessageText.Excerpt(s.Value)}'" : $"{s.TypeDescription} ({MessageText.Excerpt(s.Value)})")
        : value.TypeDescription;

    private static string Range(ConfigProperty p) => p.Minimum is { } min && p.Maximum is { } max
        ? $" (the allowed range is {Format(min)} to {Format(max)})"
        : string.Empty;

    private static string Format(double d) => d.ToString("0.###", CultureInfo.InvariantCulture);

    private static bool TryNumber(YamlScalarNode scalar, out double value)
    {
        var text = scalar.Value;
        if (text.StartsWith("0x", StringComparison.Ordinal) || text.StartsWith("0o", StringComparison.Ordinal))
        {
            // Digit by digit in a double: a value too large for 64 bits is still a (huge) number, and
            // must fail a range check rather than escape it.
            var radix = text[1] == 'x' ? 16 : 8;
            value = 0;
            foreach (var c in text.Substring(2))
            {
                var digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : 99;
                if (digit >= radix)
                {
                    return false;
                }

                value = (value * radix) + digit;
            }

            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static int CodePoints(string s)
    {
        var n = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (!char.IsHighSurrogate(s[i]) || i + 1 >= s.Length || !char.IsLowSurrogate(s[i + 1]))
            {
                n++;
            }
        }

        return n;
    }

    private static bool MatchesPattern(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
