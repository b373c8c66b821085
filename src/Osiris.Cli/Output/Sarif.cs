using System.Reflection;
using System.Text.Json;
using Osiris.Cli.Workspace;
using Osiris.Oml.Diagnostics;

namespace Osiris.Cli.Output;

/// <summary>
/// SARIF 2.1.0 for GitHub code scanning: one run, every Osiris rule with its help page, results with
/// URIs relative to <c>%SRCROOT%</c> (the repository root: the nearest folder above the current one
/// with a <c>.git</c>, else the current folder), declared in <c>originalUriBaseIds</c>.
/// </summary>
internal static class Sarif
{
    public const string SrcRoot = "%SRCROOT%";

    public static string ToolVersion { get; } =
        typeof(Sarif).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    public static string Write(ValidationResult result, string currentDirectory)
    {
        var root = RepositoryRoot(currentDirectory);
        var rules = DiagnosticCatalog.All.OrderBy(d => d.Id, StringComparer.Ordinal).ToList();
        var index = rules.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
            w.WriteString("version", "2.1.0");
            w.WriteStartArray("runs");
            w.WriteStartObject();

            w.WriteStartObject("tool");
            w.WriteStartObject("driver");
            w.WriteString("name", "osiris");
            w.WriteString("informationUri", "https://github.com/osiris-pipelines/Osiris.Analyzers");
            w.WriteString("version", ToolVersion);
            w.WriteString("semanticVersion", ToolVersion);
            w.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                w.WriteStartObject();
                w.WriteString("id", rule.Id);
                w.WriteString("name", RuleName(rule.Title));
                w.WriteStartObject("shortDescription");
                w.WriteString("text", rule.Title);
                w.WriteEndObject();
                w.WriteStartObject("fullDescription");
                w.WriteString("text", rule.Description);
                w.WriteEndObject();
                w.WriteString("helpUri", rule.HelpLink);
                w.WriteStartObject("help");
                w.WriteString("text", rule.Description + " See " + rule.HelpLink);
                w.WriteEndObject();
                w.WriteStartObject("defaultConfiguration");
                w.WriteString("level", Level(rule.DefaultSeverity));
                w.WriteEndObject();
                w.WriteStartObject("properties");
                w.WriteString("category", rule.Category);
                w.WriteStartArray("tags");
                w.WriteStringValue(rule.Category);
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartObject("originalUriBaseIds");
            w.WriteStartObject(SrcRoot);
            w.WriteString("uri", new Uri(root.TrimEnd('/', '\\') + "/").AbsoluteUri);
            w.WriteEndObject();
            w.WriteEndObject();

            w.WriteStartArray("results");
            foreach (var finding in result.Findings)
            {
                w.WriteStartObject();
                w.WriteString("ruleId", finding.Id);
                w.WriteNumber("ruleIndex", index[finding.Id]);
                w.WriteString("level", Level(finding.Severity));
                w.WriteStartObject("message");
                w.WriteString("text", finding.Message);
                w.WriteEndObject();
                w.WriteStartArray("locations");
                if (finding.FullPath is { } path)
                {
                    WriteLocation(w, root, path, finding.Span);
                }

                w.WriteEndArray();
                if (!finding.RelatedPaths.IsDefaultOrEmpty)
                {
                    w.WriteStartArray("relatedLocations");
                    var id = 0;
                    foreach (var (relatedPath, span) in finding.RelatedPaths)
                    {
                        WriteLocation(w, root, relatedPath, span, id++);
                    }

                    w.WriteEndArray();
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("columnKind", "utf16CodeUnits");
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }) + "\n";
    }

    /// <summary>The folder results are relative to: the nearest one above <paramref name="currentDirectory"/> with a .git, else it.</summary>
    public static string RepositoryRoot(string currentDirectory)
    {
        for (var dir = new DirectoryInfo(currentDirectory); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
            {
                return dir.FullName;
            }
        }

        return currentDirectory;
    }

    /// <summary>A relative URI: '/'-separated, each segment escaped.</summary>
    public static string RelativeUri(string root, string path)
        => string.Join("/", Path.GetRelativePath(root, path).Replace('\\', '/').Split('/').Select(Uri.EscapeDataString));

    private static void WriteLocation(Utf8JsonWriter w, string root, string path, Oml.Text.SourceSpan span, int? id = null)
    {
        w.WriteStartObject();
        if (id is { } n)
        {
            w.WriteNumber("id", n);
        }

        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", RelativeUri(root, path));
        w.WriteString("uriBaseId", SrcRoot);
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", span.StartPosition.Line + 1);
        w.WriteNumber("startColumn", span.StartPosition.Character + 1);
        w.WriteNumber("endLine", span.EndPosition.Line + 1);
        w.WriteNumber("endColumn", Math.Max(span.EndPosition.Character + 1, span.EndPosition.Line == span.StartPosition.Line ? span.StartPosition.Character + 1 : 1));
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static string Level(OmlSeverity severity) => severity switch
    {
        OmlSeverity.Error => "error",
        OmlSeverity.Warning => "warning",
        OmlSeverity.Info => "note",
        _ => "none",
    };

    /// <summary>"Invalid cron expression" → "InvalidCronExpression", the PascalCase rule name SARIF viewers show.</summary>
    private static string RuleName(string title)
        => string.Concat(title.Split(new[] { ' ', '-', ',', '.', '\'', '(', ')' }, StringSplitOptions.RemoveEmptyEntries)
            .Select(word => char.ToUpperInvariant(word[0]) + word.Substring(1)));
}
