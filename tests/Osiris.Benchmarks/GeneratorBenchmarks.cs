using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Osiris.Analyzers.Generators;
using Osiris.Analyzers.Tests.Support;
using Osiris.Oml.Tests.Support;

namespace Osiris.Benchmarks;

/// <summary>
/// What the source generator adds to a build of 500 pipelines, without the noise of a whole
/// <c>dotnet build</c> (tests/scripts/build-cost.sh measures that). Every invocation is a fresh driver, as a
/// command-line build is; the files' analyses come from the cache the analyzer and the generator share, since
/// a build pays for them with or without the generator. <c>Disabled</c> is <c>OsirisGeneratePipelines=false</c>;
/// the <c>…AndEmit</c> pair also compiles the project (with the generated class) to IL.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private const string ProjectDir = "/repo/project/";

    private ImmutableArray<AdditionalText> _files;
    private CSharpCompilation _compilation = null!;

    [Params(500)]
    public int Pipelines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _files = Enumerable.Range(0, Pipelines)
            .Select(i => SyntheticRepository.Realistic(i, Pipelines))
            .Select(f => (AdditionalText)new FixedAdditionalText(ProjectDir + f.Path, f.Text))
            .ToImmutableArray();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll" or "NodaTime.dll")
            .Append(typeof(Osiris.Oml.Descriptors.PipelineDescriptor).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
        _compilation = CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Program { } }") },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Run(generate: true, emit: false);
    }

    [Benchmark(Baseline = true)]
    public int Disabled() => Run(generate: false, emit: false);

    [Benchmark]
    public int Enabled() => Run(generate: true, emit: false);

    [Benchmark]
    public int DisabledAndEmit() => Run(generate: false, emit: true);

    [Benchmark]
    public int EnabledAndEmit() => Run(generate: true, emit: true);

    private int Run(bool generate, bool emit)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["build_property.ProjectDir"] = ProjectDir,
            ["build_property.RootNamespace"] = "Consumer",
            ["build_property.OsirisGeneratePipelines"] = generate ? "true" : "false",
        };
        var driver = CSharpGeneratorDriver.Create(
            new[] { new PipelineGenerator().AsSourceGenerator() },
            _files,
            (CSharpParseOptions)_compilation.SyntaxTrees[0].Options,
            new GlobalOptionsProvider(options));
        driver.RunGeneratorsAndUpdateCompilation(_compilation, out var output, out _);
        if (!emit)
        {
            return output.SyntaxTrees.Count();
        }

        using var stream = new MemoryStream();
        var result = output.Emit(stream);
        return result.Success ? (int)stream.Length : throw new InvalidOperationException(string.Join("\n", result.Diagnostics.Take(5)));
    }
}
