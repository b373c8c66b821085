using System.Text;

namespace Osiris.Oml.Tests.Support;

/// <summary>
/// The hostile shapes of issue 7 (aliases repeating long values, thousands of steps), in any size.
/// The regression tests and the worst-case benchmark build their files here.
/// </summary>
public static class HostileFiles
{
    /// <summary><c>metadata: {tags: [&amp;t "&lt;value&gt;", *t, *t, …]}</c>: every use a duplicate tag at the anchor.</summary>
    public static string AliasedTag(int valueLength, int uses)
        => "oml_version: \"0.2.0\"\nname: p\nsteps: [{id: a, component: duckdb.processor, mode: transform, config: {query: q}}]\nmetadata: {tags: [&t \""
           + new string('x', valueLength) + "\"" + Repeat(", *t", uses) + "]}\n";

    /// <summary>One step whose <c>needs</c> repeat an aliased long id: an unknown id, then duplicates.</summary>
    public static string AliasedNeeds(int valueLength, int uses)
        => "oml_version: \"0.1.0\"\nname: p\nsteps:\n  - id: a\n    component: duckdb.processor\n    mode: transform\n    config: {query: q}\n    needs: [&n \""
           + new string('x', valueLength) + "\"" + Repeat(", *n", uses) + "]\n";

    /// <summary><c>lineage: {upstream: [&amp;l "pipeline: &lt;name&gt;", *l, …]}</c>.</summary>
    public static string AliasedLineage(int nameLength, int uses)
        => "oml_version: \"0.2.0\"\nname: p\nsteps: [{id: a, component: duckdb.processor, mode: transform, config: {query: q}}]\nmetadata: {lineage: {upstream: [&l \"pipeline: "
           + new string('x', nameLength) + "\"" + Repeat(", *l", uses) + "]}}\n";

    /// <summary>
    /// One config whose query holds <paramref name="references"/> × <c>${window.start}</c> without a
    /// window (OSI0209 each), shared by <paramref name="steps"/> steps through <c>config: *c</c>.
    /// </summary>
    public static string AliasedWindowConfig(int references, int steps)
    {
        var sb = new StringBuilder("oml_version: \"0.2.0\"\nname: p\nsteps:\n  - id: s0\n    component: duckdb.processor\n    mode: transform\n    config: &c\n      query: \"");
        sb.Append(Repeat("${window.start} ", references)).Append("\"\n");
        for (var i = 1; i < steps; i++)
        {
            sb.Append("  - id: s").Append(i).Append("\n    component: duckdb.processor\n    mode: transform\n    config: *c\n");
        }

        return sb.ToString();
    }

    /// <summary><paramref name="steps"/> steps, each needing a misspelled id of the next one (OSI0113 with a suggestion search each).</summary>
    public static string MisspelledNeeds(int steps)
    {
        var sb = new StringBuilder("oml_version: \"0.1.0\"\nname: p\nsteps:\n");
        for (var i = 0; i < steps; i++)
        {
            sb.Append("  - {id: step_number_").Append(i).Append(", needs: [stepnumber_").Append(i + 1).Append("x]}\n");
        }

        return sb.ToString();
    }

    /// <summary>A pipeline with <paramref name="each"/> findings of each of eleven kinds.</summary>
    public static string ManyKindsOfFindings(int each)
    {
        var sb = new StringBuilder("oml_version: \"0.2.0\"\nname: p\n");
        for (var i = 0; i < each; i++)
        {
            sb.Append("unknown_").Append(i).Append(": 1\n");
        }

        sb.Append("metadata:\n  tags: [").Append(string.Join(", ", Enumerable.Range(0, each).Select(i => "Bad Tag " + i))).Append("]\n");
        sb.Append("  notifications: {").Append(string.Join(", ", Enumerable.Range(0, each).Select(i => "on_event_" + i + ": []"))).Append("}\n");
        sb.Append("  lineage: {upstream: [").Append(string.Join(", ", Enumerable.Range(0, each).Select(i => "\"no kind " + i + "\""))).Append("]}\n");
        sb.Append("steps:\n");
        for (var i = 0; i < each; i++)
        {
            sb.Append("  - {id: dup, component: acme.nothing").Append(i).Append(", mode: sideways, needs: [ghost").Append(i).Append(", ghost").Append(i)
              .Append("], nede: 1, config: 1}\n");
        }

        return sb.ToString();
    }

    private static string Repeat(string s, int count) => new StringBuilder(s.Length * count).Insert(0, s, count).ToString();
}
