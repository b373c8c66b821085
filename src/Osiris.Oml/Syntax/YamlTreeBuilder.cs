using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Osiris.Oml.Syntax;

/// <summary>
/// Turns YamlDotNet's event stream into the positioned tree. It is iterative (no recursion, so deep
/// nesting cannot overflow the stack) and bounded: it stops at the limits of <see cref="SyntaxLimits"/>
/// with a diagnostic instead of spending unbounded time or memory on hostile input.
/// </summary>
internal sealed class YamlTreeBuilder
{
    private readonly string _text;
    private readonly LineMap _lines;
    private readonly DiagnosticBag _diagnostics;
    private readonly SyntaxLimits _limits;
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private readonly Dictionary<YamlNode, (long Nodes, long Length)> _expandedSize = new();
    private readonly HashSet<YamlNode> _aliasTargets = new();
    private readonly Stack<Frame> _stack = new();
    private int _offsetShift;
    private long _writtenNodes;
    private long _expandedNodes;
    private long _expandedLength;
    private bool _usedAlias;
    private YamlNode? _root;

    private YamlTreeBuilder(string text, LineMap lines, DiagnosticBag diagnostics, SyntaxLimits limits)
    {
        _text = text;
        _lines = lines;
        _diagnostics = diagnostics;
        _limits = limits;
    }

    /// <summary>
    /// Parses <paramref name="text"/>; returns the root node, or null when there is none or parsing
    /// stopped. <paramref name="aliasedSpans"/> are the spans of the nodes an alias repeats.
    /// </summary>
    public static YamlNode? Build(string text, LineMap lines, DiagnosticBag diagnostics, SyntaxLimits limits, out IReadOnlyList<SourceSpan> aliasedSpans)
    {
        var builder = new YamlTreeBuilder(text, lines, diagnostics, limits);
        var root = builder.Run();
        var spans = new List<SourceSpan>(builder._aliasTargets.Count);
        foreach (var node in builder._aliasTargets)
        {
            spans.Add(node.Span);
        }

        aliasedSpans = spans;
        return root;
    }

    private YamlNode? Run()
    {
        // YamlDotNet does not skip a byte order mark; start after it and shift every offset back.
        _offsetShift = _text.Length > 0 && _text[0] == '\uFEFF' ? 1 : 0;
        var reader = new StringReader(_offsetShift == 0 ? _text : _text.Substring(1));
        var parser = new Parser(reader);
        var documents = 0;
        ParsingEvent? last = null;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                last = e;
                switch (e)
                {
                    case DocumentStart start:
                        documents++;
                        if (documents > 1)
                        {
                            _diagnostics.Report(DiagnosticCatalog.MultipleDocuments, SpanOf(start), string.Empty);
                            return _root;
                        }

                        break;
                    case Scalar scalar:
                        if (!OnScalar(scalar))
                        {
                            return null;
                        }

                        break;
                    case AnchorAlias alias:
                        if (!OnAlias(alias))
                        {
                            return null;
                        }

                        break;
                    case SequenceStart seq:
                        if (!Push(new Frame(YamlNodeKind.Sequence, seq, seq.Style == SequenceStyle.Flow)))
                        {
                            return null;
                        }

                        break;
                    case MappingStart map:
                        if (!Push(new Frame(YamlNodeKind.Mapping, map, map.Style == MappingStyle.Flow)))
                        {
                            return null;
                        }

                        break;
                    case SequenceEnd:
                    case MappingEnd:
                        if (!Pop(e))
                        {
                            return null;
                        }

                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            ReportSyntaxError(ex.Start, ex.End, ex.Message);
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            // YamlDotNet throws these for a few malformed constructs (bad anchors, escapes, a flow
            // collection left open); they are syntax errors too, but their messages say nothing about YAML.
            var at = last is null ? 0 : Offset(last.End);
            var message = ex is InvalidOperationException
                ? "the YAML cannot be read past this point: is a flow sequence '[...]' or flow mapping '{...}' left unclosed, or a quote?"
                : Clean(ex.Message);
            _diagnostics.Report(DiagnosticCatalog.YamlSyntax, _lines.GetSpan(at, at), string.Empty, message);
            return null;
        }

        return _root;
    }

    private bool OnScalar(Scalar e)
    {
        var tag = TagOf(e.Tag);
        var node = new YamlScalarNode(SpanOf(e), tag, e.Value, StyleOf(e.Style));
        return Complete(node, (1, e.Value.Length), e.Anchor);
    }

    private bool OnAlias(AnchorAlias e)
    {
        var name = e.Value.ToString();
        if (!_anchors.TryGetValue(name, out var target))
        {
            var span = SpanOf(e);
            _diagnostics.Report(
                DiagnosticCatalog.YamlSyntax,
                span,
                string.Empty,
                $"alias '*{MessageText.Excerpt(name)}' refers to no anchor defined before it; define '&{MessageText.Excerpt(name)}' first");
            return false;
        }

        _usedAlias = true;
        _aliasTargets.Add(target);
        return Attach(target, _expandedSize[target], SpanOf(e), isAlias: true);
    }

