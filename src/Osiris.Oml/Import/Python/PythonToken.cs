namespace Osiris.Oml.Import.Python;

/// <summary>The kinds of Python tokens the importer tells apart.</summary>
internal enum PythonTokenKind
{
    Name,
    Number,
    String,
    Operator,

    /// <summary>The end of a logical line (outside brackets).</summary>
    NewLine,
}

/// <summary>
/// One token: its kind, its text in the file, and for strings the decoded value (null for f-strings,
/// bytes and <c>\N{...}</c> escapes, which the importer treats as opaque).
/// </summary>
internal sealed record PythonToken(PythonTokenKind Kind, string Text, int Start, int End, string? StringValue = null)
{
    public bool Is(string op) => Kind == PythonTokenKind.Operator && Text == op;

    public bool IsName(string name) => Kind == PythonTokenKind.Name && Text == name;
}
