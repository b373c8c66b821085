using System.Text.Json.Nodes;

namespace Osiris.Cli.LanguageServer;

/// <summary>
/// <c>textDocument/codeAction</c>: a quick fix for each "did you mean" finding in the range, as a
/// <c>WorkspaceEdit</c> that writes the suggestion the engine computed (never text taken from the message).
/// </summary>
internal static class CodeActionHandler
{
    public static JsonArray Actions(DocumentAnalysis? analysis, DocumentSnapshot document, JsonObject? range)
    {
        var actions = new JsonArray();

        // Edits are made against the text that was analyzed; offered only while the buffer still is that text.
        if (analysis is null || range is null || analysis.Version != document.Version || !string.Equals(analysis.Text, document.Text, StringComparison.Ordinal))
        {
            return actions;
        }

        var lines = analysis.Lines;
        var from = lines.OffsetOf(Protocol.ReadPosition(range["start"]));
        var to = lines.OffsetOf(Protocol.ReadPosition(range["end"]));
        foreach (var finding in analysis.Findings)
        {
            if (finding.Suggestion is not { } suggestion || finding.Span.End < from || finding.Span.Start > to)
            {
                continue;
            }

            var old = analysis.Text[suggestion.Span.Start..suggestion.Span.End];
            actions.Add((JsonNode)new JsonObject
            {
                ["title"] = $"Change '{old}' to '{suggestion.Value}'",
                ["kind"] = "quickfix",
                ["isPreferred"] = true,
                ["diagnostics"] = Protocol.Array(new JsonNode?[] { DiagnosticConverter.ToLsp(finding, lines, _ => null) }),
                ["edit"] = new JsonObject
                {
                    ["changes"] = new JsonObject
                    {
                        [document.Uri] = Protocol.Array(new JsonNode?[]
                        {
                            new JsonObject
                            {
                                ["range"] = Protocol.Range(lines, suggestion.Span.Start, suggestion.Span.End),
                                ["newText"] = suggestion.Replacement,
                            },
                        }),
                    },
                },
            });
        }

        return actions;
    }
}
