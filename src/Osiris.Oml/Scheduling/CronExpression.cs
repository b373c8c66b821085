using System;
using NodaTime;
using Osiris.Oml.Collections;

namespace Osiris.Oml.Scheduling;

/// <summary>
/// A cron expression in croniter's dialect (what Airflow, Prefect and Dagster run), with what the
/// schedule diagnostics need to know about it: its layout, where each field and special token is,
/// and the traits that make schedulers disagree. Immutable and equal by <see cref="Text"/>.
/// </summary>
/// <remarks>
/// Accepted: 5 fields (<c>minute hour day-of-month month day-of-week</c>), croniter's 6 fields
/// (seconds LAST) and 7 fields (seconds, then year), the presets <c>@hourly @daily @weekly
/// @monthly @yearly @annually @midnight</c> and Airflow's <c>@quarterly</c>, names, lists, ranges
/// (also wrapping ones such as <c>22-2</c>), steps, <c>L</c>, <c>L5</c>, <c>1#2</c> and <c>?</c>.
/// Cronos' <c>15W</c>, <c>LW</c>, <c>L-3</c> and <c>5L</c> parse too, but only the native target
/// can run them (see <see cref="CroniterIncompatibility"/>).
/// </remarks>
public sealed class CronExpression : IEquatable<CronExpression>
{
    private readonly CroniterSpec _fields;
    private readonly bool _cronosInterval;
    private Cronos.CronExpression? _cronos;
    private string? _cronosError;

    internal CronExpression(
        string text,
        CronLayout layout,
        string? presetName,
        string? presetExpansion,
        EquatableArray<CronFieldSyntax> fields,
        CronFeatures features,
        EquatableArray<CronFeatureUse> featureUses,
        CroniterSpec fieldSets,
        CronParseError? croniterIncompatibility,
        bool neverFires,
        bool cronosInterval)
    {
        Text = text;
        Layout = layout;
        PresetName = presetName;
        PresetExpansion = presetExpansion;
        Fields = fields;
        Features = features;
        FeatureUses = featureUses;
        _fields = fieldSets;
        CroniterIncompatibility = croniterIncompatibility;
        NeverFires = neverFires;
        _cronosInterval = cronosInterval;
    }

    /// <summary>The expression as written.</summary>
    public string Text { get; }

    /// <summary>How croniter reads the fields.</summary>
    public CronLayout Layout { get; }

    /// <summary>5, 6 or 7 (5 for presets).</summary>
    public int FieldCount => Layout switch
    {
        CronLayout.SixFieldsSecondsLast => 6,
        CronLayout.SevenFieldsSecondsAndYear => 7,
        _ => 5,
    };

    /// <summary>The preset in lower case (<c>@daily</c>), or null when the fields are written out.</summary>
    public string? PresetName { get; }

    /// <summary>The five fields a preset stands for (<c>0 0 * * *</c> for <c>@daily</c>), or null.</summary>
    public string? PresetExpansion { get; }

    /// <summary>The fields as written, in text order; empty for a preset (whose spans are the whole text).</summary>
    public EquatableArray<CronFieldSyntax> Fields { get; }

    /// <summary>Every special form the expression uses.</summary>
    public CronFeatures Features { get; }

    /// <summary>Where each special form is, one entry per token, in text order within each field.</summary>
    public EquatableArray<CronFeatureUse> FeatureUses { get; }

    /// <summary>
    /// Both day fields are restricted in croniter's sense (neither list contains <c>*</c>), so
    /// croniter, Airflow, Dagster and Prefect (by default) fire when EITHER matches, Cronos when
    /// BOTH match. <c>0 0 */2 * MON</c> counts: <c>*/2</c> is a list of odd days. With <c>#</c> or
    /// <c>L5</c> in day-of-week, croniter's OR degenerates: the day of month is ignored
    /// (<c>0 0 10 * 1#2</c> = second Mondays) or nothing ever fires (<c>0 0 1 * 1#2</c>).
    /// </summary>
    public bool DayOfMonthAndDayOfWeekRestricted => _fields.DaysBothRestricted;

    /// <summary>
    /// The hour field expands to exactly <c>*</c> in croniter (also <c>0-23</c> or <c>*/1</c>):
    /// Airflow then steps by elapsed time (<c>_covers_every_hour</c>) and Dagster fires both passes
    /// of a repeated hour and skips missing ones.
    /// </summary>
    public bool HourIsWildcard => _fields.Hour.ExactStar;

