using System.Collections.Generic;
using System.Text;
using Osiris.Oml.Export.Python;

namespace Osiris.Oml.Import.Python;

/// <summary>
/// An expression as the importer reads it: a literal (string, number, True/False/None), a list, tuple or
/// dict of values, a call, or anything else as opaque normalised text. <see cref="Text"/> is a canonical
/// rendering: two expressions that differ only in quoting, spacing or line breaks render alike.
/// </summary>
internal abstract class PythonValue
{
    protected PythonValue(int start, int end)
    {
        Start = start;
        End = end;
    }

    public int Start { get; }

    public int End { get; }

    public abstract string Text { get; }
}

internal sealed class PyString : PythonValue
{
    public PyString(string value, int start, int end)
        : base(start, end) => Value = value;

    public string Value { get; }

    public override string Text => PythonLiteral.String(Value);
}

/// <summary>A number, True, False or None: its text.</summary>
internal sealed class PyAtom : PythonValue
{
    public PyAtom(string text, int start, int end)
        : base(start, end) => Atom = text;

    public string Atom { get; }

    public override string Text => Atom;

    public long? AsInt64()
        => long.TryParse(Atom.Replace("_", string.Empty), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}

internal sealed class PyList : PythonValue
{
    public PyList(List<PythonValue> items, bool tuple, int start, int end)
        : base(start, end)
    {
        Items = items;
        IsTuple = tuple;
    }

    public List<PythonValue> Items { get; }

    public bool IsTuple { get; }

    public override string Text
    {
        get
        {
            var sb = new StringBuilder(IsTuple ? "(" : "[");
            for (var i = 0; i < Items.Count; i++)
            {
                sb.Append(i > 0 ? ", " : string.Empty).Append(Items[i].Text);
            }

            return sb.Append(IsTuple ? ")" : "]").ToString();
        }
    }
}

internal sealed class PyDict : PythonValue
{
    public PyDict(List<KeyValuePair<PythonValue, PythonValue>> entries, int start, int end)
        : base(start, end) => Entries = entries;

    public List<KeyValuePair<PythonValue, PythonValue>> Entries { get; }

    public override string Text
    {
        get
        {
            var sb = new StringBuilder("{");
            for (var i = 0; i < Entries.Count; i++)
            {
                sb.Append(i > 0 ? ", " : string.Empty).Append(Entries[i].Key.Text).Append(": ").Append(Entries[i].Value.Text);
            }

            return sb.Append('}').ToString();
        }
    }
}

/// <summary>One argument of a call: positional (Name null) or keyword.</summary>
internal sealed record PyArgument(string? Name, PythonValue Value, int Start);

internal sealed class PyCall : PythonValue
{
    public PyCall(string callee, List<PyArgument> arguments, int start, int end)
        : base(start, end)
    {
        Callee = callee;
        Arguments = arguments;
    }

    /// <summary>The dotted name called, for example <c>DAG</c> or <c>subprocess.run</c>.</summary>
    public string Callee { get; }

    public List<PyArgument> Arguments { get; }

    /// <summary>The keyword argument <paramref name="name"/>, or null.</summary>
    public PythonValue? this[string name]
    {
        get
        {
            foreach (var a in Arguments)
            {
                if (a.Name == name)
                {
                    return a.Value;
                }
            }

            return null;
        }
    }

    /// <summary>Positional argument <paramref name="index"/>, or null.</summary>
    public PythonValue? Positional(int index)
    {
        var n = 0;
        foreach (var a in Arguments)
        {
            if (a.Name is null && n++ == index)
            {
                return a.Value;
            }
        }

        return null;
    }

    public override string Text
    {
        get
        {
            var sb = new StringBuilder(Callee).Append('(');
            for (var i = 0; i < Arguments.Count; i++)
            {
                sb.Append(i > 0 ? ", " : string.Empty);
                if (Arguments[i].Name is { } name)
                {
                    sb.Append(name).Append('=');
                }

                sb.Append(Arguments[i].Value.Text);
            }

            return sb.Append(')').ToString();
        }
    }
}

/// <summary>Any other expression: its tokens, strings in canonical form, joined by single spaces.</summary>
internal sealed class PyOpaque : PythonValue
{
    public PyOpaque(string text, int start, int end)
        : base(start, end) => Opaque = text;

    public string Opaque { get; }

    public override string Text => Opaque;
}
