using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Osiris.Oml.Collections;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Model;
using Osiris.Oml.Syntax;
using Osiris.Oml.Text;
using Osiris.Oml.Time;

namespace Osiris.Oml.Binding;

/// <summary>A lineage entry and where it is written.</summary>
internal sealed record LineageSyntax(LineageReference Reference, string Direction, SourceSpan Span, SourceSpan? NameSpan);

/// <summary>Where the parts of a bound metadata block are written.</summary>
internal sealed class MetadataSpans
{
    public SourceSpan Block { get; set; }

    /// <summary>The owner key, when written (even without a value).</summary>
    public SourceSpan? OwnerKey { get; set; }

    /// <summary>The owner's value, when one is written: a valid owner, or an invalid one reported as OSI0302.</summary>
    public SourceSpan? Owner { get; set; }

    public SourceSpan? Sla { get; set; }

    public SourceSpan? Criticality { get; set; }

    public List<LineageSyntax> Lineage { get; } = new();

    public List<(string Script, SourceSpan Span)> Scripts { get; } = new();
}

/// <summary>
/// Reads the <c>metadata</c> block (OML-SPEC §3) into a <see cref="MetadataModel"/>, reporting every
/// malformed value where it is written: owner, team, SLA, criticality, description, tags, data-quality
/// tests, lineage and notifications.
/// </summary>
internal static class MetadataBinder
{
    private static readonly string[] Keys = OmlVocabulary.Metadata;

    /// <summary>The kinds a lineage entry may name (Airflow datasets, Dagster assets and Prefect assets take them all).</summary>
    private static readonly string[] LineageKinds = OmlVocabulary.Kinds;

    private static readonly string[] LineageDirections = OmlVocabulary.Directions;

    private static readonly string[] NotificationEvents = OmlVocabulary.Events;

    private static readonly string[] NotificationChannels = OmlVocabulary.Channels;

    private static readonly string[] TestTypes = OmlVocabulary.TestTypes;

    private static readonly (string, Criticality)[] Criticalities =
    {
        ("low", Criticality.Low), ("medium", Criticality.Medium), ("high", Criticality.High), ("critical", Criticality.Critical),
    };

