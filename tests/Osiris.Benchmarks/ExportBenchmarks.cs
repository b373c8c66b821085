using BenchmarkDotNet.Attributes;
using Osiris.Oml;
using Osiris.Oml.Export;
using Osiris.Oml.Import;
using Osiris.Oml.Model;

namespace Osiris.Benchmarks;

/// <summary>
/// Exporting the milestone's pipeline (daily_customer_sync) to Airflow, Prefect and Dagster, warm: what
/// the generator pays per pipeline to embed the exports, and the CLI per export. Reading an export back
/// (which exports again and compares) is measured beside it.
/// </summary>
[MemoryDiagnoser]
public class ExportBenchmarks
{
    private readonly ExportOptions _options = ExportOptions.Default with { ToolVersion = "0.0.0-bench" };
    private PipelineModel _seed = null!;
    private string _dag = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "daily_customer_sync.oml"));
        _seed = OmlEngine.AnalyzeFile("pipelines/daily_customer_sync.oml", text).Pipeline!;
        _dag = PipelineExporter.Export(_seed, ExportFormat.Airflow, _options).Files[0].Content;
    }

    /// <summary>The seed pipeline to all three targets (four files).</summary>
    [Benchmark(Baseline = true)]
    public int ExportSeedToAllTargets()
    {
        var length = 0;
        foreach (var format in new[] { ExportFormat.Airflow, ExportFormat.Prefect, ExportFormat.Dagster })
        {
            foreach (var file in PipelineExporter.Export(_seed, format, _options).Files)
            {
                length += file.Content.Length;
            }
        }

        return length;
    }

    /// <summary>The seed pipeline to Airflow only.</summary>
    [Benchmark]
    public int ExportSeedToAirflow() => PipelineExporter.Export(_seed, ExportFormat.Airflow, _options).Files[0].Content.Length;

    /// <summary>Reading the seed's DAG back: the block, a fresh export and the comparison of every argument.</summary>
    [Benchmark]
    public int ImportSeedDag() => PipelineImporter.Import("dags/daily_customer_sync.py", _dag, _options).Diagnostics.Length;
}
