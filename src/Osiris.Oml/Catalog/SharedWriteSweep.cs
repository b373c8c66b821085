using System.Collections.Generic;
using System.Threading;
using NodaTime;
using Osiris.Oml.Collections;

namespace Osiris.Oml.Catalog;

/// <summary>
/// For the writers of one target: when each first runs at the same time as another writer, and which
/// one (the first in the writers' order among those running then). One sweep over the writers' run
/// coverage in time order, merged from their lists; writers with the very same runs (one schedule and
/// timeout) sweep as one list. The sweep stops as soon as every writer has its answer, so its work is
/// bounded by the distinct run lists, not by the number of writers or of pairs.
/// </summary>
internal static class SharedWriteSweep
{
    /// <summary>
    /// <paramref name="writers"/> in their order, each with its runs; returns, per writer index, the
    /// first instant it overlaps another writer and that writer's index, or null.
    /// </summary>
    public static (Instant At, int Partner)?[] FirstOverlaps(IReadOnlyList<Runs> writers, CancellationToken cancellationToken)
    {
        var result = new (Instant, int)?[writers.Count];

        // Writers that share one run list are one group; the group's members are in writer order.
        var groups = new List<Group>();
        var byRuns = new Dictionary<Runs, Group>(ReferenceComparer<Runs>.Instance);
        for (var i = 0; i < writers.Count; i++)
        {
            if (!byRuns.TryGetValue(writers[i], out var group))
            {
                byRuns[writers[i]] = group = new Group(groups.Count, writers[i].Coverage);
                groups.Add(group);
            }

            group.Members.Add(i);
        }

        // Next interval of each group, by start (then group), and the active groups by their first member.
        var pending = new SortedSet<(Instant Start, int Group)>();
        foreach (var group in groups)
        {
            if (group.Coverage.Count > 0)
            {
                pending.Add((group.Coverage[0].Start, group.Index));
            }
        }

        var ends = new SortedSet<(Instant End, int Group)>();
        var active = new SortedSet<(int FirstMember, int Group)>();
        var unset = new HashSet<int>();
        var remaining = groups.Count;
        var steps = 0;
        while (pending.Count > 0 && remaining > 0)
        {
            if (++steps % 4096 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var at = pending.Min.Start;

            // Runs end before others start at the same instant: [02:00, 03:00) and [03:00, 04:00) do not overlap.
            while (ends.Count > 0 && ends.Min.End <= at)
            {
                var (_, ended) = ends.Min;
                ends.Remove(ends.Min);
                active.Remove((groups[ended].Members[0], ended));
                unset.Remove(ended);
            }

            while (pending.Count > 0 && pending.Min.Start == at)
            {
                var (_, g) = pending.Min;
                pending.Remove(pending.Min);
                var group = groups[g];
                var end = group.Coverage[group.Next].End;
                group.Next++;
                if (group.Next < group.Coverage.Count)
                {
                    pending.Add((group.Coverage[group.Next].Start, g));
                }

                ends.Add((end, g));
                active.Add((group.Members[0], g));
                if (!group.Done)
                {
                    unset.Add(g);
                }
            }

            var co = CountMembers(active, groups);
            if (co < 2 || unset.Count == 0)
            {
                continue;
            }

            // Everyone active now runs with someone: each takes the first other writer among them.
            foreach (var g in unset)
            {
                var group = groups[g];
                foreach (var member in group.Members)
                {
                    result[member] = (at, FirstOther(active, groups, member));
                }

                group.Done = true;
                remaining--;
            }

            unset.Clear();
        }

        return result;
    }

    private static int CountMembers(SortedSet<(int FirstMember, int Group)> active, List<Group> groups)
    {
        var n = 0;
        foreach (var (_, g) in active)
        {
            n += groups[g].Members.Count;
            if (n >= 2)
            {
                break;
            }
        }

        return n;
    }

    /// <summary>The first writer (in writer order) other than <paramref name="member"/> among the active groups.</summary>
    private static int FirstOther(SortedSet<(int FirstMember, int Group)> active, List<Group> groups, int member)
    {
        // Groups are ordered by their first member and members are in order: stop once nothing can be smaller.
        var best = int.MaxValue;
        foreach (var (first, g) in active)
        {
            if (first >= best)
            {
                break;
            }

            foreach (var other in groups[g].Members)
            {
                if (other >= best)
                {
                    break;
                }

                if (other != member)
                {
                    best = other;
                    break;
                }
            }
        }

        return best;
    }

    private sealed class Group
    {
        public Group(int index, List<(Instant Start, Instant End)> coverage)
        {
            Index = index;
            Coverage = coverage;
        }

        public int Index { get; }

        public List<(Instant Start, Instant End)> Coverage { get; }

        public List<int> Members { get; } = new();

        /// <summary>The next stretch of <see cref="Coverage"/> to sweep.</summary>
        public int Next { get; set; }

        /// <summary>Whether its members have their first overlap.</summary>
        public bool Done { get; set; }
    }
}
