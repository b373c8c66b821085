using System.Collections.Generic;
using System.Linq;
using Osiris.Oml.Collections;
using Osiris.Oml.Components;
using Osiris.Oml.Export.Json;
using Osiris.Oml.Export.Python;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Syntax;
using Osiris.Oml.Time;

namespace Osiris.Oml.Export.Oml;

/// <summary>
/// Writes a pipeline model as <c>.oml</c> text: deterministic (fixed key order, LF, two-space indent)
/// and faithful, so that analyzing the text gives back an equal model
/// (<c>OmlEngine.AnalyzeFile(path, Write(m)).Pipeline == m</c> for every model the engine builds).
/// Strings are double-quoted with escapes, or literal blocks when they are plain multi-line text;
/// other scalars keep their text, with a tag (<c>!!int "0x1F"</c>) when the text alone would not
/// resolve to their type. Defaults the binder fills in (retry attempts 0, delay 0s, fixed backoff,
/// offset 0s) are left out, so the text stays as short as the model allows.
/// </summary>
public static class OmlWriter
{
    /// <summary>The <c>.oml</c> text of <paramref name="pipeline"/>.</summary>
    public static string Write(PipelineModel pipeline)
    {
        var w = new SourceWriter("  ");
        Scalar(w, "oml_version", pipeline.OmlVersion);
        Scalar(w, "name", pipeline.Name);
        Scalar(w, "description", pipeline.Description);
        if (pipeline.Params is { } parameters)
        {
            Value(w, "params", parameters);
        }

        if (pipeline.Schedule is { } schedule)
        {
            WriteSchedule(w, schedule);
        }

        if (pipeline.Metadata is { } metadata)
        {
            WriteMetadata(w, metadata);
        }

        if (pipeline.Steps.IsEmpty)
        {
            w.Line("steps: []");
        }
        else
        {
            w.Line("steps:");
            foreach (var step in pipeline.Steps)
            {
                var item = new List<(string Key, OmlValue? Value)>
                {
                    ("id", Str(step.Id)),
                    ("component", Str(step.Component)),
                    ("mode", Str(step.Mode is { } mode ? OmlModes.ToText(mode) : null)),
                };
                if (!step.Needs.IsEmpty)
                {
                    item.Add(("needs", new OmlList(step.Needs.Select(n => (OmlValue)new OmlScalar(n, YamlScalarType.String)).ToEquatableArray())));
                }

                item.Add(("config", step.Config));
                ListItem(w, item.Where(x => x.Value is not null).Select(x => (x.Key, x.Value!)).ToList());
            }
        }

        return w.ToString();
    }

