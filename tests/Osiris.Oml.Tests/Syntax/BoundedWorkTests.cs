using System.Collections.Immutable;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Syntax;

/// <summary>
/// Issue 7, "bounded work": the hostile shapes that took seconds to minutes and gigabytes. Each test
/// measures work, not time: the bytes the analysis allocates on this thread (under a generous bound,
/// orders of magnitude below what the shape cost before), or the number and shape of the diagnostics.
/// </summary>
public sealed class BoundedWorkTests(ITestOutputHelper output)
{
    private const long MiB = 1024 * 1024;

    // ---- diagnostics that share a span are ordered without formatting their messages -------------

    [Fact]
    public void Comparer_DoesNotFormatMessages_WhenTwoDiagnosticsShareSpanAndId()
    {
        var x = new OmlDiagnostic(DiagnosticCatalog.DuplicateTag, default, "metadata.tags", ImmutableArray.Create("zeta", "1"));
        var y = new OmlDiagnostic(DiagnosticCatalog.DuplicateTag, default, "metadata.tags", ImmutableArray.Create("alpha", "1"));
        OmlDiagnosticComparer.Instance.Compare(x, y);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var c = OmlDiagnosticComparer.Instance.Compare(x, y);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, c);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void ToSortedArray_KeepsTheReportOrder_WhenDiagnosticsShareSpanAndId()
    {
        var bag = new DiagnosticBag("p.oml");
        bag.Report(DiagnosticCatalog.DuplicateTag, default, "metadata.tags", "zeta", "1");
        bag.Report(DiagnosticCatalog.DuplicateTag, default, "metadata.tags", "alpha", "1");
        bag.Report(DiagnosticCatalog.UnknownTopLevelKey, default, "root", "x", string.Empty);

        var sorted = bag.ToSortedArray();

        Assert.Equal(new[] { "OSI0103", "OSI0306", "OSI0306" }, sorted.Select(d => d.Id));
        Assert.Equal(new[] { "x", "zeta", "alpha" }, sorted.Select(d => d.Arguments[0]));
    }

    [Fact]
    public void Analyze_AllocatesLittle_WhenAHundredAliasesRepeatA256KiBTag()
    {
        // 400 aliases of a 1.9 MB tag took 10 s and 17 GB: every tie in the sort formatted two messages.
        var text = HostileFiles.AliasedTag(256 * 1024, 100);

        var (analysis, allocated) = Measure(() => OmlEngine.AnalyzeFile("p.oml", text, WideLimits.Options, TestContext.Current.CancellationToken));

        Assert.Contains(analysis.Diagnostics, d => d.Id == DiagnosticIds.DuplicateTag);
        Assert.True(allocated < 64 * MiB, $"{allocated / MiB} MiB allocated");
    }

    [Fact]
    public void Analyze_AllocatesLittle_WhenAHundredAliasesRepeatA256KiBNeed()
    {
        var text = HostileFiles.AliasedNeeds(256 * 1024, 100);

        var (analysis, allocated) = Measure(() => OmlEngine.AnalyzeFile("p.oml", text, WideLimits.Options, TestContext.Current.CancellationToken));

        Assert.Contains(analysis.Diagnostics, d => d.Id == DiagnosticIds.DuplicateDependency);
        Assert.True(allocated < 64 * MiB, $"{allocated / MiB} MiB allocated");
    }

    // ---- a lineage entry repeated by aliases is read once ----------------------------------------

    [Fact]
    public void Analyze_DoesNotCopyTheEntryPerUse_WhenAThousandAliasesRepeatAOneMegabyteLineageEntry()
    {
        // Each use matched the entry again and copied its name out of the match (2 MB a use).
        var text = HostileFiles.AliasedLineage(1024 * 1024, 1000);

        var (analysis, allocated) = Measure(() => OmlEngine.AnalyzeFile("p.oml", text, WideLimits.Options, TestContext.Current.CancellationToken));

        Assert.Equal(1001, analysis.Catalog!.Lineage.Count);
        Assert.True(allocated < 64 * MiB, $"{allocated / MiB} MiB allocated");
    }

    [Fact]
    public void Analyze_DoesNotRunOutOfMemory_WhenFortyThousandAliasesRepeatA19MegabyteLineageEntry()
    {
        var text = HostileFiles.AliasedLineage(1_900_000, 40_000);

        var (wide, allocated) = Measure(() => OmlEngine.AnalyzeFile("p.oml", text, WideLimits.Options, TestContext.Current.CancellationToken));
        var (bounded, allocatedWithDefaults) = Measure(() => OmlEngine.AnalyzeFile("p.oml", text, null, TestContext.Current.CancellationToken));

        Assert.Equal(40_001, wide.Catalog!.Lineage.Count);
        Assert.True(allocated < 256 * MiB, $"{allocated / MiB} MiB allocated");
        var d = Assert.Single(bounded.Diagnostics);
        Assert.Equal(DiagnosticIds.LimitExceeded, d.Id);
        Assert.StartsWith("The file exceeds a safety limit: YAML aliases repeat long values until the document holds more than 4194304 characters", d.GetMessage(), StringComparison.Ordinal);
        Assert.True(allocatedWithDefaults < 64 * MiB, $"{allocatedWithDefaults / MiB} MiB allocated with the default limits");
    }

