using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Osiris.Analyzers.Analyzers;
using Osiris.Oml;
using Osiris.Oml.Collections;
using Osiris.Oml.Components;

namespace Osiris.Analyzers.Generators;

/// <summary>
/// Generates the <c>Pipelines</c> class: one typed descriptor per <c>.oml</c> pipeline, the list of all,
/// a lookup by name and the lineage graph (README "Typed pipelines in C#").
/// </summary>
/// <remarks>
/// text → engine analysis (shared with <see cref="OmlFileAnalyzer"/>, so a file is analyzed once per build)
/// → value-equal <see cref="PipelineSource"/> (its model as JSON) → one C# file. Nothing of ours reads the
/// compilation: editing a <c>.cs</c> file reuses every step, and editing one <c>.oml</c> file analyzes only
/// that file again before the class is written.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class PipelineGenerator : IIncrementalGenerator
{
    /// <summary>Tracking names of the steps (incremental tests assert on them).</summary>
    internal static class Steps
    {
        public const string Settings = "Osiris.Settings";
        public const string Options = "Osiris.Options";
        public const string Sources = "Osiris.Sources";
        public const string Names = "Osiris.Names";
        public const string Pipelines = "Osiris.Pipelines";
    }

    private static readonly string ToolVersion = ReadToolVersion();

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var runtimeReferenced = context.MetadataReferencesProvider
            .Select(static (reference, _) => reference is PortableExecutableReference { FilePath: { } path }
                && string.Equals(Path.GetFileName(path), "Osiris.Oml.dll", StringComparison.OrdinalIgnoreCase))
            .Where(static referenced => referenced)
            .Collect()
            .Select(static (found, _) => !found.IsEmpty);

        var nullable = context.ParseOptionsProvider
            .Select(static (options, _) => options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 });

        var files = context.AdditionalTextsProvider.Collect();

        var settings = files
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Combine(runtimeReferenced.Combine(nullable))
            .Select(static (input, ct) => ReadSettings(input.Left.Left, input.Left.Right.GlobalOptions, input.Right.Left, input.Right.Right, ct))
            .WithTrackingName(Steps.Settings);

        var options = files
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (input, ct) =>
            {
                var global = input.Right.GlobalOptions;
                global.TryGetValue("build_property.ProjectDir", out var projectDir);
                var specs = ProjectComponents.Read(input.Left, ct);
                return (Options: ProjectAnalysis.CreateOptions(input.Left, global, specs, ProjectAnalysis.ReadSettings(global)), ProjectDir: projectDir);
            })
            .WithTrackingName(Steps.Options);

        // Switched off (or without the runtime library), the generator does no work per file: the analyzer
        // then analyzes the files itself.
        var enabled = settings.Select(static (s, _) => s.Enabled);

        // Generators run before the compiler's analyzers, and the driver runs a step's items one after
        // another: analyze the files on every core first (into the cache the per-file step and the analyzer
        // read), as the concurrent analyzer would. Its value never changes, so it invalidates nothing.
        var analyzed = context.AdditionalTextsProvider
            .Where(static file => OmlFiles.IsOml(file.Path))
            .Collect()
            .Combine(options.Combine(enabled))
            .Select(static (input, ct) =>
            {
                if (input.Right.Right)
                {
                    AnalyzeAll(input.Left, input.Right.Left.Options, ct);
                }

                return true;
            });

        var sources = context.AdditionalTextsProvider
            .Where(static file => OmlFiles.IsOml(file.Path))
            .Combine(options.Combine(enabled))
            .Combine(analyzed)
            .Select(static (input, ct) => input.Left.Right.Right ? Read(input.Left.Left, input.Left.Right.Left.Options, input.Left.Right.Left.ProjectDir, ct) : null)
            .Where(static source => source is not null)
            .Select(static (source, _) => source!)
            .WithTrackingName(Steps.Sources);

        var names = sources
            .Select(static (source, _) => new KeyValue(source.RelativePath, source.Name))
            .Collect()
            .Select(static (pairs, _) => PipelineNames.Assign(pairs.Select(p => (p.Key, p.Value)))
                .OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new KeyValue(p.Key, p.Value))
                .ToEquatableArray())
            .WithTrackingName(Steps.Names);

        // One output for all pipelines (the cheapest C# to compile, README "Build cost"): it is emitted
        // again when a pipeline changes, from per-file results that are reused for every other file.
        var pipelines = sources
            .Collect()
            .Combine(names)
            .Select(static (input, _) => PipelinesEmitter.Order(input.Left.Select(s => new NamedPipeline(s, Lookup(input.Right, s.RelativePath)))).ToEquatableArray())
            .WithTrackingName(Steps.Pipelines);

        context.RegisterSourceOutput(pipelines.Combine(settings), static (spc, input) =>
        {
            var (all, generatorSettings) = input;
            if (generatorSettings.Enabled)
            {
                spc.AddSource(PipelinesEmitter.HintName, SourceText.From(PipelinesEmitter.Emit(all, generatorSettings, ToolVersion), Encoding.UTF8));
            }
        });
    }

    private static GeneratorSettings ReadSettings(ImmutableArray<AdditionalText> files, Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptions global, bool runtimeReferenced, bool nullable, CancellationToken cancellationToken)
    {
        global.TryGetValue("build_property.OsirisGeneratePipelines", out var generate);
        global.TryGetValue("build_property.OsirisNamespace", out var ns);
        global.TryGetValue("build_property.RootNamespace", out var rootNamespace);
        global.TryGetValue("build_property.ProjectDir", out var projectDir);
        var enabled = runtimeReferenced && !string.Equals(generate?.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        var specs = files
            .Where(f => ComponentSpecReader.IsSpecPath(f.Path))
            .Select(f => new KeyValue(PipelineSourceReader.RelativePath(f.Path, projectDir), f.GetText(cancellationToken)?.ToString().Replace("\r\n", "\n") ?? string.Empty))
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .ToEquatableArray();
        return new GeneratorSettings(
            enabled,
            PipelineNames.ToNamespace(ns) ?? PipelineNames.ToNamespace(rootNamespace) ?? "OsirisPipelines",
            nullable,
            ProjectAnalysis.SettingPairs(global).Select(p => new KeyValue(p.Key, p.Value)).ToEquatableArray(),
            specs);
    }

    private static void AnalyzeAll(ImmutableArray<AdditionalText> files, OmlAnalysisOptions options, CancellationToken cancellationToken)
    {
        System.Threading.Tasks.Parallel.ForEach(files, new System.Threading.Tasks.ParallelOptions { CancellationToken = cancellationToken }, file =>
        {
            var text = file.GetText(cancellationToken);
            if (text is null || OmlFiles.EncodingProblem(text) is not null)
            {
                return;
            }

            try
            {
                ProjectAnalysis.Analyze(text, file.Path, options, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Read analyzes the file again and leaves it out; the analyzer reports it.
            }
        });
    }

    private static PipelineSource? Read(AdditionalText file, OmlAnalysisOptions options, string? projectDir, CancellationToken cancellationToken)
    {
        var text = file.GetText(cancellationToken);
        if (text is null || OmlFiles.EncodingProblem(text) is not null)
        {
            return null;
        }

        try
        {
            return PipelineSourceReader.Read(ProjectAnalysis.Analyze(text, file.Path, options, cancellationToken), text.ToString(), projectDir);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The analyzer reports the file's problem (OSI0001); the generator leaves it out rather than fail the build (CS8785).
            return null;
        }
    }

    private static string Lookup(EquatableArray<KeyValue> names, string path)
    {
        foreach (var pair in names)
        {
            if (string.Equals(pair.Key, path, StringComparison.Ordinal))
            {
                return pair.Value;
            }
        }

        return "Pipeline";
    }

    private static string ReadToolVersion()
    {
        var version = typeof(PipelineGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus > 0 ? version.Substring(0, plus) : version;
    }
}
