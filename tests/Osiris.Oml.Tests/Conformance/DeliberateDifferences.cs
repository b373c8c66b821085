namespace Osiris.Oml.Tests.Conformance;

/// <summary>
/// Where our verdict differs from Osiris on purpose (OML-SPEC.md §1, "Where we deliberately differ"),
/// document by document. A difference not listed here fails the test; a listed one that no longer
/// occurs fails too, so the list stays exact.
/// </summary>
public static class DeliberateDifferences
{
    /// <summary>A difference: in <paramref name="File"/>, Osiris' <paramref name="What"/> (a type@location, or "validity").</summary>
    public sealed record Difference(string File, string What, string Reason);

    private const string SchemaOverPrimaryKeyRule =
        "OML-SPEC §1: follow the component schema instead of Osiris' primary-key rule";

    private const string ValueChecks =
        "OML-SPEC §1: we check value types and ranges from the component schema";

    public static readonly IReadOnlyList<Difference> All = new Difference[]
    {
        // mysql.writer has no primary_key in its schema; 'mode: upsert' matches rows on 'upsert_keys',
        // so we report the missing upsert_keys (steps[0].config.upsert_keys) instead.
        new(
            "py__tests_unit_test_oml_validator__TestOMLValidator_test_primary_key_required_for_upsert_mysql__L435.yaml",
            "missing_required_field@steps[0].config.primary_key",
            SchemaOverPrimaryKeyRule),

        // filesystem.csv_writer has neither write modes nor a primary key in its schema: we report the
        // unknown 'write_mode' key (an error Osiris reports too) and not a primary key it cannot take.
        new(
            "doc__docs_guides_filesystem_connections_md__L182.yaml",
            "missing_required_field@steps[1].config.primary_key",
            SchemaOverPrimaryKeyRule),
        new(
            "doc__docs_quickstart_md__L97.yaml",
            "missing_required_field@steps[1].config.primary_key",
            SchemaOverPrimaryKeyRule),

        // The milestone's 0.2.0 example has a schedule and no metadata.owner: OML-SPEC §4 makes OSI0301
        // (missing owner) an error for a scheduled pipeline. The Osiris 0.1.0 validator has no such rule.
        new(
            "doc__docs_roadmap_milestone_m2_planning_md__L20.yaml",
            "validity",
            "OML-SPEC §4: OSI0301 missing owner is an error for a scheduled pipeline"),

        // write_mode: merge — supabase.writer's schema allows append, replace, upsert. Osiris only warns.
        new(
            "py__tests_unit_test_oml_validator__TestOMLValidator_test_unknown_write_mode_warning__L519.yaml",
            "validity",
            ValueChecks),
    };

    /// <summary>How many documents we judge invalid although Osiris accepts them (or the reverse).</summary>
    public static int ValidityFlips => All.Count(d => d.What == "validity");

    /// <summary>How many Osiris errors have deliberately no diagnostic of ours at that place.</summary>
    public static int UnmatchedErrors => All.Count(d => d.What != "validity");

    /// <summary>The differences between a verdict and our analysis that are not listed.</summary>
    public static IReadOnlyList<string> Compare(OsirisCorpus.Verdict verdict, OmlFileAnalysis analysis)
    {
        var listed = All.Where(d => d.File == verdict.File).ToList();
        var problems = new List<string>();
        var used = new HashSet<Difference>();

        if (verdict.Valid != !analysis.HasErrors)
        {
            var allowed = listed.FirstOrDefault(d => d.What == "validity");
            if (allowed is null)
            {
                problems.Add($"validity differs: Osiris says {(verdict.Valid ? "valid" : "invalid")}, we say {(analysis.HasErrors ? "invalid" : "valid")}");
            }
            else
            {
                used.Add(allowed);
            }
        }

        foreach (var error in verdict.Errors)
        {
            if (OsirisCorpus.IsMatched(error, analysis))
            {
                continue;
            }

            var key = error.Type + "@" + error.Location;
            var allowed = listed.FirstOrDefault(d => d.What == key);
            if (allowed is null)
            {
                problems.Add($"Osiris error {key} ({error.Message}) has no matching diagnostic");
            }
            else
            {
                used.Add(allowed);
            }
        }

        foreach (var stale in listed.Where(d => !used.Contains(d)))
        {
            problems.Add($"listed difference no longer occurs: {stale.What} ({stale.Reason})");
        }

        return problems;
    }
}
