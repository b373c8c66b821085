using System.Collections.Generic;
using System.Globalization;
using System.Text;
using NodaTime;
using Osiris.Oml.Export.Python;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Time;

namespace Osiris.Oml.Export;

/// <summary>
/// What every exporter works out first from the model and the options: the redacted model, names,
/// the zone and start, the commands, and the list of settings the target cannot express.
/// </summary>
internal sealed class ExportContext
{
    public ExportContext(PipelineModel model, ExportFormat format, ExportOptions options)
    {
        Format = format;
        Options = options;
        Model = SecretRedactor.Redact(model, options.Components, Redactions);
        Name = string.IsNullOrEmpty(Model.Name) ? "pipeline" : Model.Name!;
        Identifier = PythonIdentifier.Sanitize(Model.Name, "pipeline");
        PipelinePath = options.PipelinePath ?? Model.SourcePath.Replace('\\', '/');
        Schedule = Model.Schedule;
        Zone = Schedule is null ? null : TimeZones.Find(Schedule.TimeZone);
        var zone = Zone ?? DateTimeZone.Utc;
        if (Schedule?.Start is { } text && ScheduleStart.Parse(text) is { } start)
        {
            Start = start.InZone(zone);
            IntervalAnchor = Start;
        }
        else
        {
            Start = EmbeddedBlock.StartOfDay(options.Schedule.ReferenceTime.InZone(zone).Date, zone);
            StartIsDefault = true;
            if (Schedule is { Kind: ScheduleKind.Interval, Every: not null })
            {
                // An interval without a start counts from the Unix epoch at midnight in the zone, as the
                // preview does (ScheduleSource); the export starts at its first run on or after the default
                // start, so the phase is the preview's and nothing is backfilled from 1970.
                IntervalAnchor = new LocalDate(1970, 1, 1).AtStartOfDayInZone(zone).ToInstant();
                var fires = Schedule.CreateSource(zone, out _)?.Fires(ScheduleTarget.Native, Start - Duration.FromSeconds(1), 1);
                if (fires is { Length: > 0 } f)
                {
                    Start = f[0];
                }
            }
        }

        var window = Schedule?.Window;
        var run = options.RunCommand + (window is null ? string.Empty : " " + options.WindowArguments);
        RunArguments = CommandTemplate.Parse(run, PipelinePath, allowWindow: window is not null);
        TestArguments = CommandTemplate.Parse(options.TestCommand, PipelinePath, allowWindow: false);
        if (Schedule is not null && Zone is null)
        {
            Unsupported.Add($"the time zone {PythonLiteral.String(Schedule.TimeZone)} is not in the tz database {TimeZones.TzdbVersion}; it is written as given");
        }
    }

    public ExportFormat Format { get; }

    public ExportOptions Options { get; }

    /// <summary>The model with inline secrets replaced: everything in the file comes from it.</summary>
    public PipelineModel Model { get; }

    public List<Redaction> Redactions { get; } = new();

    /// <summary>What the target cannot express; each becomes a comment and an entry of the result.</summary>
    public List<string> Unsupported { get; } = new();

    /// <summary>The pipeline's name, or <c>pipeline</c>.</summary>
    public string Name { get; }

    /// <summary>The name as an identifier valid everywhere (Python, Airflow task ids, Dagster names).</summary>
    public string Identifier { get; }

    public string PipelinePath { get; }

    public ScheduleModel? Schedule { get; }

    public DateTimeZone? Zone { get; }

    /// <summary>The schedule's zone id as written, or UTC without a schedule.</summary>
    public string ZoneId => Schedule?.TimeZone ?? "UTC";

    /// <summary>
    /// When the schedule starts: <c>schedule.start</c>; without one, the reference date at midnight in the
    /// zone (for an interval, its first run from then on).
    /// </summary>
    public Instant Start { get; }

    public bool StartIsDefault { get; }

    /// <summary>What an interval schedule counts its steps from: <c>start</c>, or the preview's default anchor (1970-01-01 in the zone).</summary>
    public Instant? IntervalAnchor { get; }

    public List<List<CommandPart>> RunArguments { get; }

