using Osiris.Oml.Text;

namespace Osiris.Oml.Tests.Syntax;

/// <summary>
/// The bounded "did you mean" search gives the answer of the full search it replaced (every
/// candidate compared with a full edit-distance table) while its work stays capped.
/// </summary>
public sealed class SuggestionIndexTests
{
    [Fact]
    public void Closest_GivesTheFullSearchAnswer_ForRandomWordsAndCandidates()
    {
        var random = new Random(20260701);
        for (var round = 0; round < 2_000; round++)
        {
            var candidates = Enumerable.Range(0, random.Next(1, 40)).Select(_ => Word(random)).ToList();
            var input = random.Next(3) == 0 ? Mutate(candidates[random.Next(candidates.Count)], random) : Word(random);
            var exclude = random.Next(4) == 0 ? candidates[0] : null;

            var expected = FullSearch(input, candidates.Where(c => c != exclude));

            Assert.Equal(expected, new SuggestionIndex(candidates).Closest(input, exclude));
        }
    }

    [Theory]
    [InlineData("extract_customer", "extract_customers")]
    [InlineData("EXTRACT", "extract")]
    [InlineData("tranform", "transform")]
    [InlineData("xyz", null)]
    public void Closest_SuggestsTheNearestCandidate(string input, string? expected)
    {
        var index = new SuggestionIndex(new[] { "extract", "extract_customers", "transform", "load" });

        Assert.Equal(expected, index.Closest(input));
    }

    [Fact]
    public void Closest_StopsSuggestingAtTheCap_WhenSixteenThousandSearchesRunOverSixteenThousandIds()
    {
        var ids = Enumerable.Range(0, 16_000).Select(i => "step_number_" + i).ToList();
        var index = new SuggestionIndex(ids);

        for (var i = 0; i < ids.Count; i++)
        {
            index.Closest("stepnumber_" + i + "x");
            Assert.True(index.CellsComputed <= SuggestionIndex.MaxCells + OneComparison, $"{index.CellsComputed} cells after {i + 1} searches");
        }

        // The first searches, within the budget, still found their step.
        Assert.Equal("step_number_1", new SuggestionIndex(ids).Closest("stepnumber_1x"));
    }

    [Fact]
    public void Closest_ComputesABoundedBand_WhenCandidatesAreLong()
    {
        var index = new SuggestionIndex(Enumerable.Range(0, 500).Select(i => new string('a', 120) + i.ToString("D3")));

        index.Closest(new string('b', 123));

        // 500 candidates × 123 rows × a band of 2·41+1 cells would be 5.1 million full tables 7.6 million;
        // each comparison stops after 42 rows (every cell past the threshold), and the search at its cap.
        Assert.True(index.CellsComputed <= SuggestionIndex.MaxCellsPerSearch + OneComparison, $"{index.CellsComputed} cells");
    }

    /// <summary>The most cells one comparison computes (the search checks its budget between comparisons).</summary>
    private const long OneComparison = SuggestionIndex.MaxLength * ((2 * (SuggestionIndex.MaxLength / 3)) + 1);

    private static string Word(Random random)
        => new(Enumerable.Range(0, random.Next(1, 12)).Select(_ => "abcdeAB_"[random.Next(8)]).ToArray());

    private static string Mutate(string word, Random random)
    {
        var chars = word.ToList();
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(chars.Count + 1);
            switch (random.Next(3))
            {
                case 0:
                    chars.Insert(at, "abc"[random.Next(3)]);
                    break;
                case 1 when chars.Count > 1 && at < chars.Count:
                    chars.RemoveAt(at);
                    break;
                default:
                    if (at + 1 < chars.Count)
                    {
                        (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                    }

                    break;
            }
        }

        return new string(chars.ToArray());
    }

    /// <summary>The search as it was before: every candidate, a full distance table, the same rules.</summary>
    private static string? FullSearch(string input, IEnumerable<string> candidates)
    {
        var limit = Math.Max(1, input.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (Math.Abs(candidate.Length - input.Length) > limit)
            {
                continue;
            }

            var d = FullDistance(input.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d <= limit && (d < bestDistance || (d == bestDistance && string.CompareOrdinal(candidate, best) < 0)))
            {
                best = candidate;
                bestDistance = d;
            }
        }

        return best;
    }

    private static int FullDistance(string a, string b)
    {
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
