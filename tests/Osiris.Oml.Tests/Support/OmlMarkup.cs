using System.Text;
using Osiris.Oml.Diagnostics;

namespace Osiris.Oml.Tests.Support;

/// <summary>
/// OML text with expected diagnostics marked inline, Roslyn-test style: <c>{|OSI0101:text|}</c>
/// marks the exact span where OSI0101 must be reported.
/// </summary>
public static class OmlMarkup
{
    public const string DefaultPath = "pipelines/test.oml";

    /// <summary>Runs the engine on <paramref name="markup"/> and asserts that exactly the marked diagnostics are reported.</summary>
    public static IReadOnlyList<OmlDiagnostic> Verify(string markup, OmlAnalysisOptions? options = null)
    {
        var (text, expected) = Parse(markup);
        var analysis = OmlEngine.AnalyzeFile(DefaultPath, text, options);
        var actual = analysis.Diagnostics
            .Select(d => (d.Id, d.Span.Start, d.Span.End))
            .OrderBy(x => x.Start).ThenBy(x => x.Id, StringComparer.Ordinal)
            .ToList();
        var want = expected.OrderBy(x => x.Start).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
        if (!actual.SequenceEqual(want))
        {
            var sb = new StringBuilder();
            sb.AppendLine("Expected:");
            foreach (var (id, start, end) in want)
            {
                sb.AppendLine($"  {id} [{start}..{end}) '{Slice(text, start, end)}'");
            }

            sb.AppendLine("Actual:");
            foreach (var d in analysis.Diagnostics)
            {
                sb.AppendLine($"  {d.Id} [{d.Span.Start}..{d.Span.End}) '{Slice(text, d.Span.Start, d.Span.End)}' {d.Span}: {d.GetMessage()}");
            }

            Assert.Fail(sb.ToString());
        }

        return analysis.Diagnostics;
    }

    /// <summary>Asserts that <paramref name="text"/> produces no diagnostic at all.</summary>
    public static void Quiet(string text, OmlAnalysisOptions? options = null)
    {
        var analysis = OmlEngine.AnalyzeFile(DefaultPath, text, options);
        Assert.True(
            analysis.Diagnostics.IsEmpty,
            "Expected no diagnostics, got:\n" + string.Join("\n", analysis.Diagnostics.Select(d => d.ToString())));
    }

    /// <summary>Analyzes plain text.</summary>
    public static OmlFileAnalysis Analyze(string text, OmlAnalysisOptions? options = null)
        => OmlEngine.AnalyzeFile(DefaultPath, text, options);

    public static (string Text, List<(string Id, int Start, int End)> Expected) Parse(string markup)
    {
        var sb = new StringBuilder();
        var expected = new List<(string, int, int)>();
        var open = new Stack<(string Id, int Start)>();
        for (var i = 0; i < markup.Length; i++)
        {
            if (markup[i] == '{' && i + 1 < markup.Length && markup[i + 1] == '|')
            {
                var colon = markup.IndexOf(':', i + 2);
                open.Push((markup.Substring(i + 2, colon - i - 2), sb.Length));
                i = colon;
                continue;
            }

            if (markup[i] == '|' && i + 1 < markup.Length && markup[i + 1] == '}' && open.Count > 0)
            {
                var (id, start) = open.Pop();
                expected.Add((id, start, sb.Length));
                i++;
                continue;
            }

            sb.Append(markup[i]);
        }

        Assert.True(open.Count == 0, "unbalanced markup");
        return (sb.ToString(), expected);
    }

    private static string Slice(string text, int start, int end)
        => start >= 0 && end <= text.Length && start <= end ? text.Substring(start, end - start).Replace("\n", "\\n") : "?";
}
