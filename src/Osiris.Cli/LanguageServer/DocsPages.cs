using System.Collections.Concurrent;
using System.Text;

namespace Osiris.Cli.LanguageServer;

/// <summary>
/// The "How to fix" section of each diagnostic's docs page (src/Osiris.Oml/Diagnostics/Docs), which
/// the tool carries as embedded resources, for hovers on a finding.
/// </summary>
internal static class DocsPages
{
    private static readonly ConcurrentDictionary<string, string?> Cache = new(StringComparer.Ordinal);

    /// <summary>The prose of the page's "How to fix" section (up to its first example), or null.</summary>
    public static string? HowToFix(string id) => Cache.GetOrAdd(id, Read);

    private static string? Read(string id)
    {
        using var stream = typeof(DocsPages).Assembly.GetManifestResourceStream("docs/" + id + ".md");
        if (stream is null)
        {
            return null;
        }

        using var reader = new StreamReader(stream, Encoding.UTF8);
        var inSection = false;
        var text = new StringBuilder();
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                if (inSection)
                {
                    break;
                }

                inSection = string.Equals(line.Trim(), "## How to fix", StringComparison.Ordinal);
                continue;
            }

            if (!inSection)
            {
                continue;
            }

            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                break;
            }

            text.Append(line).Append('\n');
        }

        // The prose usually leads into an example ("... every day in almost every zone:"), which the page shows.
        var result = text.ToString().Trim();
        if (result.EndsWith(':'))
        {
            result = result[..^1] + " (see the example on the page).";
        }

        return result.Length == 0 ? null : result;
    }
}