    private bool Push(Frame frame)
    {
        if (_stack.Count >= _limits.MaxDepth)
        {
            _diagnostics.Report(
                DiagnosticCatalog.LimitExceeded,
                SpanOf(frame.Start),
                string.Empty,
                string.Format(CultureInfo.InvariantCulture, "the nesting is deeper than {0} levels here", _limits.MaxDepth));
            return false;
        }

        _stack.Push(frame);
        return true;
    }

    private bool Pop(ParsingEvent end)
    {
        var frame = _stack.Pop();
        var start = Offset(frame.Start.Start);
        var stop = Offset(end.Start);
        if (frame.IsFlow && stop < _text.Length && (_text[stop] == ']' || _text[stop] == '}'))
        {
            stop++;
        }
        else if (frame.LastChildEnd > start)
        {
            // Block collections end where the next token begins; the last child is a tighter end.
            stop = frame.LastChildEnd;
        }
        else
        {
            stop = Math.Max(start, Offset(frame.Start.End));
        }

        var span = _lines.GetSpan(start, Math.Max(start, stop));
        var tag = TagOf(((NodeEvent)frame.Start).Tag);
        YamlNode node = frame.Kind == YamlNodeKind.Sequence
            ? new YamlSequenceNode(span, tag, frame.Items)
            : new YamlMappingNode(span, tag, frame.Entries);
        return Complete(node, (frame.ExpandedSize + 1, frame.ExpandedLength), ((NodeEvent)frame.Start).Anchor);
    }

