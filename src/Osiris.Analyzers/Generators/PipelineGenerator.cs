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
/// → value-equal <see cref="PipelineSource"/> → C#. Nothing of ours reads the compilation: editing a
/// <c>.cs</c> file reuses every step, and editing one <c>.oml</c> file re-emits only its descriptor (and the
/// <c>Pipelines</c> class when its name or lineage changed).
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
        public const string Named = "Osiris.Named";
        public const string Summaries = "Osiris.Summaries";
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

        var sources = context.AdditionalTextsProvider
            .Where(static file => OmlFiles.IsOml(file.Path))
            .Combine(options)
            .Select(static (input, ct) => Read(input.Left, input.Right.Options, input.Right.ProjectDir, ct))
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

        var named = sources
            .Combine(names)
            .Select(static (input, _) => new NamedPipeline(input.Left, Lookup(input.Right, input.Left.RelativePath)))
            .WithTrackingName(Steps.Named);

        var summaries = sources
            .Select(static (source, _) => new PipelineSummary(
                source.RelativePath,
                source.Name,
                source.Model.Metadata?.Upstream ?? EquatableArray<Oml.Model.LineageReference>.Empty,
                source.Model.Metadata?.Downstream ?? EquatableArray<Oml.Model.LineageReference>.Empty))
            .Collect()
            .Combine(names)
            .Select(static (input, _) => input.Left
                .OrderBy(s => s.RelativePath, StringComparer.Ordinal)
                .Select(s => (s, Lookup(input.Right, s.RelativePath)))
                .ToEquatableArray())
            .WithTrackingName(Steps.Summaries);

        context.RegisterSourceOutput(named.Combine(settings), static (spc, input) =>
        {
            var (pipeline, generatorSettings) = input;
            if (generatorSettings.Enabled)
            {
                spc.AddSource(HintName(pipeline), SourceText.From(DescriptorEmitter.Emit(pipeline, generatorSettings, ToolVersion), Encoding.UTF8));
            }
        });

        context.RegisterSourceOutput(summaries.Combine(settings), static (spc, input) =>
        {
            var (pipelines, generatorSettings) = input;
            if (generatorSettings.Enabled)
            {
                spc.AddSource("Pipelines.g.cs", SourceText.From(PipelinesEmitter.Emit(pipelines, generatorSettings, ToolVersion), Encoding.UTF8));
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

    // Unique per file and stable: the property name is unique in the class, and hint names allow its characters.
    private static string HintName(NamedPipeline pipeline)
    {
        var builder = new StringBuilder("Pipelines.");
        foreach (var c in pipeline.PropertyName)
        {
            builder.Append(c < 0x80 && (char.IsLetterOrDigit(c) || c == '_') ? c : '_');
        }

        // Non-ASCII names map to '_'s, so add the path's hash to keep two such names apart.
        if (pipeline.PropertyName.Any(c => c >= 0x80))
        {
            builder.Append('.').Append(((uint)StableHash(pipeline.Source.RelativePath)).ToString("x8", System.Globalization.CultureInfo.InvariantCulture));
        }

        return builder.Append(".g.cs").ToString();
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }

    private static string ReadToolVersion()
    {
        var version = typeof(PipelineGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus > 0 ? version.Substring(0, plus) : version;
    }
}
