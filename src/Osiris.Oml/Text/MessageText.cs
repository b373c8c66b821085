using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Osiris.Oml.Text;

/// <summary>
/// How messages quote what a file says. A message names the value it is about, but a value can be a
/// megabyte long (and repeated by aliases), and every message ends up in build logs and IDE lists: so
/// a message quotes at most a short prefix of any value, and says how long the whole value is.
/// </summary>
public static class MessageText
{
    /// <summary>The most characters of one value a message quotes.</summary>
    public const int MaxQuotedLength = 80;

    /// <summary>
    /// The most characters of one message argument. Arguments are short sentences with quoted values in
    /// them, far below this; it is the backstop that keeps a message bounded should a value slip in whole.
    /// </summary>
    public const int MaxArgumentLength = 1000;

    /// <summary>
    /// <paramref name="value"/> itself when it has at most <see cref="MaxQuotedLength"/> characters;
    /// otherwise its first characters, '…' and its length: <c>SELECT a, b, … (12,345 characters)</c>.
    /// </summary>
    public static string Excerpt(string value) => Shorten(value, MaxQuotedLength);

    /// <summary>The most items of a list a message names one by one.</summary>
    public const int MaxListed = 30;

    /// <summary>
    /// <paramref name="items"/> joined with ", ", each an <see cref="Excerpt"/>; past
    /// <see cref="MaxListed"/> items, the rest are counted: <c>a, b, … (12 more)</c>.
    /// </summary>
    public static string List(IEnumerable<string> items)
    {
        var parts = new List<string>();
        var more = 0;
        foreach (var item in items)
        {
            if (parts.Count < MaxListed)
            {
                parts.Add(Excerpt(item));
            }
            else
            {
                more++;
            }
        }

        if (more > 0)
        {
            parts.Add("… (" + more.ToString("N0", CultureInfo.InvariantCulture) + " more)");
        }

        return string.Join(", ", parts);
    }

    /// <summary>The most members of a cycle a message names one by one.</summary>
    public const int MaxCycleMembers = 12;

    /// <summary>
    /// A cycle as <c>a → b → c → a</c>. A long one names its first members, how many more there are,
    /// and its last member: <c>s0 → s1 → … → s9 → … (489 more) → s499 → s0</c>; every name is an
    /// <see cref="Excerpt"/>.
    /// </summary>
    public static string Cycle(IReadOnlyList<string> members)
    {
        var parts = new List<string>(MaxCycleMembers + 2);
        if (members.Count <= MaxCycleMembers)
        {
            parts.AddRange(members.Select(Excerpt));
        }
        else
        {
            parts.AddRange(members.Take(MaxCycleMembers - 2).Select(Excerpt));
            parts.Add("… (" + (members.Count - MaxCycleMembers + 1).ToString("N0", CultureInfo.InvariantCulture) + " more)");
            parts.Add(Excerpt(members[members.Count - 1]));
        }

        if (members.Count > 0)
        {
            parts.Add(Excerpt(members[0]));
        }

        return string.Join(" → ", parts);
    }

    /// <summary><see cref="Excerpt"/> with another length; used for whole message arguments.</summary>
    internal static string Shorten(string value, int max)
    {
        if (value.Length <= max)
        {
            return value;
        }

        // Never cut a surrogate pair in half: the message must stay valid UTF-16.
        var cut = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return value.Substring(0, cut) + "… (" + value.Length.ToString("N0", CultureInfo.InvariantCulture) + " characters)";
    }
}
