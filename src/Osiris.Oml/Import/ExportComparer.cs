using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Osiris.Oml.Export.Oml;
using Osiris.Oml.Import.Python;
using Osiris.Oml.Syntax;

namespace Osiris.Oml.Import;

/// <summary>One thing an exported file says: where (a readable path), what (canonical text) and the span it is written at.</summary>
internal readonly record struct FileFact(string Path, string Text, int Start, int End, bool IsContainer);

/// <summary>A difference between a file and its regenerated twin.</summary>
internal readonly record struct FileDifference(string Path, string? Actual, string? Expected, int Start, int End);

/// <summary>
/// Compares an exported file with the file the embedded block regenerates: both are flattened into
/// facts (module constants, every argument of every call, dict entries, YAML keys), keyed by a path
/// such as <c>DAG(...).default_args["retries"]</c>; each fact that differs, is missing or was added is
/// a difference. Below a container that differs or is missing, nothing more is reported.
/// </summary>
internal static class ExportComparer
{
    public static List<FileFact> Facts(PythonModule module)
    {
        var facts = new List<FileFact>();
        foreach (var (name, value, _) in module.Assignments)
        {
            Flatten(value, name, facts);
        }

        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var call in module.Calls)
        {
            var key = call.Callee + "(...)";
            if ((call["task_id"] ?? call["name"]) is PyString id)
            {
                key = call.Callee + "(" + id.Text + ")";
            }

            counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
            if (counts[key] > 1)
            {
                key += "#" + counts[key].ToString(CultureInfo.InvariantCulture);
            }

            Flatten(call, key, facts);
        }

        return facts;
    }

    private static void Flatten(PythonValue value, string path, List<FileFact> facts)
    {
        switch (value)
        {
            case PyCall c:
                facts.Add(new FileFact(path, c.Callee + "(...)", c.Start, c.Start + c.Callee.Length, true));
                var position = 0;
                foreach (var a in c.Arguments)
                {
                    Flatten(a.Value, a.Name is { } name ? path + "." + name : path + "[" + (position++).ToString(CultureInfo.InvariantCulture) + "]", facts);
                }

                break;
            case PyList l:
                facts.Add(new FileFact(path, l.IsTuple ? "a tuple" : "a list", l.Start, l.End, true));
                for (var i = 0; i < l.Items.Count; i++)
                {
                    Flatten(l.Items[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", facts);
                }

                break;
            case PyDict d:
                facts.Add(new FileFact(path, "a dict", d.Start, d.End, true));
                foreach (var e in d.Entries)
                {
                    Flatten(e.Value, path + "[" + e.Key.Text + "]", facts);
                }

                break;
            default:
                facts.Add(new FileFact(path, value.Text, value.Start, value.End, false));
                break;
        }
    }

    /// <summary>The facts of a YAML document (prefect.yaml): every key and item, scalars with their YAML type.</summary>
    public static List<FileFact> Facts(YamlNode? root)
    {
        var facts = new List<FileFact>();
        if (root is not null)
        {
            Flatten(root, "prefect.yaml", facts);
        }

        return facts;
    }

    private static void Flatten(YamlNode node, string path, List<FileFact> facts)
    {
        switch (node)
        {
            case YamlMappingNode m:
                facts.Add(new FileFact(path, "a mapping", node.Span.Start, node.Span.End, true));
                foreach (var e in m.Entries)
                {
                    Flatten(e.Value, path + "." + (e.KeyText ?? "?"), facts);
                }

                break;
            case YamlSequenceNode s:
                facts.Add(new FileFact(path, "a list", node.Span.Start, node.Span.End, true));
                for (var i = 0; i < s.Items.Count; i++)
                {
                    Flatten(s.Items[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", facts);
                }

                break;
            case YamlScalarNode v:
                facts.Add(new FileFact(path, v.Type == YamlScalarType.String ? YamlText.Quote(v.Value) : v.Value, node.Span.Start, node.Span.End, false));
                break;
        }
    }

    /// <summary>The differences between <paramref name="actual"/> (the file) and <paramref name="expected"/> (regenerated), in file order.</summary>
    public static List<FileDifference> Compare(List<FileFact> actual, List<FileFact> expected, int missingAt)
    {
        var want = new Dictionary<string, FileFact>(StringComparer.Ordinal);
        foreach (var f in expected)
        {
            want[f.Path] = f;
        }

        var have = new Dictionary<string, FileFact>(StringComparer.Ordinal);
        foreach (var f in actual)
        {
            have[f.Path] = f;
        }

        var result = new List<FileDifference>();
        var silenced = new List<string>();
        bool Silenced(string path) => silenced.Any(p => path.StartsWith(p + ".", StringComparison.Ordinal) || path.StartsWith(p + "[", StringComparison.Ordinal));

        foreach (var f in actual)
        {
            if (Silenced(f.Path))
            {
                continue;
            }

            if (!want.TryGetValue(f.Path, out var w))
            {
                result.Add(new FileDifference(f.Path, f.Text, null, f.Start, f.End));
                silenced.Add(f.Path);
            }
            else if (!string.Equals(w.Text, f.Text, StringComparison.Ordinal))
            {
                result.Add(new FileDifference(f.Path, f.Text, w.Text, f.Start, f.End));
                if (f.IsContainer || w.IsContainer)
                {
                    silenced.Add(f.Path);
                }
            }
        }

        foreach (var w in expected)
        {
            if (!have.ContainsKey(w.Path) && !Silenced(w.Path))
            {
                var parent = Parent(w.Path, have);
                result.Add(new FileDifference(w.Path, null, w.Text, parent?.Start ?? missingAt, parent?.End ?? missingAt));
                silenced.Add(w.Path);
            }
        }

        return result.OrderBy(d => d.Start).ThenBy(d => d.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>The nearest fact above <paramref name="path"/> that the file has (a call's name, a dict), for locating a missing one.</summary>
    private static FileFact? Parent(string path, Dictionary<string, FileFact> have)
    {
        var p = path;
        while (true)
        {
            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            if (cut <= 0)
            {
                return null;
            }

            p = p.Substring(0, cut);
            if (have.TryGetValue(p, out var f))
            {
                return f.IsContainer && f.Text.EndsWith("(...)", StringComparison.Ordinal) ? f : new FileFact(f.Path, f.Text, f.Start, Math.Min(f.End, f.Start + 1), true);
            }
        }
    }
}
