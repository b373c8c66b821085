using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Osiris.Oml.Collections;
using Osiris.Oml.Text;

namespace Osiris.Oml.Scheduling;

/// <summary>
/// Parses cron text the way croniter 6.x <c>expand()</c> does (the dialect of Airflow, Prefect and
/// Dagster), keeping the position of every token. The steps and regular expressions are croniter's,
/// so that what croniter accepts is accepted and what it rejects is rejected at the same token.
/// Three Cronos-only day forms (<c>15W</c>/<c>LW</c>, <c>L-3</c>, <c>5L</c>) are recognised
/// instead of rejected: the expression records them and the croniter targets refuse it.
/// </summary>
internal static class CronParser
{
    /// <summary>Longer text is rejected outright: real expressions are under 100 characters.</summary>
    public const int MaxLength = 1024;

    private const RegexOptions Options = RegexOptions.CultureInvariant;

    // croniter's regular expressions, unchanged.
    private static readonly Regex StepSearch = new(@"^([^-]+)-([^-/]+)(/(\d+))?$", Options);
    private static readonly Regex StarStep = new(@"^\*(/.+)$", Options);
    private static readonly Regex SlashStep = new(@"^(.+)/(.+)$", Options);
    private static readonly Regex HashExpression = new(@"^(h|r)(\((\d+)-(\d+)\))?(/(\d+))?$", Options);
    private static readonly Regex SpecialDayOfWeek = new(
        @"^(?<pre>((?<he>((sun|mon|tue|wed|thu|fri|sat)(-(sun|mon|tue|wed|thu|fri|sat))?)|((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)(-(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))?)|\w+)#)|l)(?<last>\d+)$",
        Options);

    // Cronos-only day forms that croniter rejects.
    private static readonly Regex NearestWeekday = new(@"^(?:(\d+)w|lw)$", Options);
    private static readonly Regex LastDayOffset = new(@"^l-(\d+)$", Options);
    private static readonly Regex CronosLastWeekday = new(@"^(\d+)l$", Options);
    private static readonly Regex CronerLastWeekday = new(@"^(\w+)#l$", Options);

