using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Osiris.Analyzers.Analyzers;

namespace Osiris.Analyzers.Tests.Support;

/// <summary>
/// Runs the analyzer the way the compiler does and returns every diagnostic, analyzer exceptions
/// (AD0001) included — for tests that check "never crashes" rather than exact expectations.
/// </summary>
public static class AnalyzerRunner
{
    public static Task<ImmutableArray<Diagnostic>> RunAsync(params (string Path, string Text)[] files)
        => RunAsync(files.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Text)).ToImmutableArray());

    /// <summary>
    /// Runs a new compilation over <paramref name="files"/> as given, so a test can hand the same text
    /// instances to several compilations the way the IDE does, with <paramref name="globalOptions"/> as
    /// the .globalconfig keys.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(ImmutableArray<AdditionalText> files, IReadOnlyDictionary<string, string>? globalOptions = null)
    {
        var compilation = CSharpCompilation.Create(
            "Pipelines",
            new[] { CSharpSyntaxTree.ParseText("internal static class Program { }") },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var options = new AnalyzerOptions(files, new GlobalOptionsProvider(globalOptions ?? new Dictionary<string, string>()));
        var withAnalyzers = compilation.WithAnalyzers(
            ImmutableArray.Create<DiagnosticAnalyzer>(new OmlFileAnalyzer()),
            new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
        return await withAnalyzers.GetAnalyzerDiagnosticsAsync(TestContext.Current.CancellationToken);
    }

    private sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, System.Text.Encoding.UTF8);
    }
}
