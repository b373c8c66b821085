using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Osiris.Analyzers.Analyzers;
using Osiris.Analyzers.Tests.Support;

namespace Osiris.Analyzers.Tests;

/// <summary>
/// The IDE hands an unchanged AdditionalFile's text to every new compilation: its analysis is reused,
/// but never across a change of path or settings.
/// </summary>
public sealed class AnalysisCacheTests
{
    private const string ScheduledWithoutOwner = """
        oml_version: "0.2.0"
        name: "orders"
        schedule:
          expression: "0 12 * * *"
          timezone: "UTC"
        steps:
          - id: "extract"
            component: "mysql.extractor"
            mode: "read"
            config:
              connection: "@mysql.primary"
              table: "orders"
        """;

    [Fact]
    public void Cache_ComputesOnce_ForTheSameTextAndAnEqualKey()
    {
        var cache = new TextResultCache<(string, int), string>();
        var text = SourceText.From("a");
        var computed = 0;

        var first = cache.GetOrCompute(text, ("a.oml", 1), () => $"result {++computed}");
        var second = cache.GetOrCompute(text, ("a.oml", 1), () => $"result {++computed}");

        Assert.Equal("result 1", first);
        Assert.Same(first, second);
        Assert.Equal(1, computed);
    }

    [Fact]
    public void Cache_Recomputes_WhenTheKeyOrTheTextChanges()
    {
        var cache = new TextResultCache<(string, int), string>();
        var text = SourceText.From("a");
        var computed = 0;

        cache.GetOrCompute(text, ("a.oml", 1), () => $"result {++computed}");
        var otherKey = cache.GetOrCompute(text, ("a.oml", 2), () => $"result {++computed}");
        var otherPath = cache.GetOrCompute(text, ("b.oml", 2), () => $"result {++computed}");
        var sameContentOtherText = cache.GetOrCompute(SourceText.From("a"), ("b.oml", 2), () => $"result {++computed}");

        Assert.Equal("result 2", otherKey);
        Assert.Equal("result 3", otherPath);
        Assert.Equal("result 4", sameContentOtherText);
        Assert.Equal(4, computed);
    }

    [Fact]
    public async Task Analyzer_ReportsTheSameFindings_WhenACompilationReusesTheText()
    {
        var files = ImmutableArray.Create<AdditionalText>(new FixedAdditionalText("/0/pipelines/orders.oml", ScheduledWithoutOwner));

        var first = await AnalyzerRunner.RunAsync(files);
        var second = await AnalyzerRunner.RunAsync(files);

        Assert.Equal(new[] { "OSI0301 (1,1)" }, Describe(first));
        Assert.Equal(Describe(first), Describe(second));
    }

    [Fact]
    public async Task Analyzer_FollowsTheSettings_WhenACompilationReusesTheText()
    {
        var files = ImmutableArray.Create<AdditionalText>(new FixedAdditionalText("/0/pipelines/orders.oml", ScheduledWithoutOwner));

        var required = await AnalyzerRunner.RunAsync(files);
        var notRequired = await AnalyzerRunner.RunAsync(files, new Dictionary<string, string> { ["osiris_owner_required"] = "never" });
        var requiredAgain = await AnalyzerRunner.RunAsync(files);

        Assert.Equal(new[] { "OSI0301 (1,1)" }, Describe(required));
        Assert.Empty(notRequired);
        Assert.Equal(Describe(required), Describe(requiredAgain));
    }

    [Fact]
    public void ProjectComponents_ReadAgain_GiveEqualRegistries_SoOptionsCompareEqual()
    {
        const string spec = "name: acme.crm_extractor\nmodes: [extract]\nconfigSchema:\n  properties:\n    object: {type: string}\n";
        AdditionalText File() => new FixedAdditionalText("/0/components/acme.crm_extractor/spec.yaml", spec);

        var first = ProjectComponents.Read(ImmutableArray.Create(File()), TestContext.Current.CancellationToken);
        var second = ProjectComponents.Read(ImmutableArray.Create(File()), TestContext.Current.CancellationToken);

        Assert.NotNull(first.Registry.Find("acme.crm_extractor"));
        Assert.Equal(first.Registry, second.Registry);
    }

    private static string[] Describe(ImmutableArray<Diagnostic> diagnostics)
        => diagnostics
            .Select(d => $"{d.Id} ({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1})")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
}
