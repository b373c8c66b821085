using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Text;

namespace Osiris.Oml.Syntax;

/// <summary>An OML file parsed into a positioned YAML tree, with the diagnostics of its text and YAML.</summary>
public sealed class OmlSyntaxTree
{
    private OmlSyntaxTree(string filePath, string text, LineMap lines, YamlNode? root, ImmutableArray<OmlDiagnostic> diagnostics, bool complete, IReadOnlyList<SourceSpan>? aliasedSpans = null)
    {
        AliasedSpans = aliasedSpans ?? Array.Empty<SourceSpan>();
        FilePath = filePath;
        Text = text;
        Lines = lines;
        Root = root;
        Diagnostics = diagnostics;
        IsComplete = complete;
    }

    /// <summary>The path the host gave for the file.</summary>
    public string FilePath { get; }

    /// <summary>The text that was parsed.</summary>
    public string Text { get; }

    /// <summary>Offsets to line positions.</summary>
    public LineMap Lines { get; }

    /// <summary>The document's root node; null for an empty file or when parsing stopped.</summary>
    public YamlNode? Root { get; }

    /// <summary>Problems of the text and its YAML (OSI00xx).</summary>
    public ImmutableArray<OmlDiagnostic> Diagnostics { get; }

    /// <summary>
    /// Whether the whole text was read. After a syntax error or an exceeded limit the tree is
    /// incomplete and the pipeline rules do not run, as nothing after the error is known.
    /// </summary>
    public bool IsComplete { get; }

    /// <summary>The spans of the nodes that YAML aliases repeat (each node once).</summary>
    internal IReadOnlyList<SourceSpan> AliasedSpans { get; }

    /// <summary>Parses <paramref name="text"/>. Never throws; every problem is a diagnostic.</summary>
    public static OmlSyntaxTree Parse(string filePath, string text, SyntaxLimits? limits = null)
    {
        limits ??= SyntaxLimits.Default;
        var lines = LineMap.Create(text);
        var bag = new DiagnosticBag(filePath, limits.MaxDiagnosticsPerId, limits.MaxDiagnostics);
        if (text.Length > limits.MaxLength)
        {
            bag.Report(
                DiagnosticCatalog.LimitExceeded,
                lines.GetSpan(0, 0),
                string.Empty,
                string.Format(CultureInfo.InvariantCulture, "the file has {0} characters, more than the {1} an OML file may have", text.Length, limits.MaxLength));
            return new OmlSyntaxTree(filePath, text, lines, null, bag.ToSortedArray(), false);
        }

        if (FindForbiddenCharacter(text) is int bad)
        {
            var reason = text[bad] == '\uFFFD'
                ? "it contains bytes that are not valid UTF-8 (decoded as U+FFFD)"
                : string.Format(CultureInfo.InvariantCulture, "it contains the character U+{0:X4}, which YAML does not allow", (int)text[bad]);
            bag.Report(DiagnosticCatalog.NotText, lines.GetSpan(bad, bad + 1), string.Empty, reason);
            return new OmlSyntaxTree(filePath, text, lines, null, bag.ToSortedArray(), false);
        }

        var root = YamlTreeBuilder.Build(text, lines, bag, limits, out var aliasedSpans);
        var diagnostics = bag.ToSortedArray();
        var complete = true;
        foreach (var d in diagnostics)
        {
            if (d.Id is DiagnosticIds.YamlSyntax or DiagnosticIds.LimitExceeded)
            {
                complete = false;
            }
        }

        return new OmlSyntaxTree(filePath, text, lines, complete ? root : null, diagnostics, complete, aliasedSpans);
    }

    /// <summary>
    /// The first character outside YAML's printable set: C0 controls other than tab, LF and CR,
    /// DEL, C1 controls other than NEL, unpaired surrogates, U+FFFE and U+FFFF. A byte order mark is
    /// allowed at the start only. U+FFFD is YAML-legal but is what every decoder (the compiler's
    /// included) puts where bytes are not UTF-8, so it is reported as well.
    /// </summary>
    private static int? FindForbiddenCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c >= 0x20 && c < 0x7F)
            {
                continue;
            }

            if (c is '\t' or '\n' or '\r' or '\u0085')
            {
                continue;
            }

            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || c == '\uFFFD' || c == '\uFFFE' || c == '\uFFFF')
            {
                return i;
            }

            if (c == '\uFEFF' && i > 0)
            {
                return i;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                    continue;
                }

                return i;
            }

            if (char.IsLowSurrogate(c))
            {
                return i;
            }
        }

        return null;
    }
}
