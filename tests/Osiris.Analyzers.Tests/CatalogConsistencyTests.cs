using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Osiris.Analyzers.Analyzers;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Tests.Support;

namespace Osiris.Analyzers.Tests;

/// <summary>
/// The catalog is the single source of truth; the Roslyn descriptors, the release-tracking files
/// (see AnalyzerReleaseTrackingTests), the docs pages and the README table must all agree with it.
/// </summary>
public sealed partial class CatalogConsistencyTests
{
    public static TheoryData<string> Ids() => new(DiagnosticCatalog.All.Select(d => d.Id));

    [Fact]
    public void SupportedDiagnostics_MatchTheCatalogOneToOne()
    {
        var roslyn = new OmlFileAnalyzer().SupportedDiagnostics.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var catalog = DiagnosticCatalog.All;
        Assert.Equal(catalog.Select(d => d.Id), roslyn.Select(d => d.Id));
        foreach (var (c, r) in catalog.Zip(roslyn))
        {
            Assert.Equal(c.Title, r.Title.ToString());
            Assert.Equal(c.MessageFormat, r.MessageFormat.ToString());
            Assert.Equal(c.Category, r.Category);
            Assert.Equal(c.HelpLink, r.HelpLinkUri);
            Assert.True(r.IsEnabledByDefault);
            Assert.Equal(
                c.DefaultSeverity switch
                {
                    OmlSeverity.Error => DiagnosticSeverity.Error,
                    OmlSeverity.Warning => DiagnosticSeverity.Warning,
                    OmlSeverity.Info => DiagnosticSeverity.Info,
                    _ => DiagnosticSeverity.Hidden,
                },
                r.DefaultSeverity);
            Assert.Equal(c.IsCrossFile, r.CustomTags.Contains(WellKnownDiagnosticTags.CompilationEnd));
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryId_HasADocsPageWithProblemAndFix(string id)
    {
        var page = Path.Combine(RepositoryPaths.Root, "src", "Osiris.Oml", "Diagnostics", "Docs", id + ".md");
        Assert.True(File.Exists(page), $"missing docs page {page}");
        var text = File.ReadAllText(page);
        var descriptor = DiagnosticCatalog.Find(id)!;
        Assert.StartsWith($"# {id}: {descriptor.Title}", text, StringComparison.Ordinal);
        Assert.Contains("## How to fix", text, StringComparison.Ordinal);
        Assert.True(text.Contains("```yaml", StringComparison.Ordinal) || text.Contains("```ini", StringComparison.Ordinal), $"{id}.md has no example block");
        Assert.EndsWith(id + ".md", descriptor.HelpLink, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryId_HasARowInTheReadmeTable(string id)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var descriptor = DiagnosticCatalog.Find(id)!;
        Assert.Matches($@"\| \[{id}\]\([^)]*{id}\.md\) \| {Regex.Escape(descriptor.DefaultSeverity.ToString())} \|", readme);
    }
}
