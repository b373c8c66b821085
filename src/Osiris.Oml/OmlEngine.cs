using System;
using System.Collections.Immutable;
using System.Threading;
using Osiris.Oml.Binding;
using Osiris.Oml.Catalog;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Model;
using Osiris.Oml.Rules;
using Osiris.Oml.Syntax;

namespace Osiris.Oml;

/// <summary>
/// The one entry point every host uses: text in, syntax tree, model and diagnostics out. It never
/// throws on input; a bug in a rule becomes an OSI0001 diagnostic instead of a compiler crash.
/// </summary>
public static class OmlEngine
{
    // Order matters only for readability of the code; diagnostics are sorted by position afterwards.
    private static readonly IDocumentRule[] Rules =
    {
        new TopLevelRule(),
        new StepsRule(),
        new StepConfigRule(),
        new VariablesRule(),
        new ScheduleRule(),
        new PolicyRule(),
    };

    /// <summary>Analyzes one OML file.</summary>
    /// <param name="filePath">The path to report diagnostics at (kept as given).</param>
    /// <param name="text">The file's text, already decoded.</param>
    /// <param name="options">Components and limits; <see cref="OmlAnalysisOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Stops the analysis (the only exception that escapes).</param>
    public static OmlFileAnalysis AnalyzeFile(string filePath, string text, OmlAnalysisOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= OmlAnalysisOptions.Default;
        var bag = new DiagnosticBag(filePath, options.Limits.MaxDiagnosticsPerId, options.Limits.MaxDiagnostics);
        OmlSyntaxTree? tree = null;
        PipelineModel? model = null;
        CatalogEntry? catalog = null;
        try
        {
            tree = OmlSyntaxTree.Parse(filePath, text, options.Limits);
            bag.SetAliasedSpans(tree.AliasedSpans);
            foreach (var d in tree.Diagnostics)
            {
                bag.Add(d);
            }

            if (tree.IsComplete)
            {
                (model, catalog) = AnalyzeDocument(tree, bag, options, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            bag.Report(
                DiagnosticCatalog.InternalError,
                default,
                string.Empty,
                ex.GetType().Name + ": " + ex.Message);
        }

        return new OmlFileAnalysis(filePath, tree, model, catalog, bag.ToSortedArray());
    }

    private static (PipelineModel? Model, CatalogEntry? Catalog) AnalyzeDocument(OmlSyntaxTree tree, DiagnosticBag bag, OmlAnalysisOptions options, CancellationToken cancellationToken)
    {
        if (tree.Root is not YamlMappingNode root)
        {
            var what = tree.Root switch
            {
                null => "empty",
                YamlScalarNode { IsNull: true } => "null",
                var node => node.TypeDescription,
            };
            var span = tree.Root?.Span ?? tree.Lines.GetSpan(0, 0);
            bag.Report(DiagnosticCatalog.RootNotMapping, span, string.Empty, what);
            return (null, null);
        }

        var context = new RuleContext(tree, root, bag, options, cancellationToken);
        if (root.GetEntry(OmlKeys.Schedule) is { } scheduleEntry)
        {
            if (scheduleEntry.Value is YamlMappingNode scheduleNode)
            {
                (context.Schedule, context.ScheduleSpans) = ScheduleBinder.Bind(scheduleNode, bag);
            }
            else if (scheduleEntry.Value is not YamlScalarNode { IsNull: true })
            {
                bag.Report(DiagnosticCatalog.WrongType, scheduleEntry.Value.Span, OmlKeys.Schedule, OmlKeys.Schedule, "a mapping with expression, timezone, retry, timeout, window, ...", scheduleEntry.Value.TypeDescription);
            }
        }

        if (root.GetEntry(OmlKeys.Metadata) is { } metadataEntry)
        {
            if (metadataEntry.Value is YamlMappingNode metadataNode)
            {
                (context.Metadata, context.MetadataSpans) = MetadataBinder.Bind(metadataNode, bag);
            }
            else if (metadataEntry.Value is not YamlScalarNode { IsNull: true })
            {
                bag.Report(DiagnosticCatalog.WrongType, metadataEntry.Value.Span, OmlKeys.Metadata, OmlKeys.Metadata, "a mapping with owner, team, sla, criticality, tags, tests, lineage, notifications", metadataEntry.Value.TypeDescription);
            }
        }

        foreach (var rule in Rules)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rule.Analyze(context);
        }

        return (PipelineBinder.Bind(tree.FilePath, root, context.Schedule, context.Metadata), CatalogEntryBuilder.Build(context));
    }
}

/// <summary>The result of analyzing one file.</summary>
public sealed class OmlFileAnalysis
{
    internal OmlFileAnalysis(string filePath, OmlSyntaxTree? syntax, PipelineModel? pipeline, CatalogEntry? catalog, ImmutableArray<OmlDiagnostic> diagnostics)
    {
        FilePath = filePath;
        Syntax = syntax;
        Pipeline = pipeline;
        Catalog = catalog;
        Diagnostics = diagnostics;
    }

    /// <summary>The path the diagnostics are located in.</summary>
    public string FilePath { get; }

    /// <summary>The parsed file (null only after an internal error).</summary>
    public OmlSyntaxTree? Syntax { get; }

    /// <summary>The pipeline model, when the document is a mapping.</summary>
    public PipelineModel? Pipeline { get; }

    /// <summary>What the repository-wide rules need of this file (<see cref="OmlCatalog"/>), when it is a mapping.</summary>
    public CatalogEntry? Catalog { get; }

    /// <summary>Every finding, ordered by position.</summary>
    public ImmutableArray<OmlDiagnostic> Diagnostics { get; }

    /// <summary>Whether any finding is an error (by default severity).</summary>
    public bool HasErrors => OmlDiagnostic.AnyError(Diagnostics);
}
