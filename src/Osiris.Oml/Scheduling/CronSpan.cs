namespace Osiris.Oml.Scheduling;

/// <summary>
/// A range of UTF-16 code units inside the text of a cron expression (not inside the OML file):
/// the analyzer adds the offset of the expression's scalar to squiggle the exact token.
/// </summary>
/// <param name="Start">Offset of the first character, from the start of the expression text.</param>
/// <param name="Length">Number of characters covered.</param>
public readonly record struct CronSpan(int Start, int Length)
{
    /// <summary>Offset just after the last character.</summary>
    public int End => Start + Length;

    /// <inheritdoc />
    public override string ToString() => $"[{Start}..{End})";

    /// <summary>The smallest span that covers both; either one alone when the other is null.</summary>
    internal static CronSpan? Cover(CronSpan? a, CronSpan? b)
    {
        if (a is not { } x)
        {
            return b;
        }

        if (b is not { } y)
        {
            return x;
        }

        var start = System.Math.Min(x.Start, y.Start);
        return new CronSpan(start, System.Math.Max(x.End, y.End) - start);
    }
}