    /// <summary>
    /// The expression fires at one time of day: croniter expands its minute and its hour to a single
    /// number each (<c>30 2 * * *</c>, and presets such as <c>@daily</c> whose fields are not written out).
    /// </summary>
    internal bool IsFixedTime => _fields.Minute.IsSingleNumber && _fields.Hour.IsSingleNumber;

    /// <summary>
    /// croniter finds no fire time within 50 years (2000-2049, day-of-month OR day-of-week, any
    /// year field ignored): Airflow and Prefect accept the text and fail when scheduling it
    /// (<c>CroniterBadDateError</c>). Examples: <c>0 0 30 2 *</c>, <c>0 0 31 4,6,9,11 *</c>, and
    /// croniter's own quirks <c>0 0 30 2 MON</c> and <c>0 0 1 * 1#2</c> (the day-of-month half of its
    /// OR search never matches, so it gives up).
    /// Always false when the expression uses Cronos-only syntax.
    /// </summary>
    public bool NeverFires { get; }

    /// <summary>
    /// Why croniter — and so Airflow, Prefect and Dagster — cannot read the expression (it uses
    /// Cronos' <c>W</c>, <c>L-n</c> or <c>nL</c>), with the offending token; null when it can.
    /// </summary>
    public CronParseError? CroniterIncompatibility { get; }

    /// <summary>croniter's expanded fields, or null when croniter rejects the expression.</summary>
    internal CroniterSpec? Croniter => CroniterIncompatibility is null ? _fields : null;

    /// <summary>The expanded field lists, also for Cronos-only expressions.</summary>
    internal CroniterSpec FieldSets => _fields;

    /// <summary>
    /// Cronos' "interval" flag: the second, minute or hour field uses <c>*</c>, a range or a step,
    /// so Cronos fires in both passes of a repeated hour.
    /// </summary>
    internal bool IsCronosInterval => _cronosInterval;

    /// <summary>
    /// Parses <paramref name="text"/>. Never throws; the work is bounded by the text's length
    /// (at most <c>1024</c> characters are read).
    /// </summary>
    public static CronParseResult Parse(string? text) => CronParser.Parse(text);

    /// <summary>The field of the given kind as written, or null for a preset or a missing field.</summary>
    public CronFieldSyntax? GetField(CronField field)
    {
        foreach (var f in Fields)
        {
            if (f.Field == field)
            {
                return f;
            }
        }

        return null;
    }

    /// <summary>
    /// croniter's <c>get_next</c> on a naive wall-clock time: the first match strictly after
    /// <paramref name="after"/> (sub-second parts are dropped), with day-of-month OR day-of-week
    /// when <paramref name="dayOr"/> is true (croniter's default) and AND otherwise. Null when
    /// croniter gives up after 50 years or cannot read the expression. No time zone is involved:
    /// the result may fall in a gap or a repeated hour of the schedule's zone.
    /// </summary>
    public LocalDateTime? GetNextLocalTime(LocalDateTime after, bool dayOr = true)
    {
        if (Croniter is null)
        {
            return null;
        }

        var start = CivilTime.FromLocalDateTime(after).ToSeconds();
        return CroniterSearch.TryGetNext(Croniter, start, dayOr, out var next)
            ? CivilTime.FromSeconds(next).ToLocalDateTime()
            : null;
    }

    /// <inheritdoc />
    public bool Equals(CronExpression? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is CronExpression other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <summary>The same text parsed by Cronos 0.13 (standard 5-field format), or null with Cronos' message.</summary>
    internal Cronos.CronExpression? GetCronos(out string? error)
    {
        // Parsed on first use and kept: the result depends on Text only, so a race just parses twice.
        if (_cronos is null && _cronosError is null)
        {
            try
            {
                _cronos = Cronos.CronExpression.Parse(Text, Cronos.CronFormat.Standard);
            }
            catch (Cronos.CronFormatException e)
            {
                _cronosError = e.Message;
            }
            catch (ArgumentException e)
            {
                _cronosError = e.Message;
            }
        }

        error = _cronosError;
        return _cronos;
    }
}