    // ---- aliases do not multiply findings; caps bound the rest -----------------------------------

    [Fact]
    public void Analyze_ReportsAFindingInAnAliasedNodeOnce_WhenFiftyStepsUseTheAlias()
    {
        var text = OmlSamples.Header + "steps:\n  - id: s0\n    component: &c acme.nothing\n    mode: read\n"
            + string.Concat(Enumerable.Range(1, 50).Select(i => $"  - id: s{i}\n    component: *c\n    mode: read\n"));

        var analysis = OmlEngine.AnalyzeFile("p.oml", text, null, TestContext.Current.CancellationToken);

        var d = Assert.Single(analysis.Diagnostics, d => d.Id == DiagnosticIds.UnknownComponent);
        Assert.Equal(text.IndexOf("&c acme.nothing", StringComparison.Ordinal), d.Span.Start);
        Assert.Equal("steps[0].component", d.Path);
    }

    [Fact]
    public void Analyze_ReportsAHundredFindingsAndOneOSI0011_WhenAliasesRepeatThreeHundredWindowReferences()
    {
        // 2,700 references × 400 steps made 1,083,504 OSI0209 in 42 s.
        var text = HostileFiles.AliasedWindowConfig(300, 400);

        var analysis = OmlEngine.AnalyzeFile("p.oml", text, null, TestContext.Current.CancellationToken);

        var windows = analysis.Diagnostics.Where(d => d.Id == DiagnosticIds.WindowVariableWithoutWindow).ToList();
        Assert.Equal(100, windows.Count);
        Assert.Equal(100, windows.Select(d => d.Span.Start).Distinct().Count());
        Assert.All(windows, d => Assert.Equal("steps[0].config.query", d.Path));
        var leftOut = Assert.Single(analysis.Diagnostics, d => d.Id == DiagnosticIds.DiagnosticsLeftOut);
        Assert.Equal(
            "200 more OSI0209 findings in this file are not reported: at most 100 of each ID are; fix the ones reported and build again to see the rest",
            leftOut.GetMessage());
        Assert.Equal(windows[^1].Span.End + 1, leftOut.Span.Start);
    }

    [Fact]
    public void Analyze_ReportsAThousandFindingsAndCountsTheRest_WhenAFileHasMoreOfManyKinds()
    {
        var text = HostileFiles.ManyKindsOfFindings(110);

        var diagnostics = OmlEngine.AnalyzeFile("p.oml", text, null, TestContext.Current.CancellationToken).Diagnostics;

        output.WriteLine(string.Join("\n", diagnostics.GroupBy(d => d.Id).Select(g => $"{g.Key} × {g.Count()}")));
        var counted = diagnostics.Where(d => d.Id != DiagnosticIds.DiagnosticsLeftOut).ToList();
        Assert.Equal(1000, counted.Count);
        Assert.All(counted.GroupBy(d => d.Id), g => Assert.True(g.Count() <= 100, $"{g.Key} × {g.Count()}"));
        var perFile = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.DiagnosticsLeftOut && d.Arguments[1] == "findings");
        Assert.Equal("1000 per file", perFile.Arguments[2]);
        output.WriteLine(string.Join("\n", diagnostics.Where(d => d.Id == DiagnosticIds.DiagnosticsLeftOut).Select(d => d.GetMessage())));
    }

    // ---- "did you mean" is bounded ---------------------------------------------------------------

    [Fact]
    public void Analyze_AllocatesLittle_WhenTwoThousandStepsNeedMisspelledIds()
    {
        // 6-10 s and 5.7 GB: every unknown id was compared with every step id, a full table each time.
        var text = HostileFiles.MisspelledNeeds(2_000);

        var (analysis, allocated) = Measure(() => OmlEngine.AnalyzeFile("p.oml", text, null, TestContext.Current.CancellationToken));

        var first = analysis.Diagnostics.First(d => d.Id == DiagnosticIds.UnknownDependency);
        Assert.Equal("Step 'step_number_0' needs 'stepnumber_1x', which is not a step id of this pipeline (did you mean 'step_number_1'?)", first.GetMessage());
        Assert.True(allocated < 64 * MiB, $"{allocated / MiB} MiB allocated");
    }

    [Fact]
    public void Analyze_AllocatesLittle_WhenSixteenThousandStepsNeedMisspelledIds()
    {
        var text = HostileFiles.MisspelledNeeds(16_000);

        var (analysis, allocated) = Measure(() => OmlEngine.AnalyzeFile("p.oml", text, WideLimits.Options, TestContext.Current.CancellationToken));

        Assert.Contains(analysis.Diagnostics, d => d.Id == DiagnosticIds.UnknownDependency);
        Assert.True(allocated < 256 * MiB, $"{allocated / MiB} MiB allocated");
    }

    private static (T Result, long Allocated) Measure<T>(Func<T> action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = action();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
