using System;
using System.Collections.Generic;
using System.Text;

namespace Osiris.Oml.Text;

/// <summary>"Did you mean" suggestions by edit distance, and spellings that follow a name format.</summary>
public static class Suggestions
{
    /// <summary>
    /// The candidate closest to <paramref name="input"/> (case-insensitive Damerau-Levenshtein), or null when
    /// none is close enough: at most one edit for short words, about a third of the length for longer ones.
    /// Ties go to the candidate that comes first in ordinal order, so the answer is deterministic. The
    /// search is bounded (see <see cref="SuggestionIndex"/>): a few thousand candidates at most are compared.
    /// </summary>
    /// <remarks>
    /// For a handful of fixed candidates (keys, events, kinds) searched once; a large set searched many
    /// times belongs in a <see cref="SuggestionIndex"/>, which is built once.
    /// </remarks>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        if (string.IsNullOrEmpty(input) || input.Length > SuggestionIndex.MaxLength)
        {
            return null;
        }

        var lower = input.ToLowerInvariant();
        var limit = Math.Max(1, input.Length / 3);
        var rows = new int[3][];
        long spent = 0;
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (spent >= SuggestionIndex.MaxCellsPerSearch)
            {
                break;
            }

            if (string.IsNullOrEmpty(candidate) || candidate.Length > SuggestionIndex.MaxLength || Math.Abs(candidate.Length - input.Length) > limit)
            {
                continue;
            }

            var threshold = Math.Min(limit, bestDistance);
            var d = SuggestionIndex.BoundedDistance(lower, candidate.ToLowerInvariant(), threshold, rows, ref spent);
            if (d <= threshold && (d < bestDistance || string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best;
    }

    /// <summary><c> (did you mean 'x'?)</c> for a suggestion, or the empty string.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates)
        => DidYouMean(input, candidates, out _);

    /// <summary>
    /// <c> (did you mean 'x'?)</c> for a suggestion, or the empty string; <paramref name="suggestion"/> is
    /// the suggested value (null without one), for the edit a quick fix makes.
    /// </summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates, out string? suggestion)
    {
        suggestion = OtherThan(input, Closest(input, candidates));
        return Hint(suggestion);
    }

    /// <summary><paramref name="suggestion"/> unless it is <paramref name="input"/> itself.</summary>
    internal static string? OtherThan(string input, string? suggestion)
        => suggestion is not null && !string.Equals(suggestion, input, StringComparison.Ordinal) ? suggestion : null;

    /// <summary><c> (did you mean 'x'?)</c>, with a long suggestion shortened, or the empty string for none.</summary>
    internal static string Hint(string? suggestion)
        => suggestion is null ? string.Empty : $" (did you mean '{MessageText.Excerpt(suggestion)}'?)";

    /// <summary>
    /// A spelling of <paramref name="text"/> in a lowercase name format: ASCII letters and digits and
    /// the <paramref name="punctuation"/> characters are kept (letters lowercased), every run of
    /// other characters becomes one '-', and no '-' or punctuation is left at either end.
    /// <paramref name="fallback"/> when nothing is left.
    /// </summary>
    internal static string Conventional(string text, string punctuation, string fallback)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            var lower = char.ToLowerInvariant(c);
            if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9') || punctuation.IndexOf(lower) >= 0)
            {
                sb.Append(lower);
            }
            else if (sb.Length > 0 && sb[sb.Length - 1] != '-')
            {
                sb.Append('-');
            }
        }

        var s = sb.ToString().Trim(('-' + punctuation).ToCharArray());
        return s.Length == 0 ? fallback : s;
    }

    /// <summary>The optimal-string-alignment distance, ignoring case.</summary>
    internal static int Distance(string a, string b)
        => SuggestionIndex.BoundedDistance(a.ToLowerInvariant(), b.ToLowerInvariant(), int.MaxValue, new int[3][]);
}
