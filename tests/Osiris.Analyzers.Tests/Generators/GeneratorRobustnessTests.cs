using System.Text.RegularExpressions;
using Osiris.Oml.Tests.Support;

namespace Osiris.Analyzers.Tests.Generators;

/// <summary>No input makes the generator throw (CS8785) or emit code that does not compile.</summary>
public sealed class GeneratorRobustnessTests
{
    public static TheoryData<string, string> HostileInputs() => new()
    {
        { "empty", string.Empty },
        { "null document", "~\n" },
        { "a list", "- a\n- b\n" },
        { "no name", "oml_version: \"0.2.0\"\nsteps: []\n" },
        { "name is a mapping", "oml_version: \"0.2.0\"\nname: {a: 1}\nsteps: []\n" },
        { "name is empty", "oml_version: \"0.2.0\"\nname: \"\"\nsteps: []\n" },
        { "broken yaml", "name: [unclosed\n  steps: {\n" },
        { "tabs", "name:\tp\n\tsteps: []\n" },
        { "aliased tags", HostileFiles.AliasedTag(10_000, 200) },
        { "aliased needs", HostileFiles.AliasedNeeds(10_000, 200) },
        { "aliased lineage", HostileFiles.AliasedLineage(10_000, 200) },
        { "aliased window config", HostileFiles.AliasedWindowConfig(50, 50) },
        { "misspelled needs", HostileFiles.MisspelledNeeds(300) },
        { "deep config", "oml_version: \"0.2.0\"\nname: deep\nsteps:\n  - id: a\n    component: duckdb.processor\n    mode: transform\n    config:\n      query: q\n      x: " + new string('[', 60) + new string(']', 60) + "\n" },
        { "schedule of wrong types", "oml_version: \"0.2.0\"\nname: s\nsteps: []\nschedule: {expression: [1], timezone: {a: b}, retry: 3, window: {size: -1d, offset: x}, concurrency: -5, catchup: maybe}\n" },
        { "interval schedule", "oml_version: \"0.2.0\"\nname: s\nsteps: []\nschedule: {every: 15m, timezone: Asia/Kolkata, start: 2026-01-01}\n" },
        { "huge numbers", "oml_version: \"0.2.0\"\nname: n\nsteps:\n  - id: a\n    component: duckdb.processor\n    mode: transform\n    config: {query: q, a: 99999999999999999999999, b: -0x10, c: .NaN, d: -.inf, e: 0o777, f: 1_000}\n" },
    };

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void HostileFile_NeverCrashesTheGenerator_AndTheOutputCompiles(string name, string text)
    {
        _ = name;
        GeneratorHarness.Run(new[] { ("pipelines/hostile.oml", text), ("pipelines/ok.oml", "oml_version: \"0.2.0\"\nname: ok\nsteps: []\n") }).AssertCompilesClean();
    }

    [Fact]
    public void EveryPrefixOfEverySample_NeverCrashesTheGenerator_AndTheOutputCompiles()
    {
        // Truncated files are what an editor hands the generator while someone types.
        var samples = GeneratorHarness.Folder(Path.Combine(RepositoryPaths.Root, "samples")).Where(f => f.RelativePath.EndsWith(".oml", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(samples);
        var files = new List<(string, string)>();
        foreach (var (path, text) in samples)
        {
            for (var length = 0; length < text.Length; length += 53)
            {
                files.Add(($"cut/{files.Count}/{path}", text.Substring(0, length)));
            }
        }

        var result = GeneratorHarness.Run(files).AssertCompilesClean();
        Assert.True(Regex.Count(result.Source("Pipelines.g.cs"), "public static global::Osiris.Oml.Descriptors.PipelineDescriptor [A-Za-z_0-9]+ =>") > 10);
    }
}
