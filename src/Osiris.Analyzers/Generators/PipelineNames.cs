using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Osiris.Analyzers.Generators;

/// <summary>
/// The C# names of the generated members (README "Typed pipelines in C#" documents the rule).
/// </summary>
/// <remarks>
/// A pipeline name becomes PascalCase: letters and digits are kept (also non-ASCII letters), every
/// other character separates words, and each word starts upper case (<c>daily_customer_sync</c> →
/// <c>DailyCustomerSync</c>). A name that starts with a digit gets a leading <c>_</c>; one without letters
/// or digits becomes <c>Pipeline</c>; a name of a member the class already has (<c>All</c>, <c>Find</c>,
/// <c>Lineage</c>, <c>Pipelines</c>, object's members) gets the suffix <c>Pipeline</c>. When two pipelines
/// end up with the same name, the one whose file comes first (ordinal path order) keeps it and the
/// others get <c>_2</c>, <c>_3</c>, ... in that order.
/// </remarks>
internal static class PipelineNames
{
    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "All", "Find", "Lineage", "Pipelines", "Equals", "GetHashCode", "GetType", "ToString", "ReferenceEquals", "MemberwiseClone", "Finalize",
    };

    /// <summary>The property name of each pipeline, keyed by its file's path.</summary>
    public static ImmutableDictionary<string, string> Assign(IEnumerable<(string Path, string Name)> pipelines)
    {
        var used = new HashSet<string>(Reserved, StringComparer.Ordinal);
        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var ordered = pipelines.OrderBy(p => p.Path, StringComparer.Ordinal).ToList();

        // First every pipeline's own name (so a later "a_2" file cannot take a name another needs), then suffixes.
        var pending = new List<(string Path, string Name)>();
        foreach (var (path, name) in ordered)
        {
            var candidate = ToIdentifier(name);
            if (used.Add(candidate))
            {
                result[path] = candidate;
            }
            else
            {
                pending.Add((path, candidate));
            }
        }

        foreach (var (path, candidate) in pending)
        {
            var n = 2;
            string unique;
            while (!used.Add(unique = candidate + "_" + n.ToString(CultureInfo.InvariantCulture)))
            {
                n++;
            }

            result[path] = unique;
        }

        return result.ToImmutable();
    }

    /// <summary>PascalCase of <paramref name="name"/> (see the remarks of the class).</summary>
    public static string ToIdentifier(string name)
    {
        var builder = new StringBuilder(name.Length);
        var startWord = true;
        foreach (var c in name)
        {
            if (IsKept(c))
            {
                builder.Append(startWord ? char.ToUpperInvariant(c) : c);
                startWord = false;
            }
            else
            {
                startWord = true;
            }
        }

        if (builder.Length == 0)
        {
            return "Pipeline";
        }

        var identifier = builder.ToString();
        if (!SyntaxFacts.IsIdentifierStartCharacter(identifier[0]))
        {
            identifier = "_" + identifier;
        }

        if (Reserved.Contains(identifier) || SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(identifier) != SyntaxKind.None)
        {
            identifier += "Pipeline";
        }

        return identifier;
    }

    /// <summary>Letters (all Unicode letter categories and letter numbers) and decimal digits; no surrogates or format characters.</summary>
    private static bool IsKept(char c)
    {
        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
            case UnicodeCategory.DecimalDigitNumber:
                return true;
            default:
                return false;
        }
    }

    /// <summary>A namespace made of valid identifiers (<c>my-app.2d</c> → <c>my_app._2d</c>); null when nothing is left.</summary>
    public static string? ToNamespace(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var raw in text!.Split('.'))
        {
            var builder = new StringBuilder();
            foreach (var c in raw.Trim())
            {
                builder.Append(IsKept(c) || c == '_' ? c : '_');
            }

            if (builder.Length == 0)
            {
                continue;
            }

            var part = builder.ToString();
            if (!SyntaxFacts.IsIdentifierStartCharacter(part[0]))
            {
                part = "_" + part;
            }

            if (SyntaxFacts.GetKeywordKind(part) != SyntaxKind.None)
            {
                part = "@" + part;
            }

            parts.Add(part);
        }

        return parts.Count == 0 ? null : string.Join(".", parts);
    }
}