    public List<List<CommandPart>> TestArguments { get; }

    public MetadataModel? Metadata => Model.Metadata;

    public RetryPolicy? Retry => Schedule?.Retry;

    /// <summary>The pipeline's cron expression, when it has a cron schedule.</summary>
    public string? Cron => Schedule is { Kind: ScheduleKind.Cron } s ? s.Expression : null;

    /// <summary>The run arguments as a Python list expression (placeholders become the variables of the same name).</summary>
    public string PythonArguments(List<List<CommandPart>> arguments, string pipelineConstant)
    {
        var sb = new StringBuilder("[");
        for (var i = 0; i < arguments.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(", ");
            }

            var parts = arguments[i];
            if (parts.Count == 1 && !parts[0].IsPlaceholder && parts[0].Text == PipelinePath)
            {
                sb.Append(pipelineConstant);
                continue;
            }

            for (var j = 0; j < parts.Count; j++)
            {
                if (j > 0)
                {
                    sb.Append(" + ");
                }

                sb.Append(parts[j].IsPlaceholder ? parts[j].Text : PythonLiteral.String(parts[j].Text));
            }
        }

        return sb.Append(']').ToString();
    }

    /// <summary>The retry waits under <paramref name="formula"/>, as "300s, 600s, 1200s".</summary>
    public string DelayList(RetryFormula formula)
    {
        if (Retry is not { Attempts: > 0 } retry)
        {
            return string.Empty;
        }

        var parts = new List<string>();
        for (var k = 1; k <= retry.Attempts; k++)
        {
            var delay = RetryDelays.GetDelay(retry, k, formula);
            parts.Add(delay.Minimum == delay.Maximum
                ? Seconds(delay.Minimum)
                : Seconds(delay.Minimum) + "-" + Seconds(delay.Maximum));
        }

        return string.Join(", ", parts);
    }

    public static string Seconds(Duration d) => ((long)d.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s";

    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The fixed seconds of a duration that has no calendar days, else null.</summary>
    public static long? FixedSeconds(OmlDuration? d) => d is { HasCalendarDays: false } f ? f.Seconds : null;

    /// <summary>The longest a failing run keeps the pipeline busy: every try up to the timeout, plus the longest waits.</summary>
    public Duration? WorstCase(RetryFormula formula)
        => Schedule?.Timeout is { } timeout ? RetryDelays.WorstCase(Retry, timeout.ToNominalDuration(), formula) : null;

    /// <summary>
    /// Python that computes <c>window_start</c> and <c>window_end</c> (ISO text in the zone) from the run's
    /// scheduled time <paramref name="fire"/> and, for tumbling windows, the previous scheduled time
    /// <paramref name="previous"/> — the same formula as <see cref="RunWindow.For"/>.
    /// </summary>
    public void WriteWindow(SourceWriter w, string fire, string previous, string startName = "window_start", string endName = "window_end")
    {
        var window = Schedule!.Window!;
        var offset = window.Offset;
        w.Line($"end = _shift({fire}, {Int(offset.Days)}, {Int(offset.Seconds)})");
        if (window.Kind == WindowKind.Tumbling)
        {
            w.Line($"start = _shift({previous}, {Int(offset.Days)}, {Int(offset.Seconds)})");
        }
        else
        {
            var size = window.Size ?? OmlDuration.Zero;
            w.Line($"start = _shift(end, {Int(-size.Days)}, {Int(-size.Seconds)})");
        }

        w.Line(startName + " = start.astimezone(ZONE).isoformat()");
        w.Line(endName + " = end.astimezone(ZONE).isoformat()");
    }

    /// <summary>The helper <see cref="WriteWindow"/> calls: OML's duration arithmetic in Python.</summary>
    public static void WriteShift(SourceWriter w)
    {
        w.Line("def _shift(instant: datetime, days: int, seconds: int) -> datetime:");
        w.Indent++;
        w.Line("\"\"\"Adds an OML duration: calendar days on the zone's clock, then fixed seconds.");
        w.Line();
        w.Line("A day step that lands on a time DST skips moves forward by the gap, and on a repeated time");
        w.Line("takes its first pass (fold=0), as the pipeline's preview does.");
        w.Line("\"\"\"");
        w.Line("if days:");
        w.Indent++;
        w.Line("local = instant.astimezone(ZONE).replace(tzinfo=None) + timedelta(days=days)");
        w.Line("instant = local.replace(tzinfo=ZONE, fold=0)");
        w.Indent--;
        w.Line("return instant.astimezone(timezone.utc) + timedelta(seconds=seconds)");
        w.Indent--;
    }

    /// <summary>The standard header: what the file is, where it came from, which semantics it follows, what it cannot express.</summary>
    public void WriteHeader(SourceWriter w, string title, IEnumerable<string> semantics)
    {
        w.Comment(title);
        w.Comment($"Generated by Osiris.Analyzers {Options.ToolVersion} from {PipelinePath}.");
        w.Comment($"Do not edit by hand: change the .oml file and export again (osiris schedule export --format {ExportFormats.ToText(Format)});");
        w.Comment("`osiris schedule import` reads this file back and reports every edit made here.");
        w.Line("#");
        foreach (var line in semantics)
        {
            w.Comment(Wrap(line, "  "));
        }

        if (Unsupported.Count > 0)
        {
            w.Line("#");
            w.Comment("Not expressed here (kept in the osiris block at the end of this file):");
            foreach (var item in Unsupported)
            {
                w.Comment(Wrap("  - " + item, "    "));
            }
        }

        if (Redactions.Count > 0)
        {
            w.Line("#");
            w.Comment("Inline secrets are never exported; these values were replaced by environment references:");
            foreach (var r in Redactions)
            {
                w.Comment("  - " + r.Path + " -> " + r.Replacement);
            }
        }
    }

    /// <summary>Breaks <paramref name="text"/> at spaces into lines of at most 100 characters; later lines start with <paramref name="indent"/>.</summary>
    private static string Wrap(string text, string indent)
    {
        const int Width = 100;
        var trimmed = text.TrimStart(' ');
        var sb = new StringBuilder();
        var line = new StringBuilder(text.Substring(0, text.Length - trimmed.Length));
        var empty = true;
        foreach (var word in trimmed.Split(' '))
        {
            if (!empty && line.Length + 1 + word.Length > Width)
            {
                sb.Append(line).Append('\n');
                line.Clear().Append(indent);
                empty = true;
            }

            if (!empty)
            {
                line.Append(' ');
            }

            line.Append(word);
            empty = false;
        }

        return sb.Append(line).ToString();
    }

    /// <summary>The sentence a file states about its fire times for <paramref name="target"/>.</summary>
    public static string Describe(ScheduleTarget target) => target switch
    {
        ScheduleTarget.Airflow => "Airflow's cron timetables (ScheduleTarget.Airflow): a fire time that DST skips runs later by the length of the gap (02:30 -> 03:30), a repeated one at its second pass, hourly schedules step in real hours.",
        ScheduleTarget.PrefectPython312 => "a Prefect server on Python <= 3.12 (ScheduleTarget.PrefectPython312): a fire time that DST skips runs BEFORE the gap (02:30 -> 01:30 standard time), a repeated one once, at its first pass.",
        ScheduleTarget.PrefectPython313 => "a Prefect server on Python >= 3.13 (ScheduleTarget.PrefectPython313): a fire time that DST skips runs later by the length of the gap (02:30 -> 03:30), a repeated one once, at its first pass.",
        ScheduleTarget.Dagster => "Dagster up to 1.12 (ScheduleTarget.Dagster): a fire time that DST skips runs at the end of the gap (02:30 -> 03:00), a repeated one at its second pass for 01:00-03:59 and its first otherwise; hourly schedules in +05:30-style zones run at the wrong minute (dagster#33448).",
        ScheduleTarget.DagsterFixed => "Dagster 1.13+ (ScheduleTarget.DagsterFixed): a fire time that DST skips runs at the end of the gap (02:30 -> 03:00), a repeated one at its second pass for 01:00-03:59 and its first otherwise.",
        _ => "the project's native semantics (ScheduleTarget.Native).",
    };
}
