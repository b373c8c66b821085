using BenchmarkDotNet.Attributes;
using NodaTime;
using Osiris.Oml;
using Osiris.Oml.Catalog;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Settings;
using Osiris.Oml.Tests.Support;

namespace Osiris.Benchmarks;

/// <summary>
/// The repository-wide rules (OSI0405–OSI0411) over realistic 0.2.0 repositories: six zones, eight
/// schedules with timeouts, chains of ten pipelines linked by lineage on both sides, SLAs, one table that
/// every 25th pipeline writes, and the parallel-runs policy on. The files are analyzed once in the setup;
/// the benchmark is the catalog alone, as the analyzer runs it at the end of every compilation.
/// </summary>
[MemoryDiagnoser]
public class CatalogBenchmarks
{
    private readonly OmlAnalysisOptions _options = OmlAnalysisOptions.Default with
    {
        Schedule = ScheduleSettings.Default with { ReferenceTime = Instant.FromUtc(2026, 3, 2, 0, 0) },
        Policy = PolicySettings.Default with { MaxParallelRuns = 8 },
    };

    private List<CatalogEntry> _entries = new();

    [Params(1000, 5000)]
    public int Pipelines { get; set; }

    [GlobalSetup]
    public void Setup()
        => _entries = Enumerable.Range(0, Pipelines)
            .Select(i => SyntheticRepository.Realistic(i, Pipelines))
            .Select(f => OmlEngine.AnalyzeFile(f.Path, f.Text, _options).Catalog!)
            .ToList();

    [Benchmark]
    public int Catalog() => OmlCatalog.Analyze(_entries, _options).Length;
}
