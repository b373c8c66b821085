using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Osiris.Analyzers.Generators;
using Osiris.Analyzers.Tests.Support;

namespace Osiris.Analyzers.Tests.Generators;

/// <summary>
/// Runs <see cref="PipelineGenerator"/> the way the compiler does: over AdditionalFiles and global options
/// (as MSBuild passes them), then compiles its output together with the project's C#, against the real
/// runtime library (Osiris.Oml) and the framework.
/// </summary>
public static class GeneratorHarness
{
    public const string ProjectDir = "/repo/project/";

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll" or "NodaTime.dll")
            .Append(typeof(Oml.Descriptors.PipelineDescriptor).Assembly.Location)
            .Distinct(StringComparer.Ordinal);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    /// <summary>The framework and Osiris.Oml.</summary>
    public static ImmutableArray<MetadataReference> DefaultReferences => References.Value;

    public static CSharpCompilation Compilation(string code = "namespace Consumer { internal static class Program { } }", LanguageVersion languageVersion = LanguageVersion.CSharp12, bool withRuntime = true)
        => CSharpCompilation.Create(
            "Consumer",
            new[] { CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose), path: ProjectDir + "Program.cs") },
            withRuntime ? DefaultReferences : DefaultReferences.Where(r => !(r.Display ?? string.Empty).EndsWith("Osiris.Oml.dll", StringComparison.Ordinal)),
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: languageVersion >= LanguageVersion.CSharp8 ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                // As the SDK does (NoWarn 1701;1702): reference unification across framework versions is expected.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress },
                warningLevel: 9999));

    public static GeneratorDriver Driver(IEnumerable<AdditionalText> files, IReadOnlyDictionary<string, string>? globalOptions = null, LanguageVersion languageVersion = LanguageVersion.CSharp12)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["build_property.ProjectDir"] = ProjectDir,
            ["build_property.RootNamespace"] = "Consumer",
        };
        foreach (var pair in globalOptions ?? new Dictionary<string, string>())
        {
            options[pair.Key] = pair.Value;
        }

        return CSharpGeneratorDriver.Create(
            new[] { new PipelineGenerator().AsSourceGenerator() },
            files,
            new CSharpParseOptions(languageVersion, DocumentationMode.Diagnose),
            new GlobalOptionsProvider(options),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator once and compiles the result.</summary>
    public static Result Run(IEnumerable<(string RelativePath, string Text)> files, IReadOnlyDictionary<string, string>? globalOptions = null, LanguageVersion languageVersion = LanguageVersion.CSharp12, string? code = null, bool withRuntime = true)
    {
        var compilation = code is null ? Compilation(languageVersion: languageVersion, withRuntime: withRuntime) : Compilation(code, languageVersion, withRuntime);
        var driver = Driver(files.Select(f => (AdditionalText)new FixedAdditionalText(ProjectDir + f.RelativePath, f.Text)), globalOptions, languageVersion)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics, TestContext.Current.CancellationToken);
        return new Result(driver.GetRunResult(), (CSharpCompilation)output, generatorDiagnostics);
    }

    /// <summary>Every file of a folder below the repository root, with paths relative to it.</summary>
    public static IEnumerable<(string RelativePath, string Text)> Folder(string folder)
        => Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".oml", StringComparison.Ordinal) || f.EndsWith("spec.yaml", StringComparison.Ordinal) || f.EndsWith(".py", StringComparison.Ordinal) || f.EndsWith(".sql", StringComparison.Ordinal))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f)));

    public sealed record Result(GeneratorDriverRunResult RunResult, CSharpCompilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
    {
        public IReadOnlyList<GeneratedSourceResult> Sources => RunResult.Results.Single().GeneratedSources;

        public string Source(string hintName) => Sources.Single(s => s.HintName == hintName).SourceText.ToString();

        /// <summary>Every diagnostic of the compilation with the generated code (warnings count: the options make them errors).</summary>
        public IReadOnlyList<Diagnostic> CompileDiagnostics()
            => Output.GetDiagnostics(TestContext.Current.CancellationToken).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

        /// <summary>Asserts the generator did not throw and the output compiles without a single warning.</summary>
        public Result AssertCompilesClean()
        {
            Assert.Null(RunResult.Results.Single().Exception);
            Assert.Empty(GeneratorDiagnostics);
            var problems = CompileDiagnostics();
            Assert.True(problems.Count == 0, string.Join("\n", problems.Take(20)));
            return this;
        }

        /// <summary>Emits the assembly and loads it (collectible), so a test can call the generated API.</summary>
        public Assembly Load()
        {
            using var stream = new MemoryStream();
            var emit = Output.Emit(stream, cancellationToken: TestContext.Current.CancellationToken);
            Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
            stream.Position = 0;
            return new AssemblyLoadContext("generated", isCollectible: true).LoadFromStream(stream);
        }
    }
}
