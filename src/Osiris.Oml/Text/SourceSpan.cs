namespace Osiris.Oml.Text;

/// <summary>
/// A range of an OML file: UTF-16 offsets into the text and the zero-based line positions of both
/// ends. Hosts map it 1:1 onto their own location types (Roslyn <c>Location</c>, SARIF regions).
/// </summary>
public readonly record struct SourceSpan(int Start, int End, LinePosition StartPosition, LinePosition EndPosition)
{
    /// <summary>The number of UTF-16 code units covered.</summary>
    public int Length => End - Start;

    /// <inheritdoc />
    public override string ToString() => $"({StartPosition})-({EndPosition})";
}
