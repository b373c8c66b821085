using System.Collections.Immutable;
using System.Text;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Diagnostics;

/// <summary>
/// Every docs page is executable: its Example triggers its ID, its fixes are clean, and every quoted
/// compiler line is exactly what the engine prints. A message change that forgets the docs fails here.
/// </summary>
/// <remarks>
/// <para>The blocks of the Example and How-to-fix sections run in page order, one run per block, with
/// the default options (reference date 2026-01-01, all targets, the default policy) and as
/// <c>pipelines/example.oml</c>. Two kinds of pages need more:</para>
/// <list type="bullet">
/// <item>A <c>```ini</c> block starting with <c>is_global</c> is a <c>.globalconfig</c>: its invalid
/// settings are reported as OSI0010, and its <c>osiris_*</c> keys (read with
/// <see cref="Osiris.Oml.Settings.OsirisSettings.ReadSchedule"/> and
/// <see cref="Osiris.Oml.Settings.OsirisSettings.ReadPolicy"/>) apply to the yaml blocks after it in the
/// same section, whose run also carries its OSI0010 findings. An ini block with no yaml block after it
/// is a run of its own (the OSI0010 page).</item>
/// <item>A <c>```python</c> block is an exported file (OSI07xx pages): it is read back with
/// <see cref="Osiris.Oml.Import.PipelineImporter"/> as <c>dags/example.py</c>, one run per block.</item>
/// <item>A yaml block whose first line is <c># pipelines/&lt;name&gt;.oml</c> is that file of a project:
/// all such blocks of a section are analyzed under their paths and then together by
/// <see cref="Osiris.Oml.Catalog.OmlCatalog.Analyze"/> (the repository-wide rules), as one run.</item>
/// </list>
/// <para>Every run gets <see cref="OmlAnalysisOptions.ProjectFiles"/> holding the section's .oml paths
/// and <c>tests/validate_customers.py</c>, the one script a custom data test may name without OSI0308,
/// in a project folder that pipelines/ and tests/ are both directly under.</para>
/// </remarks>
public sealed class DocsPageTests
{
    private const string ExamplePath = "pipelines/example.oml";

    /// <summary>Where a python block of a page (an exported file) is read from.</summary>
    private const string ExampleDagPath = "dags/example.py";

    /// <summary>A block whose first line is such a comment is a component spec, read as that file.</summary>
    private const string SpecMarker = "# components/";

    /// <summary>A yaml block whose first line is such a comment is that pipeline file of a multi-file project.</summary>
    private const string PipelineMarker = "# pipelines/";

    /// <summary>The script custom data tests of the pages may name (every run's project has it).</summary>
    private const string ProjectScript = "tests/validate_customers.py";

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

        var examples = RunSection(page.Blocks("Example"), out var runOfBlock);
        var printed = new List<List<string>>();
        foreach (var diagnostics in examples)
        {
            printed.Add(diagnostics.Select(d => d.Id == DiagnosticIds.InvalidSetting ? $"CSC : warning {d.Id}: {d.GetMessage()}" : d.ToString()).ToList());
            Assert.True(diagnostics.Any(d => d.Id == id), $"the example of {id} does not trigger it:\n{string.Join("\n", diagnostics)}");
        }

        var printedByPython = new List<List<string>>();
        foreach (var python in page.PythonBlocks("Example"))
        {
            var diagnostics = Osiris.Oml.Import.PipelineImporter.Import(ExampleDagPath, python).Diagnostics;
            printedByPython.Add(diagnostics.Select(d => d.ToString()).ToList());
            Assert.True(diagnostics.Any(d => d.Id == id), $"the python example of {id} does not trigger it:\n{string.Join("\n", diagnostics)}");
        }

        var fixes = page.Blocks("How to fix");
        Assert.NotEmpty(fixes);
        foreach (var python in page.PythonBlocks("How to fix"))
        {
            var diagnostics = Osiris.Oml.Import.PipelineImporter.Import(ExampleDagPath, python).Diagnostics;
            Assert.True(diagnostics.IsEmpty, $"a python fix of {id} is not clean:\n{string.Join("\n", diagnostics)}");
        }

