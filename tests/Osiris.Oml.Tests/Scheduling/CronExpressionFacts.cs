using Osiris.Oml.Scheduling;

namespace Osiris.Oml.Tests.Scheduling;

/// <summary>The croniter-dialect parser: what it accepts, where it points when it does not, and what it records.</summary>
public sealed class CronExpressionFacts
{
    [Theory]

    // plain fields, lists, ranges, steps
    [InlineData("* * * * *")]
    [InlineData("0 2 * * *")]
    [InlineData("0,15,30,45 8-18 * * 1-5")]
    [InlineData("5-50/15 * * * *")]
    [InlineData("10/20 * * * *")]
    [InlineData("*/90 * * * *")]
    [InlineData("0 22-2 * * *")]
    [InlineData("5-5 * * * *")]

    // names, in any case, and Sunday as 7
    [InlineData("0 9 * JAN-MAR MON-FRI")]
    [InlineData("0 9 * jan,Jul sat-sun")]
    [InlineData("0 0 * * 7")]

    // special day forms croniter knows
    [InlineData("0 0 L * *")]
    [InlineData("0 0 1-L * *")]
    [InlineData("0 0 * * L5")]
    [InlineData("0 0 * * 1#2")]
    [InlineData("0 0 * * mon-fri#2")]
    [InlineData("0 0 ? * MON")]

    // croniter's 6 and 7 fields (seconds, then year, at the end)
    [InlineData("30 0 12 * * *")]
    [InlineData("0 0 1 1 * 0 2027")]

    // presets
    [InlineData("@hourly")]
    [InlineData("@Daily")]
    [InlineData("@midnight")]
    [InlineData("@annually")]
    [InlineData("@quarterly")]

    // white space as Python's str.split() sees it
    [InlineData("0\t0  *\t* *")]
    [InlineData("  0 0 * * *  ")]
    public void Parse_Succeeds_WhenCroniterAcceptsTheExpression(string text)
    {
        var result = CronExpression.Parse(text);

        Assert.True(result.IsValid, result.Error?.Message);
        Assert.Null(result.Expression!.CroniterIncompatibility);
        Assert.Equal(text, result.Expression.Text);
    }

    [Theory]

    // out of range: the span is the number (the analyzer squiggles inside the string)
    [InlineData("60 * * * *", 0, 2, "Minute 60 is out of range; use 0-59.")]
    [InlineData("0 24 * * *", 2, 2, "Hour 24 is out of range; use 0-23.")]
    [InlineData("0 0 0 * *", 4, 1, "Day-of-month 0 does not exist; use 1-31.")]
    [InlineData("0 0 * 13 *", 6, 2, "Month 13 is out of range; use 1-12 or JAN-DEC.")]
    [InlineData("0 0 * * 8", 8, 1, "Day-of-week 8 is out of range; use 0-7 (0 and 7 are Sunday) or SUN-SAT.")]
    [InlineData("0 0 0-5 * *", 4, 1, "Day-of-month 0 does not exist")]
    [InlineData("99999999999 * * * *", 0, 11, "Minute 99999999999 is out of range")]
    [InlineData("0 0 1 1 * 0 1969", 12, 4, "Year 1969 is out of range; use 1970-2099.")]
    [InlineData("0 0 * * 7 0", 8, 1, "croniter reads 7 as Sunday only in 5-field expressions")]

    // field count
    [InlineData("* * * *", 0, 7, "Found 4 fields where croniter needs 5")]
    [InlineData("* * * * * * * *", 14, 1, "Found 8 fields")]
    [InlineData("", 0, 0, "The cron expression is empty")]
    [InlineData("   ", 0, 3, "The cron expression is empty")]

    // steps, lists, signs
    [InlineData("*/0 * * * *", 2, 1, "A step of 0 never advances")]
    [InlineData("1-5/0 * * * *", 4, 1, "A step of 0 never advances")]
    [InlineData("*/x * * * *", 0, 3, "'*/x' is not a valid step")]
    [InlineData("1/2/3 * * * *", 0, 5, "'1/2/3' is not a valid step")]
    [InlineData("1,,2 * * * *", 2, 1, "empty list item; remove the extra comma")]
    [InlineData("-5 * * * *", 0, 2, "Negative numbers are not allowed")]

