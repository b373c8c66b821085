using System.Text.Json;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Scheduling;

/// <summary>
/// The cron-dev oracle (<c>../shared/oracles/cron-dev</c>: <c>cases.json</c> and <c>expected.json</c>),
/// read in place and never copied into the repository: cases and the fire times Airflow, Prefect
/// (Python ≤ 3.12 and ≥ 3.13) and Dagster ≤ 1.12 compute for them. A clone without <c>../shared</c>
/// has no oracle; the tests that need it report themselves skipped with <see cref="MissingReason"/>.
/// </summary>
internal static class CronOracle
{
    public const string MissingReason =
        "../shared/oracles/cron-dev is not present (it exists in the development workspace and CI, not in a clone); the fire times were not checked against the oracle";

    private static readonly Lazy<Data?> Loaded = new(Load);

    /// <summary>Whether the oracle was found.</summary>
    public static bool IsPresent => Loaded.Value is not null;

    public static IReadOnlyList<Case> Cases => Require().Cases;

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, Expectation>> Expected => Require().Expected;

    public static string TzdbVersion => Require().Tzdata;

    /// <summary>The oracle's folder, or null when <c>../shared</c> or the oracle is not there.</summary>
    public static string? Folder => RepositoryPaths.Shared is { } shared && File.Exists(Path.Combine(shared, "oracles", "cron-dev", "cases.json"))
        ? Path.Combine(shared, "oracles", "cron-dev")
        : null;

    public sealed record Case(string Id, string Cron, string Zone, string Start, int Count, bool DayOr, string? Note);

    public sealed record Expectation(bool Ok, IReadOnlyList<string> Fires, string? Error);

    private sealed record Data(IReadOnlyList<Case> Cases, IReadOnlyDictionary<string, IReadOnlyDictionary<string, Expectation>> Expected, string Tzdata);

    private static Data Require() => Loaded.Value ?? throw new InvalidOperationException(MissingReason);

    private static Data? Load()
    {
        if (Folder is not { } folder)
        {
            return null;
        }

        using var casesDoc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "cases.json")));
        using var expectedDoc = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "expected.json")));
        var root = casesDoc.RootElement;
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
        foreach (var engine in expectedDoc.RootElement.EnumerateObject())
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
