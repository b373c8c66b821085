using Osiris.Oml.Diagnostics;

namespace Osiris.Oml.Tests.Conformance;

/// <summary>
/// Our OML 0.1.0 verdicts against the Osiris reference validator over the whole corpus: valid ⇔
/// valid, and every Osiris error has a diagnostic of ours at the same logical place — except the
/// deliberate differences of OML-SPEC.md §1, each listed in <see cref="DeliberateDifferences"/>.
/// </summary>
public sealed class OsirisConformanceTests(ITestOutputHelper output)
{
    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        if (OsirisCorpus.Folder is not { } folder)
        {
            data.Add("(corpus not present)");
            return data;
        }

        foreach (var verdict in OsirisCorpus.LoadVerdicts(folder))
        {
            data.Add(verdict.File);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void Document_AgreesWithOsiris(string file)
    {
        if (OsirisCorpus.Folder is not { } folder)
        {
            Assert.Skip(OsirisCorpus.MissingReason);
            return;
        }

        var verdict = OsirisCorpus.LoadVerdicts(folder).Single(v => v.File == file);
        var analysis = OsirisCorpus.Analyze(folder, file);
        var problems = DeliberateDifferences.Compare(verdict, analysis);
        foreach (var d in analysis.Diagnostics)
        {
            output.WriteLine($"ours:   {d.Id} {d.Path} {d.Span}: {d.GetMessage()}");
        }

        foreach (var e in verdict.Errors)
        {
            output.WriteLine($"osiris: {e.Type} {e.Location}: {e.Message}");
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Corpus_AgreementFigures()
    {
        if (OsirisCorpus.Folder is not { } folder)
        {
            Assert.Skip(OsirisCorpus.MissingReason);
            return;
        }

        var verdicts = OsirisCorpus.LoadVerdicts(folder);
        int sameValidity = 0, osirisErrors = 0, matchedErrors = 0, osirisWarnings = 0, matchedWarnings = 0, crashes = 0;
        var unmatchedWarnings = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var verdict in verdicts)
        {
            var analysis = OsirisCorpus.Analyze(folder, verdict.File);
            crashes += analysis.Diagnostics.Count(d => d.Id == DiagnosticIds.InternalError);
            if (verdict.Valid == !analysis.HasErrors)
            {
                sameValidity++;
            }

            osirisErrors += verdict.Errors.Count;
            matchedErrors += verdict.Errors.Count(e => OsirisCorpus.IsMatched(e, analysis));
            osirisWarnings += verdict.Warnings.Count;
            foreach (var w in verdict.Warnings)
            {
                if (OsirisCorpus.IsMatched(w, analysis))
                {
                    matchedWarnings++;
                }
                else
                {
                    unmatchedWarnings[w.Type] = unmatchedWarnings.GetValueOrDefault(w.Type) + 1;
                }
            }
        }

        output.WriteLine($"documents: {verdicts.Count}");
        output.WriteLine($"same validity: {sameValidity}/{verdicts.Count}");
        output.WriteLine($"Osiris errors matched at the same place: {matchedErrors}/{osirisErrors}");
        output.WriteLine($"Osiris warnings matched at the same place: {matchedWarnings}/{osirisWarnings}");
        output.WriteLine("Osiris warnings without a diagnostic of ours (by type): "
            + string.Join(", ", unmatchedWarnings.Select(kv => kv.Key + " " + kv.Value)));
        Assert.Equal(223, verdicts.Count);
        Assert.Equal(0, crashes);
        Assert.Equal(verdicts.Count - DeliberateDifferences.ValidityFlips, sameValidity);
        Assert.Equal(osirisErrors - DeliberateDifferences.UnmatchedErrors, matchedErrors);
    }
}
