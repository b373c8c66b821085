using System.Text.Json;

namespace Osiris.Oml.Tests.Scheduling;

/// <summary>
/// The cron-dev oracle copied into the test assembly (Scheduling/Oracle/cron-dev.json): cases and
/// the fire times Airflow, Prefect (Python ≤ 3.12 and ≥ 3.13) and Dagster ≤ 1.12 compute for them.
/// </summary>
internal static class CronOracle
{
    private static readonly Lazy<Data> Loaded = new(Load);

    public static IReadOnlyList<Case> Cases => Loaded.Value.Cases;

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, Expectation>> Expected => Loaded.Value.Expected;

    public static string TzdbVersion => Loaded.Value.Tzdata;

    public sealed record Case(string Id, string Cron, string Zone, string Start, int Count, bool DayOr, string? Note);

    public sealed record Expectation(bool Ok, IReadOnlyList<string> Fires, string? Error);

    private sealed record Data(IReadOnlyList<Case> Cases, IReadOnlyDictionary<string, IReadOnlyDictionary<string, Expectation>> Expected, string Tzdata);

    private static Data Load()
    {
        using var stream = typeof(CronOracle).Assembly.GetManifestResourceStream("Osiris.Oml.Tests.Scheduling.Oracle.cron-dev.json")
            ?? throw new InvalidOperationException("The embedded cron-dev oracle is missing.");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var cases = root.GetProperty("cases").EnumerateArray()
            .Select(c => new Case(
                c.GetProperty("id").GetString()!,
                c.GetProperty("cron").GetString()!,
                c.GetProperty("tz").GetString()!,
                c.GetProperty("start").GetString()!,
                c.GetProperty("n").GetInt32(),
                !c.TryGetProperty("day_or", out var dayOr) || dayOr.GetBoolean(),
                c.TryGetProperty("note", out var note) ? note.GetString() : null))
            .ToList();
        var expected = new Dictionary<string, IReadOnlyDictionary<string, Expectation>>(StringComparer.Ordinal);
        foreach (var engine in root.GetProperty("expected").EnumerateObject())
        {
            var perCase = new Dictionary<string, Expectation>(StringComparer.Ordinal);
            foreach (var entry in engine.Value.EnumerateObject())
            {
                var ok = entry.Value.GetProperty("ok").GetBoolean();
                var fires = ok ? entry.Value.GetProperty("fires").EnumerateArray().Select(f => f.GetString()!).ToList() : new List<string>();
                var error = entry.Value.TryGetProperty("error", out var e) ? e.GetString() : null;
                perCase[entry.Name] = new Expectation(ok, fires, error);
            }

            expected[engine.Name] = perCase;
        }

        return new Data(cases, expected, root.GetProperty("tzdata").GetString()!);
    }
}
