using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Syntax;
using Osiris.Oml.Text;

namespace Osiris.Oml.Rules;

/// <summary>
/// The <c>${...}</c> placeholders in step configuration (OML-SPEC §2): window bounds need a window,
/// params must be declared, environment variables are UPPER_SNAKE_CASE, anything else is unknown.
/// </summary>
internal sealed class VariablesRule : IDocumentRule
{
    private static readonly Regex Placeholder = new(@"\$\{(?<name>[^}]*)\}", RegexOptions.CultureInvariant);

    private static readonly Regex EnvironmentName = new("^[A-Z_][A-Z0-9_]*$", RegexOptions.CultureInvariant);

    private static readonly string[] WindowVariables = { "window.start", "window.end" };

    private const string Advice = "; use ${window.start}, ${window.end}, ${params.<name>} of a declared param, or an environment variable such as ${DB_PASSWORD}";

    // Names other tools use for the window bounds (Airflow's data_interval_*, SQL habits).
    private static readonly Dictionary<string, string> Synonyms = new(StringComparer.OrdinalIgnoreCase)
    {
        ["window.begin"] = "window.start",
        ["window.from"] = "window.start",
        ["window.since"] = "window.start",
        ["window.to"] = "window.end",
        ["window.until"] = "window.end",
        ["window.stop"] = "window.end",
        ["data_interval_start"] = "window.start",
        ["data_interval_end"] = "window.end",
    };

    public void Analyze(RuleContext context)
    {
        var window = context.Schedule?.Window;
        var declaredParams = context.Root[OmlKeys.Params] is YamlMappingNode p
            ? p.Keys.ToArray()
            : Array.Empty<string>();

        var usesWindow = false;
        foreach (var (scalar, path) in ConfigStrings(context.Steps))
        {
            foreach (Match match in Placeholder.Matches(scalar.Value))
            {
                var name = match.Groups["name"].Value.Trim();
                if (Array.IndexOf(WindowVariables, name) >= 0)
                {
                    usesWindow = true;
                    if (window is null)
                    {
                        context.Report(DiagnosticCatalog.WindowVariableWithoutWindow, Locate(context, scalar, match), path, name);
                    }
                }
                else if (name.StartsWith("params.", StringComparison.Ordinal))
                {
                    var param = name.Substring("params.".Length);
                    if (Array.IndexOf(declaredParams, param) < 0)
                    {
                        var hint = Suggestions.DidYouMean(name, declaredParams.Select(x => "params." + x), out var meant)
                            + $"; declare '{param}' in the top-level params mapping, for example params: {{{param}: {{default: ...}}}}";
                        var at = Locate(context, scalar, match);
                        context.ReportWithSuggestion(DiagnosticCatalog.UnknownVariable, at, path, Replace(at, match, meant), name, hint);
                    }
                }
                else if (!EnvironmentName.IsMatch(name))
                {
                    var candidates = WindowVariables.Concat(declaredParams.Select(x => "params." + x));
                    var hint = Synonyms.TryGetValue(name, out var meant) ? $" (did you mean '{meant}'?)" : Suggestions.DidYouMean(name, candidates, out meant);
                    var at = Locate(context, scalar, match);
                    context.ReportWithSuggestion(DiagnosticCatalog.UnknownVariable, at, path, Replace(at, match, meant), name, hint + Advice);
                }
            }
        }

        if (window is not null && !usesWindow)
        {
            context.Report(DiagnosticCatalog.WindowNotUsed, context.ScheduleSpans!.Window!.Value, "schedule.window", window.Field ?? "its field");
        }
    }

    /// <summary>Every string value under <c>steps[*].config</c>, with its Osiris-style path.</summary>
    private static IEnumerable<(YamlScalarNode Scalar, string Path)> ConfigStrings(IReadOnlyList<StepSyntax> steps)
    {
        foreach (var step in steps)
        {
            if (step.Mapping?[OmlKeys.Config] is YamlMappingNode config)
            {
                var basePath = step.Path + "." + OmlKeys.Config;
                var stack = new Stack<(YamlNode Node, string Path)>();
                stack.Push((config, basePath));
                var visited = 0;
                while (stack.Count > 0 && visited++ < 10_000)
                {
                    var (node, path) = stack.Pop();
                    switch (node)
                    {
                        case YamlScalarNode { IsString: true } s:
                            yield return (s, path);
                            break;
                        case YamlMappingNode m:
                            for (var e = m.Entries.Count - 1; e >= 0; e--)
                            {
                                stack.Push((m.Entries[e].Value, path + "." + (m.Entries[e].KeyText ?? "?")));
                            }

                            break;
                        case YamlSequenceNode l:
                            for (var e = l.Items.Count - 1; e >= 0; e--)
                            {
                                stack.Push((l.Items[e], path + "[" + e.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]"));
                            }

                            break;
                    }
                }
            }
        }
    }

    /// <summary>The edit that writes <c>${meant}</c> over the placeholder, when it was located exactly.</summary>
    private static OmlSuggestion? Replace(SourceSpan at, Match placeholder, string? meant)
        => meant is not null && at.Length == placeholder.Length ? new OmlSuggestion(at, "${" + meant + "}", meant) : null;

    /// <summary>
    /// The span of a placeholder in the file, found as the same (k-th) occurrence of its text in the
    /// written source: a block scalar's value has its indentation removed, so offsets into the value
    /// are not offsets into the file. Falls back to the whole scalar when escapes make the two differ.
    /// Only called to report, as it scans the text.
    /// </summary>
    private static SourceSpan Locate(RuleContext context, YamlScalarNode scalar, Match placeholder)
    {
        var token = placeholder.Value;
        var indexInValue = placeholder.Index;
        var value = scalar.Value;
        var occurrence = 0;
        for (var i = value.IndexOf(token, StringComparison.Ordinal); i >= 0 && i < indexInValue; i = value.IndexOf(token, i + 1, StringComparison.Ordinal))
        {
            occurrence++;
        }

        var text = context.Tree.Text;
        var end = Math.Min(scalar.Span.End, text.Length);
        var at = scalar.Span.Start;
        for (var k = 0; k <= occurrence; k++)
        {
            at = at >= end ? -1 : text.IndexOf(token, at + (k == 0 ? 0 : 1), end - at - (k == 0 ? 0 : 1), StringComparison.Ordinal);
            if (at < 0)
            {
                return scalar.Span;
            }
        }

        return context.Tree.Lines.GetSpan(at, at + token.Length);
    }
}
