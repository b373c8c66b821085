using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Osiris.Oml.Export;
using Osiris.Oml.Time;

namespace Osiris.Oml.Tests.Export;

/// <summary>
/// The window arithmetic the exports run in Python (<c>_shift</c>) gives the same instants as the
/// preview's (<see cref="OmlDuration.AddTo"/>), across DST gaps and folds: python3 runs the function
/// exactly as an export writes it.
/// </summary>
public sealed class WindowCodeTests
{
    [Theory]
    [InlineData("Europe/Prague")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("America/Santiago")]
    [InlineData("Asia/Kolkata")]
    public void Shift_InPython_MatchesOmlDurationAddTo(string zoneId)
    {
        var model = ExportSamples.Seed();
        model = model with { Schedule = model.Schedule! with { TimeZone = zoneId } };
        var dag = PipelineExporter.Export(model, ExportFormat.Airflow, ExportSamples.Options).Files.Single().Content;
        var start = dag.IndexOf("def _shift", StringComparison.Ordinal);
        var function = dag.Substring(start, dag.IndexOf("\n\n\n", start, StringComparison.Ordinal) - start);

        var zone = TimeZones.Find(zoneId)!;
        var cases = new List<(Instant At, OmlDuration By)>();
        foreach (var interval in zone.GetZoneIntervals(Instant.FromUtc(2025, 1, 1, 0, 0), Instant.FromUtc(2026, 12, 31, 0, 0)).Skip(1))
        {
            for (var minutes = -26 * 60; minutes <= 26 * 60; minutes += 45)
            {
                foreach (var by in new[] { "1d", "-1d", "-1h", "2d 3h", "-1d 30m", "24h" })
                {
                    cases.Add((interval.Start + Duration.FromMinutes(minutes), OmlDuration.Parse(by)!.Value));
                }
            }
        }

        var code = "import sys\nfrom datetime import datetime, timedelta, timezone\nfrom zoneinfo import ZoneInfo\n"
            + "ZONE = ZoneInfo(sys.argv[1])\n" + function + "\n"
            + "for line in sys.stdin.read().split():\n"
            + "    at, days, seconds = line.split(',')\n"
            + "    print(_shift(datetime.fromtimestamp(int(at), timezone.utc), int(days), int(seconds)).timestamp())\n";
        var input = string.Join("\n", cases.Select(c => string.Join(",", c.At.ToUnixTimeSeconds(), c.By.Days, c.By.Seconds)));
        var output = PythonChecker.RunCode(code, input, zoneId).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(cases.Count, output.Length);
        for (var i = 0; i < cases.Count; i++)
        {
            var expected = cases[i].By.AddTo(cases[i].At, zone);
            var actual = Instant.FromUnixTimeSeconds((long)double.Parse(output[i], CultureInfo.InvariantCulture));
            Assert.True(expected == actual, $"{InstantPattern.ExtendedIso.Format(cases[i].At)} + {cases[i].By} in {zoneId}: preview {expected}, Python {actual}");
        }
    }
}