    private bool Complete(YamlNode node, (long Nodes, long Length) expandedSize, AnchorName anchor)
    {
        _writtenNodes++;
        if (_writtenNodes > _limits.MaxNodes)
        {
            _diagnostics.Report(
                DiagnosticCatalog.LimitExceeded,
                node.Span,
                string.Empty,
                string.Format(CultureInfo.InvariantCulture, "the file has more than {0} YAML nodes", _limits.MaxNodes));
            return false;
        }

        _expandedSize[node] = expandedSize;
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.ToString()] = node;
        }

        CheckTag(node);
        return Attach(node, expandedSize, node.Span, isAlias: false);
    }

    // Counting: a written node's children were counted when they were attached, so it adds one; an
    // alias adds the whole subtree it stands for, which is how an alias bomb is caught while it is read.
    // Characters likewise: a written scalar adds its length, an alias the length of all it repeats.
    private bool Attach(YamlNode node, (long Nodes, long Length) expandedSize, SourceSpan usedAt, bool isAlias)
    {
        _expandedNodes += isAlias ? expandedSize.Nodes : 1;
        _expandedLength += isAlias ? expandedSize.Length : node is YamlScalarNode scalar ? scalar.Value.Length : 0;
        if (isAlias && _expandedLength > _limits.MaxExpandedLength)
        {
            _diagnostics.Report(
                DiagnosticCatalog.LimitExceeded,
                usedAt,
                string.Empty,
                string.Format(
                    CultureInfo.InvariantCulture,
                    "YAML aliases repeat long values until the document holds more than {0} characters; write the value once, or shorten it",
                    _limits.MaxExpandedLength));
            return false;
        }

        if (_expandedNodes > _limits.MaxExpandedNodes)
        {
            _diagnostics.Report(
                DiagnosticCatalog.LimitExceeded,
                usedAt,
                string.Empty,
                _usedAlias
                    ? string.Format(
                        CultureInfo.InvariantCulture,
                        "YAML aliases expand the document to more than {0} nodes (an alias bomb?); write the values out instead of repeating aliases",
                        _limits.MaxExpandedNodes)
                    : string.Format(CultureInfo.InvariantCulture, "the file has more than {0} YAML nodes", _limits.MaxExpandedNodes));
            return false;
        }

        if (_stack.Count == 0)
        {
            _root ??= node;
            return true;
        }

        var parent = _stack.Peek();
        parent.ExpandedSize += expandedSize.Nodes;
        parent.ExpandedLength += expandedSize.Length;
        parent.LastChildEnd = Math.Max(parent.LastChildEnd, usedAt.End);
        if (parent.Kind == YamlNodeKind.Sequence)
        {
            parent.Items.Add(node);
            return true;
        }

        if (parent.PendingKey is null)
        {
            parent.PendingKey = node;
            return true;
        }

        var key = parent.PendingKey;
        parent.PendingKey = null;
        AddEntry(parent, new YamlEntry(key, node));
        return true;
    }

    private void AddEntry(Frame mapping, YamlEntry entry)
    {
        mapping.Entries.Add(entry);
        if (entry.Key is not YamlScalarNode keyScalar)
        {
            _diagnostics.Report(
                DiagnosticCatalog.UnsupportedYamlFeature,
                entry.Key.Span,
                string.Empty,
                $"This mapping key is {entry.Key.TypeDescription}; OML keys are plain strings, so the entry is ignored");
            return;
        }

        if (keyScalar.Style == YamlScalarStyle.Plain && keyScalar.Value == "<<")
        {
            _diagnostics.Report(
                DiagnosticCatalog.UnsupportedYamlFeature,
                keyScalar.Span,
                string.Empty,
                "Merge keys ('<<') are a YAML 1.1 extension that OML does not read; write the merged keys out");
        }

        if (mapping.KeySpans.TryGetValue(keyScalar.Value, out var first))
        {
            _diagnostics.Report(
                DiagnosticCatalog.DuplicateKey,
                keyScalar.Span,
                string.Empty,
                ImmutableArray.Create(new OmlLocation(_diagnostics.FilePath, first)),
                MessageText.Excerpt(keyScalar.Value),
                YamlValues.LineOf(first));
        }
        else
        {
            mapping.KeySpans[keyScalar.Value] = keyScalar.Span;
        }
    }

    private void CheckTag(YamlNode node)
    {
        var tag = node.Tag;
        if (tag is null || tag == "!")
        {
            return;
        }

        if (tag.StartsWith(YamlScalarResolver.CoreTagPrefix, StringComparison.Ordinal))
        {
            switch (tag.Substring(YamlScalarResolver.CoreTagPrefix.Length))
            {
                case "str" or "int" or "float" or "bool" or "null" or "map" or "seq":
                    return;
            }
        }

        _diagnostics.Report(
            DiagnosticCatalog.UnsupportedYamlFeature,
            node.Span,
            string.Empty,
            $"The tag '{MessageText.Excerpt(ShortTag(tag))}' is not part of plain YAML; OML reads the value as if it had no tag, other tools may not");
    }

    private void ReportSyntaxError(Mark start, Mark end, string message)
    {
        var at = Offset(start);
        var stop = Math.Max(at, Offset(end));
        var text = Clean(message);

        // YamlDotNet places the tab error at the start of the enclosing mapping; point at the tab itself.
        if (text.IndexOf("tab", StringComparison.OrdinalIgnoreCase) >= 0 && FindIndentationTab(at) is int tab)
        {
            at = tab;
            stop = tab + 1;
            text += "; indent with spaces, YAML does not allow tabs for indentation";
        }

        else if (text.IndexOf("cannot start any token", StringComparison.OrdinalIgnoreCase) >= 0
            && at < _text.Length && (_text[at] == '@' || _text[at] == '`'))
        {
            // '@' and '`' are reserved in YAML; connection references are the usual victims.
            text += $"; a value that starts with '{_text[at]}' must be quoted, for example connection: \"@mysql.primary\"";
        }

        _diagnostics.Report(DiagnosticCatalog.YamlSyntax, _lines.GetSpan(at, stop), string.Empty, text);
    }

    private int? FindIndentationTab(int from)
    {
        var line = _lines.GetPosition(from).Line;
        for (var l = line; l < _lines.LineCount; l++)
        {
            for (var i = _lines.GetLineStart(l); i < _text.Length; i++)
            {
                var c = _text[i];
                if (c == '\t')
                {
                    return i;
                }

                if (c != ' ')
                {
                    break;
                }
            }
        }

        return null;
    }

    private static string Clean(string message)
    {
        var m = message.Trim();
        if (m.EndsWith(".", StringComparison.Ordinal))
        {
            m = m.Substring(0, m.Length - 1);
        }

        return m.Length > 0 ? char.ToLowerInvariant(m[0]) + m.Substring(1) : m;
    }

    private static string ShortTag(string tag)
        => tag.StartsWith(YamlScalarResolver.CoreTagPrefix, StringComparison.Ordinal) ? "!!" + tag.Substring(YamlScalarResolver.CoreTagPrefix.Length) : tag;

    private static string? TagOf(TagName tag) => tag.IsEmpty || tag.IsNonSpecific && tag.Value == "?" ? null : tag.Value;

    private static YamlScalarStyle StyleOf(ScalarStyle style) => style switch
    {
        ScalarStyle.SingleQuoted => YamlScalarStyle.SingleQuoted,
        ScalarStyle.DoubleQuoted => YamlScalarStyle.DoubleQuoted,
        ScalarStyle.Literal => YamlScalarStyle.Literal,
        ScalarStyle.Folded => YamlScalarStyle.Folded,
        _ => YamlScalarStyle.Plain,
    };

    private int Offset(Mark mark) => (int)Math.Min(int.MaxValue, mark.Index + _offsetShift);

    private SourceSpan SpanOf(ParsingEvent e) => _lines.GetSpan(Offset(e.Start), Offset(e.End));

    private sealed class Frame
    {
        public Frame(YamlNodeKind kind, ParsingEvent start, bool isFlow)
        {
            Kind = kind;
            Start = start;
            IsFlow = isFlow;
        }

        public YamlNodeKind Kind { get; }

        public ParsingEvent Start { get; }

        public bool IsFlow { get; }

        public List<YamlNode> Items { get; } = new();

        public List<YamlEntry> Entries { get; } = new();

        public Dictionary<string, SourceSpan> KeySpans { get; } = new(StringComparer.Ordinal);

        public YamlNode? PendingKey { get; set; }

        public long ExpandedSize { get; set; }

        public long ExpandedLength { get; set; }

        public int LastChildEnd { get; set; }
    }
}
