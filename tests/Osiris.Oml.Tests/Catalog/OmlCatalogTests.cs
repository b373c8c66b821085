using System.Text;
using Osiris.Oml.Catalog;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Settings;
using Osiris.Oml.Tests.Rules;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Catalog;

/// <summary>The repository-wide rules over several pipeline files (markup marks the expected places).</summary>
public sealed class OmlCatalogTests
{
    /// <summary>Analyzes each file (which must be clean on its own), then the catalog; asserts exactly the marked diagnostics.</summary>
    private static IReadOnlyList<OmlDiagnostic> Verify(OmlAnalysisOptions? options, params (string Path, string Markup)[] files)
    {
        options ??= ScheduleRuleTests.Options();
        var expected = new List<(string Path, string Id, int Start, int End)>();
        var entries = new List<CatalogEntry>();
        foreach (var (path, markup) in files)
        {
            var (text, marks) = OmlMarkup.Parse(markup);
            expected.AddRange(marks.Select(m => (path, m.Id, m.Start, m.End)));
            var analysis = OmlEngine.AnalyzeFile(path, text, options, TestContext.Current.CancellationToken);
            Assert.True(analysis.Diagnostics.IsEmpty, $"{path} is not clean on its own:\n{string.Join("\n", analysis.Diagnostics)}");
            entries.Add(analysis.Catalog!);
        }

        var actual = OmlCatalog.Analyze(entries, options, TestContext.Current.CancellationToken);
        var got = actual.Select(d => (d.Location.FilePath, d.Id, d.Span.Start, d.Span.End)).OrderBy(x => x.FilePath, StringComparer.Ordinal).ThenBy(x => x.Start).ToList();
        var want = expected.OrderBy(x => x.Path, StringComparer.Ordinal).ThenBy(x => x.Start).ToList();
        if (!got.SequenceEqual(want))
        {
            var sb = new StringBuilder("Expected:\n");
            foreach (var w in want)
            {
                sb.AppendLine($"  {w.Path} {w.Id} [{w.Start}..{w.End})");
            }

            sb.AppendLine("Actual:");
            foreach (var d in actual)
            {
                sb.AppendLine($"  {d.Location.FilePath} {d.Id} [{d.Span.Start}..{d.Span.End}) {d}");
            }

            Assert.Fail(sb.ToString());
        }

        return actual;
    }

    private static string Pipeline(string name, string lineage = "", string schedule = "", string metadata = "", string writes = "") => $$"""
        oml_version: "0.2.0"
        name: {{name}}
        {{schedule}}
        metadata:
          owner: "data-team@company.com"
        {{metadata}}
          lineage:
        {{lineage}}
        steps:
          - id: "extract"
            component: "mysql.extractor"
            mode: "read"
            config:
              connection: "@mysql.primary"
              table: "orders"
        {{writes}}
        """;

    private const string SeedLineage = """
            upstream:
              - "pipeline: order_processing"
              - "table: mysql.orders"
            downstream:
              - "dashboard: customer_analytics"
              - "pipeline: marketing_segments"
        """;

    [Fact]
    public void SeedLineage_ReportsMissingPipelinesAtTheListItems()
    {
        var diagnostics = Verify(null, ("repo/daily_customer_sync.oml", Pipeline(
            "\"daily_customer_sync\"",
            SeedLineage.Replace("- \"pipeline: order_processing\"", "- {|OSI0406:\"pipeline: order_processing\"|}").Replace("- \"pipeline: marketing_segments\"", "- {|OSI0406:\"pipeline: marketing_segments\"|}"))));
        Assert.Equal("'pipeline: order_processing' names no pipeline of this repository; add that pipeline or fix the name", diagnostics[0].GetMessage());
    }

    [Fact]
    public void SeedLineage_IsQuiet_OnceThePipelinesExistAndAgree()
        => Verify(
            null,
            ("repo/daily_customer_sync.oml", Pipeline("\"daily_customer_sync\"", SeedLineage)),
            ("repo/order_processing.oml", Pipeline("\"order_processing\"", "    downstream: [\"pipeline: daily_customer_sync\"]")),
            ("repo/marketing_segments.oml", Pipeline("\"marketing_segments\"", "    upstream: [\"pipeline: daily_customer_sync\"]")));

    [Fact]
    public void UnknownPipeline_SuggestsTheClosestName()
    {
        var diagnostics = Verify(
            null,
            ("repo/a.oml", Pipeline("\"customer-export\"", "    upstream: [{|OSI0406:\"pipeline: order_procesing\"|}]")),
            ("repo/b.oml", Pipeline("\"order_processing\"")));
        Assert.Equal("'pipeline: order_procesing' names no pipeline of this repository (did you mean 'order_processing'?); add that pipeline or fix the name", diagnostics.Single().GetMessage());
    }

