using CsCheck;
using Osiris.Oml.Collections;
using Osiris.Oml.Components;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Syntax;
using Osiris.Oml.Time;

namespace Osiris.Oml.Tests.Export;

/// <summary>
/// CsCheck generators of pipeline models: built-in components with their required configuration,
/// cron and interval schedules in DST zones, retries, windows, metadata, and text assembled from
/// hostile pieces (quotes, triple quotes, backslashes, line breaks, U+2028, Jinja markers, %, #, non-BMP).
/// Inline secrets are generated only as environment references (<c>${MYSQL_PASSWORD}</c>): a literal
/// secret is redacted by every export, by design (see <c>SecretRedactionTests</c>).
/// </summary>
public static class PipelineGenerators
{
    private static readonly string[] Pieces =
    {
        "a", "Z", "7", "_", "-", " ", ".", "'", "\"", "\"\"\"", "'''", "\\", "\\n", "\n", "\r\n", "\t", "\u2028", "\u2029",
        "{{ ds }}", "{% if x %}", "{#", "}}", "%s", "%(x)s", "%", "#", "# comment", "\U0001F600", "é", "ß", "\u202e", ":", "- ",
        "@", "&", "*", "!", "|", ">", "[", "]", "{", "}", ",", "?", "\0", "\u0085", "\ufeff", "`", "$", "<script>",
    };

    /// <summary>Text of hostile pieces (may be empty).</summary>
    public static Gen<string> Text { get; } = Gen.OneOf(Pieces).Array[0, 6].Select(p => string.Concat(p));

    /// <summary>Hostile text that is not blank and has no <c>${</c> (a placeholder the variables rule checks).</summary>
    public static Gen<string> Word { get; } = Text.Select(t => ("w" + t + "x").Replace("${", "$ {", StringComparison.Ordinal));

    /// <summary>Hostile text on one line with no space at either end (lineage names).</summary>
    public static Gen<string> LineWord { get; } = Word.Select(t => "n" + new string(t.Where(c => c is not ('\n' or '\r' or '\u2028' or '\u2029' or '\u0085')).ToArray()).Trim() + "m");

    private static readonly string[] Crons = { "0 2 * * *", "30 0 * * *", "*/15 * * * *", "0 */6 * * *", "15 3 * * 1-5", "0 0 1 * *", "@daily", "@hourly", "45 23 * * 0", "30 2 * * *", "0 1 * * *" };

    private static readonly string[] Zones = { "UTC", "Europe/Prague", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "America/Santiago" };

    private static readonly string[] Everies = { "15m", "30m", "1h", "90m", "6h", "7h", "1d", "2d", "24h", "45m", "5m" };

    private static readonly string[] Starts = { "2024-01-01", "2024-03-10T02:30:00", "2025-10-26T02:15", "2023-06-01T00:00:07" };

    private static OmlScalar S(string text) => new(text, YamlScalarType.String);

    private static OmlMap Map(params (string Key, OmlValue Value)[] entries) => new(entries.Select(e => new OmlProperty(e.Key, e.Value)).ToEquatableArray());

    private static Gen<OmlMap> ConfigFor(string component, bool windowVariables) => component switch
    {
        "duckdb.processor" => Word.Select(q => Map(("query", S(q)))),
        "mysql.extractor" => Gen.OneOf<OmlMap>(
            Word.Select(t => Map(("connection", S("@mysql.primary")), ("table", S(t)))),
            Word.Select(q => Map(("connection", S("@mysql.primary")), ("query", S(q + (windowVariables ? " ${window.start} ${window.end}" : string.Empty))))),
            Word.Select(t => Map(("host", S("db.internal")), ("database", S("crm")), ("user", S("etl")), ("password", S("${MYSQL_PASSWORD}")), ("table", S(t)), ("port", new OmlScalar("3306", YamlScalarType.Integer))))),
        "supabase.writer" => Word.Select(t => Map(("connection", S("@supabase.analytics")), ("table", S(t)), ("write_mode", S("append")))),
        _ => Word.Select(p => Map(("path", S("out/" + p + ".csv")), ("header", new OmlScalar("true", YamlScalarType.Boolean)))),
    };

    private static readonly (string Component, OmlMode Mode)[] Components =
    {
        ("mysql.extractor", OmlMode.Read), ("duckdb.processor", OmlMode.Transform), ("supabase.writer", OmlMode.Write), ("filesystem.csv_writer", OmlMode.Write),
    };

