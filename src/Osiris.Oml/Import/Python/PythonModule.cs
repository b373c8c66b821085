using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Osiris.Oml.Export.Python;

namespace Osiris.Oml.Import.Python;

/// <summary>
/// What the importer reads of a Python module: its module-level assignments (<c>NAME = value</c>) and
/// every call that is not itself inside another call's arguments (decorators, <c>with DAG(...)</c>, calls
/// in function bodies), each with its arguments parsed into <see cref="PythonValue"/>s.
/// </summary>
internal sealed class PythonModule
{
    private PythonModule(List<(string Name, PythonValue Value, int Start)> assignments, List<PyCall> calls)
    {
        Assignments = assignments;
        Calls = calls;
    }

    public List<(string Name, PythonValue Value, int Start)> Assignments { get; }

    public List<PyCall> Calls { get; }

    /// <summary>The first call to <paramref name="callee"/> (anywhere, nested ones included), or null.</summary>
    public PyCall? FindCall(string callee) => AllCalls().FirstOrDefault(c => c.Callee == callee);

    /// <summary>Every call, nested ones included, in file order.</summary>
    public IEnumerable<PyCall> AllCalls()
    {
        IEnumerable<PyCall> Walk(PythonValue v)
        {
            switch (v)
            {
                case PyCall c:
                    yield return c;
                    foreach (var a in c.Arguments)
                    {
                        foreach (var x in Walk(a.Value))
                        {
                            yield return x;
                        }
                    }

                    break;
                case PyList l:
                    foreach (var item in l.Items)
                    {
                        foreach (var x in Walk(item))
                        {
                            yield return x;
                        }
                    }

                    break;
                case PyDict d:
                    foreach (var e in d.Entries)
                    {
                        foreach (var x in Walk(e.Value))
                        {
                            yield return x;
                        }
                    }

                    break;
            }
        }

        foreach (var (_, value, _) in Assignments)
        {
            foreach (var c in Walk(value))
            {
                yield return c;
            }
        }

        foreach (var call in Calls)
        {
            foreach (var c in Walk(call))
            {
                yield return c;
            }
        }
    }

    /// <summary>The value assigned to <paramref name="name"/> at module level, or null.</summary>
    public PythonValue? Assignment(string name) => Assignments.FirstOrDefault(a => a.Name == name).Value;

    /// <summary>Reads <paramref name="tokens"/>.</summary>
    public static PythonModule Read(List<PythonToken> tokens, string text)
    {
        var assignments = new List<(string, PythonValue, int)>();
        var calls = new List<PyCall>();
        var lineStart = true;
        var i = 0;
        while (i < tokens.Count)
        {
            var t = tokens[i];
            if (t.Kind == PythonTokenKind.NewLine)
            {
                lineStart = true;
                i++;
                continue;
            }

            if (lineStart && t.Kind == PythonTokenKind.Name && i + 1 < tokens.Count && tokens[i + 1].Is("=") && IsTopLevel(text, t.Start))
            {
                var end = LineEnd(tokens, i + 2);
                assignments.Add((t.Text, ReadValue(tokens, i + 2, end), t.Start));
                i = end;
                lineStart = false;
                continue;
            }

            lineStart = false;
            if (t.Kind == PythonTokenKind.Name && (i == 0 || !(tokens[i - 1].IsName("def") || tokens[i - 1].IsName("class") || tokens[i - 1].Is("."))))
            {
                var nameEnd = DottedEnd(tokens, i);
                if (nameEnd < tokens.Count && tokens[nameEnd].Is("("))
                {
                    var close = Matching(tokens, nameEnd);
                    calls.Add(ReadCall(tokens, i, nameEnd, close));
                    i = close + 1;
                    continue;
                }
            }

            i++;
        }

        return new PythonModule(assignments, calls);
    }

    /// <summary>Whether the token at <paramref name="offset"/> starts a statement at column 0 (module level).</summary>
    private static bool IsTopLevel(string text, int offset) => offset == 0 || text[offset - 1] is '\n' or '\r';

    private static int LineEnd(List<PythonToken> tokens, int from)
    {
        var i = from;
        while (i < tokens.Count && tokens[i].Kind != PythonTokenKind.NewLine)
        {
            i++;
        }

        return i;
    }

    private static int DottedEnd(List<PythonToken> tokens, int i)
    {
        var j = i + 1;
        while (j + 1 < tokens.Count && tokens[j].Is(".") && tokens[j + 1].Kind == PythonTokenKind.Name)
        {
            j += 2;
        }

        return j;
    }

    /// <summary>The index of the bracket that closes the one at <paramref name="open"/> (or the last token).</summary>
    private static int Matching(List<PythonToken> tokens, int open)
    {
        var depth = 0;
        for (var i = open; i < tokens.Count; i++)
        {
            if (tokens[i].Kind == PythonTokenKind.Operator)
            {
                if (tokens[i].Text is "(" or "[" or "{")
                {
                    depth++;
                }
                else if (tokens[i].Text is ")" or "]" or "}" && --depth == 0)
                {
                    return i;
                }
            }
        }

        return tokens.Count - 1;
    }

