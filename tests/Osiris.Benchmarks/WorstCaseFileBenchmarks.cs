using BenchmarkDotNet.Attributes;
using Osiris.Oml;
using Osiris.Oml.Tests.Support;

namespace Osiris.Benchmarks;

/// <summary>
/// One file in each hostile shape of issue 7, analyzed with the default options: what a build spends on
/// it. The files are about 1 MB (tags, needs, lineage: 0.9-1.1 MB; misspelled-needs-14000: 0.74 MB; many
/// findings: 0.7 MB), except the window case (49 KB that aliases repeat to 3.9 million characters) and
/// misspelled-needs-2000 (0.1 MB). Shapes that aliases blow up past the limits now stop at OSI0005; the
/// others run every rule.
/// </summary>
[MemoryDiagnoser]
public class WorstCaseFileBenchmarks
{
    private string _text = string.Empty;

    [Params(
        "tags-alias-x400",
        "tags-alias-x3",
        "needs-alias-x400",
        "lineage-alias-x40000",
        "window-refs-x2700-steps-x90",
        "misspelled-needs-2000",
        "misspelled-needs-14000",
        "many-findings")]
    public string Shape { get; set; } = string.Empty;

    [GlobalSetup]
    public void Setup()
        => _text = Shape switch
        {
            // metadata: {tags: [&t "<0.9 MB>", *t, ×400]}: 10 s and 17 GB at 1.9 MB before.
            "tags-alias-x400" => HostileFiles.AliasedTag(900_000, 400),

            // The same value three times: 3.6 MB after aliases, within the limits, so every rule runs.
            "tags-alias-x3" => HostileFiles.AliasedTag(1_000_000, 3),
            "needs-alias-x400" => HostileFiles.AliasedNeeds(900_000, 400),
            "lineage-alias-x40000" => HostileFiles.AliasedLineage(900_000, 40_000),
            "window-refs-x2700-steps-x90" => HostileFiles.AliasedWindowConfig(2700, 90),
            "misspelled-needs-2000" => HostileFiles.MisspelledNeeds(2_000),
            "misspelled-needs-14000" => HostileFiles.MisspelledNeeds(14_000),
            "many-findings" => HostileFiles.ManyKindsOfFindings(4_000),
            _ => throw new ArgumentException("unknown shape " + Shape),
        };

    [Benchmark]
    public int AnalyzeFile() => OmlEngine.AnalyzeFile("pipelines/hostile.oml", _text).Diagnostics.Length;
}
