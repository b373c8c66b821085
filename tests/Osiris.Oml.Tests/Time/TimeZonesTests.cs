using Osiris.Oml.Time;

namespace Osiris.Oml.Tests.Time;

public sealed class TimeZonesTests
{
    [Fact]
    public void TzdbVersion_IsTheEmbeddedRelease()
        => Assert.Equal("2026f", TimeZones.TzdbVersion);

    [Theory]
    [InlineData("Europe/Prague")]
    [InlineData("UTC")]
    [InlineData("US/Eastern")]
    [InlineData("Etc/GMT-3")]
    [InlineData("Australia/Lord_Howe")]
    public void Find_ReturnsTheZone_ForIanaIds(string id)
        => Assert.NotNull(TimeZones.Find(id));

    [Theory]
    [InlineData("europe/prague", "Europe/Prague")]
    [InlineData("Europe/Pargue", "Europe/Prague")]
    [InlineData("America/New York", "America/New_York")]
    [InlineData("PST", "America/Los_Angeles")]
    [InlineData("Prague", "Europe/Prague")]
    [InlineData("Asia/Kolkatta", "Asia/Kolkata")]
    public void Suggest_NamesTheIntendedZone_ForCommonMistakes(string typed, string expected)
    {
        Assert.Null(TimeZones.Find(typed));
        Assert.Equal(expected, TimeZones.Suggest(typed));
    }

    [Fact]
    public void Suggest_ReturnsNull_WhenNothingIsClose()
        => Assert.Null(TimeZones.Suggest("Mars/Olympus_Mons"));
}
