using System;

namespace Osiris.Oml.Text;

/// <summary>A zero-based line and character (UTF-16 code unit) position, as Roslyn counts them.</summary>
public readonly record struct LinePosition(int Line, int Character) : IComparable<LinePosition>
{
    /// <inheritdoc />
    public int CompareTo(LinePosition other)
        => Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);

    /// <summary>The position as people read it: one-based <c>line,column</c>.</summary>
    public override string ToString() => $"{Line + 1},{Character + 1}";
}
