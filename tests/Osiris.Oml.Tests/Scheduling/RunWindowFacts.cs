using NodaTime;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Time;

namespace Osiris.Oml.Tests.Scheduling;

/// <summary>The window of a run and how its bounds render (OML-SPEC §2).</summary>
public sealed class RunWindowFacts
{
    private static readonly DateTimeZone Prague = DateTimeZoneProviders.Tzdb["Europe/Prague"];

    [Fact]
    public void For_SlidingFixedSize_EndsAtTheOffsetAndSpansTheSize()
    {
        // The milestone: 24h window, offset −1h, run at 2024-01-15 02:00 UTC.
        var window = new WindowModel(WindowKind.Sliding, new OmlDuration(0, 86_400), new OmlDuration(0, -3600), "updated_at");
        var run = RunWindow.For(window.Kind, window.Size, window.Offset, Instant.FromUtc(2024, 1, 15, 2, 0), null, DateTimeZone.Utc);
        Assert.Equal((Instant.FromUtc(2024, 1, 14, 1, 0), Instant.FromUtc(2024, 1, 15, 1, 0)), (run.Start, run.End));
    }

    [Fact]
    public void For_CalendarDay_Is23HoursOnTheSpringDstDay()
    {
        // Europe/Prague jumps 02:00 → 03:00 on 2026-03-29: the calendar day before the 2026-03-29 04:00 run
        // (from 2026-03-28 04:00 CET) is 23 hours.
        var window = new WindowModel(WindowKind.Sliding, new OmlDuration(1, 0), OmlDuration.Zero, "updated_at");
        var fire = new LocalDateTime(2026, 3, 29, 4, 0).InZoneStrictly(Prague).ToInstant();
        var run = RunWindow.For(window.Kind, window.Size, window.Offset, fire, null, Prague);
        Assert.Equal(Duration.FromHours(23), run.Length);
    }

    [Fact]
    public void For_Tumbling_SpansFromThePreviousRun()
    {
        var window = new WindowModel(WindowKind.Tumbling, null, new OmlDuration(0, -3600), "updated_at");
        var previous = Instant.FromUtc(2026, 10, 24, 0, 0);
        var run = RunWindow.For(window.Kind, window.Size, window.Offset, Instant.FromUtc(2026, 10, 25, 1, 0), previous, Prague);
        Assert.Equal((previous - Duration.FromHours(1), Instant.FromUtc(2026, 10, 25, 0, 0)), (run.Start, run.End));
        Assert.Equal(Duration.FromHours(25), run.Length);
    }

    [Theory]
    [InlineData(null, "2026-10-25 02:30:00")]
    [InlineData("local", "2026-10-25 02:30:00")]
    [InlineData("iso", "2026-10-25T02:30:00+01:00")]
    [InlineData("utc", "2026-10-25 01:30:00")]
    [InlineData("date", "2026-10-25")]
    [InlineData("epoch", "1792891800")]
    public void Render_WritesTheBoundInTheScheduleZone(string? format, string expected)
    {
        // 01:30 UTC on 2026-10-25 is the second 02:30 in Prague (CET): only :iso tells it from the first.
        Assert.Equal(expected, WindowFormats.Render(Instant.FromUtc(2026, 10, 25, 1, 30), Prague, format));
    }

    [Fact]
    public void Render_RejectsAnUnknownFormat()
        => Assert.Throws<ArgumentException>(() => WindowFormats.Render(Instant.FromUtc(2026, 1, 1, 0, 0), Prague, "rfc2822"));
}
