using System.Text;
using Osiris.Oml.Syntax;
using Osiris.Oml.Text;

namespace Osiris.Oml.Diagnostics;

/// <summary>
/// The edit a "did you mean" finding proposes: write <see cref="Replacement"/> over <see cref="Span"/>.
/// Editors turn it into a quick fix without reading the message.
/// </summary>
/// <param name="Span">The text to replace (inside the quotes of a quoted scalar).</param>
/// <param name="Replacement">The text to write there, already escaped for the scalar's quoting.</param>
/// <param name="Value">The value the user probably meant, as the message names it.</param>
public sealed record OmlSuggestion(SourceSpan Span, string Replacement, string Value)
{
    /// <summary>
    /// The edit that turns <paramref name="node"/>'s value into <paramref name="value"/>, keeping how
    /// it is written: a plain scalar is replaced whole, a quoted one between its quotes. Null when
    /// there is no suggestion or the node is not a one-line scalar whose text can be replaced safely.
    /// </summary>
    internal static OmlSuggestion? ForScalar(YamlNode node, string? value)
    {
        if (value is null || node is not YamlScalarNode scalar || scalar.Span.StartPosition.Line != scalar.Span.EndPosition.Line)
        {
            return null;
        }

        return scalar.Style switch
        {
            YamlScalarStyle.Plain when IsPlainSafe(value) => new OmlSuggestion(scalar.Span, value, value),
            YamlScalarStyle.Plain => new OmlSuggestion(scalar.Span, "\"" + EscapeDouble(value) + "\"", value),
            YamlScalarStyle.SingleQuoted when scalar.Span.Length >= 2 => new OmlSuggestion(Inner(scalar.Span), value.Replace("'", "''"), value),
            YamlScalarStyle.DoubleQuoted when scalar.Span.Length >= 2 => new OmlSuggestion(Inner(scalar.Span), EscapeDouble(value), value),
            _ => null,
        };
    }

    /// <summary>
    /// Where <paramref name="length"/> characters at <paramref name="offset"/> of <paramref name="node"/>'s
    /// value are written (a part of a value, such as the name in "pipeline: x"), when the value is
    /// written verbatim on one line: a plain scalar, or a quoted one without escapes. Else null.
    /// </summary>
    internal static SourceSpan? PartSpan(YamlScalarNode node, int offset, int length)
    {
        var span = node.Span;
        if (span.StartPosition.Line != span.EndPosition.Line || offset < 0 || length < 0 || offset + length > node.Value.Length)
        {
            return null;
        }

        var quotes = node.Style switch
        {
            YamlScalarStyle.Plain => 0,
            YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted => 1,
            _ => -1,
        };

        // Escapes make the written text longer than the value; equal lengths mean none were used.
        if (quotes < 0 || span.Length - (2 * quotes) != node.Value.Length)
        {
            return null;
        }

        var start = span.Start + quotes + offset;
        var character = span.StartPosition.Character + quotes + offset;
        return new SourceSpan(start, start + length, new LinePosition(span.StartPosition.Line, character), new LinePosition(span.StartPosition.Line, character + length));
    }

    /// <summary>The edit that writes <paramref name="value"/> at <paramref name="part"/> (see <see cref="PartSpan"/>), when it needs no quoting there.</summary>
    internal static OmlSuggestion? ForPart(SourceSpan? part, string? value)
        => part is { } at && value is not null && value.IndexOfAny(new[] { '\\', '\'', '"', '#', ':', '\n', '\r' }) < 0
            ? new OmlSuggestion(at, value, value)
            : null;

    private static SourceSpan Inner(SourceSpan span)
        => new(span.Start + 1, span.End - 1, new LinePosition(span.StartPosition.Line, span.StartPosition.Character + 1), new LinePosition(span.EndPosition.Line, span.EndPosition.Character - 1));

    // Names the engine suggests (keys, zones, components, step ids) are plain-safe; anything else is quoted.
    private static bool IsPlainSafe(string value)
    {
        if (value.Length == 0 || "-?:,[]{}#&*!|>'\"%@`".IndexOf(value[0]) >= 0)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-' or '.' or '/' or '+'))
            {
                return false;
            }
        }

        return YamlScalarResolver.Resolve(value, YamlScalarStyle.Plain, null) == YamlScalarType.String;
    }

    private static string EscapeDouble(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