        foreach (var diagnostics in RunSection(fixes, out _))
        {
            Assert.True(diagnostics.IsEmpty, $"a fix of {id} is not clean:\n{string.Join("\n", diagnostics)}");
        }

        // A quote belongs to the example it follows: that example's run must print it, not just any run.
        foreach (var (quote, afterPython, afterBlock) in page.Quotes)
        {
            Assert.True(afterBlock >= 0, $"{id}.md quotes a line before its first example:\n  {quote}");
            var lines = afterPython ? printedByPython[afterBlock] : printed[runOfBlock[afterBlock]];
            Assert.True(lines.Contains(quote), $"{id}.md quotes a line its {(afterPython ? "python " : string.Empty)}example {afterBlock + 1} does not print:\n  {quote}\nthat example prints:\n  {string.Join("\n  ", lines)}");
        }

        if (id != DiagnosticIds.InternalError)
        {
            Assert.Contains(page.Quotes, q => q.Line.Contains($" {id}: ", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// The runs of one section's blocks (see the remarks of the class); <paramref name="runOfBlock"/>
    /// says which run each block is part of.
    /// </summary>
    private static List<ImmutableArray<OmlDiagnostic>> RunSection(IReadOnlyList<string> blocks, out int[] runOfBlock)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var paths = blocks.Where(b => b.StartsWith(PipelineMarker, StringComparison.Ordinal)).Select(FirstLineAsPath).Append(ExamplePath).Append(ProjectScript);
        var files = new Osiris.Oml.Settings.ProjectFiles(paths.SelectMany(p => new[] { p, "/project/" + p }), "/project");
        var options = OmlAnalysisOptions.Default with { ProjectFiles = files };
        var runs = new List<ImmutableArray<OmlDiagnostic>>();
        var pending = (ImmutableArray<OmlDiagnostic>?)null;
        var project = new List<OmlFileAnalysis>();
        var projectBlocks = new List<int>();
        var settingsBlocks = new List<int>();
        runOfBlock = new int[blocks.Count];
        for (var index = 0; index < blocks.Count; index++)
        {
            var block = blocks[index];
            if (block.StartsWith("is_global", StringComparison.Ordinal))
            {
                var problems = Settings(block, out var schedule, out var policy);
                options = options with { Schedule = schedule, Policy = policy };
                pending = (pending ?? ImmutableArray<OmlDiagnostic>.Empty).AddRange(problems);
                settingsBlocks.Add(index);
                continue;
            }

            if (block.StartsWith(PipelineMarker, StringComparison.Ordinal))
            {
                projectBlocks.Add(index);
                projectBlocks.AddRange(settingsBlocks);
                settingsBlocks.Clear();
                project.Add(OmlEngine.AnalyzeFile(FirstLineAsPath(block), block, options, cancellationToken));
                continue;
            }

            // This block's run carries the settings read before it.
            foreach (var settings in settingsBlocks.Append(index))
            {
                runOfBlock[settings] = runs.Count;
            }

            settingsBlocks.Clear();
            if (block.StartsWith(SpecMarker, StringComparison.Ordinal))
            {
                runs.Add((pending ?? ImmutableArray<OmlDiagnostic>.Empty).AddRange(Osiris.Oml.Components.ComponentSpecReader.Read(FirstLineAsPath(block), block).Diagnostics));
            }
            else
            {
                runs.Add((pending ?? ImmutableArray<OmlDiagnostic>.Empty).AddRange(OmlEngine.AnalyzeFile(ExamplePath, block, options, cancellationToken).Diagnostics));
            }

            pending = null;
        }

        foreach (var block in projectBlocks.Concat(settingsBlocks))
        {
            runOfBlock[block] = runs.Count;
        }

        if (project.Count > 0)
        {
            var catalog = Osiris.Oml.Catalog.OmlCatalog.Analyze(project.Select(a => a.Catalog).OfType<Osiris.Oml.Catalog.CatalogEntry>(), options, cancellationToken);
            runs.Add((pending ?? ImmutableArray<OmlDiagnostic>.Empty).AddRange(project.SelectMany(a => a.Diagnostics)).AddRange(catalog));
        }
        else if (pending is { } settingsOnly)
        {
            runs.Add(settingsOnly);
        }

        return runs;
    }

    private static string FirstLineAsPath(string block) => block.Substring(2, block.IndexOf('\n') - 2).Trim();

    /// <summary>A .globalconfig block: its osiris_* settings read as the analyzer reads them.</summary>
    private static ImmutableArray<OmlDiagnostic> Settings(string ini, out Osiris.Oml.Scheduling.ScheduleSettings schedule, out Osiris.Oml.Settings.PolicySettings policy)
    {
        var values = ini.Split('\n')
            .Where(l => !l.TrimStart().StartsWith('#'))
            .Select(l => l.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        schedule = Osiris.Oml.Settings.OsirisSettings.ReadSchedule(k => values.GetValueOrDefault(k.GlobalConfigKey), new NodaTime.LocalDate(2026, 1, 1), out var scheduleProblems);
        policy = Osiris.Oml.Settings.OsirisSettings.ReadPolicy(k => values.GetValueOrDefault(k.GlobalConfigKey), out var policyProblems);
        return scheduleProblems.AddRange(policyProblems).Select(p => new OmlDiagnostic(DiagnosticCatalog.InvalidSetting, default, string.Empty, ImmutableArray.Create(p))).ToImmutableArray();
    }

    /// <summary>A docs page: its text, its yaml (and .globalconfig) and python blocks by section, and its quoted compiler lines.</summary>
    /// <param name="Text">The page.</param>
    /// <param name="YamlBlocks">The yaml and .globalconfig blocks in page order, with their section.</param>
    /// <param name="Python">The python blocks in page order, with their section.</param>
    /// <param name="Quotes">
    /// Each quoted compiler line, with the Example block it follows: a python block (its index among
    /// the Example's python blocks) or a yaml one (its index among the Example's yaml blocks); -1 before the first.
    /// </param>
    private sealed record Page(string Text, IReadOnlyList<(string Section, string Yaml)> YamlBlocks, IReadOnlyList<(string Section, string Python)> Python, IReadOnlyList<(string Line, bool AfterPython, int AfterBlock)> Quotes)
    {
        public IReadOnlyList<string> Blocks(string section) => YamlBlocks.Where(b => b.Section == section).Select(b => b.Yaml).ToList();

        public IReadOnlyList<string> PythonBlocks(string section) => Python.Where(b => b.Section == section).Select(b => b.Python).ToList();

        public static Page Read(string id)
        {
            var path = Path.Combine(RepositoryPaths.Root, "src", "Osiris.Oml", "Diagnostics", "Docs", id + ".md");
            var text = File.ReadAllText(path).Replace("\r\n", "\n");
            var blocks = new List<(string, string)>();
            var python = new List<(string, string)>();
            var quotes = new List<(string, bool, int)>();
            var afterPython = false;
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
                    afterPython = false;
                }
                else if (lines[i] == "```python")
                {
                    var sb = new StringBuilder();
                    for (i++; i < lines.Length && lines[i] != "```"; i++)
                    {
                        sb.Append(lines[i]).Append('\n');
                    }

                    python.Add((section, sb.ToString()));
                    afterPython = section == "Example";
                }
                else if ((lines[i].StartsWith("> " + PipelineMarker.Substring(2), StringComparison.Ordinal) && lines[i].Contains(".oml(", StringComparison.Ordinal))
                    || lines[i].StartsWith("> components/", StringComparison.Ordinal)
                    || lines[i].StartsWith("> " + ExampleDagPath + "(", StringComparison.Ordinal)
                    || lines[i].StartsWith("> CSC : ", StringComparison.Ordinal))
                {
                    var after = section != "Example" ? -1
                        : afterPython ? python.Count(b => b.Item1 == "Example") - 1
                        : blocks.Count(b => b.Item1 == "Example") - 1;
                    quotes.Add((lines[i].Substring(2), afterPython, after));
                }
            }

            return new Page(text, blocks, python, quotes);
        }
    }
}