    [Fact]
    public void DuplicateNames_AreReportedInBothFiles()
    {
        var diagnostics = Verify(
            null,
            ("repo/pipelines/a.oml", Pipeline("{|OSI0405:\"orders\"|}")),
            ("repo/pipelines/copy/b.oml", Pipeline("{|OSI0405:\"orders\"|}")));
        Assert.Equal("Pipeline name 'orders' is also used by copy/b.oml (line 2); pipeline names must be unique in the repository (they become DAG ids, deployment and job names)", diagnostics[0].GetMessage());
        Assert.Equal("repo/pipelines/copy/b.oml", Assert.Single(diagnostics[0].AdditionalLocations).FilePath);
    }

    [Fact]
    public void LineageCycle_IsSpelledOut()
    {
        var diagnostics = Verify(
            null,
            ("repo/a.oml", Pipeline("\"a\"", "    downstream: [{|OSI0407:\"pipeline: b\"|}]")),
            ("repo/b.oml", Pipeline("\"b\"", "    upstream: [\"pipeline: a\"]\n    downstream: [\"pipeline: c\"]")),
            ("repo/c.oml", Pipeline("\"c\"", "    upstream: [\"pipeline: b\"]\n    downstream: [{|OSI0408:\"pipeline: a\"|}]")));
        var cycle = diagnostics.Single(d => d.Id == "OSI0407");
        Assert.Equal("The pipelines feed each other in a cycle (a → b → c → a); one of these lineage entries is wrong", cycle.GetMessage());
        Assert.Equal(2, cycle.AdditionalLocations.Length);
    }

    [Fact]
    public void OneSidedLineage_IsInformational()
    {
        var d = Assert.Single(Verify(
            null,
            ("repo/a.oml", Pipeline("\"a\"", "    downstream: [{|OSI0408:\"pipeline: b\"|}]")),
            ("repo/b.oml", Pipeline("\"b\""))));
        Assert.Equal(OmlSeverity.Info, d.Severity);
        Assert.Equal("'a' lists 'b' as downstream, but 'b' does not list 'a' as upstream; add it there so both pipelines tell the same story", d.GetMessage());
    }

    [Fact]
    public void DownstreamScheduledBeforeUpstreamIsDue_IsAWarningWithBothTimes()
    {
        var d = Assert.Single(Verify(
            null,
            ("repo/up.oml", Pipeline("\"up\"", "    downstream: [\"pipeline: down\"]", "schedule: {expression: \"0 1 * * *\"}", "  sla: \"2h\"")),
            ("repo/down.oml", Pipeline("\"down\"", "    upstream: [\"pipeline: up\"]", "schedule: {expression: {|OSI0409:\"30 2 * * *\"|}}"))));
        Assert.Equal("'down' runs at 02:30 UTC, before its upstream 'up' is due to finish (01:00 UTC + SLA 2h = 03:00 UTC); schedule it after 03:00 UTC or shorten the upstream SLA", d.GetMessage());
    }

    [Fact]
    public void DownstreamScheduledAfterUpstreamIsDue_IsQuiet()
        => Verify(
            null,
            ("repo/up.oml", Pipeline("\"up\"", "    downstream: [\"pipeline: down\"]", "schedule: {expression: \"0 1 * * *\"}", "  sla: \"2h\"")),
            ("repo/down.oml", Pipeline("\"down\"", "    upstream: [\"pipeline: up\"]", "schedule: {expression: \"0 3 * * *\"}")));

    [Fact]
    public void IntervalSchedule_RunsCountFromItsStart()
    {
        // Every day from 02:00: counted from 1970 instead, the runs would fall at midnight, after 'up' is due.
        var d = Assert.Single(Verify(
            null,
            ("repo/up.oml", Pipeline("\"up\"", "    downstream: [\"pipeline: down\"]", "schedule: {expression: \"0 1 * * *\"}", "  sla: \"2h\"")),
            ("repo/down.oml", Pipeline("\"down\"", "    upstream: [\"pipeline: up\"]", "schedule: {type: interval, every: {|OSI0409:\"1d\"|}, start: \"2026-01-01T02:00\"}"))));
        Assert.Equal("'down' runs at 02:00 UTC, before its upstream 'up' is due to finish (01:00 UTC + SLA 2h = 03:00 UTC); schedule it after 03:00 UTC or shorten the upstream SLA", d.GetMessage());
    }

    private const string Writer = """
          - id: "load"
            component: "supabase.writer"
            mode: "write"
            needs: ["extract"]
            config:
              connection: "@supabase.analytics"
              table: TABLE
              write_mode: "upsert"
              primary_key: "id"
        """;

