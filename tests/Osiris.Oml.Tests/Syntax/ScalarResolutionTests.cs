using Osiris.Oml.Syntax;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Syntax;

/// <summary>
/// Plain scalars resolve with the YAML 1.2 core schema, not YAML 1.1 as PyYAML does: <c>yes</c>,
/// <c>on</c>, dates and sexagesimals are strings.
/// </summary>
public sealed class ScalarResolutionTests
{
    [Theory]
    // Null: the four spellings of the core schema and nothing at all.
    [InlineData("~", YamlScalarType.Null)]
    [InlineData("null", YamlScalarType.Null)]
    [InlineData("Null", YamlScalarType.Null)]
    [InlineData("NULL", YamlScalarType.Null)]
    [InlineData("", YamlScalarType.Null)]
    [InlineData("nULL", YamlScalarType.String)]
    // Booleans: only true/false in three casings.
    [InlineData("true", YamlScalarType.Boolean)]
    [InlineData("True", YamlScalarType.Boolean)]
    [InlineData("FALSE", YamlScalarType.Boolean)]
    [InlineData("tRUE", YamlScalarType.String)]
    // YAML 1.1 booleans are strings in YAML 1.2.
    [InlineData("yes", YamlScalarType.String)]
    [InlineData("No", YamlScalarType.String)]
    [InlineData("on", YamlScalarType.String)]
    [InlineData("OFF", YamlScalarType.String)]
    [InlineData("y", YamlScalarType.String)]
    // Integers: decimal with sign, octal 0o, hex 0x.
    [InlineData("0", YamlScalarType.Integer)]
    [InlineData("-17", YamlScalarType.Integer)]
    [InlineData("+42", YamlScalarType.Integer)]
    [InlineData("017", YamlScalarType.Integer)]
    [InlineData("0o17", YamlScalarType.Integer)]
    [InlineData("0x1F", YamlScalarType.Integer)]
    [InlineData("0xcafe", YamlScalarType.Integer)]
    // YAML 1.1 integer forms are strings in YAML 1.2.
    [InlineData("1_000", YamlScalarType.String)]
    [InlineData("0b101", YamlScalarType.String)]
    [InlineData("1:30", YamlScalarType.String)]
    [InlineData("0o8", YamlScalarType.String)]
    [InlineData("0xG", YamlScalarType.String)]
    // Floats: fraction, exponent, infinities and NaN.
    [InlineData("1.5", YamlScalarType.Float)]
    [InlineData(".5", YamlScalarType.Float)]
    [InlineData("1.", YamlScalarType.Float)]
    [InlineData("-2.5e-3", YamlScalarType.Float)]
    [InlineData("1e3", YamlScalarType.Float)]
    [InlineData(".inf", YamlScalarType.Float)]
    [InlineData("-.Inf", YamlScalarType.Float)]
    [InlineData(".NaN", YamlScalarType.Float)]
    [InlineData("-.nan", YamlScalarType.String)]
    [InlineData("inf", YamlScalarType.String)]
    // Versions, dates and other text.
    [InlineData("0.1.0", YamlScalarType.String)]
    [InlineData("2024-01-01", YamlScalarType.String)]
    [InlineData("2024-01-01T02:00:00Z", YamlScalarType.String)]
    [InlineData("1.0.0-beta", YamlScalarType.String)]
    [InlineData("a b c", YamlScalarType.String)]
    public void Resolve_FollowsTheYaml12CoreSchema_WhenScalarIsPlain(string plain, YamlScalarType expected)
    {
        Assert.Equal(expected, ScalarOf("k: " + plain + "\n").Type);
    }

    [Theory]
    // Quoted and block scalars are strings whatever they spell.
    [InlineData("k: \"true\"\n")]
    [InlineData("k: '42'\n")]
    [InlineData("k: \"~\"\n")]
    [InlineData("k: ''\n")]
    [InlineData("k: |\n  1.5\n")]
    [InlineData("k: >\n  null\n")]
    // So are values with the core str tag or the non-specific '!' tag.
    [InlineData("k: !!str 42\n")]
    [InlineData("k: ! 42\n")]
    public void Resolve_GivesString_WhenScalarIsQuotedBlockOrStrTagged(string text)
    {
        Assert.Equal(YamlScalarType.String, ScalarOf(text).Type);
    }

    [Theory]
    [InlineData("k: !!int \"7\"\n", YamlScalarType.Integer)]
    [InlineData("k: !!float \"7\"\n", YamlScalarType.Float)]
    [InlineData("k: !!bool 'true'\n", YamlScalarType.Boolean)]
    [InlineData("k: !!null ''\n", YamlScalarType.Null)]
    public void Resolve_FollowsTheTag_WhenScalarHasCoreTag(string text, YamlScalarType expected)
    {
        Assert.Equal(expected, ScalarOf(text).Type);
    }

    [Theory]
    // A YAML 1.1 reader turns these into booleans, numbers or dates; OML keeps them as the strings written.
    [InlineData("name: yes")]
    [InlineData("name: on")]
    [InlineData("name: 2024-01-01")]
    [InlineData("name: 1-30")]
    public void Analyze_AcceptsValueAsString_WhenYaml11WouldReadAnotherType(string nameLine)
    {
        OmlMarkup.Quiet("oml_version: \"0.1.0\"\n" + nameLine + "\n" + OmlSamples.ValidSteps);
    }

    [Fact]
    public void Analyze_AcceptsUnquotedVersion_WhenItIsNotANumberUnderYaml12()
    {
        OmlMarkup.Quiet("oml_version: 0.1.0\nname: plain-version\n" + OmlSamples.ValidSteps);
    }

    [Theory]
    [InlineData("name: {|OSI0104:1.0|}", "a number")]
    [InlineData("name: {|OSI0104:true|}", "a boolean")]
    [InlineData("name: {|OSI0104:0x1F|}", "an integer")]
    public void Analyze_ReportsOSI0104_WhenPlainNameResolvesToANonString(string nameLine, string type)
    {
        var diagnostics = OmlMarkup.Verify("oml_version: \"0.1.0\"\n" + nameLine + "\n" + OmlSamples.ValidSteps);

        Assert.Equal("'name' must be a string, not " + type, Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public void Resolve_GivesInteger_WhenPlainIntegerHasMoreThan64Digits()
    {
        Assert.Equal(YamlScalarType.Integer, ScalarOf("k: " + new string('0', 61) + "3306\n").Type);
    }

    private static YamlScalarNode ScalarOf(string text)
    {
        var tree = OmlSyntaxTree.Parse("t.oml", text);
        Assert.True(tree.IsComplete, string.Join("\n", tree.Diagnostics.Select(d => d.GetMessage())));
        return Assert.IsType<YamlScalarNode>(Assert.IsType<YamlMappingNode>(tree.Root)["k"]);
    }
}
