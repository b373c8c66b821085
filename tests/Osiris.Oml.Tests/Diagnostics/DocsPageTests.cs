using System.Collections.Immutable;
using System.Text;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Diagnostics;

/// <summary>
/// Every docs page is executable: its Example triggers its ID, its fixes are clean, and every quoted
/// compiler line is exactly what the engine prints. A message change that forgets the docs fails here.
/// </summary>
public sealed class DocsPageTests
{
    private const string ExamplePath = "pipelines/example.oml";

    /// <summary>A block whose first line is such a comment is a component spec, read as that file.</summary>
    private const string SpecMarker = "# components/";

    public static TheoryData<string> Ids() => new(DiagnosticCatalog.All.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Page_ExampleTriggersItsIdAndFixIsClean(string id)
    {
        var page = Page.Read(id);
        var descriptor = DiagnosticCatalog.Find(id)!;
        Assert.StartsWith($"# {id}: {descriptor.Title}\n", page.Text, StringComparison.Ordinal);
        Assert.Contains($"| Severity | {descriptor.DefaultSeverity} |", page.Text, StringComparison.Ordinal);
        Assert.Contains($"| Category | {descriptor.Category} |", page.Text, StringComparison.Ordinal);
        Assert.Contains($"dotnet_diagnostic.{id}.severity", page.Text, StringComparison.Ordinal);

        var printed = new List<string>();
        foreach (var example in page.Blocks("Example"))
        {
            var diagnostics = Run(example);
            printed.AddRange(diagnostics.Select(d => d.Id == DiagnosticIds.InvalidSetting ? $"CSC : warning {d.Id}: {d.GetMessage()}" : d.ToString()));
            Assert.True(diagnostics.Any(d => d.Id == id), $"the example of {id} does not trigger it:\n{string.Join("\n", diagnostics)}");
        }

        var fixes = page.Blocks("How to fix");
        Assert.NotEmpty(fixes);
        foreach (var fix in fixes)
        {
            var diagnostics = Run(fix);
            Assert.True(diagnostics.IsEmpty, $"a fix of {id} is not clean:\n{string.Join("\n", diagnostics)}");
        }

        foreach (var quote in page.Quotes)
        {
            Assert.True(printed.Contains(quote), $"{id}.md quotes a line the engine does not print:\n  {quote}\nit prints:\n  {string.Join("\n  ", printed)}");
        }

        if (id != DiagnosticIds.InternalError)
        {
            Assert.Contains(page.Quotes, q => q.Contains($" {id}: ", StringComparison.Ordinal));
        }
    }

    private static System.Collections.Immutable.ImmutableArray<OmlDiagnostic> Run(string yaml)
    {
        if (yaml.StartsWith("is_global", StringComparison.Ordinal))
        {
            return Settings(yaml);
        }

        if (yaml.StartsWith(SpecMarker, StringComparison.Ordinal))
        {
            var path = yaml.Substring(2, yaml.IndexOf('\n') - 2).Trim();
            return Osiris.Oml.Components.ComponentSpecReader.Read(path, yaml).Diagnostics;
        }

        return OmlEngine.AnalyzeFile(ExamplePath, yaml, cancellationToken: TestContext.Current.CancellationToken).Diagnostics;
    }

    /// <summary>A .globalconfig block: its osiris_* settings read as the analyzer reads them.</summary>
    private static System.Collections.Immutable.ImmutableArray<OmlDiagnostic> Settings(string ini)
    {
        var values = ini.Split('\n')
            .Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        Osiris.Oml.Settings.OsirisSettings.ReadSchedule(k => values.GetValueOrDefault(k.GlobalConfigKey), new NodaTime.LocalDate(2026, 1, 1), out var problems);
        return problems.Select(p => new OmlDiagnostic(DiagnosticCatalog.InvalidSetting, default, string.Empty, System.Collections.Immutable.ImmutableArray.Create(p))).ToImmutableArray();
    }

    private sealed record Page(string Text, IReadOnlyList<(string Section, string Yaml)> YamlBlocks, IReadOnlyList<string> Quotes)
    {
        public IReadOnlyList<string> Blocks(string section) => YamlBlocks.Where(b => b.Section == section).Select(b => b.Yaml).ToList();

        public static Page Read(string id)
        {
            var path = Path.Combine(RepositoryPaths.Root, "src", "Osiris.Oml", "Diagnostics", "Docs", id + ".md");
            var text = File.ReadAllText(path).Replace("\r\n", "\n");
            var blocks = new List<(string, string)>();
            var quotes = new List<string>();
            var section = string.Empty;
            var lines = text.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].StartsWith("## ", StringComparison.Ordinal))
                {
                    section = lines[i].Substring(3).Trim();
                }
                else if (lines[i] == "```yaml" || (lines[i] == "```ini" && section is "Example" or "How to fix"))
                {
                    var sb = new StringBuilder();
                    for (i++; i < lines.Length && lines[i] != "```"; i++)
                    {
                        sb.Append(lines[i]).Append('\n');
                    }

                    blocks.Add((section, sb.ToString()));
                }
                else if (lines[i].StartsWith("> " + ExamplePath + "(", StringComparison.Ordinal)
                    || lines[i].StartsWith("> components/", StringComparison.Ordinal)
                    || lines[i].StartsWith("> CSC : ", StringComparison.Ordinal))
                {
                    quotes.Add(lines[i].Substring(2));
                }
            }

            return new Page(text, blocks, quotes);
        }
    }
}