    private static readonly Regex Email = new(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$", RegexOptions.CultureInvariant);

    private static readonly Regex Tag = new("^[a-z0-9][a-z0-9_:.-]{0,63}$", RegexOptions.CultureInvariant);

    /// <summary>What <see cref="Tag"/> allows besides letters, digits and '-'.</summary>
    private const string TagPunctuation = "_:.";

    private static readonly Regex SlackChannel = new("^#[a-z0-9][a-z0-9_-]{0,79}$", RegexOptions.CultureInvariant);

    private static readonly Regex LineageEntry = new(@"^\s*(?<kind>[A-Za-z_][A-Za-z0-9_-]*)\s*:\s*(?<name>\S(?:.*\S)?)\s*$", RegexOptions.CultureInvariant);

    private const long MaxSlaSeconds = 31L * 86_400;

    public static (MetadataModel Model, MetadataSpans Spans) Bind(YamlMappingNode metadata, DiagnosticBag diagnostics)
    {
        var spans = new MetadataSpans { Block = metadata.Span };
        BlockReader.CheckKeys(metadata, "metadata", Keys, DiagnosticCatalog.UnknownMetadataKey, diagnostics);

        string? owner = null;
        if (metadata.GetEntry("owner") is { } ownerEntry)
        {
            spans.OwnerKey = ownerEntry.Key.Span;
            if (ownerEntry.Value is YamlScalarNode { IsNull: true })
            {
                // An empty owner counts as missing: the owner policy (OSI0301) reports it when an owner is required.
            }
            else
            {
                spans.Owner = ownerEntry.Value.Span;
                if (ownerEntry.Value is YamlScalarNode { IsString: true } o && Email.IsMatch(o.Value.Trim()))
                {
                    owner = o.Value.Trim();
                }
                else
                {
                    diagnostics.Report(DiagnosticCatalog.InvalidOwner, ownerEntry.Value.Span, "metadata.owner", ownerEntry.Value is YamlScalarNode scalar ? MessageText.Excerpt(scalar.Value) : ownerEntry.Value.TypeDescription);
                }
            }
        }

        var team = OptionalText(metadata, "team", diagnostics, "a team name such as data-platform");
        var description = OptionalText(metadata, "description", diagnostics, "a text");

        OmlDuration? sla = null;
        if (metadata.GetEntry("sla") is { } slaEntry)
        {
            spans.Sla = slaEntry.Value.Span;
            sla = BlockReader.Duration(
                slaEntry,
                "metadata.sla",
                1,
                MaxSlaSeconds,
                "the time a run may take after its scheduled time, a positive duration of at most 31 days such as \"4h\"",
                DiagnosticCatalog.InvalidMetadataValue,
                diagnostics);
        }

        Criticality? criticality = null;
        if (metadata.GetEntry("criticality") is { } criticalityEntry)
        {
            spans.Criticality = criticalityEntry.Value.Span;
            criticality = BlockReader.Keyword(criticalityEntry, "metadata.criticality", Criticalities, DiagnosticCatalog.InvalidMetadataValue, diagnostics);
        }

        var tags = BindTags(metadata.GetEntry("tags"), diagnostics);
        var tests = BindTests(metadata.GetEntry("tests"), diagnostics, spans);
        var (upstream, downstream) = BindLineage(metadata.GetEntry("lineage"), diagnostics, spans);
        var notifications = BindNotifications(metadata.GetEntry("notifications"), diagnostics);
        return (new MetadataModel(owner, team, sla, criticality, description, tags, tests, upstream, downstream, notifications), spans);
    }

    private static EquatableArray<string> BindTags(YamlEntry? entry, DiagnosticBag diagnostics)
    {
        if (entry is null || entry.Value is YamlScalarNode { IsNull: true })
        {
            return EquatableArray<string>.Empty;
        }

        if (entry.Value is not YamlSequenceNode list)
        {
            diagnostics.Report(DiagnosticCatalog.WrongType, entry.Value.Span, "metadata.tags", "metadata.tags", "a list of tags such as [customer, daily]", entry.Value.TypeDescription);
            return EquatableArray<string>.Empty;
        }

        var tags = new List<string>();
        var seen = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);

        // An alias repeats the node itself: known by reference, its value need not be hashed again.
        var firstOfNode = new Dictionary<YamlNode, SourceSpan>();
        foreach (var item in list.Items)
        {
            if (item is not YamlScalarNode { IsString: true } tag)
            {
                diagnostics.Report(DiagnosticCatalog.WrongType, item.Span, "metadata.tags", "a tag", "a string", item.TypeDescription);
                continue;
            }

            if (firstOfNode.TryGetValue(tag, out var first) || seen.TryGetValue(tag.Value, out first))
            {
                firstOfNode[tag] = first;
                diagnostics.Report(DiagnosticCatalog.DuplicateTag, tag.Span, "metadata.tags", MessageText.Excerpt(tag.Value), YamlValues.LineOf(first));
                continue;
            }

            seen[tag.Value] = tag.Span;
            firstOfNode[tag] = tag.Span;
            tags.Add(tag.Value);
            if (!Tag.IsMatch(tag.Value))
            {
                diagnostics.Report(DiagnosticCatalog.InvalidTag, tag.Span, "metadata.tags", MessageText.Excerpt(tag.Value), MessageText.Excerpt(Suggestions.Conventional(tag.Value, TagPunctuation, "my-tag")));
            }
        }

        return tags.ToEquatableArray();
    }

