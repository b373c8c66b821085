using System;
using System.Collections.Generic;
using Osiris.Oml.Collections;
using Osiris.Oml.Components;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Syntax;
using Osiris.Oml.Time;

namespace Osiris.Oml.Export.Json;

/// <summary>
/// The whole <see cref="PipelineModel"/> as JSON and back, losslessly: <c>FromJson(ToJson(m)) == m</c>
/// for every model. Configuration values keep their YAML type: a string is a JSON string, a plain
/// <c>true</c>/<c>false</c>, decimal integer or <c>null</c> is the JSON value, and any other scalar
/// (<c>0x1F</c>, <c>.inf</c>, <c>~</c>, a tagged value) is <c>{"$yaml:int": "0x1F"}</c>. Mapping keys
/// that start with <c>$</c> are written with a second <c>$</c>, so no user key can look like that form.
/// </summary>
internal static class PipelineJson
{
    private const string TypedPrefix = "$yaml:";

    /// <summary>The JSON of <paramref name="model"/>.</summary>
    public static JsonObject ToJson(PipelineModel model)
    {
        var steps = new JsonArray();
        foreach (var step in model.Steps)
        {
            steps.Add(new JsonObject()
                .Add("id", Text(step.Id))
                .Add("component", Text(step.Component))
                .Add("mode", Text(step.Mode is { } m ? OmlModes.ToText(m) : null))
                .Add("needs", Strings(step.Needs))
                .Add("config", Value(step.Config)));
        }

        return new JsonObject()
            .Add("source", new JsonString(model.SourcePath))
            .Add("oml_version", Text(model.OmlVersion))
            .Add("name", Text(model.Name))
            .Add("description", Text(model.Description))
            .Add("params", model.Params is null ? new JsonNull() : Value(model.Params))
            .Add("schedule", model.Schedule is null ? new JsonNull() : Schedule(model.Schedule))
            .Add("metadata", model.Metadata is null ? new JsonNull() : Metadata(model.Metadata))
            .Add("steps", steps);
    }

    private static JsonObject Schedule(ScheduleModel s)
    {
        var retry = s.Retry is null
            ? (JsonNode)new JsonNull()
            : new JsonObject()
                .Add("attempts", new JsonNumber(s.Retry.Attempts))
                .Add("delay", Duration(s.Retry.Delay))
                .Add("backoff", new JsonString(Backoff(s.Retry.Backoff)))
                .Add("max_delay", Duration(s.Retry.MaxDelay));
        var window = s.Window is null
            ? (JsonNode)new JsonNull()
            : new JsonObject()
                .Add("type", new JsonString(s.Window.Kind == WindowKind.Tumbling ? "tumbling" : "sliding"))
                .Add("size", Duration(s.Window.Size))
                .Add("offset", Duration(s.Window.Offset))
                .Add("field", Text(s.Window.Field));
        return new JsonObject()
            .Add("type", new JsonString(s.Kind == ScheduleKind.Interval ? "interval" : "cron"))
            .Add("expression", Text(s.Expression))
            .Add("every", Duration(s.Every))
            .Add("timezone", new JsonString(s.TimeZone))
            .Add("start", Text(s.Start))
            .Add("retry", retry)
            .Add("timeout", Duration(s.Timeout))
            .Add("concurrency", s.Concurrency is { } c ? new JsonNumber(c) : new JsonNull())
            .Add("catchup", s.Catchup is { } b ? new JsonBool(b) : new JsonNull())
            .Add("window", window);
    }

    private static JsonObject Metadata(MetadataModel m)
    {
        var tests = new JsonArray();
        foreach (var t in m.Tests)
        {
            tests.Add(new JsonObject().Add("type", new JsonString(t.Type)).Add("settings", Value(new OmlMap(t.Settings))));
        }

        var notifications = new JsonArray();
        foreach (var n in m.Notifications)
        {
            notifications.Add(new JsonObject()
                .Add("event", new JsonString(n.Event))
                .Add("channel", new JsonString(n.Channel))
                .Add("target", new JsonString(n.Target)));
        }

        return new JsonObject()
            .Add("owner", Text(m.Owner))
            .Add("team", Text(m.Team))
            .Add("sla", Duration(m.Sla))
            .Add("criticality", Text(m.Criticality is { } c ? CriticalityText(c) : null))
            .Add("description", Text(m.Description))
            .Add("tags", Strings(m.Tags))
            .Add("tests", tests)
            .Add("upstream", Lineage(m.Upstream))
            .Add("downstream", Lineage(m.Downstream))
            .Add("notifications", notifications);
    }