    private static void WriteSchedule(SourceWriter w, ScheduleModel s)
    {
        w.Line("schedule:");
        w.Indent++;
        Scalar(w, "type", s.Kind == ScheduleKind.Interval ? "interval" : "cron");
        Scalar(w, "expression", s.Expression);
        Duration(w, "every", s.Every);
        Scalar(w, "timezone", s.TimeZone);
        Scalar(w, "start", s.Start);
        if (s.Retry is { } r)
        {
            var parts = new List<string>();
            if (r.Attempts != 0)
            {
                parts.Add("attempts: " + r.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (!r.Delay.IsZero)
            {
                parts.Add("delay: " + YamlText.Quote(r.Delay.ToString()));
            }

            if (r.Backoff != BackoffKind.Fixed)
            {
                parts.Add("backoff: " + YamlText.Quote(PipelineJson.Backoff(r.Backoff)));
            }

            if (r.MaxDelay is { } max)
            {
                parts.Add("max_delay: " + YamlText.Quote(max.ToString()));
            }

            w.Line("retry: {" + string.Join(", ", parts) + "}");
        }

        Duration(w, "timeout", s.Timeout);
        if (s.Concurrency is { } c)
        {
            w.Line("concurrency: " + c.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (s.Catchup is { } catchup)
        {
            w.Line("catchup: " + (catchup ? "true" : "false"));
        }

        if (s.Window is { } win)
        {
            w.Line("window:");
            w.Indent++;
            Scalar(w, "type", win.Kind == WindowKind.Tumbling ? "tumbling" : "sliding");
            Duration(w, "size", win.Size);
            if (!win.Offset.IsZero)
            {
                Duration(w, "offset", win.Offset);
            }

            Scalar(w, "field", win.Field);
            w.Indent--;
        }

        w.Indent--;
    }

    private static void WriteMetadata(SourceWriter w, MetadataModel m)
    {
        var empty = m.Owner is null && m.Team is null && m.Sla is null && m.Criticality is null && m.Description is null
            && m.Tags.IsEmpty && m.Tests.IsEmpty && m.Upstream.IsEmpty && m.Downstream.IsEmpty && m.Notifications.IsEmpty;
        if (empty)
        {
            w.Line("metadata: {}");
            return;
        }

        w.Line("metadata:");
        w.Indent++;
        Scalar(w, "owner", m.Owner);
        Scalar(w, "team", m.Team);
        Duration(w, "sla", m.Sla);
        Scalar(w, "criticality", m.Criticality is { } c ? PipelineJson.CriticalityText(c) : null);
        Scalar(w, "description", m.Description);
        if (!m.Tags.IsEmpty)
        {
            Value(w, "tags", new OmlList(m.Tags.Select(t => (OmlValue)new OmlScalar(t, YamlScalarType.String)).ToEquatableArray()));
        }

        if (!m.Tests.IsEmpty)
        {
            w.Line("tests:");
            w.Indent++;
            foreach (var t in m.Tests)
            {
                var item = new List<(string, OmlValue)> { ("type", new OmlScalar(t.Type, YamlScalarType.String)) };
                item.AddRange(t.Settings.Select(p => (p.Key, p.Value)));
                ListItem(w, item);
            }

            w.Indent--;
        }

        if (!m.Upstream.IsEmpty || !m.Downstream.IsEmpty)
        {
            w.Line("lineage:");
            w.Indent++;
            foreach (var (key, list) in new[] { ("upstream", m.Upstream), ("downstream", m.Downstream) })
            {
                if (!list.IsEmpty)
                {
                    Value(w, key, new OmlList(list.Select(r => (OmlValue)new OmlScalar(r.ToString(), YamlScalarType.String)).ToEquatableArray()));
                }
            }

            w.Indent--;
        }

        if (!m.Notifications.IsEmpty)
        {
            w.Line("notifications:");
            w.Indent++;
            foreach (var group in m.Notifications.GroupBy(n => n.Event))
            {
                w.Line(Key(group.Key) + ":");
                foreach (var n in group)
                {
                    w.Line("- {" + Key(n.Channel) + ": " + YamlText.Quote(n.Target) + "}");
                }
            }

            w.Indent--;
        }

        w.Indent--;
    }

    private static OmlValue? Str(string? text) => text is null ? null : new OmlScalar(text, YamlScalarType.String);

    private static void Scalar(SourceWriter w, string key, string? value)
    {
        if (value is not null)
        {
            Value(w, key, new OmlScalar(value, YamlScalarType.String));
        }
    }

    private static void Duration(SourceWriter w, string key, OmlDuration? value)
    {
        if (value is { } d)
        {
            // The OML spelling reads back as the same duration (days stay calendar days); the JSON form
            // covers a model whose parts disagree in sign, which no OML text produces.
            w.Line(Key(key) + ": " + YamlText.Quote(d.ToString()));
        }
    }

    /// <summary>
    /// <c>key: value</c> at the current depth, nested values on the lines below; with <paramref name="dash"/>,
    /// the key line is the first line of a list item (<c>- key: value</c>, one level up).
    /// </summary>
    private static void Value(SourceWriter w, string key, OmlValue value, bool dash = false)
    {
        void KeyLine(string text)
        {
            if (dash)
            {
                w.LineAt(w.Indent - 1, "- " + text);
            }
            else
            {
                w.Line(text);
            }
        }

        switch (value)
        {
            case OmlScalar s:
                if (s.Type == YamlScalarType.String && YamlText.FitsLiteralBlock(s.Text))
                {
                    KeyLine(Key(key) + ": " + YamlText.LiteralHeader(s.Text));
                    Literal(w, s.Text);
                }
                else
                {
                    var text = ScalarText(s);
                    KeyLine(Key(key) + (text.Length == 0 ? ":" : ": " + text));
                }

                break;
            case OmlList { Items.IsEmpty: true }:
                KeyLine(Key(key) + ": []");
                break;
            case OmlMap { Properties.IsEmpty: true }:
                KeyLine(Key(key) + ": {}");
                break;
            case OmlList l:
                KeyLine(Key(key) + ":");
                w.Indent++;
                foreach (var item in l.Items)
                {
                    Item(w, item);
                }

                w.Indent--;
                break;
            case OmlMap m:
                KeyLine(Key(key) + ":");
                w.Indent++;
                foreach (var p in m.Properties)
                {
                    Value(w, p.Key, p.Value);
                }

                w.Indent--;
                break;
        }
    }

    /// <summary>A list item <c>- value</c>.</summary>
    private static void Item(SourceWriter w, OmlValue value)
    {
        switch (value)
        {
            case OmlScalar s when s.Type == YamlScalarType.String && YamlText.FitsLiteralBlock(s.Text):
                w.Line("- " + YamlText.LiteralHeader(s.Text));
                w.Indent++;
                Literal(w, s.Text);
                w.Indent--;
                break;
            case OmlScalar s:
                var text = ScalarText(s);
                w.Line(text.Length == 0 ? "-" : "- " + text);
                break;
            case OmlList { Items.IsEmpty: true }:
                w.Line("- []");
                break;
            case OmlMap { Properties.IsEmpty: true }:
                w.Line("- {}");
                break;
            case OmlList l:
                w.Line("-");
                w.Indent++;
                foreach (var item in l.Items)
                {
                    Item(w, item);
                }

                w.Indent--;
                break;
            case OmlMap m:
                ListItem(w, m.Properties.Select(p => (p.Key, p.Value)).ToList());
                break;
        }
    }

    /// <summary>A list item that is a mapping: <c>- key: value</c>, the other keys aligned below it.</summary>
    private static void ListItem(SourceWriter w, List<(string Key, OmlValue Value)> entries)
    {
        if (entries.Count == 0)
        {
            w.Line("- {}");
            return;
        }

        w.Indent++;
        for (var i = 0; i < entries.Count; i++)
        {
            Value(w, entries[i].Key, entries[i].Value, dash: i == 0);
        }

        w.Indent--;
    }

    private static void Literal(SourceWriter w, string text)
    {
        w.Indent++;
        var body = text.EndsWith("\n", System.StringComparison.Ordinal) ? text.Substring(0, text.Length - 1) : text;
        foreach (var line in body.Split('\n'))
        {
            w.Line(line);
        }

        w.Indent--;
    }

    /// <summary>A scalar on one line: quoted string, or the text of another type (tagged when needed).</summary>
    private static string ScalarText(OmlScalar s)
    {
        if (s.Type == YamlScalarType.String)
        {
            return YamlText.Quote(s.Text);
        }

        return YamlScalarResolver.Resolve(s.Text, YamlScalarStyle.Plain, null) == s.Type && PlainSafe(s.Text)
            ? s.Text
            : YamlText.Tag(s.Type) + " " + YamlText.Quote(s.Text);
    }

    /// <summary>Whether a number, boolean or null text can stand unquoted (it resolves alike and holds no YAML syntax).</summary>
    private static bool PlainSafe(string text)
    {
        foreach (var c in text)
        {
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '.' or '+' or '-' or '~' or '_'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A mapping key: plain when it is a simple word YAML reads as a string, quoted otherwise.</summary>
    private static string Key(string key)
    {
        var simple = key.Length > 0 && (char.IsLetter(key[0]) || key[0] == '_')
            && key.All(c => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c is '_' or '-' or '.')
            && YamlScalarResolver.Resolve(key, YamlScalarStyle.Plain, null) == YamlScalarType.String;
        return simple ? key : YamlText.Quote(key);
    }
}