    private static PyCall ReadCall(List<PythonToken> tokens, int nameStart, int open, int close)
    {
        var callee = new StringBuilder();
        for (var k = nameStart; k < open; k++)
        {
            callee.Append(tokens[k].Text);
        }

        var arguments = new List<PyArgument>();
        foreach (var (s, e) in SplitTopLevel(tokens, open + 1, close))
        {
            if (e - s >= 2 && tokens[s].Kind == PythonTokenKind.Name && tokens[s + 1].Is("="))
            {
                arguments.Add(new PyArgument(tokens[s].Text, ReadValue(tokens, s + 2, e), tokens[s].Start));
            }
            else
            {
                arguments.Add(new PyArgument(null, ReadValue(tokens, s, e), tokens[s].Start));
            }
        }

        return new PyCall(callee.ToString(), arguments, tokens[nameStart].Start, tokens[close].End);
    }

    /// <summary>The comma-separated parts of tokens [from, to), at bracket depth 0; empty parts dropped.</summary>
    private static List<(int Start, int End)> SplitTopLevel(List<PythonToken> tokens, int from, int to)
    {
        var result = new List<(int, int)>();
        var depth = 0;
        var start = from;
        for (var i = from; i < to; i++)
        {
            var t = tokens[i];
            if (t.Kind == PythonTokenKind.Operator)
            {
                if (t.Text is "(" or "[" or "{")
                {
                    depth++;
                }
                else if (t.Text is ")" or "]" or "}")
                {
                    depth--;
                }
                else if (t.Text == "," && depth == 0)
                {
                    if (i > start)
                    {
                        result.Add((start, i));
                    }

                    start = i + 1;
                }
            }
        }

        if (to > start)
        {
            result.Add((start, to));
        }

        return result;
    }

    /// <summary>The value of tokens [from, to).</summary>
    internal static PythonValue ReadValue(List<PythonToken> tokens, int from, int to)
    {
        if (from >= to)
        {
            var at = from < tokens.Count ? tokens[from].Start : 0;
            return new PyOpaque(string.Empty, at, at);
        }

        var first = tokens[from];
        var last = tokens[to - 1];

        // Adjacent string literals concatenate.
        if (Enumerable.Range(from, to - from).All(k => tokens[k].Kind == PythonTokenKind.String))
        {
            if (Enumerable.Range(from, to - from).All(k => tokens[k].StringValue is not null))
            {
                return new PyString(string.Concat(Enumerable.Range(from, to - from).Select(k => tokens[k].StringValue)), first.Start, last.End);
            }
        }
        else if (to - from == 1 && (first.Kind == PythonTokenKind.Number || (first.Kind == PythonTokenKind.Name && first.Text is "True" or "False" or "None")))
        {
            return new PyAtom(first.Text, first.Start, first.End);
        }
        else if (to - from == 2 && first.Is("-") && last.Kind == PythonTokenKind.Number)
        {
            return new PyAtom("-" + last.Text, first.Start, last.End);
        }
        else if ((first.Is("[") || first.Is("(")) && Matching(tokens, from) == to - 1)
        {
            var parts = SplitTopLevel(tokens, from + 1, to - 1);
            var hasComma = Enumerable.Range(from + 1, Math.Max(0, to - from - 2)).Any(k => tokens[k].Is(",") && Depth(tokens, from + 1, k) == 0);
            if (first.Is("(") && parts.Count == 1 && !hasComma)
            {
                return ReadValue(tokens, parts[0].Start, parts[0].End);
            }

            return new PyList(parts.Select(p => ReadValue(tokens, p.Start, p.End)).ToList(), first.Is("("), first.Start, last.End);
        }
        else if (first.Is("{") && Matching(tokens, from) == to - 1)
        {
            var entries = new List<KeyValuePair<PythonValue, PythonValue>>();
            var ok = true;
            foreach (var (s, e) in SplitTopLevel(tokens, from + 1, to - 1))
            {
                var colon = -1;
                for (var k = s; k < e; k++)
                {
                    if (tokens[k].Is(":") && Depth(tokens, s, k) == 0)
                    {
                        colon = k;
                        break;
                    }
                }

                if (colon < 0)
                {
                    ok = false;
                    break;
                }

                entries.Add(new KeyValuePair<PythonValue, PythonValue>(ReadValue(tokens, s, colon), ReadValue(tokens, colon + 1, e)));
            }

            if (ok)
            {
                return new PyDict(entries, first.Start, last.End);
            }
        }
        else if (first.Kind == PythonTokenKind.Name)
        {
            var nameEnd = DottedEnd(tokens, from);
            if (nameEnd < to && tokens[nameEnd].Is("(") && Matching(tokens, nameEnd) == to - 1)
            {
                return ReadCall(tokens, from, nameEnd, to - 1);
            }
        }

        var text = new StringBuilder();
        for (var k = from; k < to; k++)
        {
            if (k > from)
            {
                text.Append(' ');
            }

            text.Append(tokens[k].Kind == PythonTokenKind.String && tokens[k].StringValue is { } v ? PythonLiteral.String(v) : tokens[k].Text);
        }

        return new PyOpaque(text.ToString(), first.Start, last.End);
    }

    private static int Depth(List<PythonToken> tokens, int from, int at)
    {
        var depth = 0;
        for (var k = from; k < at; k++)
        {
            if (tokens[k].Text is "(" or "[" or "{" && tokens[k].Kind == PythonTokenKind.Operator)
            {
                depth++;
            }
            else if (tokens[k].Text is ")" or "]" or "}" && tokens[k].Kind == PythonTokenKind.Operator)
            {
                depth--;
            }
        }

        return depth;
    }

    /// <summary>An integer literal's value, or null.</summary>
    public static long? Integer(PythonValue? value) => value is PyAtom a ? a.AsInt64() : null;

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
