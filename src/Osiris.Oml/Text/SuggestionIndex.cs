using System;
using System.Collections.Generic;

namespace Osiris.Oml.Text;

/// <summary>
/// Candidates for "did you mean", indexed once and searched many times with bounded work. A file with
/// thousands of steps and a misspelled <c>needs</c> on each would otherwise compare every id with every
/// other (2,000 steps: 4 million full edit-distance tables). Here candidates are bucketed by length and
/// only buckets within reach are searched, nearest length first; each comparison is a banded
/// edit distance that stops as soon as it cannot beat the best so far; and the cells computed are
/// capped per search and per index, after which searches answer "no suggestion" (deterministically:
/// the same input always gives the same answer).
/// </summary>
public sealed class SuggestionIndex
{
    /// <summary>Inputs and candidates longer than this are never suggested (nor suggested for).</summary>
    public const int MaxLength = 128;

    /// <summary>Edit-distance cells one search computes at most.</summary>
    public const long MaxCellsPerSearch = 250_000;

    /// <summary>Edit-distance cells all searches of one index compute together at most.</summary>
    public const long MaxCells = 2_000_000;

    private readonly Dictionary<int, List<(string Original, string Lower)>> _byLength = new();
    private readonly int[][] _rows = new int[3][];
    private long _cells;

    /// <summary>Indexes <paramref name="candidates"/> (duplicates and over-long ones are dropped).</summary>
    public SuggestionIndex(IEnumerable<string> candidates)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            if (candidate is null || candidate.Length == 0 || candidate.Length > MaxLength || !seen.Add(candidate))
            {
                continue;
            }

            if (!_byLength.TryGetValue(candidate.Length, out var bucket))
            {
                _byLength[candidate.Length] = bucket = new List<(string, string)>();
            }

            bucket.Add((candidate, candidate.ToLowerInvariant()));
        }

        foreach (var bucket in _byLength.Values)
        {
            bucket.Sort((x, y) => string.CompareOrdinal(x.Original, y.Original));
        }
    }

    /// <summary>The edit-distance cells computed so far by all searches (for tests and budgets).</summary>
    internal long CellsComputed => _cells;

    /// <summary>
    /// The candidate closest to <paramref name="input"/> (case-insensitive optimal string alignment
    /// distance), other than <paramref name="exclude"/>, or null when none is close enough: at most
    /// one edit for short words, a third of the length for longer ones. Ties go to the candidate first
    /// in ordinal order.
    /// </summary>
    public string? Closest(string input, string? exclude = null)
    {
        if (string.IsNullOrEmpty(input) || input.Length > MaxLength || _cells >= MaxCells)
        {
            return null;
        }

        var lower = input.ToLowerInvariant();
        var limit = Math.Max(1, input.Length / 3);
        var budget = Math.Min(MaxCellsPerSearch, MaxCells - _cells);
        long spent = 0;
        string? best = null;
        var bestDistance = int.MaxValue;

        // Nearest lengths first: a candidate |Δ| longer or shorter is at least |Δ| edits away, so once
        // the best is closer than that, no further bucket can win (ties need a distance equal to the best).
        for (var delta = 0; delta <= limit && delta <= bestDistance; delta++)
        {
            for (var sign = 0; sign < (delta == 0 ? 1 : 2); sign++)
            {
                var length = input.Length + (sign == 0 ? delta : -delta);
                if (!_byLength.TryGetValue(length, out var bucket))
                {
                    continue;
                }

                foreach (var (original, candidateLower) in bucket)
                {
                    if (spent >= budget)
                    {
                        _cells += spent;
                        return best;
                    }

                    if (exclude is not null && string.Equals(original, exclude, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var threshold = Math.Min(limit, bestDistance);
                    var d = BoundedDistance(lower, candidateLower, threshold, _rows, ref spent);
                    if (d <= threshold && (d < bestDistance || string.CompareOrdinal(original, best) < 0))
                    {
                        best = original;
                        bestDistance = d;
                    }
                }
            }
        }

        _cells += spent;
        return best;
    }

    /// <summary><c> (did you mean 'x'?)</c> for a suggestion other than the input itself, or the empty string.</summary>
    public string DidYouMean(string input, string? exclude = null)
        => DidYouMean(input, out _, exclude);

    /// <summary>
    /// <c> (did you mean 'x'?)</c> for a suggestion other than the input itself, or the empty string;
    /// <paramref name="suggestion"/> is the suggested value (null without one), for a quick fix's edit.
    /// </summary>
    public string DidYouMean(string input, out string? suggestion, string? exclude = null)
    {
        suggestion = Suggestions.OtherThan(input, Closest(input, exclude));
        return Suggestions.Hint(suggestion);
    }

    /// <summary>
    /// The optimal-string-alignment distance of <paramref name="a"/> and <paramref name="b"/> if it is
    /// at most <paramref name="threshold"/>, else <paramref name="threshold"/> + 1. Only the diagonal band
    /// of width 2 × threshold + 1 is computed, and the computation stops at the first row whose cells all
    /// exceed the threshold. <paramref name="rows"/> are reused buffers.
    /// </summary>
    internal static int BoundedDistance(string a, string b, int threshold, int[][] rows)
    {
        long cells = 0;
        return BoundedDistance(a, b, threshold, rows, ref cells);
    }

    /// <summary><see cref="BoundedDistance(string, string, int, int[][])"/>, adding the cells it computes to <paramref name="cells"/>.</summary>
    internal static int BoundedDistance(string a, string b, int threshold, int[][] rows, ref long cells)
    {
        int n = a.Length, m = b.Length;
        threshold = Math.Min(threshold, n + m);
        var over = threshold + 1;
        if (Math.Abs(n - m) > threshold)
        {
            return over;
        }

        for (var r = 0; r < 3; r++)
        {
            if (rows[r] is null || rows[r].Length < m + 1)
            {
                rows[r] = new int[Math.Max(m + 1, MaxLength + 1)];
            }
        }

        int[] before = rows[0], previous = rows[1], current = rows[2];
        for (var j = 0; j <= m; j++)
        {
            previous[j] = j <= threshold ? j : over;
        }

        for (var i = 1; i <= n; i++)
        {
            var lo = Math.Max(1, i - threshold);
            var hi = Math.Min(m, i + threshold);
            current[0] = i <= threshold ? i : over;
            if (lo > 1)
            {
                current[lo - 1] = over;
            }

            var rowMin = lo == 1 ? current[0] : over;
            for (var j = lo; j <= hi; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, before[j - 2] + 1);
                }

                current[j] = Math.Min(v, over);
                rowMin = Math.Min(rowMin, current[j]);
            }

            if (hi < m)
            {
                current[hi + 1] = over;
            }

            cells += hi - lo + 1;
            if (rowMin > threshold)
            {
                return over;
            }

            (before, previous, current) = (previous, current, before);
        }

        return previous[m];
    }
}
