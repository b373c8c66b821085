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

        SuggestionIndex? paramNames = null, allNames = null;
        var usesWindow = false;

        // A value that aliases repeat (config: *shared) is checked at its first use only: its findings
        // are located in the value itself, so later uses could only repeat them.
        var checkedValues = new HashSet<YamlScalarNode>();
        foreach (var (scalar, path) in ConfigStrings(context.Steps))
        {
            if (!checkedValues.Add(scalar))
            {
                continue;
            }

            var matches = Placeholder.Matches(scalar.Value);
            SourceSpan[]? located = null;
            SourceSpan Locate(int k) => (located ??= LocateAll(context, scalar, matches))[k];
            for (var k = 0; k < matches.Count; k++)
            {
                var match = matches[k];
                var name = match.Groups["name"].Value.Trim();
                if (Array.IndexOf(WindowVariables, name) >= 0)
                {
                    usesWindow = true;
                    if (window is null)
                    {
                        context.Report(DiagnosticCatalog.WindowVariableWithoutWindow, Locate(k), path, MessageText.Excerpt(name));
                    }
                }
                else if (name.StartsWith("params.", StringComparison.Ordinal))
                {
                    var param = name.Substring("params.".Length);
                    if (Array.IndexOf(declaredParams, param) < 0)
                    {
                        var hint = (paramNames ??= new SuggestionIndex(declaredParams.Select(x => "params." + x))).DidYouMean(name, out var meant)
                            + $"; declare '{MessageText.Excerpt(param)}' in the top-level params mapping, for example params: {{{MessageText.Excerpt(param)}: {{default: ...}}}}";
                        var at = Locate(k);
                        context.ReportWithSuggestion(DiagnosticCatalog.UnknownVariable, at, path, Replace(at, match, meant), MessageText.Excerpt(name), hint);
                    }
                }
                else if (!EnvironmentName.IsMatch(name))
                {
                    var hint = Synonyms.TryGetValue(name, out var meant)
                        ? $" (did you mean '{meant}'?)"
                        : (allNames ??= new SuggestionIndex(WindowVariables.Concat(declaredParams.Select(x => "params." + x)))).DidYouMean(name, out meant);
                    var at = Locate(k);
                    context.ReportWithSuggestion(DiagnosticCatalog.UnknownVariable, at, path, Replace(at, match, meant), MessageText.Excerpt(name), hint + Advice);
                }
            }
        }

        if (window is not null && !usesWindow)
        {
            context.Report(DiagnosticCatalog.WindowNotUsed, context.ScheduleSpans!.Window!.Value, "schedule.window", window.Field is { } field ? MessageText.Excerpt(field) : "its field");
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
    /// The span in the file of each placeholder of <paramref name="scalar"/>: the k-th placeholder of
    /// the value is the k-th placeholder written in the scalar's source (a block scalar's value has its
    /// indentation removed, so offsets into the value are not offsets into the file). When escapes make
    /// the two lists differ, every placeholder is located at the whole scalar. One pass over each:
    /// a value with thousands of placeholders costs no more than reading it.
    /// </summary>
    private static SourceSpan[] LocateAll(RuleContext context, YamlScalarNode scalar, MatchCollection inValue)
    {
        var text = context.Tree.Text;
        var start = Math.Min(scalar.Span.Start, text.Length);
        var end = Math.Min(scalar.Span.End, text.Length);
        var result = new SourceSpan[inValue.Count];
        var written = Placeholder.Match(text, start, end - start);
        for (var k = 0; k < inValue.Count; k++, written = written.NextMatch())
        {
            if (!written.Success || !string.Equals(written.Value, inValue[k].Value, StringComparison.Ordinal))
            {
                for (var i = 0; i < result.Length; i++)
                {
                    result[i] = scalar.Span;
                }

                return result;
            }

            result[k] = context.Tree.Lines.GetSpan(written.Index, written.Index + written.Length);
        }

        return result;
    }
}
