using Osiris.Oml.Collections;

namespace Osiris.Analyzers.Generators;

// What the generator carries between its incremental steps: plain, value-equal data (the engine's
// records and strings), never a Roslyn symbol, syntax node, compilation or SourceText, so unchanged
// inputs compare equal and their outputs are reused.

/// <summary>The project-wide inputs of the generated code.</summary>
/// <param name="Enabled">False when <c>OsirisGeneratePipelines</c> is false or the runtime library is not referenced.</param>
/// <param name="Namespace">The namespace of the <c>Pipelines</c> class.</param>
/// <param name="Nullable">Whether the language version knows nullable reference types (C# 8+).</param>
/// <param name="ExportSettings">The <c>osiris_*</c> settings the exports follow.</param>
/// <param name="ComponentSpecs">Project-relative path and text of each component spec.</param>
internal sealed record GeneratorSettings(
    bool Enabled,
    string Namespace,
    bool Nullable,
    EquatableArray<KeyValue> ExportSettings,
    EquatableArray<KeyValue> ComponentSpecs);

/// <summary>A key and a value.</summary>
internal sealed record KeyValue(string Key, string Value);

/// <summary>One <c>.oml</c> file that holds a named pipeline, as the engine read it.</summary>
/// <param name="RelativePath">Project-relative, <c>/</c> separators (the descriptor's SourcePath and the exports' header).</param>
/// <param name="Name">The pipeline's name.</param>
/// <param name="Description">The pipeline's description (for the property's doc comment).</param>
/// <param name="ContentHash"><c>sha256:</c> + hex of the LF-normalised text.</param>
/// <param name="ModelJson">The engine's model (its SourcePath project-relative) as the engine's JSON, written once per file edit.</param>
/// <param name="HasErrors">Whether the engine found errors (no exports then).</param>
internal sealed record PipelineSource(
    string RelativePath,
    string Name,
    string? Description,
    string ContentHash,
    string ModelJson,
    bool HasErrors);

/// <summary>A pipeline with the C# name it was given.</summary>
internal sealed record NamedPipeline(PipelineSource Source, string PropertyName);
