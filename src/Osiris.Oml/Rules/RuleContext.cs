using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Osiris.Oml.Binding;
using Osiris.Oml.Components;
using Osiris.Oml.Model;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Syntax;
using Osiris.Oml.Text;

namespace Osiris.Oml.Rules;

/// <summary>What a rule sees: the parsed document, the registry, the options and where to report.</summary>
internal sealed class RuleContext
{
    private IReadOnlyList<StepSyntax>? _steps;
    private SuggestionIndex? _componentSuggestions;
    private Dictionary<Components.ComponentSpec, SuggestionIndex>? _keySuggestions;

    public RuleContext(OmlSyntaxTree tree, YamlMappingNode root, DiagnosticBag diagnostics, OmlAnalysisOptions options, CancellationToken cancellationToken)
    {
        Tree = tree;
        Root = root;
        Diagnostics = diagnostics;
        Options = options;
        CancellationToken = cancellationToken;
    }

    public OmlSyntaxTree Tree { get; }

    public YamlMappingNode Root { get; }

    public DiagnosticBag Diagnostics { get; }

    public OmlAnalysisOptions Options { get; }

    public ComponentRegistry Components => Options.Components;

    public CancellationToken CancellationToken { get; }

    /// <summary>The bound schedule block, when the document has one (set before the rules run).</summary>
    public ScheduleModel? Schedule { get; set; }

    /// <summary>Where the schedule's parts are written.</summary>
    public ScheduleSpans? ScheduleSpans { get; set; }

    /// <summary>The bound metadata block, when the document has one.</summary>
    public MetadataModel? Metadata { get; set; }

    /// <summary>Where the metadata's parts are written.</summary>
    public MetadataSpans? MetadataSpans { get; set; }

    /// <summary>The steps as written, each with its component looked up; empty when <c>steps</c> is not a list.</summary>
    public IReadOnlyList<StepSyntax> Steps
        => _steps ??= Root[OmlKeys.Steps] is YamlSequenceNode list ? StepSyntax.Read(list, Components) : Array.Empty<StepSyntax>();

    /// <summary>The component names, indexed for "did you mean" once per file.</summary>
    public SuggestionIndex ComponentSuggestions => _componentSuggestions ??= new SuggestionIndex(Components.Names);

    /// <summary>A component's configuration keys, indexed for "did you mean" once per file.</summary>
    public SuggestionIndex KeySuggestions(Components.ComponentSpec spec)
    {
        _keySuggestions ??= new Dictionary<Components.ComponentSpec, SuggestionIndex>(Collections.ReferenceComparer<Components.ComponentSpec>.Instance);
        if (!_keySuggestions.TryGetValue(spec, out var index))
        {
            _keySuggestions[spec] = index = new SuggestionIndex(spec.Properties.Select(p => p.Name));
        }

        return index;
    }

    public void Report(OmlDiagnosticDescriptor descriptor, SourceSpan span, string path, params string[] arguments)
        => Diagnostics.Report(descriptor, span, path, arguments);

    public void ReportWithSuggestion(OmlDiagnosticDescriptor descriptor, SourceSpan span, string path, OmlSuggestion? suggestion, params string[] arguments)
        => Diagnostics.ReportWithSuggestion(descriptor, span, path, suggestion, arguments);
}

/// <summary>One check over a whole document.</summary>
internal interface IDocumentRule
{
    void Analyze(RuleContext context);
}
