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
    /// Ties go to the candidate that comes first in ordinal order, so the answer is deterministic.
    /// </summary>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        if (string.IsNullOrEmpty(input) || input.Length > 128)
        {
            return null;
        }

        var limit = Math.Max(1, input.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (candidate.Length > 128 || Math.Abs(candidate.Length - input.Length) > limit)
            {
                continue;
            }

            var d = Distance(input, candidate);
            if (d <= limit && (d < bestDistance || (d == bestDistance && string.CompareOrdinal(candidate, best) < 0)))
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best;
    }

    /// <summary><c> (did you mean 'x'?)</c> for a suggestion, or the empty string.</summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates)
        => Closest(input, candidates) is { } s && !string.Equals(s, input, StringComparison.Ordinal) ? $" (did you mean '{s}'?)" : string.Empty;

    /// <summary>
    /// <c> (did you mean 'x'?)</c> for a suggestion, or the empty string; <paramref name="suggestion"/> is
    /// the suggested value (null without one), for the edit a quick fix makes.
    /// </summary>
    public static string DidYouMean(string input, IEnumerable<string> candidates, out string? suggestion)
    {
        var message = DidYouMean(input, candidates);
        suggestion = message.Length == 0 ? null : Closest(input, candidates);
        return message;
    }

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
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, d[i - 2, j - 2] + 1);
                }

                d[i, j] = v;
            }
        }

        return d[a.Length, b.Length];
    }
}
