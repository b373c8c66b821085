using Osiris.Oml.Catalog;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Settings;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Catalog;

/// <summary>
/// Issue 7: every repository rule in bounded work at 1,000 pipelines. The tests measure the bytes the
/// repository-wide analysis allocates (under a generous bound, far below what each shape cost before),
/// never the time it takes.
/// </summary>
public sealed class CatalogBoundsTests(ITestOutputHelper output)
{
    private const long MiB = 1024 * 1024;

    private static readonly OmlAnalysisOptions Options = OmlAnalysisOptions.Default with
    {
        Schedule = ScheduleSettings.Default with { ReferenceTime = NodaTime.Instant.FromUtc(2026, 3, 2, 0, 0), Targets = Orchestrators.Airflow },
        Policy = PolicySettings.Default with { MaxParallelRuns = 8 },
    };

    [Fact]
    public void Analyze_AllocatesLittle_WhenTenPipelinesRunEveryMinuteWithAWeekLongTimeout()
    {
        // 16 s and 38.8 GB: each new peak copied the list of active runs, and each end searched it.
        var entries = Entries(Enumerable.Range(0, 10).Select(i => SyntheticRepository.Scheduled(i, "* * * * *", "7d", "t" + i)));

        var (diagnostics, allocated) = Measure(() => OmlCatalog.Analyze(entries, Options, TestContext.Current.CancellationToken));

        var d = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.TooManyParallelRuns);
        Assert.StartsWith("Up to 100790 runs can be active at once (at 2026-03-08 23:59 UTC: pipeline_00000 ×10079, pipeline_00001 ×10079,", d.GetMessage(), StringComparison.Ordinal);
        Assert.True(allocated < 64 * MiB, $"{allocated / MiB} MiB allocated");
    }

    [Fact]
    public void Analyze_AllocatesLittle_WhenAThousandPipelinesRunEveryMinuteForAnHour()
    {
        // Did not finish in 150 s.
        var entries = Entries(Enumerable.Range(0, 1000).Select(i => SyntheticRepository.Scheduled(i, "* * * * *", "1h", "t" + i)));

        var (diagnostics, allocated) = Measure(() => OmlCatalog.Analyze(entries, Options, TestContext.Current.CancellationToken));

        var d = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.TooManyParallelRuns);
        Assert.StartsWith("Up to 60000 runs can be active at once", d.GetMessage(), StringComparison.Ordinal);
        Assert.True(d.GetMessage().Length < 2_000, d.GetMessage());
        Assert.True(allocated < 128 * MiB, $"{allocated / MiB} MiB allocated");
    }

    [Fact]
    public void Analyze_AllocatesLittle_WhenAThousandPipelinesNameUnknownUpstreams()
    {
        // 3 s and 1.8 GB: every unknown name was compared with every pipeline name, a full table each time.
        var entries = Entries(Enumerable.Range(0, 1000).Select(i => SyntheticRepository.Scheduled(i, "0 2 * * *", "1h", "t" + i, upstream: "pipelin_" + (i + 7).ToString("D5", System.Globalization.CultureInfo.InvariantCulture))));

        var (diagnostics, allocated) = Measure(() => OmlCatalog.Analyze(entries, Options, TestContext.Current.CancellationToken));

        Assert.Equal(1000, diagnostics.Count(d => d.Id == DiagnosticIds.UnknownLineagePipeline));
        Assert.Contains("(did you mean 'pipeline_00007'?)", diagnostics.First(d => d.Id == DiagnosticIds.UnknownLineagePipeline).GetMessage(), StringComparison.Ordinal);
        Assert.True(allocated < 64 * MiB, $"{allocated / MiB} MiB allocated");
    }

    [Fact]
    public void Analyze_AllocatesLittle_WhenAHundredPipelinesOnSecondsFieldsWriteOneTable()
    {
        // Each pipeline's fire times were computed again, 10,080 of them for a seconds field, and compared pair by pair.
        var entries = Entries(Enumerable.Range(0, 100).Select(i => SyntheticRepository.Scheduled(i, "* * * * * " + (i % 60), "1s", "shared")));

        var (diagnostics, allocated) = Measure(() => OmlCatalog.Analyze(entries, Options, TestContext.Current.CancellationToken));

        output.WriteLine(string.Join("\n", diagnostics.GroupBy(d => d.Id).Select(g => $"{g.Key} × {g.Count()}")));
        // Seconds 0-39 are taken by two pipelines each (i and i + 60), which then run at once; 40-59 by one.
        Assert.Equal(80, diagnostics.Count(d => d.Id == DiagnosticIds.SharedWriteTarget));
        Assert.Equal(
            "Step 'load' writes @supabase.analytics table 'shared', which 'pipeline_00060' also writes, and their runs can overlap (for example on 2026-03-02 00:01 UTC); schedule them apart or write in one pipeline",
            diagnostics.First(d => d.Id == DiagnosticIds.SharedWriteTarget).GetMessage());
        Assert.True(allocated < 64 * MiB, $"{allocated / MiB} MiB allocated");
    }

    [Fact]
    public void Analyze_ComputesAtMostTheRunBudget_WhenSixtyDistinctSchedulesFireEveryMinute()
    {
        // 60 distinct schedules × a week of minutes would be 604,800 fire times.
        var entries = Entries(Enumerable.Range(0, 600).Select(i => SyntheticRepository.Scheduled(i, "* * * * * " + (i % 60), "10m", "t" + i)));

        var (diagnostics, allocated) = Measure(() => OmlCatalog.Analyze(entries, Options, TestContext.Current.CancellationToken));

        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.TooManyParallelRuns);
        Assert.True(allocated < 128 * MiB, $"{allocated / MiB} MiB allocated");
    }

    [Fact]
    public void Analyze_Throws_WhenCancelled()
    {
        var entries = Entries(Enumerable.Range(0, 10).Select(i => SyntheticRepository.Scheduled(i, "* * * * *", "1h", "t" + i)));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => OmlCatalog.Analyze(entries, Options, cancelled.Token));
    }

    [Fact]
    public void Analyze_AllocatesLittle_ForAThousandRealisticPipelines()
    {
        var entries = Entries(Enumerable.Range(0, 1000).Select(i => SyntheticRepository.Realistic(i, 1000)));

        var (diagnostics, allocated) = Measure(() => OmlCatalog.Analyze(entries, Options, TestContext.Current.CancellationToken));

        output.WriteLine(string.Join("\n", diagnostics.GroupBy(d => d.Id).Select(g => $"{g.Key} × {g.Count()}")));
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.SharedWriteTarget);
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.TooManyParallelRuns);
        Assert.True(allocated < 64 * MiB, $"{allocated / MiB} MiB allocated");
    }

    private static List<CatalogEntry> Entries(IEnumerable<(string Path, string Text)> files)
        => files.Select(f => OmlEngine.AnalyzeFile(f.Path, f.Text, Options, TestContext.Current.CancellationToken).Catalog!).ToList();

    private static (T Result, long Allocated) Measure<T>(Func<T> action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var result = action();
        return (result, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