    [Fact]
    public void SharedWriteTarget_WithOverlappingRuns_IsReportedInBothFiles()
    {
        var diagnostics = Verify(
            null,
            ("repo/a.oml", Pipeline("\"a\"", schedule: "schedule: {expression: \"0 2 * * *\", timeout: \"2h\"}", writes: Writer.Replace("TABLE", "{|OSI0410:\"customers\"|}"))),
            ("repo/b.oml", Pipeline("\"b\"", schedule: "schedule: {expression: \"0 3 * * *\", timeout: \"1h\"}", writes: Writer.Replace("TABLE", "{|OSI0410:\"customers\"|}"))));
        Assert.Equal("Step 'load' writes @supabase.analytics table 'customers', which 'b' also writes, and their runs can overlap (for example on 2026-11-27 03:00 UTC); schedule them apart or write in one pipeline", diagnostics[0].GetMessage());
    }

    [Fact]
    public void SharedWriteTarget_IsQuiet_WhenRunsCannotOverlap()
        => Verify(
            null,
            ("repo/a.oml", Pipeline("\"a\"", schedule: "schedule: {expression: \"0 2 * * *\", timeout: \"1h\"}", writes: Writer.Replace("TABLE", "\"customers\""))),
            ("repo/b.oml", Pipeline("\"b\"", schedule: "schedule: {expression: \"0 4 * * *\", timeout: \"1h\"}", writes: Writer.Replace("TABLE", "\"customers\""))));

    [Fact]
    public void SharedWriteTarget_LooksAtTheWholeWeek_EvenForARunEveryMinute()
    {
        // 2026-11-29 is the Sunday after the reference date; a week of runs every minute is 10 080 runs.
        var diagnostics = Verify(
            null,
            ("repo/a.oml", Pipeline("\"a\"", schedule: "schedule: {expression: \"* * * * *\", timeout: \"30s\"}", writes: Writer.Replace("TABLE", "{|OSI0410:\"customers\"|}"))),
            ("repo/b.oml", Pipeline("\"b\"", schedule: "schedule: {expression: \"0 12 * * 0\", timeout: \"1h\"}", writes: Writer.Replace("TABLE", "{|OSI0410:\"customers\"|}"))));
        Assert.All(diagnostics, d => Assert.EndsWith("(for example on 2026-11-29 12:00 UTC); schedule them apart or write in one pipeline", d.GetMessage(), StringComparison.Ordinal));
    }

    [Fact]
    public void ParallelRuns_AboveThePolicy_AreAnError()
    {
        var options = ScheduleRuleTests.Options() with { Policy = PolicySettings.Default with { MaxParallelRuns = 2 } };
        var d = Assert.Single(Verify(
            options,
            ("repo/a.oml", Pipeline("\"a\"", schedule: "schedule: {expression: {|OSI0411:\"0 2 * * *\"|}, timeout: \"2h\"}")),
            ("repo/b.oml", Pipeline("\"b\"", schedule: "schedule: {expression: \"30 2 * * *\", timeout: \"1h\"}")),
            ("repo/c.oml", Pipeline("\"c\"", schedule: "schedule: {expression: \"0 3 * * *\", timeout: \"1h\"}"))));
        Assert.Equal("Up to 3 runs can be active at once (at 2026-11-27 03:00 UTC: a, b, c), more than the repository allows (osiris_max_parallel_runs = 2); spread the schedules or lower timeouts", d.GetMessage());
        Assert.Equal(2, d.AdditionalLocations.Length);
    }

    [Fact]
    public void ParallelRuns_AtThePolicy_AreQuiet()
        => Verify(
            ScheduleRuleTests.Options() with { Policy = PolicySettings.Default with { MaxParallelRuns = 3 } },
            ("repo/a.oml", Pipeline("\"a\"", schedule: "schedule: {expression: \"0 2 * * *\", timeout: \"2h\"}")),
            ("repo/b.oml", Pipeline("\"b\"", schedule: "schedule: {expression: \"30 2 * * *\", timeout: \"1h\"}")),
            ("repo/c.oml", Pipeline("\"c\"", schedule: "schedule: {expression: \"0 3 * * *\", timeout: \"1h\"}")));

    [Fact]
    public void Catalog_IsDeterministic_WhateverTheOrderOfFiles()
    {
        var files = new[]
        {
            ("repo/a.oml", Pipeline("\"x\"", "    upstream: [\"pipeline: nope\"]")),
            ("repo/b.oml", Pipeline("\"x\"")),
        }.Select(f => OmlEngine.AnalyzeFile(f.Item1, f.Item2, ScheduleRuleTests.Options(), TestContext.Current.CancellationToken).Catalog!).ToList();

        var forward = OmlCatalog.Analyze(files, ScheduleRuleTests.Options(), TestContext.Current.CancellationToken).Select(d => d.ToString());
        files.Reverse();
        var backward = OmlCatalog.Analyze(files, ScheduleRuleTests.Options(), TestContext.Current.CancellationToken).Select(d => d.ToString());
        Assert.Equal(forward, backward);
    }
}
