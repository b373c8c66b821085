using System;
using System.Collections.Generic;
using System.Linq;

namespace Osiris.Oml.Collections;

/// <summary>
/// Strongly connected components of a graph on the nodes 0..n-1, for the cycle rules of steps
/// (<c>needs</c>) and of pipelines (lineage).
/// </summary>
internal static class StronglyConnected
{
    /// <summary>
    /// Every component, each as its nodes, ordered by smallest node. Tarjan's algorithm without
    /// recursion, so a long chain cannot overflow the stack.
    /// </summary>
    /// <param name="successors">The targets of each node's edges, in the order they are followed.</param>
    public static List<List<int>> Components(IReadOnlyList<IReadOnlyList<int>> successors)
    {
        var n = successors.Count;
        var index = new int[n];
        var low = new int[n];
        var onStack = new bool[n];
        for (var i = 0; i < n; i++)
        {
            index[i] = -1;
        }

        var stack = new Stack<int>();
        var result = new List<List<int>>();
        var counter = 0;
        var work = new Stack<(int Node, int Edge)>();
        for (var root = 0; root < n; root++)
        {
            if (index[root] >= 0)
            {
                continue;
            }

            work.Push((root, 0));
            while (work.Count > 0)
            {
                var (v, e) = work.Pop();
                if (e == 0)
                {
                    index[v] = low[v] = counter++;
                    stack.Push(v);
                    onStack[v] = true;
                }

                var next = successors[v];
                var descended = false;
                for (var k = e; k < next.Count; k++)
                {
                    var w = next[k];
                    if (index[w] < 0)
                    {
                        work.Push((v, k + 1));
                        work.Push((w, 0));
                        descended = true;
                        break;
                    }

                    if (onStack[w])
                    {
                        low[v] = Math.Min(low[v], index[w]);
                    }
                }

                if (descended)
                {
                    continue;
                }

                if (low[v] == index[v])
                {
                    var component = new List<int>();
                    int w;
                    do
                    {
                        w = stack.Pop();
                        onStack[w] = false;
                        component.Add(w);
                    }
                    while (w != v);
                    result.Add(component);
                }

                if (work.Count > 0)
                {
                    var parent = work.Peek().Node;
                    low[parent] = Math.Min(low[parent], low[v]);
                }
            }
        }

        result.Sort((a, b) => a.Min().CompareTo(b.Min()));
        return result;
    }
}
