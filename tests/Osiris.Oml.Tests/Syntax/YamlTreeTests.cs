using Osiris.Oml.Syntax;
using Osiris.Oml.Text;

namespace Osiris.Oml.Tests.Syntax;

/// <summary>The positioned YAML tree: every node knows exactly where it is written.</summary>
public sealed class YamlTreeTests
{
    private const string Path = "pipelines/tree.oml";

    [Fact]
    public void Parse_GivesKeysAndScalarsTheirExactSpans_WhenDocumentIsBlockMapping()
    {
        const string text = "oml_version: \"0.1.0\"\nname: tree\nsteps:\n  - id: a\n";

        var tree = OmlSyntaxTree.Parse(Path, text);

        Assert.True(tree.IsComplete);
        Assert.Empty(tree.Diagnostics);
        var root = Assert.IsType<YamlMappingNode>(tree.Root);
        Assert.Equal(new[] { "oml_version", "name", "steps" }, root.Keys);
        var version = root.Entries[0];
        Assert.Equal("oml_version", Slice(text, version.Key.Span));
        Assert.Equal("\"0.1.0\"", Slice(text, version.Value.Span));
        Assert.Equal(new LinePosition(0, 13), version.Value.Span.StartPosition);
        var name = Assert.IsType<YamlScalarNode>(root["name"]);
        Assert.Equal("tree", Slice(text, name.Span));
        Assert.Equal(new LinePosition(1, 6), name.Span.StartPosition);
        var steps = Assert.IsType<YamlSequenceNode>(root["steps"]);
        var step = Assert.IsType<YamlMappingNode>(Assert.Single(steps.Items));
        Assert.Equal("id", Slice(text, step.Entries[0].Key.Span));
        Assert.Equal(new LinePosition(3, 4), step.Entries[0].Key.Span.StartPosition);
        Assert.Equal("a", Slice(text, step.Entries[0].Value.Span));
    }

    [Fact]
    public void Parse_EndsBlockCollectionsAtTheirLastChild_WhenCommentsAndBlankLinesFollow()
    {
        const string text = "a:\n  b: 1\n  c: [x, y]\n\n# trailing comment\nd: 2\n";

        var root = Assert.IsType<YamlMappingNode>(OmlSyntaxTree.Parse(Path, text).Root);

        var inner = Assert.IsType<YamlMappingNode>(root["a"]);
        Assert.Equal("b: 1\n  c: [x, y]", Slice(text, inner.Span));
        Assert.Equal("a:\n  b: 1\n  c: [x, y]\n\n# trailing comment\nd: 2", Slice(text, root.Span));
    }

    [Theory]
    [InlineData("k: [1, [2, 3]]\n", "[1, [2, 3]]")]
    [InlineData("k: {a: 1, b: {c: 2}}\n", "{a: 1, b: {c: 2}}")]
    [InlineData("k: [ ]\n", "[ ]")]
    [InlineData("k: {}\n", "{}")]
    public void Parse_IncludesTheBrackets_WhenCollectionIsFlowStyle(string text, string expected)
    {
        var root = Assert.IsType<YamlMappingNode>(OmlSyntaxTree.Parse(Path, text).Root);

        Assert.Equal(expected, Slice(text, root["k"]!.Span));
    }

    [Theory]
    [InlineData("k: plain\n", "plain", YamlScalarStyle.Plain)]
    [InlineData("k: 'single'\n", "single", YamlScalarStyle.SingleQuoted)]
    [InlineData("k: \"double\\tx\"\n", "double\tx", YamlScalarStyle.DoubleQuoted)]
    [InlineData("k: |\n  line1\n  line2\n", "line1\nline2\n", YamlScalarStyle.Literal)]
    [InlineData("k: >-\n  folded\n  text\n", "folded text", YamlScalarStyle.Folded)]
    [InlineData("k: 'it''s'\n", "it's", YamlScalarStyle.SingleQuoted)]
    public void Parse_KeepsValueAfterUnescaping_WhenScalarHasAnyStyle(string text, string value, YamlScalarStyle style)
    {
        var root = Assert.IsType<YamlMappingNode>(OmlSyntaxTree.Parse(Path, text).Root);

        var scalar = Assert.IsType<YamlScalarNode>(root["k"]);
        Assert.Equal(value, scalar.Value);
        Assert.Equal(style, scalar.Style);
        Assert.Equal(YamlScalarType.String, scalar.Type);
    }

