using System.Collections.Generic;
using Osiris.Oml.Text;

namespace Osiris.Oml.Syntax;

/// <summary>The three kinds of YAML node.</summary>
public enum YamlNodeKind
{
    /// <summary>A single value.</summary>
    Scalar,

    /// <summary>A list.</summary>
    Sequence,

    /// <summary>Key/value pairs.</summary>
    Mapping,
}

/// <summary>
/// A node of the positioned YAML tree. Every node knows its exact span in the file; aliases resolve
/// to the node their anchor names (shared, not copied, so an alias bomb costs nothing to hold).
/// </summary>
public abstract class YamlNode
{
    private protected YamlNode(SourceSpan span, string? tag)
    {
        Span = span;
        Tag = tag;
    }

    /// <summary>The kind of node.</summary>
    public abstract YamlNodeKind Kind { get; }

    /// <summary>Where the node is written (for an anchored node, its definition).</summary>
    public SourceSpan Span { get; }

    /// <summary>The explicit tag, if one was written (<c>!!str</c> is <c>tag:yaml.org,2002:str</c>).</summary>
    public string? Tag { get; }

    /// <summary>The YAML type name used in messages: "a string", "a list", "null", ...</summary>
    public abstract string TypeDescription { get; }
}

/// <summary>A list.</summary>
public sealed class YamlSequenceNode : YamlNode
{
    internal YamlSequenceNode(SourceSpan span, string? tag, IReadOnlyList<YamlNode> items)
        : base(span, tag) => Items = items;

    /// <inheritdoc />
    public override YamlNodeKind Kind => YamlNodeKind.Sequence;

    /// <summary>The items in order.</summary>
    public IReadOnlyList<YamlNode> Items { get; }

    /// <inheritdoc />
    public override string TypeDescription => "a list";
}

/// <summary>One key/value pair of a mapping.</summary>
/// <param name="Key">The key node (a scalar unless the YAML uses complex keys).</param>
/// <param name="Value">The value node.</param>
public sealed record YamlEntry(YamlNode Key, YamlNode Value)
{
    /// <summary>The key as text, or null when the key is not a scalar.</summary>
    public string? KeyText => (Key as YamlScalarNode)?.Value;
}

/// <summary>Key/value pairs in document order.</summary>
public sealed class YamlMappingNode : YamlNode
{
    private readonly Dictionary<string, YamlEntry> _byKey;

    internal YamlMappingNode(SourceSpan span, string? tag, IReadOnlyList<YamlEntry> entries)
        : base(span, tag)
    {
        Entries = entries;
        _byKey = new Dictionary<string, YamlEntry>(System.StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry.KeyText is { } key)
            {
                // A repeated key is reported as OSI0004; like YAML 1.1 readers, the last one is used afterwards.
                _byKey[key] = entry;
            }
        }
    }

    /// <inheritdoc />
    public override YamlNodeKind Kind => YamlNodeKind.Mapping;

    /// <summary>The entries in document order, repeated keys included.</summary>
    public IReadOnlyList<YamlEntry> Entries { get; }

    /// <inheritdoc />
    public override string TypeDescription => "a mapping";

    /// <summary>Whether <paramref name="key"/> is present (even with a null value).</summary>
    public bool ContainsKey(string key) => _byKey.ContainsKey(key);

    /// <summary>The entry of <paramref name="key"/> (the last one when repeated), or null.</summary>
    public YamlEntry? GetEntry(string key) => _byKey.TryGetValue(key, out var e) ? e : null;

    /// <summary>The value of <paramref name="key"/>, or null when the key is absent.</summary>
    public YamlNode? this[string key] => GetEntry(key)?.Value;

    /// <summary>The distinct keys in the order they first appear.</summary>
    public IEnumerable<string> Keys
    {
        get
        {
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var entry in Entries)
            {
                if (entry.KeyText is { } key && seen.Add(key))
                {
                    yield return key;
                }
            }
        }
    }
}
