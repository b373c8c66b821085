using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Osiris.Analyzers.Tests.Support;

// What the compiler hands analyzers and generators, built in memory: shared by the analyzer runner, the
// generator harness, the CLI tests and the benchmarks (linked there), so all of them feed our code alike.

/// <summary>An AdditionalFile whose text is one <see cref="SourceText"/> instance, as an unchanged file in the IDE.</summary>
public sealed class FixedAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Global options (build properties and .globalconfig keys) as MSBuild passes them; no per-file options.</summary>
public sealed class GlobalOptionsProvider(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions Empty = new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(values);

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            => values.TryGetValue(key, out value);
    }
}
