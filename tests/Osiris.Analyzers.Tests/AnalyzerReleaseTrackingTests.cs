using System.Text.RegularExpressions;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Tests.Support;

namespace Osiris.Analyzers.Tests;

/// <summary>
/// AnalyzerReleases.Shipped.md and AnalyzerReleases.Unshipped.md, in Roslyn's release-tracking format,
/// must describe the catalog exactly. Roslyn's own RS2xxx analyzers cannot check them (the descriptors
/// are built from the catalog at run time), so this test replays the files: every release of Shipped in
/// order, then Unshipped; the rules that result must be the catalog's, with its categories and
/// severities. A new rule goes to Unshipped; a shipped rule is changed or removed through Unshipped's
/// "Changed Rules" / "Removed Rules" tables, never by editing a shipped release.
/// </summary>
public sealed partial class AnalyzerReleaseTrackingTests
{
    private static string Folder => Path.Combine(RepositoryPaths.Root, "src", "Osiris.Analyzers");

    [Fact]
    public void ShippedThenUnshipped_DescribeTheCatalogExactly()
    {
        var rules = new SortedDictionary<string, (string Category, string Severity)>(StringComparer.Ordinal);
        foreach (var (release, table, row) in Parse("AnalyzerReleases.Shipped.md").Concat(Parse("AnalyzerReleases.Unshipped.md")))
        {
            var where = $"{release}, {table}: {row.Id}";
            switch (table)
            {
                case "New Rules":
                    Assert.False(rules.ContainsKey(row.Id), $"{where} is added a second time");
                    rules[row.Id] = (row.Category, row.Severity);
                    break;
                case "Removed Rules":
                    Assert.True(rules.Remove(row.Id, out var removed), $"{where} removes a rule that is not there");
                    Assert.Equal((removed.Category, removed.Severity), (row.Category, row.Severity));
                    break;
                case "Changed Rules":
                    Assert.True(rules.TryGetValue(row.Id, out var before), $"{where} changes a rule that is not there");
                    Assert.Equal(before, (row.OldCategory!, row.OldSeverity!));
                    rules[row.Id] = (row.Category, row.Severity);
                    break;
                default:
                    Assert.Fail($"{release}: unknown table '{table}'");
                    break;
            }
        }

        Assert.Equal(DiagnosticCatalog.All.Select(d => d.Id).Order(StringComparer.Ordinal), rules.Keys);
        foreach (var d in DiagnosticCatalog.All)
        {
            Assert.Equal((d.Category, d.DefaultSeverity.ToString()), rules[d.Id]);
        }
    }

    [Fact]
    public void Shipped_RecordsRelease010First_WithTheRulesItShipped()
    {
        var releases = Parse("AnalyzerReleases.Shipped.md").Select(r => r.Release).Distinct().ToList();
        Assert.Equal("Release 0.1.0", releases.FirstOrDefault());

        // 0.1.0 shipped OSI0001–OSI0606: 86 rules. Rules added since belong to Unshipped or a later release.
        var first = Parse("AnalyzerReleases.Shipped.md").Where(r => r.Release == "Release 0.1.0").ToList();
        Assert.All(first, r => Assert.Equal("New Rules", r.Table));
        Assert.Equal(86, first.Count);
        var ids = first.Select(r => r.Row.Id).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(("OSI0001", "OSI0606"), (ids[0], ids[^1]));
    }

    [Fact]
    public void Unshipped_NewRules_CarryTheCatalogTitle()
    {
        foreach (var (_, table, row) in Parse("AnalyzerReleases.Unshipped.md").Where(r => r.Table == "New Rules"))
        {
            Assert.Equal(DiagnosticCatalog.Find(row.Id)?.Title, row.Notes);
        }
    }

    private sealed record Row(string Id, string Category, string Severity, string? OldCategory, string? OldSeverity, string Notes);

    /// <summary>
    /// Every rule row with the release ("## Release x" in Shipped, "Unshipped" otherwise) and the
    /// table ("### New Rules", …) it is in; fails on anything the format does not allow.
    /// </summary>
    private static List<(string Release, string Table, Row Row)> Parse(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, file));
        var shipped = file.Contains("Shipped", StringComparison.Ordinal) && !file.Contains("Unshipped", StringComparison.Ordinal);
        var release = shipped ? null : "Unshipped";
        string? table = null;
        var expectHeader = 0;
        var rows = new List<(string, string, Row)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var at = $"{file}:{i + 1}";
            if (line.Length == 0 || line.StartsWith(';'))
            {
                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Assert.True(shipped, $"{at}: only the shipped file has releases");
                Assert.Matches(@"^## Release \d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$", line);
                release = line[3..];
                table = null;
                continue;
            }

            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                Assert.True(release is not null, $"{at}: a table outside a release");
                table = line[4..];
                Assert.Contains(table, new[] { "New Rules", "Removed Rules", "Changed Rules" });
                expectHeader = 2;
                continue;
            }

            if (expectHeader == 2)
            {
                Assert.Equal(
                    table == "Changed Rules"
                        ? "Rule ID | New Category | New Severity | Old Category | Old Severity | Notes"
                        : "Rule ID | Category | Severity | Notes",
                    line);
                expectHeader = 1;
                continue;
            }

            if (expectHeader == 1)
            {
                Assert.Matches(@"^-+(\|-+)+$", line);
                expectHeader = 0;
                continue;
            }

            Assert.True(table is not null, $"{at}: a row outside a table");
            var cells = line.Split('|').Select(c => c.Trim()).ToArray();
            Assert.True(Id().IsMatch(cells[0]), $"{at}: '{cells[0]}' is not a rule id");
            var changed = table == "Changed Rules";
            Assert.True(cells.Length == (changed ? 6 : 4), $"{at}: {cells.Length} cells");
            rows.Add((release!, table!, changed
                ? new Row(cells[0], cells[1], cells[2], cells[3], cells[4], cells[5])
                : new Row(cells[0], cells[1], cells[2], null, null, cells[3])));
        }

        Assert.True(expectHeader == 0, $"{file}: a table header is missing at the end");
        return rows;
    }

    [GeneratedRegex(@"^OSI\d{4}$")]
    private static partial Regex Id();
}
