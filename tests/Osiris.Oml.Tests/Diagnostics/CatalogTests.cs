using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Diagnostics;

/// <summary>
/// The diagnostic catalog is the single source of truth: IDs unique and well formed, each in the
/// block of its category, messages that format with exactly the arguments the engine passes.
/// </summary>
public sealed class CatalogTests
{
    private static readonly Regex IdPattern = new(@"^OSI\d{4}$", RegexOptions.CultureInvariant);

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var d in DiagnosticCatalog.All)
        {
            data.Add(d.Id);
        }

        return data;
    }

    [Fact]
    public void All_NeverLosesAnIdOnceAdded()
    {
        // IDs are product surface: once added they stay (a retired ID keeps its descriptor, documented as retired).
        var released = Enumerable.Range(1, 9).Select(i => $"OSI{i:0000}")
            .Concat(Enumerable.Range(101, 24).Select(i => $"OSI{i:0000}"))
            .Concat(Enumerable.Range(501, 3).Select(i => $"OSI{i:0000}"));

        Assert.Empty(released.Except(DiagnosticCatalog.All.Select(d => d.Id)));
    }

    [Fact]
    public void All_HasUniqueIds_WhenDescriptorsAreListed()
    {
        var duplicates = DiagnosticCatalog.All.GroupBy(d => d.Id).Where(g => g.Count() > 1).Select(g => g.Key);

        Assert.Empty(duplicates);
    }

    [Fact]
    public void All_IsOrderedById()
    {
        var ids = DiagnosticCatalog.All.Select(d => d.Id).ToArray();

        Assert.Equal(ids.OrderBy(x => x, StringComparer.Ordinal), ids);
    }

    [Fact]
    public void DiagnosticIds_HasADescriptorForEveryConstant_AndNoneWithout()
    {
        var constants = typeof(DiagnosticIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (string)f.GetRawConstantValue()!)
            .OrderBy(x => x, StringComparer.Ordinal);

        Assert.Equal(constants, DiagnosticCatalog.All.Select(d => d.Id));
    }

    [Fact]
    public void DiagnosticIds_HasUniqueValues()
    {
        var values = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Equal(values.Count, values.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Id_MatchesThePattern(string id)
    {
        Assert.Matches(IdPattern, id);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Category_MatchesTheBlockOfTheId(string id)
    {
        var expected = id.Substring(3, 2) switch
        {
            "00" => DiagnosticCategories.Syntax,
            "01" => DiagnosticCategories.Structure,
            "02" => DiagnosticCategories.Schedule,
            "03" => DiagnosticCategories.Metadata,
            "04" => DiagnosticCategories.Conflicts,
            "05" => DiagnosticCategories.Security,
            "06" => DiagnosticCategories.Compatibility,
            "07" => DiagnosticCategories.Export,
            var block => throw new Xunit.Sdk.XunitException($"{id} is in block {block}xx, which OML-SPEC §4 does not define"),
        };

        Assert.Equal(expected, DiagnosticCatalog.Find(id)!.Category);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void TitleDescriptionAndMessage_AreNotEmpty(string id)
    {
        var d = DiagnosticCatalog.Find(id)!;

        Assert.False(string.IsNullOrWhiteSpace(d.Title));
        Assert.False(string.IsNullOrWhiteSpace(d.Description));
        Assert.False(string.IsNullOrWhiteSpace(d.MessageFormat));
        Assert.Equal(d.Title.Trim(), d.Title);
        Assert.False(d.Title.EndsWith(".", StringComparison.Ordinal), "titles are not sentences with a period");
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void HelpLink_IsAnAbsoluteUrlEndingWithTheIdPage(string id)
    {
        var link = DiagnosticCatalog.Find(id)!.HelpLink;

        Assert.EndsWith("/" + id + ".md", link, StringComparison.Ordinal);
        Assert.StartsWith(DiagnosticCatalog.HelpLinkBase, link, StringComparison.Ordinal);
        Assert.True(Uri.TryCreate(link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps, link);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void MessageFormat_FormatsWithExactlyItsArity(string id)
    {
        var format = DiagnosticCatalog.Find(id)!.MessageFormat;
        var arity = Arity(format);
        var args = Enumerable.Range(0, arity).Select(i => (object)("<" + i + ">")).ToArray();

        var message = string.Format(CultureInfo.InvariantCulture, format, args);

        for (var i = 0; i < arity; i++)
        {
            Assert.Contains("<" + i + ">", message, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("{{", message, StringComparison.Ordinal);
        if (arity > 0)
        {
            Assert.Throws<FormatException>(() => string.Format(CultureInfo.InvariantCulture, format, args.Take(arity - 1).ToArray()));
        }
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void MessageFormat_UsesEveryPlaceholderFromZeroWithoutGaps(string id)
    {
        var indices = Placeholders(DiagnosticCatalog.Find(id)!.MessageFormat).Distinct().OrderBy(i => i).ToArray();

        Assert.Equal(Enumerable.Range(0, indices.Length), indices);
    }

    [Theory]
    // The severities OML-SPEC §1 gives the Osiris rules, and the rest of the catalog.
    [InlineData("OSI0001", OmlSeverity.Error)]
    [InlineData("OSI0002", OmlSeverity.Error)]
    [InlineData("OSI0003", OmlSeverity.Error)]
    [InlineData("OSI0004", OmlSeverity.Error)]
    [InlineData("OSI0005", OmlSeverity.Error)]
    [InlineData("OSI0006", OmlSeverity.Error)]
    [InlineData("OSI0007", OmlSeverity.Error)]
    [InlineData("OSI0008", OmlSeverity.Warning)]
    [InlineData("OSI0009", OmlSeverity.Warning)]
    [InlineData("OSI0011", OmlSeverity.Warning)]
    [InlineData("OSI0101", OmlSeverity.Error)]
    [InlineData("OSI0102", OmlSeverity.Error)]
    [InlineData("OSI0103", OmlSeverity.Warning)]
    [InlineData("OSI0104", OmlSeverity.Error)]
    [InlineData("OSI0105", OmlSeverity.Error)]
    [InlineData("OSI0106", OmlSeverity.Warning)]
    [InlineData("OSI0107", OmlSeverity.Error)]
    [InlineData("OSI0108", OmlSeverity.Error)]
    [InlineData("OSI0109", OmlSeverity.Error)]
    [InlineData("OSI0110", OmlSeverity.Warning)]
    [InlineData("OSI0111", OmlSeverity.Error)]
    [InlineData("OSI0112", OmlSeverity.Error)]
    [InlineData("OSI0113", OmlSeverity.Error)]
    [InlineData("OSI0114", OmlSeverity.Error)]
    [InlineData("OSI0115", OmlSeverity.Error)]
    [InlineData("OSI0116", OmlSeverity.Error)]
    [InlineData("OSI0117", OmlSeverity.Error)]
    [InlineData("OSI0118", OmlSeverity.Error)]
    [InlineData("OSI0119", OmlSeverity.Warning)]
    [InlineData("OSI0120", OmlSeverity.Error)]
    [InlineData("OSI0121", OmlSeverity.Warning)]
    [InlineData("OSI0122", OmlSeverity.Warning)]
    [InlineData("OSI0123", OmlSeverity.Warning)]
    [InlineData("OSI0501", OmlSeverity.Error)]
    [InlineData("OSI0502", OmlSeverity.Warning)]
    [InlineData("OSI0503", OmlSeverity.Warning)]
    public void DefaultSeverity_MatchesTheSpec(string id, OmlSeverity severity)
    {
        Assert.Equal(severity, DiagnosticCatalog.Find(id)!.DefaultSeverity);
    }

    [Theory]
    [InlineData("OSI9999")]
    [InlineData("osi0101")]
    [InlineData("")]
    public void Find_ReturnsNull_WhenIdIsNotInTheCatalog(string id)
    {
        Assert.Null(DiagnosticCatalog.Find(id));
    }

    [Fact]
    public void CrossFileDescriptors_AreOnlyThoseReportedAtCompilationEnd()
    {
        // Reported once per compilation, not per file: repository settings (and, later, catalog rules).
        var crossFile = DiagnosticCatalog.All.Where(d => d.IsCrossFile).Select(d => d.Id);
        Assert.Equal(
            new[]
            {
                DiagnosticIds.InvalidSetting, DiagnosticIds.DuplicatePipelineName, DiagnosticIds.UnknownLineagePipeline, DiagnosticIds.LineageCycle,
                DiagnosticIds.OneSidedLineage, DiagnosticIds.DownstreamBeforeUpstream, DiagnosticIds.SharedWriteTarget, DiagnosticIds.TooManyParallelRuns,
            },
            crossFile);
    }

    /// <summary>One document per ID the engine can report from input (all but OSI0001).</summary>
    public static TheoryData<string, string> Triggers() => new()
    {
        { "OSI0002", "a: \u0000\n" },
        { "OSI0003", "a: [1\n" },
        { "OSI0004", "a: 1\na: 2\n" },
        { "OSI0005", new string('[', 100) },
        { "OSI0006", "- a\n" },
        { "OSI0007", "a: 1\n---\nb: 2\n" },
        { "OSI0008", "oml_version: \"9\"\n" },
        { "OSI0009", "a: !custom x\n" },
        { "OSI0011", string.Concat(Enumerable.Range(0, 101).Select(i => $"nmae{i}: x\n")) },
        { "OSI0101", "a: 1\n" },
        { "OSI0102", "version: 1\n" },
        { "OSI0103", "nmae: x\n" },
        { "OSI0104", "name: 1\n" },
        { "OSI0105", "name: ''\n" },
        { "OSI0106", "name: Bad Name\n" },
        { "OSI0107", "steps: []\n" },
        { "OSI0108", "steps: [{id: a}]\n" },
        { "OSI0109", "steps: [{id: a}, {id: a}]\n" },
        { "OSI0110", "steps: [{component: nope}]\n" },
        { "OSI0111", "steps: [{mode: nope}]\n" },
        { "OSI0112", "steps: [{component: duckdb.processor, mode: read}]\n" },
        { "OSI0113", "steps: [{id: a, needs: [b]}]\n" },
        { "OSI0114", "steps: [{id: a, needs: [a]}]\n" },
        { "OSI0115", "steps: [{component: duckdb.processor, config: {connection: '@x'}}]\n" },
        { "OSI0116", "steps: [{component: duckdb.processor, config: {nope: 1}}]\n" },
        { "OSI0117", "steps: [{component: duckdb.processor, config: {}}]\n" },
        { "OSI0118", "steps: [{component: supabase.writer, config: {write_mode: upsert}}]\n" },
        { "OSI0119", "steps: [{component: acme.writer, config: {write_mode: merge}}]\n" },
        { "OSI0120", "steps: [{component: duckdb.processor, config: {query: 1}}]\n" },
        { "OSI0121", "steps: [{need: []}]\n" },
        { "OSI0122", "steps: [{id: a}, {id: b, needs: [a, a]}]\n" },
        { "OSI0123", "steps: [{component: duckdb.processor}]\n" },
        { "OSI0501", "steps: [{component: mysql.extractor, config: {connection: '@mysql.a', user: u}}]\n" },
        { "OSI0502", "steps: [{component: graphql.extractor, config: {connection: '@graphql.a', query: q, headers: {}}}]\n" },
        { "OSI0503", "steps: [{component: mysql.extractor, config: {host: h, database: d, user: u, password: p}}]\n" },
    };

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Engine_PassesExactlyTheArityOfTheMessage_WhenItReportsTheId(string id, string text)
    {
        var diagnostics = OmlMarkup.Analyze(text).Diagnostics;

        var reported = diagnostics.Where(d => d.Id == id).ToList();
        Assert.NotEmpty(reported);
        Assert.All(diagnostics, d =>
        {
            Assert.Equal(Arity(d.Descriptor.MessageFormat), d.Arguments.Length);
            Assert.False(string.IsNullOrWhiteSpace(d.GetMessage()));
        });
    }

    [Fact]
    public void Triggers_CoverEveryIdExceptTheInternalError()
    {
        var covered = Triggers().Select(row => (string)((ITheoryDataRow)row).GetData()[0]!).ToHashSet(StringComparer.Ordinal);

        // This table covers the file, structure and security blocks. OSI0001 has no trigger; OSI0010 comes
        // from repository settings (ScheduleSettingsTests); OSI0124 is
        // reported in a component spec (ComponentSpecReaderTests); the schedule, conflict and
        // compatibility blocks need settings and dates (ScheduleRuleTests). DocsPageTests runs every
        // page's example, for every ID, as well.
        var notFromOneDocument = new[] { DiagnosticIds.InternalError, DiagnosticIds.InvalidSetting, DiagnosticIds.InvalidComponentSpec };
        Assert.Equal(
            DiagnosticCatalog.All.Select(d => d.Id).Where(id => !notFromOneDocument.Contains(id) && (id.StartsWith("OSI00", StringComparison.Ordinal) || id.StartsWith("OSI01", StringComparison.Ordinal) || id.StartsWith("OSI05", StringComparison.Ordinal))),
            DiagnosticCatalog.All.Select(d => d.Id).Where(covered.Contains));
    }

    /// <summary>The number of arguments a composite format needs: one more than its highest <c>{n}</c>.</summary>
    private static int Arity(string format)
    {
        var indices = Placeholders(format).ToList();
        return indices.Count == 0 ? 0 : indices.Max() + 1;
    }

    /// <summary>The indices of the <c>{n}</c>, <c>{n,w}</c> and <c>{n:f}</c> items, skipping <c>{{</c> and <c>}}</c>.</summary>
    private static IEnumerable<int> Placeholders(string format)
    {
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] == '{')
            {
                if (i + 1 < format.Length && format[i + 1] == '{')
                {
                    i++;
                    continue;
                }

                var end = format.IndexOf('}', i);
                var item = format.Substring(i + 1, end - i - 1);
                var stop = item.IndexOfAny(new[] { ',', ':' });
                yield return int.Parse(stop < 0 ? item : item.Substring(0, stop), NumberStyles.None, CultureInfo.InvariantCulture);
                i = end;
            }
            else if (format[i] == '}' && i + 1 < format.Length && format[i + 1] == '}')
            {
                i++;
            }
        }
    }
}
