using System.Text.Json.Nodes;
using Osiris.Cli.Workspace;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Text;

namespace Osiris.Cli.LanguageServer;

/// <summary>
/// Findings as LSP diagnostics: the build's ID as <c>code</c>, its help page as
/// <c>codeDescription.href</c>, the severity after .globalconfig, the message, and the range of the
/// span in the text that was analyzed. Related places become <c>relatedInformation</c>.
/// </summary>
internal static class DiagnosticConverter
{
    public const string Source = "osiris";

    /// <param name="finding">The finding.</param>
    /// <param name="lines">The text its span refers to.</param>
    /// <param name="linesOf">The text of another file, for related places (null when unknown).</param>
    public static JsonObject ToLsp(Finding finding, LineIndex lines, Func<string, LineIndex?> linesOf)
    {
        var diagnostic = new JsonObject
        {
            ["range"] = Protocol.Range(lines, finding.Span.Start, finding.Span.End),
            ["severity"] = Severity(finding.Severity),
            ["code"] = finding.Id,
            ["codeDescription"] = new JsonObject { ["href"] = finding.Descriptor.HelpLink },
            ["source"] = Source,
            ["message"] = finding.Message,
        };

        if (finding.RelatedPaths.Length > 0)
        {
            diagnostic["relatedInformation"] = Protocol.Array(finding.RelatedPaths.Select(related => (JsonNode)new JsonObject
            {
                ["location"] = new JsonObject
                {
                    ["uri"] = Paths.ToUri(related.FullPath),
                    ["range"] = RangeIn(linesOf(related.FullPath), related.Span),
                },
                ["message"] = "related to " + finding.Id,
            }));
        }

        if (finding.Suggestion is { } suggestion)
        {
            // Kept by clients and handed back in codeAction requests (LSP 3.16 'data').
            diagnostic["data"] = new JsonObject { ["replacement"] = suggestion.Replacement, ["value"] = suggestion.Value };
        }

        return diagnostic;
    }

    public static int Severity(OmlSeverity severity) => severity switch
    {
        OmlSeverity.Error => Protocol.SeverityError,
        OmlSeverity.Warning => Protocol.SeverityWarning,
        _ => Protocol.SeverityInformation,
    };

    /// <summary>The range of <paramref name="span"/>: from the file's text when known, else from the engine's line positions.</summary>
    public static JsonObject RangeIn(LineIndex? lines, SourceSpan span)
        => lines is not null
            ? Protocol.Range(lines, span.Start, span.End)
            : new JsonObject
            {
                ["start"] = Protocol.Position(new Position(span.StartPosition.Line, span.StartPosition.Character)),
                ["end"] = Protocol.Position(new Position(span.EndPosition.Line, span.EndPosition.Character)),
            };
}