    private static EquatableArray<DataTestModel> BindTests(YamlEntry? entry, DiagnosticBag diagnostics, MetadataSpans spans)
    {
        if (entry is null || entry.Value is YamlScalarNode { IsNull: true })
        {
            return EquatableArray<DataTestModel>.Empty;
        }

        if (entry.Value is not YamlSequenceNode list)
        {
            diagnostics.Report(DiagnosticCatalog.WrongType, entry.Value.Span, "metadata.tests", "metadata.tests", "a list of tests, each with a type", entry.Value.TypeDescription);
            return EquatableArray<DataTestModel>.Empty;
        }

        var tests = new List<DataTestModel>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = "metadata.tests[" + i.ToString(CultureInfo.InvariantCulture) + "]";
            if (list.Items[i] is not YamlMappingNode test)
            {
                diagnostics.Report(DiagnosticCatalog.WrongType, list.Items[i].Span, path, path, "a mapping with a type such as row_count", list.Items[i].TypeDescription);
                continue;
            }

            var type = YamlValues.Text(test["type"]);
            if (type is null || Array.IndexOf(TestTypes, type) < 0)
            {
                string? meant = null;
                var hint = type is null ? string.Empty : Suggestions.DidYouMean(type, TestTypes, out meant);
                diagnostics.ReportWithSuggestion(
                    DiagnosticCatalog.InvalidDataTest,
                    test.GetEntry("type")?.Value.Span ?? YamlValues.HeadOf(test),
                    path + ".type",
                    test.GetEntry("type") is { } typeEntry ? OmlSuggestion.ForScalar(typeEntry.Value, meant) : null,
                    path,
                    type is null
                        ? "has no type; use row_count, schema, freshness or custom"
                        : $"has the unknown type '{MessageText.Excerpt(type)}'{hint}; use row_count, schema, freshness or custom");
                continue;
            }

            if (CheckTest(type, test, path, diagnostics, spans))
            {
                tests.Add(new DataTestModel(
                    type,
                    test.Entries.Where(e => e.KeyText is { } k && k != "type").Select(e => new OmlProperty(e.KeyText!, OmlValue.From(e.Value))).ToEquatableArray()));
            }
        }

