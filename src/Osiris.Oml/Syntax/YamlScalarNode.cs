using Osiris.Oml.Text;

namespace Osiris.Oml.Syntax;

/// <summary>How a scalar was written.</summary>
public enum YamlScalarStyle
{
    /// <summary>Unquoted; its type is resolved by the YAML 1.2 core schema.</summary>
    Plain,

    /// <summary>'single quoted'.</summary>
    SingleQuoted,

    /// <summary>"double quoted".</summary>
    DoubleQuoted,

    /// <summary>A literal (|) block.</summary>
    Literal,

    /// <summary>A folded (&gt;) block.</summary>
    Folded,
}

/// <summary>The type a scalar resolves to under the YAML 1.2 core schema.</summary>
public enum YamlScalarType
{
    /// <summary>null, ~ or nothing.</summary>
    Null,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A number with a fraction or exponent, .inf or .nan.</summary>
    Float,

    /// <summary>Everything else, and every quoted or block scalar.</summary>
    String,
}

/// <summary>A single value.</summary>
public sealed class YamlScalarNode : YamlNode
{
    internal YamlScalarNode(SourceSpan span, string? tag, string value, YamlScalarStyle style)
        : base(span, tag)
    {
        Value = value;
        Style = style;
        Type = YamlScalarResolver.Resolve(value, style, tag);
    }

    /// <inheritdoc />
    public override YamlNodeKind Kind => YamlNodeKind.Scalar;

    /// <summary>The text of the value, after YAML unescaping and folding.</summary>
    public string Value { get; }

    /// <summary>How the value was written.</summary>
    public YamlScalarStyle Style { get; }

    /// <summary>The resolved type.</summary>
    public YamlScalarType Type { get; }

    /// <summary>Whether the value is a string (quoted, block, or plain text that is not null, a boolean or a number).</summary>
    public bool IsString => Type == YamlScalarType.String;

    /// <summary>Whether the value is null.</summary>
    public bool IsNull => Type == YamlScalarType.Null;

    /// <inheritdoc />
    public override string TypeDescription => Type switch
    {
        YamlScalarType.Null => "null",
        YamlScalarType.Boolean => "a boolean",
        YamlScalarType.Integer => "an integer",
        YamlScalarType.Float => "a number",
        _ => "a string",
    };
}