    private static JsonArray Lineage(EquatableArray<LineageReference> references)
    {
        var result = new JsonArray();
        foreach (var r in references)
        {
            result.Add(new JsonArray().Add(new JsonString(r.Kind)).Add(new JsonString(r.Name)));
        }

        return result;
    }

    /// <summary>A configuration value (see the class remarks).</summary>
    public static JsonNode Value(OmlValue value)
    {
        switch (value)
        {
            case OmlScalar s:
                return s.Type switch
                {
                    YamlScalarType.String => new JsonString(s.Text),
                    YamlScalarType.Boolean when s.Text is "true" or "false" => new JsonBool(s.Text == "true"),
                    YamlScalarType.Integer when IsCanonicalInteger(s.Text) => new JsonNumber(s.Text),
                    YamlScalarType.Null when s.Text == "null" => new JsonNull(),
                    _ => new JsonObject().Add(TypedPrefix + TypeName(s.Type), new JsonString(s.Text)),
                };
            case OmlList l:
                var array = new JsonArray();
                foreach (var item in l.Items)
                {
                    array.Add(Value(item));
                }

                return array;
            case OmlMap m:
                var obj = new JsonObject();
                foreach (var p in m.Properties)
                {
                    obj.Add(p.Key.StartsWith("$", StringComparison.Ordinal) ? "$" + p.Key : p.Key, Value(p.Value));
                }

                return obj;
            default:
                return new JsonNull();
        }
    }

    private static bool IsCanonicalInteger(string text)
    {
        var digits = text.StartsWith("-", StringComparison.Ordinal) ? text.Substring(1) : text;
        if (digits.Length == 0 || digits.Length > 18 || (digits.Length > 1 && digits[0] == '0') || (text.Length > digits.Length && digits == "0"))
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (c < '0' || c > '9')
            {
                return false;
            }
        }