    // names and letters
    [InlineData("a b c d e", 0, 1, "'a' is not a valid minute")]
    [InlineData("0 0 * * MON-FRX", 12, 3, "(did you mean 'fri'?)")]
    [InlineData("0 0 * MON *", 6, 3, "'MON' is a weekday; the month field takes JAN-DEC or 1-12.")]
    [InlineData("0 0 * * JAN", 8, 3, "'JAN' is a month")]
    [InlineData("0 0 * * L", 8, 1, "write 'L5' for the last Friday")]
    [InlineData("0 0 L-L * *", 4, 1, "'L' cannot start a range")]
    [InlineData("H 0 * * *", 0, 1, "'H' (a hashed value) needs a hash id")]
    [InlineData("R 0 * * *", 0, 1, "'R' (a random value)")]

    // '?' and the day-of-week specials
    [InlineData("0 ? * * *", 2, 1, "'?' is only allowed in the day-of-month or day-of-week field")]
    [InlineData("0 0 1,? * *", 4, 3, "'?' must stand alone")]
    [InlineData("0 0 * * 1#6", 9, 2, "'#6' asks for week 6 of the month; use #1 to #5.")]
    [InlineData("0 0 * * 1-5#2", 10, 3, "write '1-5#2' as 'mon-fri#2'")]
    [InlineData("0 0 * * 2,L5", 8, 4, "cannot mix plain weekdays with '#' or 'L' weekdays")]
    [InlineData("0 0 * * 5#L", 8, 3, "'5#L' is croner syntax")]
    [InlineData("0 0 32W * *", 4, 3, "use a day from 1 to 31")]

