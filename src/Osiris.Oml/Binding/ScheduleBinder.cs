using System;
using System.Globalization;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Syntax;
using Osiris.Oml.Text;
using Osiris.Oml.Time;

namespace Osiris.Oml.Binding;

/// <summary>Where the parts of a bound schedule are written, for diagnostics of later analyses.</summary>
internal sealed class ScheduleSpans
{
    public SourceSpan Block { get; set; }

    public SourceSpan? Expression { get; set; }

    /// <summary>The offset of the expression's first character in the file (inside the quotes).</summary>
    public int? ExpressionTextStart { get; set; }

    public SourceSpan? Every { get; set; }

    public SourceSpan? TimeZone { get; set; }

    public SourceSpan? Timeout { get; set; }

    public SourceSpan? Retry { get; set; }

    public SourceSpan? RetryAttempts { get; set; }

    public SourceSpan? Concurrency { get; set; }

    public SourceSpan? Window { get; set; }

    public SourceSpan? WindowSize { get; set; }
}

/// <summary>
/// Reads the <c>schedule</c> block (OML-SPEC §2) into a <see cref="ScheduleModel"/>, reporting every
/// malformed or absurd value where it is written. The cron expression itself is checked by the
/// schedule rules, which need the calculator.
/// </summary>
internal static class ScheduleBinder
{
    private static readonly string[] Keys = OmlVocabulary.Schedule;

    private static readonly string[] RetryKeys = OmlVocabulary.Retry;

    private static readonly string[] WindowKeys = OmlVocabulary.Window;

    // What users of cron tables, Airflow, Prefect and Dagster write for the same settings.
    private static readonly (string, string)[] Synonyms =
    {
        ("cron", "expression"), ("cron_expression", "expression"), ("schedule", "expression"),
        ("tz", "timezone"), ("zone", "timezone"), ("time_zone", "timezone"), ("execution_timezone", "timezone"),
        ("interval", "every"), ("start_date", "start"), ("retries", "retry"), ("dagrun_timeout", "timeout"),
        ("max_active_runs", "concurrency"), ("concurrency_limit", "concurrency"),
    };

    private static readonly (string, string)[] RetrySynonyms =
    {
        ("retries", "attempts"), ("max_retries", "attempts"), ("retry_delay", "delay"), ("retry_delay_seconds", "delay"), ("max_retry_delay", "max_delay"),
    };

    private static readonly (string, string)[] WindowSynonyms = { ("length", "size"), ("duration", "size"), ("column", "field") };

    private static readonly (string, ScheduleKind)[] Kinds = { ("cron", ScheduleKind.Cron), ("interval", ScheduleKind.Interval) };

    private static readonly (string, BackoffKind)[] Backoffs = { ("fixed", BackoffKind.Fixed), ("linear", BackoffKind.Linear), ("exponential", BackoffKind.Exponential) };

    private static readonly (string, WindowKind)[] WindowKinds = { ("sliding", WindowKind.Sliding), ("tumbling", WindowKind.Tumbling) };

    // Beyond these a value is not a schedule anyone means: a likely unit mistake (ms for s, days for hours).
    private const long MaxTimeoutSeconds = 7 * 86_400;
    private const long MaxDelaySeconds = 86_400;
    private const int MaxAttempts = 100;
    private const int MaxConcurrency = 1_000;
    private const long MaxWindowSeconds = 366L * 86_400;