    private static readonly string[] MonthNames = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };
    private static readonly string[] WeekdayNames = { "sun", "mon", "tue", "wed", "thu", "fri", "sat" };

    private static readonly string[] PresetNames = { "@midnight", "@hourly", "@daily", "@weekly", "@monthly", "@yearly", "@annually", "@quarterly" };

    public static CronParseResult Parse(string? text)
    {
        if (text is null)
        {
            return Fail("The cron expression is missing; write 5 fields such as '0 2 * * *' or a preset such as '@daily'.", 0, 0);
        }

        if (text.Length > MaxLength)
        {
            return Fail($"The cron expression is {text.Length} characters long; croniter expressions have 5 to 7 short fields, so shorten it.", 0, text.Length);
        }

        var lower = AsciiLower(text);
        if (PresetExpansion(lower) is { } expansion)
        {
            // croniter looks presets up on the whole lower-cased text: no trimming, so " @daily" fails.
            return ParseFields(text, expansion, expansion, lower);
        }

        var trimmedStart = 0;
        while (trimmedStart < text.Length && IsPythonWhiteSpace(text[trimmedStart]))
        {
            trimmedStart++;
        }

        if (trimmedStart < text.Length && text[trimmedStart] == '@')
        {
            return MacroError(text, lower, trimmedStart);
        }

        return ParseFields(text, text, lower, null);
    }

    private static string? PresetExpansion(string lower)
        => lower switch
        {
            "@midnight" => "0 0 * * *",
            "@hourly" => "0 * * * *",
            "@daily" => "0 0 * * *",
            "@weekly" => "0 0 * * 0",
            "@monthly" => "0 0 1 * *",
            "@yearly" => "0 0 1 1 *",
            "@annually" => "0 0 1 1 *",

            // Airflow's own preset table; croniter does not know it (checked per target).
            "@quarterly" => "0 0 1 */3 *",
            _ => null,
        };

    private static CronParseResult MacroError(string text, string lower, int start)
    {
        var end = start;
        while (end < text.Length && !IsPythonWhiteSpace(text[end]))
        {
            end++;
        }

        var word = lower.Substring(start, end - start);
        var rest = end;
        while (rest < text.Length && IsPythonWhiteSpace(text[rest]))
        {
            rest++;
        }

        if (Array.IndexOf(PresetNames, word) >= 0)
        {
            return rest < text.Length
                ? Fail($"A preset stands alone; remove the text after '{MessageText.Excerpt(text.Substring(start, end - start))}'.", rest, text.Length - rest)
                : Fail($"Remove the spaces around '{MessageText.Excerpt(text.Substring(start, end - start))}': croniter recognises a preset only when it is the whole value.", 0, text.Length);
        }

        var message = word switch
        {
            "@every_minute" => "'@every_minute' is a Cronos macro that croniter (Airflow, Prefect, Dagster) rejects; write '* * * * *'.",
            "@every_second" => "'@every_second' is a Cronos macro that croniter rejects; write '* * * * * *' (croniter reads a sixth field as the second).",
            "@reboot" => "'@reboot' runs a job when the machine starts, not on a schedule, and no export target supports it; use a cron expression such as '@daily'.",
            "@once" or "@continuous" => $"'{MessageText.Excerpt(word)}' is an Airflow DAG schedule, not a cron expression; use a cron expression or preset (@hourly @daily @weekly @monthly @yearly).",
            _ => $"Unknown preset '{MessageText.Excerpt(text.Substring(start, end - start))}'{Suggestions.DidYouMean(word, PresetNames)}; croniter knows @midnight @hourly @daily @weekly @monthly @yearly @annually (Airflow adds @quarterly).",
        };
        return Fail(message, start, end - start);
    }

    /// <param name="text">The expression as written.</param>
    /// <param name="fieldsText">The fields to read: the text, or a preset's expansion.</param>
    /// <param name="lower">The fields in lower case (croniter lower-cases names such as JAN).</param>
    /// <param name="preset">The preset's name in lower case, or null.</param>
    private static CronParseResult ParseFields(string text, string fieldsText, string lower, string? preset)
    {
        var isPreset = preset is not null;
        var tokens = SplitPython(fieldsText);
        var count = tokens.Count;
        if (count == 0)
        {
            return Fail("The cron expression is empty; write 5 fields such as '0 2 * * *' or a preset such as '@daily'.", 0, text.Length);
        }

        if (count < 5)
        {
            var last = tokens[count - 1];
            return Fail(
                $"Found {count} field{(count == 1 ? string.Empty : "s")} where croniter needs 5 (minute hour day-of-month month day-of-week); add the missing field{(count == 4 ? string.Empty : "s")}, for example '* * * * *'.",
                tokens[0].Start,
                last.Start + last.Length - tokens[0].Start);
        }

        if (count > 7)
        {
            var extra = tokens[7];
            var last = tokens[count - 1];
            return Fail(
                $"Found {count} fields; croniter reads 5 (minute hour day-of-month month day-of-week), 6 (+ second) or 7 (+ second, year). Remove the extra fields.",
                extra.Start,
                last.Start + last.Length - extra.Start);
        }

        var state = new ParseState(text, count, isPreset);
        var rawFields = new string[count];
        for (var i = 0; i < count; i++)
        {
            rawFields[i] = lower.Substring(tokens[i].Start, tokens[i].Length);
        }

        var sets = new CroniterFieldSet?[7];
        var syntax = new List<CronFieldSyntax>(count);
        for (var i = 0; i < count; i++)
        {
            var field = (CronField)i;
            var token = tokens[i];
            var span = isPreset ? new CronSpan(0, text.Length) : new CronSpan(token.Start, token.Length);
            if (!isPreset)
            {
                syntax.Add(new CronFieldSyntax(field, span, fieldsText.Substring(token.Start, token.Length)));
            }

            var accumulator = new FieldAccumulator();
            var error = ParseField(state, field, rawFields[i], token.Start, span, accumulator);
            if (error is not null)
            {
                return CronParseResult.Failure(error);
            }

            // croniter: a list that names every value becomes '*', except that day-of-month and
            // day-of-week stay lists (and so trigger OR) while the other day field has no '*'.
            var range = Range(field);
            var length = accumulator.Values.Count + (accumulator.Star ? 1 : 0) + (accumulator.Last ? 1 : 0);
            if (length == range.Length)
            {
                var keep = (field == CronField.DayOfMonth && rawFields[(int)CronField.DayOfWeek].IndexOf('*') < 0)
                    || (field == CronField.DayOfWeek && rawFields[(int)CronField.DayOfMonth].IndexOf('*') < 0);
                if (!keep)
                {
                    accumulator.Values.Clear();
                    accumulator.Last = false;
                    accumulator.Star = true;
                }
            }

            var exactStar = accumulator.Star && accumulator.Values.Count == 0 && !accumulator.Last;
            sets[i] = new CroniterFieldSet(range.Min, range.Max, accumulator.Values, accumulator.Star, accumulator.Last, exactStar);
        }

        if (state.Nth is { } nth)
        {
            // croniter: "day-of-week field does not support mixing literal values and nth day of week syntax".
            var dow = sets[(int)CronField.DayOfWeek]!;
            var distinct = dow.Values.Length + (dow.Star ? 1 : 0);
            foreach (var v in dow.Values)
            {
                if (nth[v] == 0 && distinct != 7)
                {
                    var dowSpan = isPreset ? new CronSpan(0, text.Length) : new CronSpan(tokens[4].Start, tokens[4].Length);
                    return Fail(
                        "croniter cannot mix plain weekdays with '#' or 'L' weekdays in one day-of-week field; keep one form (for example '1#2,3#2') or split the schedule in two.",
                        dowSpan.Start,
                        dowSpan.Length);
                }
            }
        }

        var layout = count switch
        {
            5 => CronLayout.FiveFields,
            6 => CronLayout.SixFieldsSecondsLast,
            _ => CronLayout.SevenFieldsSecondsAndYear,
        };
        var spec = new CroniterSpec(count, sets[0]!, sets[1]!, sets[2]!, sets[3]!, sets[4]!, sets[5], sets[6], state.Nth);
        var neverFires = state.CroniterError is null && !CroniterSearch.CanFire(spec);

        var hourText = rawFields[(int)CronField.Hour];
        var minuteText = rawFields[(int)CronField.Minute];
        var cronosInterval = IsCronosInterval(minuteText) || IsCronosInterval(hourText) || (count > 5 && IsCronosInterval(rawFields[(int)CronField.Second]));

        return CronParseResult.Success(new CronExpression(
            text,
            layout,
            preset,
            isPreset ? fieldsText : null,
            syntax.ToEquatableArray(),
            state.Features,
            state.Uses.ToEquatableArray(),
            spec,
            state.CroniterError,
            neverFires,
            cronosInterval));
    }

    // Cronos marks an expression "interval" when its second, minute or hour field uses '*', a range or a step.
    private static bool IsCronosInterval(string field)
        => field.IndexOf('*') >= 0 || field.IndexOf('-') >= 0 || field.IndexOf('/') >= 0;

    private static CronParseError? ParseField(ParseState state, CronField field, string expr, int start, CronSpan fieldSpan, FieldAccumulator acc)
    {
        var hash = HashExpression.Match(expr);
        if (hash.Success)
        {
            return hash.Groups[1].Value == "h"
                ? state.Error("'H' (a hashed value) needs a hash id that none of the targets passes, so Airflow, Prefect and Dagster reject it; write a fixed value such as '7'.", fieldSpan)
                : state.Error("'R' (a random value) is drawn again every time the schedule is evaluated, so no preview is possible and Prefect rejects it; write a fixed value.", fieldSpan);
        }

        if (expr.IndexOf('?') >= 0)
        {
            if (expr != "?")
            {
                return state.Error("'?' must stand alone in its field; write '?' or a list without it.", fieldSpan);
            }

            if (field is not (CronField.DayOfMonth or CronField.DayOfWeek))
            {
                return state.Error($"'?' is only allowed in the day-of-month or day-of-week field; write '*' in the {FieldName(field)} field.", fieldSpan);
            }

            state.Use(CronFeatures.QuestionMark, field, fieldSpan);
            acc.Star = true;
            return null;
        }

        if (CronosOnlyForm(state, field, expr, fieldSpan) is { } handled)
        {
            return handled.Error;
        }

        var elementStart = 0;
        for (var i = 0; i <= expr.Length; i++)
        {
            if (i < expr.Length && expr[i] != ',')
            {
                continue;
            }

            var element = expr.Substring(elementStart, i - elementStart);
            var span = state.Span(start + elementStart, element.Length, fieldSpan);
            if (element.Length == 0)
            {
                var comma = i < expr.Length ? i : elementStart - 1;
                return state.Error($"The {FieldName(field)} field has an empty list item; remove the extra comma.", state.Span(start + comma, 1, fieldSpan));
            }

            var error = ParseElement(state, field, element, span, fieldSpan, acc);
            if (error is not null)
            {
                return error;
            }

            elementStart = i + 1;
        }

        return null;
    }

    private readonly struct Handled
    {
        public Handled(CronParseError? error) => Error = error;

        public CronParseError? Error { get; }
    }

    // W, LW, L-n (day of month) and nL (day of week): Cronos reads them, croniter does not.
    private static Handled? CronosOnlyForm(ParseState state, CronField field, string expr, CronSpan span)
    {
        if (field == CronField.DayOfMonth)
        {
            var w = NearestWeekday.Match(expr);
            if (w.Success)
            {
                if (w.Groups[1].Success && PyInt(w.Groups[1].Value) is < 1 or > 31)
                {
                    return new Handled(state.Error($"'{MessageText.Excerpt(Original(state, span))}' asks for the weekday nearest to day {w.Groups[1].Value}; use a day from 1 to 31.", span));
                }

                state.Use(CronFeatures.NearestWeekday, field, span);
                state.Incompatible($"'{MessageText.Excerpt(Original(state, span))}' (nearest weekday) is Cronos syntax that croniter rejects, so Airflow, Prefect and Dagster cannot run it; list the days instead or use L for the last day.", span);
                return new Handled(null);
            }

            var offset = LastDayOffset.Match(expr);
            if (offset.Success)
            {
                if (PyInt(offset.Groups[1].Value) > 30)
                {
                    return new Handled(state.Error($"'{MessageText.Excerpt(Original(state, span))}' reaches back more than 30 days from the last day; use L-0 to L-30.", span));
                }

                state.Use(CronFeatures.LastDayOffset, field, span);
                state.Incompatible($"'{MessageText.Excerpt(Original(state, span))}' (days before the last day) is Cronos syntax that croniter rejects, so Airflow, Prefect and Dagster cannot run it; write L for the last day or fixed days.", span);
                return new Handled(null);
            }
        }
        else if (field == CronField.DayOfWeek)
        {
            var last = CronosLastWeekday.Match(expr);
            if (last.Success)
            {
                var day = PyInt(last.Groups[1].Value);
                if (day > 7)
                {
                    return new Handled(state.Error($"'{MessageText.Excerpt(Original(state, span))}' names weekday {last.Groups[1].Value}; use 0-7 (0 and 7 are Sunday).", span));
                }

                state.Use(CronFeatures.CronosLastWeekday, field, span);
                state.Incompatible($"'{MessageText.Excerpt(Original(state, span))}' is Cronos' way to write the last weekday of the month; croniter (Airflow, Prefect, Dagster) writes it 'L{day % 7}'.", span);
                return new Handled(null);
            }

            if (CronerLastWeekday.IsMatch(expr))
            {
                return new Handled(state.Error($"'{MessageText.Excerpt(Original(state, span))}' is croner syntax; write the last weekday as 'L5' for croniter (Airflow, Prefect, Dagster) or '5L' for Cronos.", span));
            }
        }

        return null;
    }

    private static CronParseError? ParseElement(ParseState state, CronField field, string element, CronSpan span, CronSpan fieldSpan, FieldAccumulator acc)
    {
        var e = element;
        var eStart = span.Start;
        var nth = 0;
        if (field == CronField.DayOfWeek)
        {
            var special = SpecialDayOfWeek.Match(e);
            if (special.Success)
            {
                var he = special.Groups["he"];
                var last = special.Groups["last"];
                if (he.Success)
                {
                    var n = PyInt(last.Value);
                    if (n is < 1 or > 5)
                    {
                        return state.Error($"'#{last.Value}' asks for week {last.Value} of the month; use #1 to #5.", state.Span(eStart + last.Index - 1, last.Length + 1, fieldSpan));
                    }

                    nth = 1 << n;
                    state.Use(CronFeatures.NthWeekdayOfMonth, field, span);
                    eStart += he.Index;
                    e = he.Value;
                }
                else
                {
                    nth = CroniterSpec.LastNthBit;
                    state.Use(CronFeatures.LastWeekdayOfMonth, field, span);
                    eStart += last.Index;
                    e = last.Value;
                }
            }
        }

        var range = Range(field);
        var eSpan = state.Span(eStart, e.Length, fieldSpan);

        // croniter rewrites "*/s" to "min-max/s" and then "a/s" to "a-max/s" before matching a range.
        var shape = Shape.Direct;
        var t = e;
        var star = StarStep.Match(e);
        if (star.Success)
        {
            t = range.Min.ToString(CultureInfo.InvariantCulture) + "-" + range.Max.ToString(CultureInfo.InvariantCulture) + star.Groups[1].Value;
            shape = Shape.Star;
        }

        var m = StepSearch.Match(t);
        if (!m.Success)
        {
            var slash = SlashStep.Match(e);
            if (slash.Success)
            {
                t = slash.Groups[1].Value + "-" + range.Max.ToString(CultureInfo.InvariantCulture) + "/" + slash.Groups[2].Value;
                shape = Shape.Slash;
            }
            else
            {
                t = e;
                shape = Shape.Direct;
            }

            m = StepSearch.Match(t);
        }

        if (m.Success)
        {
            return ParseRange(state, field, e, eSpan, shape, m, nth, fieldSpan, acc);
        }

        if (t.Length > 0 && t[0] == '-')
        {
            return state.Error($"Negative numbers are not allowed in cron; use {range.Min}-{range.Max} in the {FieldName(field)} field.", eSpan);
        }

        int value;
        if (t == "*")
        {
            acc.Star = true;
            return null;
        }

        if (IsPyInt(t))
        {
            value = PyInt(t);
            if (field == CronField.DayOfWeek && value == 7 && state.FieldCount == 5)
            {
                state.Use(CronFeatures.SundayAsSeven, field, eSpan);
            }
        }
        else
        {
            var named = AlphaValue(field, t);
            if (named == AlphaLast)
            {
                acc.Last = true;
                state.Use(CronFeatures.LastDayOfMonth, field, eSpan);
                return null;
            }

            if (named < 0)
            {
                return state.Error(NotAValue(field, t, e), eSpan);
            }

            state.Use(CronFeatures.Names, field, eSpan);
            value = named;
        }

        return AddValue(state, field, value, nth, eSpan, acc, t);
    }

    private enum Shape
    {
        Direct,
        Star,
        Slash,
    }

    private static CronParseError? ParseRange(ParseState state, CronField field, string e, CronSpan eSpan, Shape shape, Match m, int nth, CronSpan fieldSpan, FieldAccumulator acc)
    {
        var range = Range(field);
        var low = m.Groups[1].Value;
        var high = m.Groups[2].Value;
        var stepText = m.Groups[4].Success ? m.Groups[4].Value : "1";
        CronSpan lowSpan, highSpan, stepSpan;
        switch (shape)
        {
            case Shape.Star:
                lowSpan = highSpan = state.Span(eSpan.Start, 1, fieldSpan);
                stepSpan = state.Span(eSpan.Start + 2, e.Length - 2, fieldSpan);
                break;
            case Shape.Slash:
                lowSpan = low.IndexOf('/') >= 0 ? eSpan : state.Span(eSpan.Start, low.Length, fieldSpan);
                highSpan = eSpan;
                stepSpan = state.Span(eSpan.Start + low.Length + 1, e.Length - low.Length - 1, fieldSpan);
                break;
            default:
                lowSpan = state.Span(eSpan.Start + m.Groups[1].Index, low.Length, fieldSpan);
                highSpan = state.Span(eSpan.Start + m.Groups[2].Index, high.Length, fieldSpan);
                stepSpan = m.Groups[4].Success ? state.Span(eSpan.Start + m.Groups[4].Index, stepText.Length, fieldSpan) : eSpan;
                break;
        }

        if (field == CronField.DayOfMonth && high == "l")
        {
            high = "31";
        }

        var lowLiteral = RangeEnd(state, field, low, e, lowSpan, out var lowError);
        if (lowError is not null)
        {
            return lowError;
        }

        var highLiteral = RangeEnd(state, field, high, e, highSpan, out var highError);
        if (highError is not null)
        {
            return highError;
        }

        var step = PyInt(stepText);
        var lowValue = ValueAlias(field, lowLiteral, state.FieldCount);
        var highValue = ValueAlias(field, highLiteral, state.FieldCount);
        if (Math.Max(lowValue, highValue) > range.Max)
        {
            var (bad, badSpan) = highValue > range.Max ? (high, highSpan) : (low, lowSpan);
            return state.Error(OutOfRange(state, field, bad, highValue > range.Max ? highLiteral : lowLiteral), badSpan);
        }

        if (step == 0)
        {
            return state.Error("A step of 0 never advances; use a step of 1 or more.", stepSpan);
        }

        var values = new List<int>();
        int length;
        if (lowValue > highValue)
        {
            // croniter's wrap-around, including its skip arithmetic: 22-2/3 gives 22 and 2, not 22 and 1.
            for (long v = lowValue; v <= range.Max; v += step)
            {
                values.Add((int)v);
            }

            var toSkip = 0;
            var lastValue = values[values.Count - 1];
            var alreadySkipped = range.Max - lastValue;
            var position = lastValue - range.Min;
            if ((long)position + step > range.Length && alreadySkipped < step)
            {
                toSkip = step - alreadySkipped;
            }

            for (long v = range.Min + (long)toSkip; v <= highValue; v += step)
            {
                values.Add((int)v);
            }

            length = range.Max - lowValue + highValue - range.Min + 1;
            if (lowLiteral > highLiteral)
            {
                state.Use(CronFeatures.WrapAroundRange, field, eSpan);
            }
        }
        else if (lowValue == highValue)
        {
            // croniter: "Jan-Jan" means the whole cycle; so does 5-5 in the minute field.
            for (long v = range.Min; v <= range.Max; v += step)
            {
                values.Add((int)v);
            }

            length = range.Max - range.Min;
            if (lowLiteral == highLiteral)
            {
                state.Use(CronFeatures.WholeCycleRange, field, eSpan);
            }
        }
        else
        {
            for (long v = lowValue; v <= highValue; v += step)
            {
                values.Add((int)v);
            }

            length = highValue - lowValue;
        }

        if (m.Groups[4].Success)
        {
            NoteStep(state, field, shape, step, lowValue, highValue, length, eSpan);
        }

        foreach (var v in values)
        {
            // croniter feeds the generated values back through the single-value path, which also
            // checks the lower bound (so "0-5" in day-of-month fails on the 0).
            var error = AddValue(state, field, v, nth, lowSpan, acc);
            if (error is not null)
            {
                return error;
            }
        }

        return null;
    }

    private static void NoteStep(ParseState state, CronField field, Shape shape, int step, int low, int high, int length, CronSpan span)
    {
        if (step <= 1)
        {
            return;
        }

        var range = Range(field);
        if (step > length)
        {
            state.Use(CronFeatures.StepLargerThanRange, field, span);
            return;
        }

        var reachesEnd = shape != Shape.Direct || high == range.Max || low == high;
        if (reachesEnd && low <= high)
        {
            var first = low == high ? range.Min : low;
            var even = range.Length % step == 0 && first - range.Min < step;
            if (!even)
            {
                state.Use(CronFeatures.UnevenStep, field, span);
            }
        }
    }

    private static int RangeEnd(ParseState state, CronField field, string text, string element, CronSpan span, out CronParseError? error)
    {
        error = null;
        if (IsPyInt(text))
        {
            var v = PyInt(text);
            if (field == CronField.DayOfWeek && v == 7 && state.FieldCount == 5)
            {
                state.Use(CronFeatures.SundayAsSeven, field, span);
            }

            return v;
        }

        var named = AlphaValue(field, text);
        if (named == AlphaLast)
        {
            error = state.Error("'L' cannot start a range; write 'L' alone for the last day of the month, or end a range with it ('20-L').", span);
            return 0;
        }

        if (named < 0)
        {
            error = state.Error(NotAValue(field, text, element), span);
            return 0;
        }

        state.Use(CronFeatures.Names, field, span);
        return named;
    }

    private static CronParseError? AddValue(ParseState state, CronField field, int literal, int nth, CronSpan span, FieldAccumulator acc, string? written = null)
    {
        var range = Range(field);
        var value = ValueAlias(field, literal, state.FieldCount);
        if (value < range.Min || value > range.Max)
        {
            return state.Error(OutOfRange(state, field, written ?? literal.ToString(CultureInfo.InvariantCulture), literal), span);
        }

        acc.Values.Add(value);
        if (field == CronField.DayOfWeek && nth != 0)
        {
            var masks = state.Nth ??= new byte[7];
            masks[value] |= (byte)nth;
        }

        return null;
    }

    private static string OutOfRange(ParseState state, CronField field, string written, int value)
    {
        var range = Range(field);
        if (field == CronField.DayOfWeek && value == 7 && state.FieldCount > 5)
        {
            return $"croniter reads 7 as Sunday only in 5-field expressions; with {state.FieldCount} fields write 0 for Sunday.";
        }

        if ((field is CronField.DayOfMonth or CronField.Month) && value == 0)
        {
            return $"{Capitalized(field)} 0 does not exist; use {range.Min}-{range.Max}.";
        }

        var allowed = field == CronField.DayOfWeek && state.FieldCount == 5 ? "0-7 (0 and 7 are Sunday) or SUN-SAT" : field switch
        {
            CronField.Month => "1-12 or JAN-DEC",
            CronField.DayOfWeek => "0-6 or SUN-SAT",
            CronField.DayOfMonth => "1-31 or L",
            _ => $"{range.Min}-{range.Max}",
        };
        return $"{Capitalized(field)} {written} is out of range; use {allowed}.";
    }

    private static string NotAValue(CronField field, string token, string element)
    {
        var shown = token.Length == 0 ? element : token;
        if (token == "h" || token == "r")
        {
            return token == "h"
                ? "'H' (a hashed value) needs a hash id that none of the targets passes; write a fixed value."
                : "'R' (a random value) is drawn again at every evaluation; write a fixed value.";
        }

        if (token.IndexOf('/') >= 0 || element.IndexOf('/') >= 0)
        {
            return $"'{MessageText.Excerpt(element)}' is not a valid step; write 'start/step', 'start-end/step' or '*/step' with a whole-number step.";
        }

        if (field == CronField.DayOfWeek && token.IndexOf('#') >= 0)
        {
            return $"croniter reads '#' after a single day or a range of day NAMES only; write '{MessageText.Excerpt(element)}' as 'mon-fri#2' or as a list such as '1#2,2#2'.";
        }

        if (token == "l")
        {
            return field == CronField.DayOfWeek
                ? "'L' alone is not a day of week in croniter; write 'L5' for the last Friday of the month (L0-L6)."
                : $"'L' (last day) belongs in the day-of-month field, not the {FieldName(field)} field.";
        }

        if (field == CronField.Month && Array.IndexOf(WeekdayNames, token) >= 0)
        {
            return $"'{MessageText.Excerpt(token.ToUpperInvariant())}' is a weekday; the month field takes JAN-DEC or 1-12.";
        }

        if (field == CronField.DayOfWeek && Array.IndexOf(MonthNames, token) >= 0)
        {
            return $"'{MessageText.Excerpt(token.ToUpperInvariant())}' is a month; the day-of-week field takes SUN-SAT or 0-6.";
        }

        var names = field switch
        {
            CronField.Month => MonthNames,
            CronField.DayOfWeek => WeekdayNames,
            _ => Array.Empty<string>(),
        };
        var hint = names.Length > 0 ? Suggestions.DidYouMean(token, names) : string.Empty;
        var allowed = field switch
        {
            CronField.Month => "1-12 or JAN-DEC",
            CronField.DayOfWeek => "0-6 or SUN-SAT, 1#2 (second Monday) or L5 (last Friday)",
            CronField.DayOfMonth => "1-31 or L",
            _ => $"{Range(field).Min}-{Range(field).Max}",
        };
        return $"'{MessageText.Excerpt(shown)}' is not a valid {FieldName(field)}{hint}; use {allowed}, '*', lists (1,2), ranges (1-5) or steps (*/5).";
    }

    private const int AlphaLast = -2;

    private static int AlphaValue(CronField field, string token)
    {
        switch (field)
        {
            case CronField.DayOfMonth:
                return token == "l" ? AlphaLast : -1;
            case CronField.Month:
                var m = Array.IndexOf(MonthNames, token);
                return m >= 0 ? m + 1 : -1;
            case CronField.DayOfWeek:
                return Array.IndexOf(WeekdayNames, token);
            default:
                return -1;
        }
    }

    // croniter value_alias: 7 -> 0 in day-of-week with 5 fields, 0 -> 1 in day-of-month with 6 fields.
    private static int ValueAlias(CronField field, int value, int fieldCount)
    {
        if (field == CronField.DayOfWeek && value == 7 && fieldCount == 5)
        {
            return 0;
        }

        if (field == CronField.DayOfMonth && value == 0 && fieldCount == 6)
        {
            return 1;
        }

        return value;
    }

    internal readonly struct FieldRange
    {
        public FieldRange(int min, int max)
        {
            Min = min;
            Max = max;
        }

        public int Min { get; }

        public int Max { get; }

        /// <summary>croniter's <c>LEN_MEANS_ALL</c>: how many values make the whole cycle.</summary>
        public int Length => Max - Min + 1;
    }

    internal static FieldRange Range(CronField field)
        => field switch
        {
            CronField.Minute => new FieldRange(0, 59),
            CronField.Hour => new FieldRange(0, 23),
            CronField.DayOfMonth => new FieldRange(1, 31),
            CronField.Month => new FieldRange(1, 12),
            CronField.DayOfWeek => new FieldRange(0, 6),
            CronField.Second => new FieldRange(0, 59),
            _ => new FieldRange(1970, 2099),
        };

    internal static string FieldName(CronField field)
        => field switch
        {
            CronField.Minute => "minute",
            CronField.Hour => "hour",
            CronField.DayOfMonth => "day-of-month",
            CronField.Month => "month",
            CronField.DayOfWeek => "day-of-week",
            CronField.Second => "seconds",
            _ => "year",
        };

    private static string Capitalized(CronField field)
    {
        var name = FieldName(field);
        return char.ToUpperInvariant(name[0]) + name.Substring(1);
    }

    private static string Original(ParseState state, CronSpan span)
        => state.IsPreset ? state.Text : state.Text.Substring(span.Start, span.Length);

    // Python's \d and int() accept any Unicode decimal digit, and so does croniter.
    private static bool IsPyInt(string s)
    {
        if (s.Length == 0)
        {
            return false;
        }

        foreach (var c in s)
        {
            if (!char.IsDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The value of a digit string, saturated at one billion (far beyond every cron range).</summary>
    private static int PyInt(string s)
    {
        long v = 0;
        foreach (var c in s)
        {
            v = (v * 10) + CharUnicodeInfo.GetDecimalDigitValue(c);
            if (v > 1_000_000_000)
            {
                return 1_000_000_000;
            }
        }

        return (int)v;
    }

    private static string AsciiLower(string s)
    {
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= 'A' and <= 'Z')
            {
                chars[i] = (char)(chars[i] + 32);
            }
        }

        return new string(chars);
    }

    /// <summary>The separators of Python's <c>str.split()</c>: Unicode white space plus U+001C-U+001F.</summary>
    private static bool IsPythonWhiteSpace(char c) => char.IsWhiteSpace(c) || (c >= '\u001c' && c <= '\u001f');

    private readonly struct Token
    {
        public Token(int start, int length)
        {
            Start = start;
            Length = length;
        }

        public int Start { get; }

        public int Length { get; }
    }

    private static List<Token> SplitPython(string text)
    {
        var tokens = new List<Token>(7);
        var i = 0;
        while (i < text.Length && tokens.Count <= 8)
        {
            while (i < text.Length && IsPythonWhiteSpace(text[i]))
            {
                i++;
            }

            var start = i;
            while (i < text.Length && !IsPythonWhiteSpace(text[i]))
            {
                i++;
            }

            if (i > start)
            {
                tokens.Add(new Token(start, i - start));
            }
        }

        if (i < text.Length)
        {
            // More than eight fields: report up to the end of the text.
            var end = text.Length;
            while (end > i && IsPythonWhiteSpace(text[end - 1]))
            {
                end--;
            }

            if (end > i)
            {
                var last = tokens[tokens.Count - 1];
                tokens[tokens.Count - 1] = new Token(last.Start, end - last.Start);
            }
        }

        return tokens;
    }

    private static CronParseResult Fail(string message, int start, int length)
        => CronParseResult.Failure(new CronParseError(message, new CronSpan(start, length)));

    private sealed class FieldAccumulator
    {
        public HashSet<int> Values { get; } = new();

        public bool Star { get; set; }

        public bool Last { get; set; }
    }

    private sealed class ParseState
    {
        public ParseState(string text, int fieldCount, bool isPreset)
        {
            Text = text;
            FieldCount = fieldCount;
            IsPreset = isPreset;
        }

        public string Text { get; }

        public int FieldCount { get; }

        public bool IsPreset { get; }

        public CronFeatures Features { get; private set; }

        public List<CronFeatureUse> Uses { get; } = new();

        public byte[]? Nth { get; set; }

        public CronParseError? CroniterError { get; private set; }

        /// <summary>Spans of a preset's expansion point at the preset itself.</summary>
        public CronSpan Span(int start, int length, CronSpan fieldSpan)
            => IsPreset ? fieldSpan : new CronSpan(start, length);

        public CronParseError Error(string message, CronSpan span) => new(message, span);

        public void Use(CronFeatures feature, CronField field, CronSpan span)
        {
            Features |= feature;
            Uses.Add(new CronFeatureUse(feature, field, span));
        }

        public void Incompatible(string message, CronSpan span)
            => CroniterError ??= new CronParseError(message, span);
    }
}
