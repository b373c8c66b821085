using System.Globalization;
using System.Text;

namespace Osiris.Oml.Tests.Support;

/// <summary>
/// Repositories of realistic OML 0.2.0 pipelines for the repository-scale tests and benchmarks: several
/// zones and schedules, chains of ten pipelines linked by lineage on both sides, SLAs, a few tables that
/// several pipelines write, and a shape for each of the hostile cases of issue 7. Deterministic: the
/// same size always gives the same files.
/// </summary>
public static class SyntheticRepository
{
    private static readonly string[] Zones = { "UTC", "Europe/Prague", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "America/Sao_Paulo" };

    private static readonly string[] Crons = { "0 2 * * *", "30 * * * *", "*/15 * * * *", "0 6 * * 1", "15 3 1 * *", "0 */4 * * *", "45 23 * * *", "10 5 * * *" };

    private static readonly string[] Timeouts = { "30m", "1h", "2h", "20m" };

    /// <summary>The file of pipeline <paramref name="i"/> of a repository of <paramref name="count"/>.</summary>
    public static (string Path, string Text) Realistic(int i, int count)
    {
        var name = Name(i);
        var upstream = i % 10 == 0 ? string.Empty : $"\n      - \"pipeline: {Name(i - 1)}\"";
        var downstream = i % 10 == 9 || i + 1 >= count ? string.Empty : $"\n      - \"pipeline: {Name(i + 1)}\"";

        // Every 25th pipeline loads the shared customers table; the others have their own.
        var table = i % 25 == 0 ? "customers" : "table_" + i.ToString(CultureInfo.InvariantCulture);
        var text = $$"""
            oml_version: "0.2.0"
            name: "{{name}}"
            schedule:
              expression: "{{Crons[i % Crons.Length]}}"
              timezone: "{{Zones[i / 3 % Zones.Length]}}"
              timeout: "{{Timeouts[i % Timeouts.Length]}}"
              retry:
                attempts: 2
                delay: "5m"
            metadata:
              owner: "data-team@company.com"
              team: "data-platform"
              sla: "4h"
              criticality: "{{(i % 7 == 0 ? "high" : "medium")}}"
              tags: ["daily", "zone-{{i / 3 % Zones.Length}}"]
              lineage:
                upstream:
                  - "table: mysql.source_{{i}}"{{upstream}}
                downstream:
                  - "dashboard: board_{{i}}"{{downstream}}
              notifications:
                on_failure:
                  - email: "oncall@company.com"
            steps:
              - id: "extract"
                component: "mysql.extractor"
                mode: "read"
                config:
                  connection: "@mysql.primary"
                  table: "source_{{i}}"
              - id: "load"
                component: "supabase.writer"
                mode: "write"
                needs: ["extract"]
                config:
                  connection: "@supabase.analytics"
                  table: "{{table}}"
                  write_mode: "upsert"
                  primary_key: "id"

            """;
        return ($"pipelines/{name}.oml", text.Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>
    /// A pipeline on <paramref name="cron"/> in UTC that writes <paramref name="table"/> and names
    /// <paramref name="upstream"/> as its upstream pipeline (when given).
    /// </summary>
    public static (string Path, string Text) Scheduled(int i, string cron, string timeout, string table, string? upstream = null)
    {
        var name = Name(i);
        var lineage = upstream is null ? string.Empty : $"\n  lineage:\n    upstream: [\"pipeline: {upstream}\"]";
        var text = new StringBuilder()
            .Append("oml_version: \"0.2.0\"\nname: \"").Append(name).Append("\"\n")
            .Append("schedule:\n  expression: \"").Append(cron).Append("\"\n  timezone: \"UTC\"\n  timeout: \"").Append(timeout).Append("\"\n")
            .Append("metadata:\n  owner: \"data-team@company.com\"\n  sla: \"4h\"").Append(lineage).Append('\n')
            .Append("steps:\n  - id: \"load\"\n    component: \"supabase.writer\"\n    mode: \"write\"\n    config:\n")
            .Append("      connection: \"@supabase.analytics\"\n      table: \"").Append(table).Append("\"\n      write_mode: \"upsert\"\n      primary_key: \"id\"\n")
            .ToString();
        return ($"pipelines/{name}.oml", text);
    }

    public static string Name(int i) => "pipeline_" + i.ToString("D5", CultureInfo.InvariantCulture);
}