    private static Gen<EquatableArray<StepModel>> Steps(bool windowVariables)
        => Gen.Int[1, 4].SelectMany(count =>
            Gen.Int[0, Components.Length - 1].Array[count].SelectMany(kinds =>
                Word.Array[count].SelectMany(ids =>
                    Gen.Int[0, 3].Array[count].SelectMany(needs =>
                    {
                        var configs = kinds.Select((k, i) => ConfigFor(Components[k].Component, windowVariables && i == 0)).ToArray();
                        return Gen.Select(configs.Length == 1 ? configs[0].Select(c => new[] { c }) : CombineAll(configs), c => c).Select(cs =>
                        {
                            var unique = ids.Select((id, i) => id + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
                            return kinds.Select((k, i) => new StepModel(
                                unique[i],
                                Components[k].Component,
                                Components[k].Mode,
                                (i > 0 && needs[i] > 0 ? new[] { unique[needs[i] % i] } : Array.Empty<string>()).ToEquatableArray(),
                                cs[i])).ToEquatableArray();
                        });
                    }))));

    private static Gen<OmlMap[]> CombineAll(Gen<OmlMap>[] gens)
    {
        Gen<OmlMap[]> acc = gens[0].Select(x => new[] { x });
        for (var i = 1; i < gens.Length; i++)
        {
            var next = gens[i];
            acc = acc.SelectMany(a => next.Select(b => a.Append(b).ToArray()));
        }

        return acc;
    }

    private static Gen<OmlDuration> Duration(params string[] texts) => Gen.OneOf(texts).Select(t => OmlDuration.Parse(t)!.Value);

    private static readonly Gen<RetryPolicy?> Retry =
        from present in Gen.Int[0, 3]
        from attempts in Gen.Int[1, 5]
        from delay in Duration("0s", "30s", "5m", "300", "1h")
        from backoff in Gen.OneOf(BackoffKind.Fixed, BackoffKind.Linear, BackoffKind.Exponential)
        from max in Gen.OneOf<OmlDuration?>(null, OmlDuration.Parse("1h"), OmlDuration.Parse("1d"))
        select present == 0 ? null : new RetryPolicy(attempts, delay, backoff, max);

    private static readonly Gen<WindowModel?> Window =
        from present in Gen.Int[0, 2]
        from tumbling in Gen.Bool
        from size in Duration("24h", "1d", "2h", "15m", "7d")
        from offset in Duration("0s", "-1h", "-1d", "30m")
        from field in Word
        select present == 0 ? null : new WindowModel(tumbling ? WindowKind.Tumbling : WindowKind.Sliding, tumbling ? null : size, offset, field);

    /// <summary>A schedule: cron or interval, zone, optional start, retry, timeout, concurrency, catchup, window.</summary>
    public static Gen<ScheduleModel> Schedule { get; } =
        from interval in Gen.Int[0, 3]
        from cron in Gen.OneOf(Crons)
        from every in Duration(Everies)
        from zone in Gen.OneOf(Zones)
        from start in Gen.OneOf<string?>(null, Starts[0], Starts[1], Starts[2], Starts[3])
        from retry in Retry
        from timeout in Gen.OneOf<OmlDuration?>(null, OmlDuration.Parse("10m"), OmlDuration.Parse("3600"), OmlDuration.Parse("2h"))
        from concurrency in Gen.OneOf<int?>(null, 1, 3)
        from catchup in Gen.OneOf<bool?>(null, true, false)
        from window in Window
        select new ScheduleModel(
            interval == 0 ? ScheduleKind.Interval : ScheduleKind.Cron,
            interval == 0 ? null : cron,
            interval == 0 ? every : null,
            zone,
            start,
            retry,
            timeout,
            concurrency,
            catchup,
            window);

    private static readonly string[] Events = { "on_failure", "on_success", "on_retry", "on_sla_breach" };

    private static readonly Gen<(string Channel, string Target)> Target = Gen.OneOf<(string Channel, string Target)>(
        Gen.OneOf("oncall", "a.b+c", "{{x}}'#%", "o'brien", "x|y").Select(l => ("email", l + "@example.com")),
        Gen.OneOf("#data-alerts", "#x_1").Select(c => ("slack", c)),
        Gen.OneOf("data-platform", "P123ABC").Select(p => ("pagerduty", p)),
        Gen.OneOf("https://example.com/hook?x={{y}}&z=%25'", "https://hooks.example.org/a#b").Select(u => ("webhook", u)),
        Gen.Const<(string Channel, string Target)>(("slack", "https://hooks.slack.com/services/T000/B000/XXXX")));

    /// <summary>A metadata block; <paramref name="scheduled"/> pipelines always get an owner (OSI0301).</summary>
    public static Gen<MetadataModel> Metadata(bool scheduled) =>
        from owner in Gen.OneOf<string?>(scheduled ? "data-team@company.com" : null, "data-team@company.com", "{{o}}'%#@example.com")
        from team in Gen.OneOf<string?>(Word.Select(w => (string?)w), Gen.Const((string?)null))
        from criticality in Gen.OneOf<Criticality?>(null, Criticality.Low, Criticality.Medium, Criticality.High, Criticality.Critical)
        from description in Gen.OneOf<string?>(Text.Select(w => (string?)w), Gen.Const((string?)null))
        from tags in Word.Array[0, 4]
        from testCount in Gen.Int[0, 4]
        from expected in Word
        from upstream in LineWord.Array[0, 2]
        from downstream in LineWord.Array[0, 2]
        from kinds in Gen.OneOf("pipeline", "table", "dashboard", "topic").Array[4]
        from notifications in Gen.Select(Gen.Int[0, Events.Length - 1], Target).Array[0, 4]
        select new MetadataModel(
            owner,
            team,
            criticality is Criticality.High or Criticality.Critical ? OmlDuration.Parse("1d") : null,
            criticality,
            description,
            tags.Select((t, i) => t + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToEquatableArray(),
            new[]
            {
                new DataTestModel("row_count", new[] { new OmlProperty("min", new OmlScalar("1", YamlScalarType.Integer)), new OmlProperty("max", new OmlScalar("100", YamlScalarType.Integer)) }.ToEquatableArray()),
                new DataTestModel("schema", new[] { new OmlProperty("expected", S(expected)) }.ToEquatableArray()),
                new DataTestModel("freshness", new[] { new OmlProperty("max_age", S("25h")) }.ToEquatableArray()),
                new DataTestModel("custom", new[] { new OmlProperty("script", S("tests/check.py")) }.ToEquatableArray()),
            }.Take(testCount).ToEquatableArray(),
            upstream.Select((n, i) => new LineageReference(kinds[i], n)).ToEquatableArray(),
            downstream.Select((n, i) => new LineageReference(kinds[i + 2], n)).ToEquatableArray(),
            Group(notifications.Select(n => new NotificationModel(Events[n.Item1], n.Item2.Channel, n.Item2.Target)), criticality));

    /// <summary>Notifications grouped by event as the binder builds them; high criticality needs an on_failure one.</summary>
    private static EquatableArray<NotificationModel> Group(IEnumerable<NotificationModel> notifications, Criticality? criticality)
    {
        var list = notifications.ToList();
        if (criticality is Criticality.High or Criticality.Critical && list.All(n => n.Event != "on_failure"))
        {
            list.Add(new NotificationModel("on_failure", "email", "oncall@example.com"));
        }

        return list.GroupBy(n => n.Event).SelectMany(g => g).ToEquatableArray();
    }

    /// <summary>A whole pipeline model (not yet checked for validity).</summary>
    public static Gen<PipelineModel> Pipeline { get; } =
        from scheduled in Gen.Int[0, 4]
        from schedule in Schedule
        from name in Word
        from description in Gen.OneOf<string?>(Text.Select(t => (string?)t), Gen.Const((string?)null))
        from hasMetadata in Gen.Bool
        from metadata in Metadata(scheduled > 0)
        from param in Word
        from hasParams in Gen.Int[0, 3]
        from steps in Steps(scheduled > 0 && schedule.Window is not null)
        select new PipelineModel(
            "pipelines/generated.oml",
            "0.2.0",
            name,
            description,
            steps,
            scheduled > 0 ? schedule : null,
            scheduled > 0 || hasMetadata ? metadata : null,
            hasParams == 0 ? new OmlMap(new[] { new OmlProperty("table", Map(("default", S(param)))) }.ToEquatableArray()) : null);
}