    // presets
    [InlineData("@every_minute", 0, 13, "write '* * * * *'")]
    [InlineData("@every_second", 0, 13, "'@every_second' is a Cronos macro")]
    [InlineData("@reboot", 0, 7, "'@reboot' runs a job when the machine starts")]
    [InlineData("@once", 0, 5, "'@once' is an Airflow DAG schedule")]
    [InlineData("@dialy", 0, 6, "Unknown preset '@dialy' (did you mean '@daily'?)")]
    [InlineData(" @daily", 0, 7, "Remove the spaces around '@daily'")]
    [InlineData("@daily x", 7, 1, "A preset stands alone")]
    public void Parse_FailsAtTheOffendingToken_WhenCroniterRejectsTheExpression(string text, int start, int length, string message)
    {
        var result = CronExpression.Parse(text);

        Assert.False(result.IsValid);
        Assert.Null(result.Expression);
        Assert.Equal(new CronSpan(start, length), result.Error!.Span);
        Assert.Contains(message, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Fails_WhenTextIsNullOrTooLong()
    {
        Assert.Contains("missing", CronExpression.Parse(null).Error!.Message, StringComparison.Ordinal);
        var longText = new string('1', 2000);
        Assert.Equal(new CronSpan(0, 2000), CronExpression.Parse(longText).Error!.Span);
    }

    [Theory]
    [InlineData("0 0 15W * *", CronFeatures.NearestWeekday, 4, 3, "(nearest weekday) is Cronos syntax")]
    [InlineData("0 0 LW * *", CronFeatures.NearestWeekday, 4, 2, "(nearest weekday) is Cronos syntax")]
    [InlineData("0 0 L-3 * *", CronFeatures.LastDayOffset, 4, 3, "(days before the last day)")]
    [InlineData("0 0 * * 5L", CronFeatures.CronosLastWeekday, 8, 2, "writes it 'L5'")]
    public void Parse_RecordsCroniterIncompatibility_WhenCronosOnlyDayFormIsUsed(string text, CronFeatures feature, int start, int length, string message)
    {
        var cron = ScheduleAssert.Cron(text);

        Assert.Equal(feature, cron.Features);
        Assert.Equal(new CronSpan(start, length), cron.CroniterIncompatibility!.Span);
        Assert.Contains(message, cron.CroniterIncompatibility.Message, StringComparison.Ordinal);
        Assert.Null(cron.GetNextLocalTime(new NodaTime.LocalDateTime(2025, 1, 1, 0, 0)));
    }

    [Theory]
    [InlineData("0 0 L * *", CronFeatures.LastDayOfMonth, CronField.DayOfMonth, 4, 1)]
    [InlineData("0 0 * * L5", CronFeatures.LastWeekdayOfMonth, CronField.DayOfWeek, 8, 2)]
    [InlineData("0 0 * * 1#2", CronFeatures.NthWeekdayOfMonth, CronField.DayOfWeek, 8, 3)]
    [InlineData("0 0 ? * 1", CronFeatures.QuestionMark, CronField.DayOfMonth, 4, 1)]
    [InlineData("0 22-2 * * *", CronFeatures.WrapAroundRange, CronField.Hour, 2, 4)]
    [InlineData("0 0 * * sat-sun", CronFeatures.WrapAroundRange, CronField.DayOfWeek, 8, 7)]
    [InlineData("5-5 * * * *", CronFeatures.WholeCycleRange, CronField.Minute, 0, 3)]
    [InlineData("*/7 * * * *", CronFeatures.UnevenStep, CronField.Minute, 0, 3)]
    [InlineData("30/20 * * * *", CronFeatures.UnevenStep, CronField.Minute, 0, 5)]
    [InlineData("0 0 */2 * MON", CronFeatures.UnevenStep, CronField.DayOfMonth, 4, 3)]
    [InlineData("0 */5 * * *", CronFeatures.UnevenStep, CronField.Hour, 2, 3)]
    [InlineData("*/90 * * * *", CronFeatures.StepLargerThanRange, CronField.Minute, 0, 4)]
    [InlineData("0 0 * * 7", CronFeatures.SundayAsSeven, CronField.DayOfWeek, 8, 1)]
    [InlineData("0 9 * JAN *", CronFeatures.Names, CronField.Month, 6, 3)]
    public void Parse_RecordsFeatureAtItsToken_WhenExpressionUsesIt(string text, CronFeatures feature, CronField field, int start, int length)
    {
        var cron = ScheduleAssert.Cron(text);

        Assert.True((cron.Features & feature) == feature, $"{cron.Features} lacks {feature}");
        Assert.Contains(new CronFeatureUse(feature, field, new CronSpan(start, length)), cron.FeatureUses);
    }

    [Theory]
    [InlineData("*/15 * * * *")]
    [InlineData("10/20 * * * *")]
    [InlineData("0 */6 * * *")]
    [InlineData("0 0 1 */3 *")]
    [InlineData("5-50/15 * * * *")]
    public void Parse_RecordsNoStepFeature_WhenStepDividesItsCycle(string text)
        => Assert.Equal(CronFeatures.None, ScheduleAssert.Cron(text).Features & (CronFeatures.UnevenStep | CronFeatures.StepLargerThanRange));

    [Theory]
    [InlineData("0 2 * * *", 5, CronLayout.FiveFields)]
    [InlineData("30 0 12 * * *", 6, CronLayout.SixFieldsSecondsLast)]
    [InlineData("0 0 1 1 * 0 2027", 7, CronLayout.SevenFieldsSecondsAndYear)]
    [InlineData("@weekly", 5, CronLayout.FiveFields)]
    public void Parse_ReportsLayout_ByFieldCount(string text, int fieldCount, CronLayout layout)
    {
        var cron = ScheduleAssert.Cron(text);

        Assert.Equal(fieldCount, cron.FieldCount);
        Assert.Equal(layout, cron.Layout);
    }

    [Fact]
    public void Parse_KeepsFieldSpans_InTextOrder()
    {
        var cron = ScheduleAssert.Cron(" 30  0 12 * * 5");

        Assert.Equal(
            new[]
            {
                new CronFieldSyntax(CronField.Minute, new CronSpan(1, 2), "30"),
                new CronFieldSyntax(CronField.Hour, new CronSpan(5, 1), "0"),
                new CronFieldSyntax(CronField.DayOfMonth, new CronSpan(7, 2), "12"),
                new CronFieldSyntax(CronField.Month, new CronSpan(10, 1), "*"),
                new CronFieldSyntax(CronField.DayOfWeek, new CronSpan(12, 1), "*"),
                new CronFieldSyntax(CronField.Second, new CronSpan(14, 1), "5"),
            },
            cron.Fields);
        Assert.Equal("5", cron.GetField(CronField.Second)!.Text);
        Assert.Null(cron.GetField(CronField.Year));
    }

    [Fact]
    public void Parse_ExpandsPreset_AndPointsFeatureSpansAtIt()
    {
        var cron = ScheduleAssert.Cron("@Hourly");

        Assert.Equal("@hourly", cron.PresetName);
        Assert.Equal("0 * * * *", cron.PresetExpansion);
        Assert.Empty(cron.Fields);
        Assert.True(cron.HourIsWildcard);
        Assert.Equal("0 0 1 */3 *", ScheduleAssert.Cron("@quarterly").PresetExpansion);
    }

    [Theory]
    [InlineData("0 0 1 * MON", true)]
    [InlineData("0 0 */2 * MON", true)]
    [InlineData("0 0 1-31 * 1", true)]
    [InlineData("0 0 1 * *", false)]
    [InlineData("0 0 * * MON", false)]
    [InlineData("0 0 ? * MON", false)]
    [InlineData("0 0 1 * ?", false)]
    [InlineData("0 0 1 * 0-6", true)]
    [InlineData("0 0 * * 0-6", false)]
    public void DayOfMonthAndDayOfWeekRestricted_FollowsCroniter_WhenBothDayFieldsAreWritten(string text, bool expected)
        => Assert.Equal(expected, ScheduleAssert.Cron(text).DayOfMonthAndDayOfWeekRestricted);

    [Theory]
    [InlineData("0 * * * *", true)]
    [InlineData("*/15 * * * *", true)]
    [InlineData("0 0-23 * * *", true)]
    [InlineData("0 */1 * * *", true)]
    [InlineData("@hourly", true)]
    [InlineData("0 */2 * * *", false)]
    [InlineData("0 *,5 * * *", false)]
    [InlineData("0 2 * * *", false)]
    public void HourIsWildcard_MatchesCroniterExpansion(string text, bool expected)
        => Assert.Equal(expected, ScheduleAssert.Cron(text).HourIsWildcard);

    [Theory]
    [InlineData("0 0 30 2 *", true)]
    [InlineData("0 0 31 4,6,9,11 *", true)]
    [InlineData("0 0 30 2 MON", true)]
    [InlineData("0 0 1 * 1#2", true)]
    [InlineData("0 0 29 2 *", false)]
    [InlineData("0 0 31 * *", false)]
    [InlineData("0 0 29 2 1", false)]
    [InlineData("0 0 1 1 * 0 2027", false)]
    [InlineData("0 0 15W * *", false)]
    public void NeverFires_IsTrue_WhenCroniterFindsNoDateWithin50Years(string text, bool expected)
        => Assert.Equal(expected, ScheduleAssert.Cron(text).NeverFires);

    [Fact]
    public void Equals_ComparesText_Ordinally()
    {
        Assert.Equal(ScheduleAssert.Cron("0 2 * * *"), ScheduleAssert.Cron("0 2 * * *"));
        Assert.NotEqual(ScheduleAssert.Cron("0 2 * * *"), ScheduleAssert.Cron("0 2 * * * "));
        Assert.NotEqual(ScheduleAssert.Cron("@daily"), ScheduleAssert.Cron("@DAILY"));
    }

    [Fact]
    public void Parse_NeverThrows_AndKeepsSpansInsideTheText_OnRandomInput()
    {
        var random = new Random(20260214);
        var alphabet = "0123456789*/-,?#LlWwHhRr@ \tJANFEBMONfriSUNxyz٣\u00a0\u001c".ToCharArray();
        for (var i = 0; i < 20_000; i++)
        {
            var chars = new char[random.Next(0, 24)];
            for (var j = 0; j < chars.Length; j++)
            {
                chars[j] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            var result = CronExpression.Parse(text);
            if (result.IsValid)
            {
                foreach (var use in result.Expression.FeatureUses)
                {
                    Assert.InRange(use.Span.End, use.Span.Start, text.Length);
                }
            }
            else
            {
                Assert.InRange(result.Error.Span.Start, 0, text.Length);
                Assert.InRange(result.Error.Span.End, result.Error.Span.Start, text.Length);
                Assert.False(string.IsNullOrWhiteSpace(result.Error.Message));
            }
        }
    }
}