    public static (ScheduleModel? Model, ScheduleSpans Spans) Bind(YamlMappingNode schedule, DiagnosticBag diagnostics)
    {
        var spans = new ScheduleSpans { Block = schedule.Span };
        BlockReader.CheckKeys(schedule, "schedule", Keys, DiagnosticCatalog.UnknownScheduleKey, diagnostics, Synonyms);

        var typeEntry = schedule.GetEntry("type");
        var kind = typeEntry is null
            ? ScheduleKind.Cron
            : BlockReader.Keyword(typeEntry, "schedule.type", Kinds, DiagnosticCatalog.InvalidScheduleValue, diagnostics) ?? ScheduleKind.Cron;

        string? expression = null;
        var expressionEntry = schedule.GetEntry("expression");
        if (expressionEntry is not null)
        {
            if (expressionEntry.Value is YamlScalarNode { IsString: true } e)
            {
                expression = e.Value;
                spans.Expression = e.Span;
                spans.ExpressionTextStart = e.Style is YamlScalarStyle.SingleQuoted or YamlScalarStyle.DoubleQuoted ? e.Span.Start + 1 : e.Span.Start;
            }
            else
            {
                diagnostics.Report(DiagnosticCatalog.WrongType, expressionEntry.Value.Span, "schedule.expression", "schedule.expression", "a quoted cron expression such as \"0 2 * * *\"", expressionEntry.Value.TypeDescription);
            }
        }

        OmlDuration? every = null;
        var everyEntry = schedule.GetEntry("every");
        if (everyEntry is not null)
        {
            spans.Every = everyEntry.Value.Span;
            every = BlockReader.Duration(everyEntry, "schedule.every", min: 60, max: 366L * 86_400, "a duration of at least one minute such as \"15m\" or \"1h\"", DiagnosticCatalog.InvalidScheduleValue, diagnostics);
        }

        CheckExpressionPresence(schedule, kind, expressionEntry, everyEntry, diagnostics);

        var zone = "UTC";
        var zoneEntry = schedule.GetEntry("timezone");
        if (zoneEntry is not null)
        {
            if (zoneEntry.Value is YamlScalarNode { IsString: true } z)
            {
                spans.TimeZone = z.Span;
                zone = z.Value;
                if (TimeZones.Find(z.Value) is not { } found)
                {
                    var suggestion = TimeZones.Suggest(z.Value);
                    var note = suggestion is not null && suggestion.StartsWith("Etc/GMT", StringComparison.Ordinal)
                        ? $" (did you mean '{suggestion}'? tz database names invert the sign; a city zone such as Europe/Paris also follows DST)"
                        : suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)";
                    diagnostics.ReportWithSuggestion(DiagnosticCatalog.UnknownTimeZone, z.Span, "schedule.timezone", OmlSuggestion.ForScalar(z, suggestion), MessageText.Excerpt(z.Value), note, TimeZones.TzdbVersion);
                }
                else if (TimeZones.ZoneUsuallyMeantBy(z.Value) is { } meant)
                {
                    var offset = found.GetUtcOffset(NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0));
                    diagnostics.Report(DiagnosticCatalog.FixedOffsetZone, z.Span, "schedule.timezone", z.Value, Scheduling.TimeText.Offset(offset), meant);
                }
            }
            else
            {
                diagnostics.Report(DiagnosticCatalog.WrongType, zoneEntry.Value.Span, "schedule.timezone", "schedule.timezone", "an IANA time zone id such as \"Europe/Prague\"", zoneEntry.Value.TypeDescription);
            }
        }

        var start = BindStart(schedule.GetEntry("start"), diagnostics);
        var retry = BindRetry(schedule.GetEntry("retry"), diagnostics, spans);

        OmlDuration? timeout = null;
        var timeoutEntry = schedule.GetEntry("timeout");
        if (timeoutEntry is not null)
        {
            spans.Timeout = timeoutEntry.Value.Span;
            timeout = BlockReader.Duration(timeoutEntry, "schedule.timeout", min: 1, max: MaxTimeoutSeconds, "a positive duration of at most 7 days such as 3600 or \"1h\"", DiagnosticCatalog.InvalidScheduleValue, diagnostics);
        }

        int? concurrency = null;
        var concurrencyEntry = schedule.GetEntry("concurrency");
        if (concurrencyEntry is not null)
        {
            spans.Concurrency = concurrencyEntry.Value.Span;
            concurrency = Integer(concurrencyEntry, "schedule.concurrency", diagnostics, 1, MaxConcurrency, "a whole number of runs from 1 to 1000 (1 means one run at a time)");
        }

        bool? catchup = null;
        var catchupEntry = schedule.GetEntry("catchup");
        if (catchupEntry is not null)
        {
            if (catchupEntry.Value is YamlScalarNode { Type: YamlScalarType.Boolean } b)
            {
                catchup = string.Equals(b.Value, "true", StringComparison.OrdinalIgnoreCase);
            }
            else
            {
                diagnostics.Report(DiagnosticCatalog.WrongType, catchupEntry.Value.Span, "schedule.catchup", "schedule.catchup", "true or false", catchupEntry.Value.TypeDescription);
            }
        }

        var window = BindWindow(schedule.GetEntry("window"), diagnostics, spans);
        var model = new ScheduleModel(kind, expression, every, zone, start, retry, timeout, concurrency, catchup, window);
        return (model, spans);
    }

    private static void CheckExpressionPresence(YamlMappingNode schedule, ScheduleKind kind, YamlEntry? expression, YamlEntry? every, DiagnosticBag diagnostics)
    {
        var head = YamlValues.HeadOf(schedule);
        if (kind == ScheduleKind.Cron && expression is null)
        {
            diagnostics.Report(
                DiagnosticCatalog.MissingScheduleExpression,
                every?.Key.Span ?? head,
                "schedule.expression",
                every is null
                    ? "The cron schedule has no expression; add expression: \"0 2 * * *\" (minute hour day-of-month month day-of-week) or a preset such as \"@daily\""
                    : "'every' belongs to an interval schedule; add type: interval, or replace it with a cron expression");
        }
        else if (kind == ScheduleKind.Interval && every is null)
        {
            diagnostics.Report(
                DiagnosticCatalog.MissingScheduleExpression,
                expression?.Key.Span ?? head,
                "schedule.every",
                expression is null
                    ? "The interval schedule has no 'every'; add every: \"15m\" (or another duration)"
                    : "An interval schedule runs 'every' so long, not on a cron expression; use type: cron with the expression, or every: \"1h\"");
        }
        else if (kind == ScheduleKind.Cron && every is not null)
        {
            diagnostics.Report(
                DiagnosticCatalog.MissingScheduleExpression,
                every.Key.Span,
                "schedule.every",
                "A cron schedule takes an expression, not 'every'; remove 'every', or set type: interval and remove the expression");
        }
        else if (kind == ScheduleKind.Interval && expression is not null)
        {
            diagnostics.Report(
                DiagnosticCatalog.MissingScheduleExpression,
                expression.Key.Span,
                "schedule.expression",
                "An interval schedule takes 'every', not an expression; remove the expression, or set type: cron and remove 'every'");
        }
    }

    private static string? BindStart(YamlEntry? entry, DiagnosticBag diagnostics)
    {
        if (entry is null || entry.Value is YamlScalarNode { IsNull: true })
        {
            return null;
        }

        if (entry.Value is YamlScalarNode { IsString: true } s)
        {
            if (ScheduleStart.Parse(s.Value) is not null)
            {
                return s.Value;
            }
        }

        diagnostics.Report(
            DiagnosticCatalog.InvalidScheduleValue,
            entry.Value.Span,
            "schedule.start",
            "schedule.start",
            $"must be a date such as \"2024-01-01\" or a local date and time such as \"2024-01-01T02:00:00\" in the schedule's zone, not {YamlValues.Show(entry.Value)}");
        return null;
    }

    private static RetryPolicy? BindRetry(YamlEntry? entry, DiagnosticBag diagnostics, ScheduleSpans spans)
    {
        if (entry is null || entry.Value is YamlScalarNode { IsNull: true })
        {
            return null;
        }

        spans.Retry = entry.Key.Span;
        if (entry.Value is not YamlMappingNode retry)
        {
            diagnostics.Report(DiagnosticCatalog.WrongType, entry.Value.Span, "schedule.retry", "schedule.retry", "a mapping with attempts, delay, backoff and max_delay", entry.Value.TypeDescription);
            return null;
        }

        BlockReader.CheckKeys(retry, "schedule.retry", RetryKeys, DiagnosticCatalog.UnknownScheduleKey, diagnostics, RetrySynonyms);
        var attemptsEntry = retry.GetEntry("attempts");
        spans.RetryAttempts = attemptsEntry?.Value.Span;
        var attempts = attemptsEntry is null ? 0 : Integer(attemptsEntry, "schedule.retry.attempts", diagnostics, 0, MaxAttempts, "the number of retries after the first try, from 0 to 100") ?? 0;
        var delayEntry = retry.GetEntry("delay");
        var delay = delayEntry is null ? OmlDuration.Zero : BlockReader.Duration(delayEntry, "schedule.retry.delay", 0, MaxDelaySeconds, "a duration from 0 to 1 day such as 300 or \"5m\"", DiagnosticCatalog.InvalidScheduleValue, diagnostics) ?? OmlDuration.Zero;

        var backoffEntry = retry.GetEntry("backoff");
        var backoff = backoffEntry is null
            ? BackoffKind.Fixed
            : BlockReader.Keyword(backoffEntry, "schedule.retry.backoff", Backoffs, DiagnosticCatalog.InvalidScheduleValue, diagnostics) ?? BackoffKind.Fixed;

        OmlDuration? maxDelay = null;
        var maxDelayEntry = retry.GetEntry("max_delay");
        if (maxDelayEntry is not null)
        {
            maxDelay = BlockReader.Duration(maxDelayEntry, "schedule.retry.max_delay", 1, MaxDelaySeconds, "a positive duration of at most 1 day such as \"1h\"", DiagnosticCatalog.InvalidScheduleValue, diagnostics);
            if (maxDelay is { } max && max.NominalSeconds < delay.NominalSeconds)
            {
                diagnostics.Report(
                    DiagnosticCatalog.InvalidScheduleValue,
                    maxDelayEntry.Value.Span,
                    "schedule.retry.max_delay",
                    "schedule.retry.max_delay",
                    $"({max}) is shorter than the delay ({delay}), so no retry can wait as long as the delay says; make max_delay at least the delay");
            }
        }

        if (attemptsEntry is not null && attempts == 0 && (delayEntry is not null || backoffEntry is not null))
        {
            diagnostics.Report(
                DiagnosticCatalog.InvalidScheduleValue,
                attemptsEntry.Value.Span,
                "schedule.retry.attempts",
                "schedule.retry.attempts",
                "is 0, so the delay and backoff never apply; set the number of retries or remove the retry block");
        }

        return new RetryPolicy(attempts, delay, backoff, maxDelay);
    }

    private static WindowModel? BindWindow(YamlEntry? entry, DiagnosticBag diagnostics, ScheduleSpans spans)
    {
        if (entry is null || entry.Value is YamlScalarNode { IsNull: true })
        {
            return null;
        }

        spans.Window = entry.Key.Span;
        if (entry.Value is not YamlMappingNode window)
        {
            diagnostics.Report(DiagnosticCatalog.WrongType, entry.Value.Span, "schedule.window", "schedule.window", "a mapping with type, size, offset and field", entry.Value.TypeDescription);
            return null;
        }

        BlockReader.CheckKeys(window, "schedule.window", WindowKeys, DiagnosticCatalog.UnknownScheduleKey, diagnostics, WindowSynonyms);
        var typeEntry = window.GetEntry("type");
        var kind = typeEntry is null
            ? WindowKind.Sliding
            : BlockReader.Keyword(typeEntry, "schedule.window.type", WindowKinds, DiagnosticCatalog.InvalidScheduleValue, diagnostics) ?? WindowKind.Sliding;

        OmlDuration? size = null;
        var sizeEntry = window.GetEntry("size");
        if (sizeEntry is not null)
        {
            spans.WindowSize = sizeEntry.Value.Span;
            size = BlockReader.Duration(sizeEntry, "schedule.window.size", 1, MaxWindowSeconds, "a positive duration of at most 366 days such as \"24h\" or \"1d\"", DiagnosticCatalog.InvalidScheduleValue, diagnostics);
        }
        else if (kind == WindowKind.Sliding)
        {
            diagnostics.Report(
                DiagnosticCatalog.InvalidScheduleValue,
                entry.Key.Span,
                "schedule.window.size",
                "schedule.window",
                "is a sliding window without a size; add size: \"24h\" (or use type: tumbling, which spans from the previous run to this one)");
        }

        var offset = OmlDuration.Zero;
        var offsetEntry = window.GetEntry("offset");
        if (offsetEntry is not null)
        {
            offset = BlockReader.Duration(offsetEntry, "schedule.window.offset", -MaxWindowSeconds, MaxWindowSeconds, "a duration such as \"-1h\" (negative looks back)", DiagnosticCatalog.InvalidScheduleValue, diagnostics) ?? OmlDuration.Zero;
        }

        string? field = null;
        var fieldEntry = window.GetEntry("field");
        if (fieldEntry is null)
        {
            diagnostics.Report(
                DiagnosticCatalog.InvalidScheduleValue,
                entry.Key.Span,
                "schedule.window.field",
                "schedule.window",
                "has no field; name the column the window filters on, for example field: \"updated_at\"");
        }
        else if (fieldEntry.Value is YamlScalarNode { IsString: true } f && f.Value.Trim().Length > 0)
        {
            field = f.Value;
        }
        else
        {
            diagnostics.Report(DiagnosticCatalog.WrongType, fieldEntry.Value.Span, "schedule.window.field", "schedule.window.field", "a column name such as \"updated_at\"", fieldEntry.Value.TypeDescription);
        }

        return new WindowModel(kind, size, offset, field);
    }

    private static int? Integer(YamlEntry entry, string path, DiagnosticBag diagnostics, int min, int max, string expectation)
    {
        if (entry.Value is YamlScalarNode { Type: YamlScalarType.Integer } i
            && int.TryParse(i.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
            && n >= min && n <= max)
        {
            return n;
        }

        diagnostics.Report(DiagnosticCatalog.InvalidScheduleValue, entry.Value.Span, path, path, $"must be {expectation}, not {YamlValues.Show(entry.Value)}");
        return null;
    }
}