        return tests.ToEquatableArray();
    }

    private static bool CheckTest(string type, YamlMappingNode test, string path, DiagnosticBag diagnostics, MetadataSpans spans)
    {
        var keys = OmlVocabulary.DataTestKeys(type).ToArray();
        BlockReader.CheckKeys(test, path, keys, DiagnosticCatalog.UnknownMetadataKey, diagnostics);

        switch (type)
        {
            case "row_count":
                long? min = Count(test, "min", path, diagnostics);
                long? max = Count(test, "max", path, diagnostics);
                if (!test.ContainsKey("min") && !test.ContainsKey("max"))
                {
                    return Invalid(diagnostics, YamlValues.HeadOf(test), path, "row_count needs min, max or both, for example {type: row_count, min: 1}");
                }

                if (min is { } a && max is { } b && a > b)
                {
                    return Invalid(diagnostics, test.GetEntry("max")!.Value.Span, path + ".max", $"row_count has min {a} above max {b}; no row count can pass");
                }

                return min is not null || max is not null;
            case "schema":
                if (test["expected"] is not YamlScalarNode { IsNull: false } expected || expected.Value.Trim().Length == 0)
                {
                    return Invalid(diagnostics, test.GetEntry("expected")?.Value.Span ?? YamlValues.HeadOf(test), path + ".expected", "schema needs the expected schema version or name, for example expected: \"v2.1\"");
                }

                return true;
            case "freshness":
                if (test.GetEntry("max_age") is not { } age)
                {
                    return Invalid(diagnostics, YamlValues.HeadOf(test), path + ".max_age", "freshness needs max_age, the oldest the newest row may be, for example max_age: \"25h\"");
                }

                if (YamlValues.Duration(age.Value) is not { NominalSeconds: > 0 })
                {
                    return Invalid(diagnostics, age.Value.Span, path + ".max_age", $"freshness max_age must be a positive duration such as \"25h\", not {YamlValues.Show(age.Value)}");
                }

                return true;
            default:
                if (test["script"] is not YamlScalarNode { IsString: true } script || script.Value.Trim().Length == 0)
                {
                    return Invalid(diagnostics, test.GetEntry("script")?.Value.Span ?? YamlValues.HeadOf(test), path + ".script", "custom needs the script to run, for example script: \"tests/validate_customers.py\"");
                }

                spans.Scripts.Add((script.Value.Trim(), script.Span));
                return true;
        }
    }

    private static long? Count(YamlMappingNode test, string key, string path, DiagnosticBag diagnostics)
    {
        if (test.GetEntry(key) is not { } entry)
        {
            return null;
        }

        if (entry.Value is YamlScalarNode { Type: YamlScalarType.Integer } n
            && long.TryParse(n.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            && value >= 0)
        {
            return value;
        }

        Invalid(diagnostics, entry.Value.Span, path + "." + key, $"row_count {key} must be a whole number of rows, 0 or more, not {YamlValues.Show(entry.Value)}");
        return null;
    }

    private static bool Invalid(DiagnosticBag diagnostics, SourceSpan span, string path, string problem)
    {
        var index = path.IndexOf(']');
        var test = index > 0 ? path.Substring(0, index + 1) : path;
        diagnostics.Report(DiagnosticCatalog.InvalidDataTest, span, path, test, problem);
        return false;
    }

    private static (EquatableArray<LineageReference> Upstream, EquatableArray<LineageReference> Downstream) BindLineage(YamlEntry? entry, DiagnosticBag diagnostics, MetadataSpans spans)
    {
        if (entry is null || entry.Value is YamlScalarNode { IsNull: true })
        {
            return (EquatableArray<LineageReference>.Empty, EquatableArray<LineageReference>.Empty);
        }

        if (entry.Value is not YamlMappingNode lineage)
        {
            diagnostics.Report(DiagnosticCatalog.WrongType, entry.Value.Span, "metadata.lineage", "metadata.lineage", "a mapping with upstream and downstream lists", entry.Value.TypeDescription);
            return (EquatableArray<LineageReference>.Empty, EquatableArray<LineageReference>.Empty);
        }

        BlockReader.CheckKeys(lineage, "metadata.lineage", LineageDirections, DiagnosticCatalog.UnknownMetadataKey, diagnostics);
        var read = new Dictionary<YamlNode, (LineageReference? Reference, SourceSpan? NameSpan)>();
        return (BindLineageList(lineage, "upstream", diagnostics, spans, read), BindLineageList(lineage, "downstream", diagnostics, spans, read));
    }

    /// <summary>
    /// Reads one lineage list. <paramref name="read"/> holds the entries already read, by node: an
    /// alias (<c>*l</c>) repeats the very node it names, so a repeated entry reuses the first reading
    /// instead of matching (and copying) its text again, and its findings, reported at the anchor,
    /// are not repeated.
    /// </summary>
    private static EquatableArray<LineageReference> BindLineageList(YamlMappingNode lineage, string direction, DiagnosticBag diagnostics, MetadataSpans spans, Dictionary<YamlNode, (LineageReference? Reference, SourceSpan? NameSpan)> read)
    {
        var entry = lineage.GetEntry(direction);
        if (entry is null || entry.Value is YamlScalarNode { IsNull: true })
        {
            return EquatableArray<LineageReference>.Empty;
        }

        var path = "metadata.lineage." + direction;
        if (entry.Value is not YamlSequenceNode list)
        {
            diagnostics.Report(DiagnosticCatalog.WrongType, entry.Value.Span, path, path, "a list of \"<kind>: <name>\" entries", entry.Value.TypeDescription);
            return EquatableArray<LineageReference>.Empty;
        }

        var result = new List<LineageReference>();
        foreach (var item in list.Items)
        {
            if (read.TryGetValue(item, out var known))
            {
                if (known.Reference is not null)
                {
                    result.Add(known.Reference);
                    spans.Lineage.Add(new LineageSyntax(known.Reference, direction, item.Span, known.NameSpan));
                }

                continue;
            }

            var (reference, nameSpan) = ReadLineage(item, path, diagnostics);
            read[item] = (reference, nameSpan);
            if (reference is not null)
            {
                result.Add(reference);
                spans.Lineage.Add(new LineageSyntax(reference, direction, item.Span, nameSpan));
            }
        }

        return result.ToEquatableArray();
    }

    private static (LineageReference? Reference, SourceSpan? NameSpan) ReadLineage(YamlNode item, string path, DiagnosticBag diagnostics)
    {
        // YAML reads an unquoted "pipeline: x" list item as a one-key mapping; accept that spelling too.
        var text = item switch
        {
            YamlScalarNode { IsString: true } s => s.Value,
            YamlMappingNode { Entries.Count: 1 } m when m.Entries[0].KeyText is { } k && m.Entries[0].Value is YamlScalarNode { IsString: true } v => k + ": " + v.Value,
            _ => null,
        };
        var match = text is null ? null : LineageEntry.Match(text);
        if (match is null || !match.Success)
        {
            diagnostics.Report(DiagnosticCatalog.InvalidLineageReference, item.Span, path, text is null ? item.TypeDescription : MessageText.Excerpt(text));
            return (null, null);
        }

        var kind = match.Groups["kind"].Value;
        var reference = new LineageReference(kind, match.Groups["name"].Value);
        var (kindSpan, nameSpan) = LineageParts(item, match);
        if (Array.IndexOf(LineageKinds, kind) < 0)
        {
            var hint = Suggestions.DidYouMean(kind, LineageKinds, out var meant);
            diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownLineageKind, item.Span, path, OmlSuggestion.ForPart(kindSpan, meant), MessageText.Excerpt(kind), hint, string.Join(", ", LineageKinds));
        }

        return (reference, nameSpan);
    }

    /// <summary>Where the kind and the name of a lineage entry are written, when they are written verbatim.</summary>
    private static (SourceSpan? Kind, SourceSpan? Name) LineageParts(YamlNode item, Match match)
    {
        Group kind = match.Groups["kind"], name = match.Groups["name"];
        switch (item)
        {
            case YamlScalarNode scalar:
                return (OmlSuggestion.PartSpan(scalar, kind.Index, kind.Length), OmlSuggestion.PartSpan(scalar, name.Index, name.Length));
            case YamlMappingNode { Entries.Count: 1 } map when map.Entries[0].Key is YamlScalarNode key && map.Entries[0].Value is YamlScalarNode value:
                // The entry was matched as "key: value"; the name starts after the key and ": ".
                return (OmlSuggestion.PartSpan(key, kind.Index, kind.Length), OmlSuggestion.PartSpan(value, name.Index - key.Value.Length - 2, name.Length));
            default:
                return (null, null);
        }
    }

    private static EquatableArray<NotificationModel> BindNotifications(YamlEntry? entry, DiagnosticBag diagnostics)
    {
        if (entry is null || entry.Value is YamlScalarNode { IsNull: true })
        {
            return EquatableArray<NotificationModel>.Empty;
        }

        if (entry.Value is not YamlMappingNode events)
        {
            diagnostics.Report(DiagnosticCatalog.WrongType, entry.Value.Span, "metadata.notifications", "metadata.notifications", "a mapping of events (on_failure, ...) to lists of targets", entry.Value.TypeDescription);
            return EquatableArray<NotificationModel>.Empty;
        }

        var result = new List<NotificationModel>();
        foreach (var e in events.Entries)
        {
            if (e.KeyText is not { } name || OmlKeys.IsExtension(name))
            {
                continue;
            }

            var path = "metadata.notifications." + name;
            if (Array.IndexOf(NotificationEvents, name) < 0)
            {
                var hint = Suggestions.DidYouMean(name, NotificationEvents, out var meant);
                diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownNotificationEvent, e.Key.Span, path, OmlSuggestion.ForScalar(e.Key, meant), MessageText.Excerpt(name), hint);
                continue;
            }

            if (e.Value is YamlScalarNode { IsNull: true })
            {
                continue;
            }

            if (e.Value is not YamlSequenceNode targets)
            {
                diagnostics.Report(DiagnosticCatalog.WrongType, e.Value.Span, path, path, "a list such as [{email: oncall@company.com}]", e.Value.TypeDescription);
                continue;
            }

            foreach (var target in targets.Items)
            {
                if (NotificationTarget(target, diagnostics, path) is { } t)
                {
                    result.Add(new NotificationModel(name, t.Channel, t.Target));
                }
            }
        }

        return result.ToEquatableArray();
    }

    private static (string Channel, string Target)? NotificationTarget(YamlNode node, DiagnosticBag diagnostics, string path)
    {
        if (node is not YamlMappingNode { Entries.Count: 1 } map || map.Entries[0].KeyText is not { } channel)
        {
            diagnostics.Report(DiagnosticCatalog.InvalidNotification, node.Span, path, "must be one of {email: ...}, {slack: ...}, {pagerduty: ...} or {webhook: ...}, one per list item");
            return null;
        }

        var value = map.Entries[0].Value as YamlScalarNode;
        var text = value is { IsString: true } ? value.Value.Trim() : null;
        var span = map.Entries[0].Value.Span;
        string? meant = null;
        string? problem = channel switch
        {
            _ when Array.IndexOf(NotificationChannels, channel) < 0
                => $"channel '{MessageText.Excerpt(channel)}' is not known{Suggestions.DidYouMean(channel, NotificationChannels, out meant)}; use email, slack, pagerduty or webhook",
            "email" when text is null || !Email.IsMatch(text)
                => $"email '{MessageText.Excerpt(text ?? value?.Value ?? map.Entries[0].Value.TypeDescription)}' is not an e-mail address",
            "slack" when text is null || !(SlackChannel.IsMatch(text) || IsHttpsUrl(text, "hooks.slack.com"))
                => $"slack '{MessageText.Excerpt(text ?? string.Empty)}' is neither a channel such as #data-alerts (lowercase, no spaces) nor an https://hooks.slack.com/ webhook",
            "pagerduty" when text is null || text.Length == 0 || text.Any(char.IsWhiteSpace)
                => $"pagerduty '{MessageText.Excerpt(text ?? string.Empty)}' must be a service name or integration key without spaces",
            "webhook" when text is null || !IsHttpsUrl(text, null)
                => $"webhook '{MessageText.Excerpt(text ?? string.Empty)}' must be an https:// URL (plain http would send alerts unencrypted)",
            _ => null,
        };
        if (problem is not null)
        {
            diagnostics.ReportWithSuggestion(DiagnosticCatalog.InvalidNotification, Array.IndexOf(NotificationChannels, channel) < 0 ? map.Entries[0].Key.Span : span, path + "." + channel, OmlSuggestion.ForScalar(map.Entries[0].Key, meant), problem);
            return null;
        }

        return (channel, text!);
    }

    private static bool IsHttpsUrl(string text, string? host)
        => Uri.TryCreate(text, UriKind.Absolute, out var uri)
           && uri.Scheme == "https"
           && (host is null || string.Equals(uri.Host, host, StringComparison.OrdinalIgnoreCase));

    private static string? OptionalText(YamlMappingNode metadata, string key, DiagnosticBag diagnostics, string expected)
    {
        if (metadata.GetEntry(key) is not { } entry || entry.Value is YamlScalarNode { IsNull: true })
        {
            return null;
        }

        if (entry.Value is YamlScalarNode { IsString: true } s)
        {
            return s.Value;
        }

        diagnostics.Report(DiagnosticCatalog.WrongType, entry.Value.Span, "metadata." + key, "metadata." + key, expected, entry.Value.TypeDescription);
        return null;
    }
}
