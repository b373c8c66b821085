using System.Text;

namespace Osiris.Oml.Tests.Support;

/// <summary>
/// Builds small pipelines for theory tables, where a full YAML literal per row would drown the one
/// line that matters. Markup (<c>{|OSI0120:…|}</c>) passes through untouched.
/// </summary>
public static class OmlSamples
{
    /// <summary>The top of every sample: a supported version and a conventional name.</summary>
    public const string Header = "oml_version: \"0.1.0\"\nname: test-pipeline\n";

    /// <summary>
    /// A pipeline with one step <c>step</c>. <paramref name="configLines"/> holds the config keys, one
    /// per line separated by <c>\n</c>; null leaves the step without a config.
    /// </summary>
    public static string SingleStep(string component, string mode, string? configLines)
    {
        var sb = new StringBuilder(Header)
            .Append("steps:\n")
            .Append("  - id: step\n")
            .Append("    component: ").Append(component).Append('\n')
            .Append("    mode: ").Append(mode).Append('\n');
        if (configLines is not null)
        {
            sb.Append("    config:\n");
            foreach (var line in configLines.Split('\n'))
            {
                sb.Append("      ").Append(line).Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>A valid pipeline with one duckdb transform step, for tests about the top level.</summary>
    public const string ValidSteps = """
        steps:
          - id: transform
            component: duckdb.processor
            mode: transform
            config:
              query: "select 1"
        """;
}
