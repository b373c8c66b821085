using System.Text;
using System.Text.RegularExpressions;
using Osiris.Oml.Catalog;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Syntax;
using Osiris.Oml.Tests.Support;
using Osiris.Oml.Text;

namespace Osiris.Oml.Tests.Diagnostics;

/// <summary>
/// No message quotes more than <see cref="MessageText.MaxQuotedLength"/> characters of a value. The
/// docs pages' examples trigger every ID; each of their keys and values in turn gets a long tail of
/// filler, and no message of the file or of the repository-wide rules may repeat more of the filler
/// than a short prefix (one 1.9 MB value once wrote 729 MB of messages to a build log).
/// </summary>
public sealed class MessageBoundsTests(ITestOutputHelper output)
{
    private const char Filler = 'Q';
    private const int FillerLength = 2_000;

    // More filler in a row than an excerpt keeps (in either case: some messages lowercase a value).
    private static readonly Regex TooLong = new("[Qq]{" + (MessageText.MaxQuotedLength + 1) + ",}", RegexOptions.CultureInvariant);

    public static TheoryData<string> Ids() => new(DiagnosticCatalog.All.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Messages_QuoteAShortPrefixOfEveryValue_WhenAnyValueOfTheExampleIsLong(string id)
    {
        var checkedVariants = 0;
        var violations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var example in Examples(id))
        {
            var tree = OmlSyntaxTree.Parse("pipelines/example.oml", example.Text);
            foreach (var scalar in Scalars(tree.Root).DistinctBy(s => s.Span.Start))
            {
                var variant = example.Text.Substring(0, scalar.Span.Start)
                    + Quote(scalar.Value + new string(Filler, FillerLength))
                    + example.Text.Substring(scalar.Span.End);
                foreach (var d in Analyze(example, variant))
                {
                    var message = d.GetMessage();
                    if (TooLong.IsMatch(message) || message.Length > 2_000)
                    {
                        violations.Add($"{d.Id} ({message.Length} characters, from '{Excerpt(scalar.Value)}'): {TooLong.Replace(MessageText.Shorten(message, 300), "QQQ…")}");
                    }
                }

                checkedVariants++;
            }
        }

        // Pages whose example is not YAML (OSI0002, OSI0003), a setting (OSI0010) or a component spec (OSI0124) have no variants.
        output.WriteLine($"{checkedVariants} variants checked");
        Assert.True(violations.Count == 0, $"messages that quote a long value whole (or are longer than 2,000 characters):\n{string.Join("\n", violations)}");
    }

    [Fact]
    public void Excerpt_KeepsEightyCharactersAndNamesTheLength_WhenTheValueIsLonger()
    {
        var value = new string('a', 79) + "😀" + new string('b', 1000);

        var excerpt = MessageText.Excerpt(value);

        Assert.Equal(new string('a', 79) + "… (1,081 characters)", excerpt);
        var shortValue = value.Substring(0, MessageText.MaxQuotedLength - 1);
        Assert.Same(shortValue, MessageText.Excerpt(shortValue));
    }

    [Fact]
    public void SettingProblem_QuotesAShortPrefix_WhenTheValueIsLong()
    {
        var value = "airflow" + new string(Filler, FillerLength);

        Osiris.Oml.Settings.OsirisSettings.ReadSchedule(k => k == Osiris.Oml.Settings.OsirisSettings.Targets ? value : null, new NodaTime.LocalDate(2026, 1, 1), out var problems);

        var problem = Assert.Single(problems);
        Assert.DoesNotMatch(TooLong, problem);
        Assert.Contains("(2,007 characters)", problem, StringComparison.Ordinal);
    }

    private static IEnumerable<OmlDiagnostic> Analyze((string Text, string Path, IReadOnlyList<(string Path, string Text)> Project) example, string variant)
    {
        var options = OmlAnalysisOptions.Default;
        var analysis = OmlEngine.AnalyzeFile(example.Path, variant, options, TestContext.Current.CancellationToken);
        foreach (var d in analysis.Diagnostics)
        {
            yield return d;
        }

        if (example.Project.Count == 0 || analysis.Catalog is not { } entry)
        {
            yield break;
        }

        var others = example.Project.Where(p => p.Path != example.Path).Select(p => OmlEngine.AnalyzeFile(p.Path, p.Text, options).Catalog).OfType<CatalogEntry>();
        foreach (var d in OmlCatalog.Analyze(others.Append(entry), options, TestContext.Current.CancellationToken))
        {
            yield return d;
        }
    }

    /// <summary>The yaml blocks of the page's Example section; the blocks of a multi-file example come with their project.</summary>
    private static IEnumerable<(string Text, string Path, IReadOnlyList<(string Path, string Text)> Project)> Examples(string id)
    {
        var lines = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "Osiris.Oml", "Diagnostics", "Docs", id + ".md")).Replace("\r\n", "\n").Split('\n');
        var blocks = new List<string>();
        var section = string.Empty;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                section = lines[i].Substring(3).Trim();
            }
            else if (lines[i] == "```yaml" && section == "Example")
            {
                var sb = new StringBuilder();
                for (i++; i < lines.Length && lines[i] != "```"; i++)
                {
                    sb.Append(lines[i]).Append('\n');
                }

                blocks.Add(sb.ToString());
            }
        }

        var project = blocks.Where(b => b.StartsWith("# pipelines/", StringComparison.Ordinal))
            .Select(b => (Path: b.Substring(2, b.IndexOf('\n') - 2).Trim(), Text: b))
            .ToList();
        foreach (var block in blocks.Where(b => !b.StartsWith("# components/", StringComparison.Ordinal)))
        {
            var inProject = project.FirstOrDefault(p => p.Text == block);
            yield return inProject.Path is null ? (block, "pipelines/example.oml", Array.Empty<(string, string)>()) : (block, inProject.Path, project);
        }
    }

    private static IEnumerable<YamlScalarNode> Scalars(YamlNode? node)
    {
        var stack = new Stack<YamlNode>();
        if (node is not null)
        {
            stack.Push(node);
        }

        while (stack.Count > 0)
        {
            switch (stack.Pop())
            {
                case YamlScalarNode s:
                    yield return s;
                    break;
                case YamlSequenceNode l:
                    foreach (var item in l.Items)
                    {
                        stack.Push(item);
                    }

                    break;
                case YamlMappingNode m:
                    foreach (var e in m.Entries)
                    {
                        stack.Push(e.Key);
                        stack.Push(e.Value);
                    }

                    break;
            }
        }
    }

    private static string Quote(string value)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    private static string Excerpt(string value) => value.Length <= 40 ? value : value.Substring(0, 40) + "…";
}
