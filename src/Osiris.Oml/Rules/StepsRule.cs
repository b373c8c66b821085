using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Osiris.Oml.Components;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Syntax;
using Osiris.Oml.Text;

namespace Osiris.Oml.Rules;

/// <summary>
/// The <c>steps</c> list: each step's shape, ids, components, modes and needs (OML-SPEC §1). The
/// configuration of each step is checked by <see cref="StepConfigRule"/>.
/// </summary>
internal sealed class StepsRule : IDocumentRule
{
    private static readonly string[] StepFields = { OmlKeys.Id, OmlKeys.Component, OmlKeys.Mode };

    private static readonly string[] KnownStepKeys = OmlVocabulary.Step;

    public void Analyze(RuleContext context)
    {
        var entry = context.Root.GetEntry(OmlKeys.Steps);
        if (entry is null)
        {
            return;
        }

        if (entry.Value is not YamlSequenceNode list)
        {
            context.Report(DiagnosticCatalog.WrongType, entry.Value.Span, OmlKeys.Steps, OmlKeys.Steps, "a list of steps", entry.Value.TypeDescription);
            return;
        }

        if (list.Items.Count == 0)
        {
            context.Report(DiagnosticCatalog.EmptySteps, list.Span, OmlKeys.Steps);
            return;
        }

        var steps = context.Steps;
        var firstById = new Dictionary<string, StepSyntax>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (step.Mapping is null)
            {
                context.Report(DiagnosticCatalog.WrongType, step.Node.Span, step.Path, step.Path, "a mapping with id, component and mode", step.Node.TypeDescription);
                continue;
            }

            CheckFields(context, step);
            CheckUnknownKeys(context, step);
            CheckId(context, step, firstById);
            CheckComponent(context, step);
            CheckMode(context, step);
        }

        NeedsAnalysis.Analyze(context, steps);
    }

    private static void CheckFields(RuleContext context, StepSyntax step)
    {
        foreach (var field in StepFields)
        {
            if (!step.Mapping!.ContainsKey(field))
            {
                context.Report(DiagnosticCatalog.MissingStepField, YamlValues.HeadOf(step.Mapping), step.Path + "." + field, step.Label, field);
            }
        }
    }

    private static void CheckUnknownKeys(RuleContext context, StepSyntax step)
    {
        foreach (var (entry, key) in OmlKeys.Unknown(step.Mapping!, KnownStepKeys))
        {
            var hint = Suggestions.DidYouMean(key, KnownStepKeys, out var meant);
            context.ReportWithSuggestion(DiagnosticCatalog.UnknownStepKey, entry.Key.Span, step.Path + "." + key, OmlSuggestion.ForScalar(entry.Key, meant), MessageText.Excerpt(key), hint);
        }
    }

    private static void CheckId(RuleContext context, StepSyntax step, Dictionary<string, StepSyntax> firstById)
    {
        var entry = step.Mapping!.GetEntry(OmlKeys.Id);
        if (entry is null)
        {
            return;
        }

        var path = step.Path + "." + OmlKeys.Id;
        if (!RequireText(context, entry, path, "a string such as extract_customers", "give the step an id such as extract_customers"))
        {
            return;
        }

        var id = ((YamlScalarNode)entry.Value).Value;
        if (firstById.TryGetValue(id, out var first))
        {
            context.Diagnostics.Report(
                DiagnosticCatalog.DuplicateStepId,
                entry.Value.Span,
                path,
                ImmutableArray.Create(new OmlLocation(context.Tree.FilePath, first.IdSpan!.Value)),
                MessageText.Excerpt(id),
                YamlValues.LineOf(first.IdSpan!.Value));
        }
        else
        {
            firstById[id] = step;
        }
    }

    private static void CheckComponent(RuleContext context, StepSyntax step)
    {
        var entry = step.Mapping!.GetEntry(OmlKeys.Component);
        if (entry is null)
        {
            return;
        }

        var path = step.Path + "." + OmlKeys.Component;
        if (RequireText(context, entry, path, "a component name such as mysql.extractor", "name the component that runs the step, such as mysql.extractor")
            && step.Component is null)
        {
            var name = step.ComponentName!;
            var hint = context.ComponentSuggestions.DidYouMean(name, out var meant);
            context.ReportWithSuggestion(
                DiagnosticCatalog.UnknownComponent,
                entry.Value.Span,
                path,
                OmlSuggestion.ForScalar(entry.Value, meant),
                MessageText.Excerpt(name),
                hint,
                MessageText.List(context.Components.Names));
        }
    }

    private static void CheckMode(RuleContext context, StepSyntax step)
    {
        var entry = step.Mapping!.GetEntry(OmlKeys.Mode);
        if (entry is null)
        {
            return;
        }

        var path = step.Path + "." + OmlKeys.Mode;
        if (!RequireText(context, entry, path, "one of read, write or transform", "use read, write or transform"))
        {
            return;
        }

        var mode = ((YamlScalarNode)entry.Value).Value;
        if (!OmlModes.TryParse(mode, out var parsed))
        {
            context.Report(DiagnosticCatalog.InvalidMode, entry.Value.Span, path, MessageText.Excerpt(mode));
            return;
        }

        if (step.Component is { } component && !component.Supports(parsed))
        {
            var allowed = string.Join(" or ", component.OmlModes.Select(OmlModes.ToText));
            context.Report(DiagnosticCatalog.IncompatibleMode, entry.Value.Span, path, MessageText.Excerpt(component.Name), MessageText.Excerpt(mode), "mode: " + allowed);
        }
    }

    /// <summary>
    /// Checks that a naming field (id, component, mode) holds non-blank text. Osiris skips null and
    /// empty values silently and crashes on lists and mappings; both are reported here.
    /// </summary>
    private static bool RequireText(RuleContext context, YamlEntry entry, string path, string expected, string emptyHint)
    {
        switch (entry.Value)
        {
            case YamlScalarNode { IsNull: true }:
                context.Report(DiagnosticCatalog.EmptyValue, entry.Key.Span, path, path, emptyHint);
                return false;
            case YamlScalarNode { IsString: true } text when text.Value.Trim().Length == 0:
                context.Report(DiagnosticCatalog.EmptyValue, text.Span, path, path, emptyHint);
                return false;
            case YamlScalarNode { IsString: true }:
                return true;
            default:
                context.Report(DiagnosticCatalog.WrongType, entry.Value.Span, path, path, expected, entry.Value.TypeDescription);
                return false;
        }
    }
}