    [Fact]
    public void Parse_ResolvesAliasToTheAnchoredNode_WhenAliasIsUsedTwice()
    {
        const string text = "base: &b {host: h}\none: *b\ntwo: *b\n";

        var root = Assert.IsType<YamlMappingNode>(OmlSyntaxTree.Parse(Path, text).Root);

        Assert.Same(root["base"], root["one"]);
        Assert.Same(root["base"], root["two"]);
        // The span is the definition, anchor included.
        Assert.Equal("&b {host: h}", Slice(text, root["two"]!.Span));
    }

    [Fact]
    public void Parse_KeepsRepeatedKeysInOrderAndUsesTheLast_WhenMappingHasDuplicates()
    {
        const string text = "a: 1\nb: 2\na: 3\n";

        var tree = OmlSyntaxTree.Parse(Path, text);

        var root = Assert.IsType<YamlMappingNode>(tree.Root);
        Assert.Equal(3, root.Entries.Count);
        Assert.Equal(new[] { "a", "b" }, root.Keys);
        Assert.Equal("3", Assert.IsType<YamlScalarNode>(root["a"]).Value);
        Assert.True(root.ContainsKey("b"));
        Assert.False(root.ContainsKey("c"));
        Assert.Null(root["c"]);
        Assert.Equal("OSI0004", Assert.Single(tree.Diagnostics).Id);
    }

    [Fact]
    public void Parse_CountsTheByteOrderMarkAsTheFirstCharacter_WhenTextStartsWithOne()
    {
        const string text = "\uFEFFname: x\r\nsteps: []\r\n";

        var tree = OmlSyntaxTree.Parse(Path, text);

        Assert.Empty(tree.Diagnostics);
        var root = Assert.IsType<YamlMappingNode>(tree.Root);
        Assert.Equal(1, root.Entries[0].Key.Span.Start);
        Assert.Equal("x", Slice(text, root["name"]!.Span));
        Assert.Equal(new LinePosition(1, 7), root["steps"]!.Span.StartPosition);
        Assert.Equal("[]", Slice(text, root["steps"]!.Span));
    }

    [Fact]
    public void Parse_RecordsTheFullTag_WhenNodeHasCoreTag()
    {
        var root = Assert.IsType<YamlMappingNode>(OmlSyntaxTree.Parse(Path, "a: !!str 1\nb: 1\n").Root);

        Assert.Equal("tag:yaml.org,2002:str", root["a"]!.Tag);
        Assert.Null(root["b"]!.Tag);
    }

    [Theory]
    [InlineData("a: [1]", "a list", YamlNodeKind.Sequence)]
    [InlineData("a: {b: 1}", "a mapping", YamlNodeKind.Mapping)]
    [InlineData("a: x", "a string", YamlNodeKind.Scalar)]
    [InlineData("a: 1", "an integer", YamlNodeKind.Scalar)]
    [InlineData("a: 1.5", "a number", YamlNodeKind.Scalar)]
    [InlineData("a: true", "a boolean", YamlNodeKind.Scalar)]
    [InlineData("a:", "null", YamlNodeKind.Scalar)]
    public void TypeDescription_NamesTheYamlType_WhenUsedInMessages(string text, string description, YamlNodeKind kind)
    {
        var node = Assert.IsType<YamlMappingNode>(OmlSyntaxTree.Parse(Path, text).Root)["a"]!;

        Assert.Equal(description, node.TypeDescription);
        Assert.Equal(kind, node.Kind);
    }

    [Fact]
    public void Parse_StopsWithoutARoot_WhenYamlIsMalformed()
    {
        var tree = OmlSyntaxTree.Parse(Path, "a: [1, 2\n");

        Assert.False(tree.IsComplete);
        Assert.Null(tree.Root);
        Assert.Equal("OSI0003", Assert.Single(tree.Diagnostics).Id);
        Assert.Equal(Path, tree.FilePath);
    }

    [Fact]
    public void Parse_HasNoRoot_WhenFileIsEmpty()
    {
        var tree = OmlSyntaxTree.Parse(Path, string.Empty);

        Assert.True(tree.IsComplete);
        Assert.Null(tree.Root);
        Assert.Empty(tree.Diagnostics);
        Assert.Equal(1, tree.Lines.LineCount);
    }

    private static string Slice(string text, SourceSpan span) => text.Substring(span.Start, span.Length);
}
