using System;
using System.Linq;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Syntax;
using Osiris.Oml.Text;
using Osiris.Oml.Time;

namespace Osiris.Oml.Binding;

/// <summary>
/// Readings and checks the schedule and metadata binders share, each reported with the descriptor
/// of the block it is used for.
/// </summary>
internal static class BlockReader
{
    /// <summary>
    /// Reports every key of <paramref name="mapping"/> that is not one of <paramref name="known"/>
    /// (extension keys aside). <paramref name="synonyms"/> are the keys other tools use for the same
    /// setting (a crontab's <c>cron</c>, Airflow's <c>max_active_runs</c>), suggested where the spelling
    /// is too far off for a "did you mean".
    /// </summary>
    public static void CheckKeys(YamlMappingNode mapping, string path, string[] known, OmlDiagnosticDescriptor descriptor, DiagnosticBag diagnostics, (string Key, string Meant)[]? synonyms = null)
    {
        foreach (var (entry, key) in OmlKeys.Unknown(mapping, known))
        {
            var hint = Suggestions.DidYouMean(key, known, out var meant);
            if (meant is null && synonyms is not null)
            {
                foreach (var (synonym, target) in synonyms)
                {
                    if (string.Equals(synonym, key.Trim(), StringComparison.OrdinalIgnoreCase))
                    {
                        meant = target;
                        hint = Suggestions.Hint(target);
                        break;
                    }
                }
            }

            diagnostics.ReportWithSuggestion(descriptor, entry.Key.Span, path + "." + key, OmlSuggestion.ForScalar(entry.Key, meant), MessageText.Excerpt(key), path, hint, string.Join(", ", known));
        }
    }

    /// <summary>
    /// Reads a keyword: the value of the choice the entry names, or null after reporting
    /// "must be a, b or c, not x" with a suggestion.
    /// </summary>
    public static T? Keyword<T>(YamlEntry entry, string path, (string Name, T Value)[] choices, OmlDiagnosticDescriptor descriptor, DiagnosticBag diagnostics)
        where T : struct
    {
        var text = YamlValues.Text(entry.Value);
        foreach (var (name, value) in choices)
        {
            if (string.Equals(name, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        var names = choices.Select(c => c.Name).ToArray();
        var oneOf = string.Join(", ", names, 0, names.Length - 1) + " or " + names[names.Length - 1];
        var hint = Suggestions.DidYouMean(text ?? string.Empty, names, out var meant);
        diagnostics.ReportWithSuggestion(descriptor, entry.Value.Span, path, OmlSuggestion.ForScalar(entry.Value, meant), path, $"must be {oneOf}, not {YamlValues.Show(entry.Value)}{hint}");
        return null;
    }

    /// <summary>
    /// Reads a duration within [min, max] seconds (nominal: a day counts 24 hours), or null after
    /// reporting "must be {expectation}, not x".
    /// </summary>
    public static OmlDuration? Duration(YamlEntry entry, string path, long min, long max, string expectation, OmlDiagnosticDescriptor descriptor, DiagnosticBag diagnostics)
    {
        if (YamlValues.Duration(entry.Value) is { } value && value.NominalSeconds >= min && value.NominalSeconds <= max)
        {
            return value;
        }

        diagnostics.Report(descriptor, entry.Value.Span, path, path, $"must be {expectation}, not {YamlValues.Show(entry.Value)}");
        return null;
    }
}
