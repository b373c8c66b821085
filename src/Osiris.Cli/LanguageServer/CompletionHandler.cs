using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Osiris.Oml;
using Osiris.Oml.Components;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Syntax;

namespace Osiris.Cli.LanguageServer;

/// <summary>
/// <c>textDocument/completion</c>: the keys of the mapping under the cursor, the values of keyword
/// keys, component names (the project's own components too), a step's modes and configuration keys
/// with their enum values, step ids for <c>needs</c>, pipelines for lineage, and time zone names.
/// Every word comes from the engine (<see cref="OmlVocabulary"/>, the component registry, NodaTime's
/// TZDB), so completion offers exactly what the build accepts.
/// </summary>
internal static partial class CompletionHandler
{
    private static readonly string[] Presets = { "@hourly", "@daily", "@midnight", "@weekly", "@monthly", "@yearly", "@annually" };

    public static JsonObject Complete(DocumentAnalysis? analysis, DocumentSnapshot document, Position position, CancellationToken cancellationToken)
    {
        var cursor = YamlCursor.At(document.Lines, position);
        var options = analysis?.Project.Options ?? OmlAnalysisOptions.Default;
        var items = new List<(string Label, int Kind, string? Detail)>();
        if (cursor.IsKey)
        {
            items.AddRange(Keys(cursor, options.Components).Select(k => (k, Protocol.KindProperty, (string?)null)));
        }
        else
        {
            items.AddRange(Values(cursor, options.Components, document.Text, analysis));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var range = Protocol.Range(document.Lines, cursor.WordStart, cursor.WordEnd);
        var after = cursor.WordEnd < document.Text.Length ? document.Text[cursor.WordEnd] : '\n';
        var result = new JsonArray();
        var index = 0;
        foreach (var (label, kind, detail) in items.DistinctBy(i => i.Label))
        {
            var item = new JsonObject
            {
                ["label"] = label,
                ["kind"] = kind,
                ["sortText"] = index++.ToString("D4", CultureInfo.InvariantCulture),
                ["filterText"] = label,
                ["textEdit"] = new JsonObject { ["range"] = range.DeepClone(), ["newText"] = InsertText(cursor, label, after) },
            };
            if (detail is not null)
            {
                item["detail"] = detail;
            }

            result.Add((JsonNode)item);
        }

        return new JsonObject { ["isIncomplete"] = false, ["items"] = result };
    }

    private static IEnumerable<string> Keys(YamlCursor cursor, ComponentRegistry components)
    {
        var path = string.Join("/", cursor.Path);
        return path switch
        {
            "" => OmlVocabulary.TopLevelKeys,
            "schedule" => OmlVocabulary.ScheduleKeys,
            "schedule/retry" => OmlVocabulary.RetryKeys,
            "schedule/window" => OmlVocabulary.WindowKeys,
            "metadata" => OmlVocabulary.MetadataKeys,
            "metadata/lineage" => OmlVocabulary.LineageDirections,
            "metadata/notifications" => OmlVocabulary.NotificationEvents,
            "metadata/tests/[]" => cursor.ItemValue("type") is { } type
                ? OmlVocabulary.DataTestKeys(type)
                : OmlVocabulary.DataTestTypes.SelectMany(t => OmlVocabulary.DataTestKeys(t)).Distinct(StringComparer.Ordinal),
            "steps/[]" => OmlVocabulary.StepKeys,
            "steps/[]/config" => components.Find(cursor.ItemValue(OmlVocabulary.StepKeys[1]) ?? string.Empty)?.Properties.Select(p => p.Name) ?? Enumerable.Empty<string>(),
            _ when cursor.Path.Count == 4 && path.StartsWith("metadata/notifications/", StringComparison.Ordinal) && cursor.Path[3] == "[]" => OmlVocabulary.NotificationChannels,
            _ => Enumerable.Empty<string>(),
        };
    }

    private static IEnumerable<(string Label, int Kind, string? Detail)> Values(YamlCursor cursor, ComponentRegistry components, string text, DocumentAnalysis? analysis)
    {
        var path = string.Join("/", cursor.Path);
        IEnumerable<string> words = (path, cursor.Key) switch
        {
            ("", "oml_version") => OmlVocabulary.OmlVersions.Reverse(),
            ("schedule", "type") => OmlVocabulary.ScheduleTypes,
            ("schedule", "expression") => Presets,
            ("schedule/retry", "backoff") => OmlVocabulary.Backoffs,
            ("schedule/window", "type") => OmlVocabulary.WindowTypes,
            ("metadata", "criticality") => OmlVocabulary.Criticalities,
            ("metadata/tests/[]", "type") => OmlVocabulary.DataTestTypes,
            ("steps/[]", "mode") => components.Find(cursor.ItemValue("component") ?? string.Empty) is { } spec
                ? spec.OmlModes.Select(OmlModes.ToText)
                : OmlVocabulary.Modes,
            ("steps/[]", "needs") => StepIds(text).Where(id => id != cursor.ItemValue("id")),
            ("steps/[]/config", { } key) => components.Find(cursor.ItemValue("component") ?? string.Empty)?.FindProperty(key)?.Enum ?? (IEnumerable<string>)Array.Empty<string>(),
            ("metadata/lineage", "upstream" or "downstream") => (analysis?.PipelineNames ?? Array.Empty<string>())
                .Where(n => n != analysis?.Analysis?.Catalog?.Name)
                .Select(n => "pipeline: " + n),
            _ => Array.Empty<string>(),
        };

        foreach (var word in words)
        {
            yield return (word, Protocol.KindEnumMember, null);
        }

        if (path == "schedule" && cursor.Key == "timezone")
        {
            var tzdb = "tz database " + ScheduleDefinition.TimeZoneDataVersion;
            foreach (var zone in NodaTime.DateTimeZoneProviders.Tzdb.Ids.Order(StringComparer.Ordinal))
            {
                yield return (zone, Protocol.KindValue, tzdb);
            }
        }

        if (path == "steps/[]" && cursor.Key == "component")
        {
            foreach (var name in components.Names)
            {
                var spec = components.Find(name)!;
                var builtIn = ComponentRegistry.BuiltIn.Find(name) is { } b && b.Equals(spec);
                yield return (name, Protocol.KindModule, $"{string.Join("/", spec.OmlModes.Select(OmlModes.ToText))} · {(builtIn ? "built-in" : "project component")} {spec.Version}");
            }
        }
    }

    /// <summary>What to write: a key with its colon, a value quoted unless the user opened a quote.</summary>
    private static string InsertText(YamlCursor cursor, string label, char after)
    {
        if (cursor.IsKey)
        {
            return after == ':' ? label : label + ": ";
        }

        if (cursor.Quote is { } quote)
        {
            return after == quote ? label : label + quote;
        }

        return "\"" + label.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
    }

    private static IEnumerable<string> StepIds(string text)
        => StepId().Matches(text).Select(m => m.Groups["id"].Value).Distinct(StringComparer.Ordinal);

    [GeneratedRegex("^[ \\t]*-[ \\t]+id:[ \\t]*[\"']?(?<id>[^\"'\\s#]+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex StepId();
}
