using Osiris.Oml.Tests.Support;
using Osiris.Oml.Text;

namespace Osiris.Oml.Tests.Syntax;

/// <summary>OSI0002: the file is text YAML can read (no NUL, no stray controls, no broken surrogates).</summary>
public sealed class TextTests
{
    private const string Valid = "oml_version: \"0.1.0\"\nname: text\nsteps:\n  - id: t\n    component: duckdb.processor\n    mode: transform\n    config: {query: q}\n";

    [Theory]
    // C0 controls other than tab, LF and CR.
    [InlineData(0x0000)]
    [InlineData(0x0001)]
    [InlineData(0x0007)]
    [InlineData(0x000B)]
    [InlineData(0x000C)]
    [InlineData(0x001B)]
    // DEL and C1 controls other than NEL.
    [InlineData(0x007F)]
    [InlineData(0x0080)]
    [InlineData(0x009F)]
    // Noncharacters, and surrogates that are not part of a pair (given as numbers: attribute strings cannot hold them).
    [InlineData(0xFFFE)]
    [InlineData(0xFFFF)]
    [InlineData(0xD800)]
    [InlineData(0xDBFF)]
    [InlineData(0xDC00)]
    // A byte order mark anywhere but at the start.
    [InlineData(0xFEFF)]
    public void Analyze_ReportsOSI0002AtTheCharacter_WhenTextHasCharacterYamlForbids(int bad)
    {
        var codePoint = "U+" + bad.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        var diagnostics = OmlMarkup.Verify("oml_version: \"0.1.0\"\nname: te{|OSI0002:" + (char)bad + "|}xt\nsteps: []\n");

        var d = Assert.Single(diagnostics);
        Assert.Equal(
            "The file is not YAML text: it contains the character " + codePoint + ", which YAML does not allow; save OML files as UTF-8 text",
            d.GetMessage());
        Assert.Equal(new LinePosition(1, 8), d.Span.StartPosition);
        Assert.Equal(string.Empty, d.Path);
    }

    [Fact]
    public void Analyze_ReportsOnlyTheFirstForbiddenCharacter_WhenFileIsBinary()
    {
        // The first bytes of a ZIP file decoded as Latin-1: nothing after OSI0002 is checked.
        OmlMarkup.Verify("PK{|OSI0002:\u0003|}\u0004\u0014\u0000\u0008\u0000\u0000\u0000!\u0000");
    }

    [Fact]
    public void Analyze_ReportsOSI0002AtTheSecondHalf_WhenLowSurrogateFollowsAPair()
    {
        OmlMarkup.Verify("oml_version: \"0.1.0\"\nname: \"😀{|OSI0002:\uDE00|}\"\nsteps: []\n");
    }

    [Theory]
    // A byte order mark at the start, tabs in values and comments, NEL, LS and PS breaks, emoji.
    [InlineData("\uFEFF" + Valid)]
    [InlineData("oml_version: \"0.1.0\"\nname: text\t# a tab before a comment\n" + "steps:\n  - id: t\n    component: duckdb.processor\n    mode: transform\n    config: {query: \"a\tb\"}\n")]
    [InlineData("oml_version: \"0.1.0\"\u0085name: text\u2028steps:\u2029  - {id: t, component: duckdb.processor, mode: transform, config: {query: q}}\n")]
    [InlineData("oml_version: \"0.1.0\"\nname: text\ndescription: \"😀 and 中文 and é\"\n" + "steps:\n  - id: t\n    component: duckdb.processor\n    mode: transform\n    config: {query: q}\n")]
    public void Analyze_IsQuiet_WhenTextUsesOnlyCharactersYamlAllows(string text)
    {
        OmlMarkup.Quiet(text);
    }

    [Fact]
    public void Analyze_ReadsTheFile_WhenItUsesCrLfLineBreaks()
    {
        var text = Valid.Replace("\n", "\r\n");

        OmlMarkup.Quiet(text);
    }

    [Fact]
    public void Analyze_ReportsOnTheRightLines_WhenFileUsesCrLfAndAByteOrderMark()
    {
        var diagnostics = OmlMarkup.Verify("\uFEFFoml_version: \"0.1.0\"\r\nname: {|OSI0106:Bad Name|}\r\nsteps: {|OSI0107:[]|}\r\n");

        Assert.Equal(new LinePosition(1, 6), diagnostics[0].Span.StartPosition);
        Assert.Equal(new LinePosition(2, 7), diagnostics[1].Span.StartPosition);
    }
}
