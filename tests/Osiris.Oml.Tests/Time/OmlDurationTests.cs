using Osiris.Oml.Time;

namespace Osiris.Oml.Tests.Time;

public sealed class OmlDurationTests
{
    [Theory]
    // integers are seconds
    [InlineData("300", 0, 300)]
    [InlineData("-5", 0, -5)]
    // sums of d/h/m/s parts, with or without spaces
    [InlineData("90s", 0, 90)]
    [InlineData("15m", 0, 900)]
    [InlineData("1h30m", 0, 5400)]
    [InlineData("1d 2h", 1, 7200)]
    [InlineData("24h", 0, 86_400)]
    [InlineData("1d", 1, 0)]
    [InlineData("-1h", 0, -3600)]
    [InlineData(" 2H ", 0, 7200)]
    // ISO-8601
    [InlineData("PT1H30M", 0, 5400)]
    [InlineData("P1D", 1, 0)]
    [InlineData("P1W", 7, 0)]
    [InlineData("-PT15M", 0, -900)]
    public void Parse_ReadsTheDuration_WhenTextIsValid(string text, int days, long seconds)
        => Assert.Equal(new OmlDuration(days, seconds), OmlDuration.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("1.5h")]
    [InlineData("10 minutes")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("h")]
    [InlineData("99999999999999999999999d")]
    public void Parse_ReturnsNull_WhenTextIsNotADuration(string text)
        => Assert.Null(OmlDuration.Parse(text));

    [Theory]
    [InlineData(0, 0, "0s")]
    [InlineData(0, 90, "1m 30s")]
    [InlineData(1, 7200, "1d 2h")]
    [InlineData(0, -3600, "-1h")]
    [InlineData(0, 86_400, "24h")]
    public void ToString_IsTheShortOmlSpelling(int days, long seconds, string expected)
        => Assert.Equal(expected, new OmlDuration(days, seconds).ToString());

    [Fact]
    public void AddTo_FollowsTheZoneClock_ForCalendarDaysOnly()
    {
        // Europe/Prague springs forward on 2026-03-29 at 02:00: that midnight-to-midnight day has 23 hours.
        var zone = NodaTime.DateTimeZoneProviders.Tzdb["Europe/Prague"];
        var before = NodaTime.Instant.FromUtc(2026, 3, 28, 23, 0); // 2026-03-29 00:00 CET

        Assert.Equal(NodaTime.Instant.FromUtc(2026, 3, 29, 22, 0), new OmlDuration(1, 0).AddTo(before, zone)); // 2026-03-30 00:00 CEST
        Assert.Equal(NodaTime.Instant.FromUtc(2026, 3, 29, 23, 0), new OmlDuration(0, 86_400).AddTo(before, zone)); // 24 hours later: 01:00 CEST
    }
}