        return true;
    }

    private static JsonNode Text(string? value) => value is null ? new JsonNull() : new JsonString(value);

    private static JsonArray Strings(EquatableArray<string> values)
    {
        var result = new JsonArray();
        foreach (var v in values)
        {
            result.Add(new JsonString(v));
        }

        return result;
    }

    /// <summary>A duration as its OML spelling when that reads back equal, else <c>{"days": d, "seconds": s}</c>.</summary>
    private static JsonNode Duration(OmlDuration? duration)
    {
        if (duration is not { } d)
        {
            return new JsonNull();
        }

        var text = d.ToString();
        return OmlDuration.Parse(text) == d
            ? new JsonString(text)
            : new JsonObject().Add("days", new JsonNumber(d.Days)).Add("seconds", new JsonNumber(d.Seconds));
    }

    internal static string Backoff(BackoffKind kind) => kind switch
    {
        BackoffKind.Linear => "linear",
        BackoffKind.Exponential => "exponential",
        _ => "fixed",
    };

    internal static string CriticalityText(Criticality c) => c switch
    {
        Criticality.Low => "low",
        Criticality.Medium => "medium",
        Criticality.High => "high",
        _ => "critical",
    };

    private static string TypeName(YamlScalarType type) => type switch
    {
        YamlScalarType.Null => "null",
        YamlScalarType.Boolean => "bool",
        YamlScalarType.Integer => "int",
        YamlScalarType.Float => "float",
        _ => "str",
    };

    // ---- reading -----------------------------------------------------------------------------

    /// <summary>The model in <paramref name="json"/>; throws <see cref="JsonShapeException"/> at the node that is wrong.</summary>
    public static PipelineModel FromJson(JsonNode json)
    {
        var o = Object(json, "the pipeline");
        var steps = new List<StepModel>();
        foreach (var item in Array(Member(o, "steps"), "steps"))
        {
            var s = Object(item, "a step");
            var modeText = OptionalString(s, "mode");
            OmlMode? mode = null;
            if (modeText is not null)
            {
                if (!OmlModes.TryParse(modeText, out var parsed))
                {
                    throw new JsonShapeException("mode must be read, write or transform", s["mode"]!);
                }

                mode = parsed;
            }

            var config = ReadValue(Member(s, "config"));
            steps.Add(new StepModel(
                OptionalString(s, "id"),
                OptionalString(s, "component"),
                mode,
                StringArray(Member(s, "needs"), "needs"),
                config as OmlMap ?? throw new JsonShapeException("config must be an object", Member(s, "config"))));
        }

        var paramsNode = o["params"];
        OmlMap? parameters = null;
        if (paramsNode is not null and not JsonNull)
        {
            parameters = ReadValue(paramsNode) as OmlMap ?? throw new JsonShapeException("params must be an object", paramsNode);
        }

        return new PipelineModel(
            RequiredString(o, "source"),
            OptionalString(o, "oml_version"),
            OptionalString(o, "name"),
            OptionalString(o, "description"),
            steps.ToEquatableArray(),
            o["schedule"] is JsonObject schedule ? ReadSchedule(schedule) : NullOr<ScheduleModel>(o["schedule"], "schedule"),
            o["metadata"] is JsonObject metadata ? ReadMetadata(metadata) : NullOr<MetadataModel>(o["metadata"], "metadata"),
            parameters);
    }

    private static ScheduleModel ReadSchedule(JsonObject s)
    {
        var type = RequiredString(s, "type");
        var kind = type switch
        {
            "cron" => ScheduleKind.Cron,
            "interval" => ScheduleKind.Interval,
            _ => throw new JsonShapeException("schedule type must be cron or interval", s["type"]!),
        };
        RetryPolicy? retry = null;
        if (s["retry"] is JsonObject r)
        {
            var backoff = RequiredString(r, "backoff") switch
            {
                "fixed" => BackoffKind.Fixed,
                "linear" => BackoffKind.Linear,
                "exponential" => BackoffKind.Exponential,
                _ => throw new JsonShapeException("backoff must be fixed, linear or exponential", r["backoff"]!),
            };
            retry = new RetryPolicy(
                (int)Integer(Member(r, "attempts"), "attempts"),
                ReadDuration(Member(r, "delay")) ?? throw new JsonShapeException("delay must be a duration", Member(r, "delay")),
                backoff,
                ReadDuration(r["max_delay"]));
        }
        else
        {
            NullOr<RetryPolicy>(s["retry"], "retry");
        }

        WindowModel? window = null;
        if (s["window"] is JsonObject w)
        {
            var windowKind = RequiredString(w, "type") switch
            {
                "sliding" => WindowKind.Sliding,
                "tumbling" => WindowKind.Tumbling,
                _ => throw new JsonShapeException("window type must be sliding or tumbling", w["type"]!),
            };
            window = new WindowModel(
                windowKind,
                ReadDuration(w["size"]),
                ReadDuration(Member(w, "offset")) ?? throw new JsonShapeException("offset must be a duration", Member(w, "offset")),
                OptionalString(w, "field"));
        }
        else
        {
            NullOr<WindowModel>(s["window"], "window");
        }

        var concurrency = s["concurrency"] is JsonNumber c ? (int?)Integer(c, "concurrency") : NullOr<int?>(s["concurrency"], "concurrency");
        bool? catchup = s["catchup"] switch
        {
            JsonBool b => b.Value,
            null or JsonNull => null,
            var other => throw new JsonShapeException("catchup must be true, false or null", other),
        };
        return new ScheduleModel(
            kind,
            OptionalString(s, "expression"),
            ReadDuration(s["every"]),
            RequiredString(s, "timezone"),
            OptionalString(s, "start"),
            retry,
            ReadDuration(s["timeout"]),
            concurrency,
            catchup,
            window);
    }

    private static MetadataModel ReadMetadata(JsonObject m)
    {
        Criticality? criticality = OptionalString(m, "criticality") switch
        {
            null => null,
            "low" => Criticality.Low,
            "medium" => Criticality.Medium,
            "high" => Criticality.High,
            "critical" => Criticality.Critical,
            _ => throw new JsonShapeException("criticality must be low, medium, high or critical", m["criticality"]!),
        };
        var tests = new List<DataTestModel>();
        foreach (var item in Array(Member(m, "tests"), "tests"))
        {
            var t = Object(item, "a test");
            var settings = ReadValue(Member(t, "settings")) as OmlMap ?? throw new JsonShapeException("settings must be an object", Member(t, "settings"));
            tests.Add(new DataTestModel(RequiredString(t, "type"), settings.Properties));
        }

        var notifications = new List<NotificationModel>();
        foreach (var item in Array(Member(m, "notifications"), "notifications"))
        {
            var n = Object(item, "a notification");
            notifications.Add(new NotificationModel(RequiredString(n, "event"), RequiredString(n, "channel"), RequiredString(n, "target")));
        }

        return new MetadataModel(
            OptionalString(m, "owner"),
            OptionalString(m, "team"),
            ReadDuration(m["sla"]),
            criticality,
            OptionalString(m, "description"),
            StringArray(Member(m, "tags"), "tags"),
            tests.ToEquatableArray(),
            ReadLineage(Member(m, "upstream")),
            ReadLineage(Member(m, "downstream")),
            notifications.ToEquatableArray());
    }

    private static EquatableArray<LineageReference> ReadLineage(JsonNode node)
    {
        var result = new List<LineageReference>();
        foreach (var item in Array(node, "lineage"))
        {
            if (item is not JsonArray { Items.Count: 2 } pair || pair.Items[0] is not JsonString kind || pair.Items[1] is not JsonString name)
            {
                throw new JsonShapeException("a lineage entry must be [kind, name]", item);
            }

            result.Add(new LineageReference(kind.Value, name.Value));
        }

        return result.ToEquatableArray();
    }

    /// <summary>A configuration value from its JSON form.</summary>
    public static OmlValue ReadValue(JsonNode node)
    {
        switch (node)
        {
            case JsonString s:
                return new OmlScalar(s.Value, YamlScalarType.String);
            case JsonBool b:
                return new OmlScalar(b.Value ? "true" : "false", YamlScalarType.Boolean);
            case JsonNumber n:
                return new OmlScalar(n.Text, YamlScalarType.Integer);
            case JsonNull:
                return new OmlScalar("null", YamlScalarType.Null);
            case JsonArray a:
                var items = new List<OmlValue>();
                foreach (var item in a.Items)
                {
                    items.Add(ReadValue(item));
                }

                return new OmlList(items.ToEquatableArray());
            case JsonObject { Members.Count: 1 } typed when typed.Members[0].Key.StartsWith(TypedPrefix, StringComparison.Ordinal):
                var type = typed.Members[0].Key.Substring(TypedPrefix.Length) switch
                {
                    "null" => YamlScalarType.Null,
                    "bool" => YamlScalarType.Boolean,
                    "int" => YamlScalarType.Integer,
                    "float" => YamlScalarType.Float,
                    "str" => YamlScalarType.String,
                    _ => throw new JsonShapeException("unknown YAML type " + typed.Members[0].Key, typed),
                };
                return typed.Members[0].Value is JsonString text
                    ? new OmlScalar(text.Value, type)
                    : throw new JsonShapeException("a typed value must be a string", typed.Members[0].Value);
            case JsonObject o:
                var properties = new List<OmlProperty>();
                foreach (var member in o.Members)
                {
                    var key = member.Key.StartsWith("$$", StringComparison.Ordinal) ? member.Key.Substring(1) : member.Key;
                    properties.Add(new OmlProperty(key, ReadValue(member.Value)));
                }

                return new OmlMap(properties.ToEquatableArray());
            default:
                throw new JsonShapeException("expected a value", node);
        }
    }

    private static OmlDuration? ReadDuration(JsonNode? node)
    {
        switch (node)
        {
            case null or JsonNull:
                return null;
            case JsonString s:
                return OmlDuration.Parse(s.Value) ?? throw new JsonShapeException($"'{s.Value}' is not a duration", s);
            case JsonObject o:
                return new OmlDuration((int)Integer(Member(o, "days"), "days"), Integer(Member(o, "seconds"), "seconds", long.MinValue, long.MaxValue));
            default:
                throw new JsonShapeException("expected a duration", node);
        }
    }

    private static JsonObject Object(JsonNode node, string what)
        => node as JsonObject ?? throw new JsonShapeException(what + " must be an object", node);

    private static List<JsonNode> Array(JsonNode node, string what)
        => (node as JsonArray ?? throw new JsonShapeException(what + " must be an array", node)).Items;

    private static JsonNode Member(JsonObject o, string key)
        => o[key] ?? throw new JsonShapeException($"'{key}' is missing", o);

    private static string RequiredString(JsonObject o, string key)
        => Member(o, key) is JsonString s ? s.Value : throw new JsonShapeException($"'{key}' must be a string", Member(o, key));

    private static string? OptionalString(JsonObject o, string key) => o[key] switch
    {
        null or JsonNull => null,
        JsonString s => s.Value,
        var other => throw new JsonShapeException($"'{key}' must be a string or null", other),
    };

    private static EquatableArray<string> StringArray(JsonNode node, string what)
    {
        var result = new List<string>();
        foreach (var item in Array(node, what))
        {
            result.Add(item is JsonString s ? s.Value : throw new JsonShapeException(what + " must hold strings", item));
        }

        return result.ToEquatableArray();
    }

    private static long Integer(JsonNode node, string what, long min = int.MinValue, long max = int.MaxValue)
        => node is JsonNumber n && n.AsInt64() is { } value && value >= min && value <= max
            ? value
            : throw new JsonShapeException(what + " must be a whole number", node);

    private static T? NullOr<T>(JsonNode? node, string what)
        => node is null or JsonNull ? default : throw new JsonShapeException(what + " has the wrong shape", node);
}

/// <summary>The block's JSON is well-formed but not a pipeline: the message and the node at fault.</summary>
internal sealed class JsonShapeException : Exception
{
    public JsonShapeException(string message, JsonNode node)
        : base(message) => Node = node;

    public JsonNode Node { get; }
}
