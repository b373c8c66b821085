using CsCheck;
using Osiris.Oml.Export;
using Osiris.Oml.Export.Oml;
using Osiris.Oml.Import;
using Osiris.Oml.Model;

namespace Osiris.Oml.Tests.Export;

/// <summary>
/// OML → export → import → OML gives an equal model, for the samples and for generated valid pipelines
/// (CsCheck prints the seed of a failing case; set CsCheck_Seed to replay it). The OML writer is part
/// of the loop: a generated model is written as .oml text and analyzed, which must give it back.
/// </summary>
public sealed class RoundTripTests
{
    private const int Iterations = 1_000;

    [Theory]
    [MemberData(nameof(ExportSamples.Names), MemberType = typeof(ExportSamples))]
    public void Samples_RoundTripThroughEveryTarget_AndThroughTheOmlWriter(string sample)
    {
        var model = ExportSamples.All().Single(x => x.Name == sample).Model;
        AssertRoundTrip(model);
        var rewritten = OmlEngine.AnalyzeFile(model.SourcePath, OmlWriter.Write(model), cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(model, rewritten.Pipeline);
        Assert.False(rewritten.HasErrors, string.Join("\n", rewritten.Diagnostics));
    }

    [Fact]
    public void GeneratedValidPipelines_RoundTripThroughEveryTarget()
    {
        var valid = 0;
        var invalid = 0;
        PipelineGenerators.Pipeline.Sample(
            generated =>
            {
                // The OML writer first: its text must read back as the same model.
                var text = OmlWriter.Write(generated);
                var analysis = OmlEngine.AnalyzeFile(generated.SourcePath, text);
                Assert.True(generated.Equals(analysis.Pipeline), "the OML writer lost something:\n" + text);
                if (analysis.HasErrors)
                {
                    Interlocked.Increment(ref invalid);
                    return;
                }

                Interlocked.Increment(ref valid);
                AssertRoundTrip(analysis.Pipeline!);
            },
            iter: Iterations * 2,
            threads: 2,
            print: m => OmlWriter.Write(m));
        Assert.True(valid >= Iterations, $"only {valid} of {valid + invalid} generated pipelines were valid; the round trip needs at least {Iterations}");
    }

    [Fact]
    public void GeneratedModels_SurviveTheOmlWriterAndEveryExport_EvenWhenInvalid()
    {
        PipelineGenerators.Pipeline.Sample(
            generated =>
            {
                Assert.Equal(generated, OmlEngine.AnalyzeFile(generated.SourcePath, OmlWriter.Write(generated)).Pipeline);
                AssertRoundTrip(generated);
            },
            iter: 300,
            threads: 2,
            print: m => OmlWriter.Write(m));
    }

    public static TheoryData<string> Degenerate() => new()
    {
        "oml_version: \"0.2.0\"\nsteps: []\n",
        "name: \"x\"\nschedule:\n  timezone: \"Mars/Olympus\"\n  expression: \"0 2 * * *\"\n  window: {type: tumbling}\nsteps: [{}]\n",
        "name: \"x\"\nschedule:\n  type: interval\nmetadata: {}\nsteps:\n  - id: 7\n",
        "name: \"x\"\nschedule:\n  expression: \"not a cron\"\n  retry: {attempts: 2, backoff: linear, delay: 0}\n  window: {size: 1d, field: f}\nsteps: []\n",
        "name: \"x\"\nschedule:\n  type: interval\n  every: 7h\n  start: \"2024-01-01T00:00:30\"\n  window: {type: tumbling, field: f, offset: -1d}\nsteps: []\n",
        "name: \"\"\nparams: {a: [1, {b: ~}]}\nsteps: [{id: a, component: \"unknown.thing\", mode: write, config: {token: abc, nested: {password: [x, \"${Y}\"]}}}]\n",
    };

    [Theory]
    [MemberData(nameof(Degenerate))]
    public void DegeneratePipelines_ExportAndImport_WithoutCrashing(string oml)
    {
        var model = OmlEngine.AnalyzeFile("pipelines/odd.oml", oml, cancellationToken: TestContext.Current.CancellationToken).Pipeline!;
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            var export = PipelineExporter.Export(model, format, ExportSamples.Options);
            foreach (var file in export.Files)
            {
                var result = PipelineImporter.Import(file.RelativePath, file.Content);
                Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics));
                Assert.NotNull(result.Pipeline);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Degenerate))]
    public void DegeneratePipelines_ExportToFilesPythonReads(string oml)
    {
        var model = OmlEngine.AnalyzeFile("pipelines/odd.oml", oml, cancellationToken: TestContext.Current.CancellationToken).Pipeline!;
        var files = Enum.GetValues<ExportFormat>().SelectMany(f => PipelineExporter.Export(model, f, ExportSamples.Options).Files).ToList();
        foreach (var inspected in PythonChecker.Inspect(files))
        {
            Assert.False(inspected.TryGetProperty("error", out var error), inspected.GetProperty("path") + ": " + error);
        }
    }

    internal static void AssertRoundTrip(PipelineModel model)
    {
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            var export = PipelineExporter.Export(model, format, ExportSamples.Options);
            Assert.Empty(export.Redactions);
            foreach (var file in export.Files)
            {
                var result = PipelineImporter.Import(file.RelativePath, file.Content);
                Assert.True(result.Diagnostics.IsEmpty, $"{format} {file.RelativePath}:\n{string.Join("\n", result.Diagnostics)}\n{file.Content}");
                Assert.True(model.Equals(result.Pipeline), $"{format} {file.RelativePath} did not give the model back");
            }
        }
    }
}
