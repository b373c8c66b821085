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
    public void GeneratedModels_SurviveTheOmlWriter_EvenWhenInvalid()
    {
        PipelineGenerators.Pipeline.Sample(
            generated => Assert.Equal(generated, OmlEngine.AnalyzeFile(generated.SourcePath, OmlWriter.Write(generated)).Pipeline),
            iter: 500,
            threads: 2,
            print: m => OmlWriter.Write(m));
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
