namespace Osiris.Cli.LanguageServer;

/// <summary>
/// Where the cursor is in an OML document, read from the raw lines by indentation, because the text
/// being typed is seldom valid YAML: the path of keys above it (<c>steps</c>, <c>[]</c> for a list
/// item, <c>config</c>), whether a key or a value is being typed, the key a value belongs to, and the
/// word being typed (the range a completion replaces).
/// </summary>
internal sealed class YamlCursor
{
    // The OML keys whose value is a list of scalars; other lists hold mappings (steps, tests, notification targets).
    private static readonly HashSet<string> ScalarLists = new(StringComparer.Ordinal) { "needs", "tags", "upstream", "downstream", "columns", "na_values" };

    private YamlCursor(IReadOnlyList<string> path, string? key, bool inListItemValue, int wordStart, int wordEnd, char? quote, Func<string, string?> itemValue)
    {
        Path = path;
        Key = key;
        InListItemValue = inListItemValue;
        WordStart = wordStart;
        WordEnd = wordEnd;
        Quote = quote;
        ItemValue = itemValue;
    }

    /// <summary>The keys from the root to the mapping the cursor is in; <c>[]</c> stands for a list item.</summary>
    public IReadOnlyList<string> Path { get; }

    /// <summary>The key whose value is being typed, or null when a key is being typed.</summary>
    public string? Key { get; }

    /// <summary>Whether the value being typed is an item of a list (<c>needs: [a, |]</c>, <c>- |</c> under a key).</summary>
    public bool InListItemValue { get; }

    /// <summary>Where the word being typed starts and ends (offsets in the text).</summary>
    public int WordStart { get; }

    public int WordEnd { get; }

    /// <summary>The quote the value was opened with, if any.</summary>
    public char? Quote { get; }

    /// <summary>The value of a key of the nearest list item around the cursor (a step's <c>component</c>, a test's <c>type</c>), read from the lines.</summary>
    public Func<string, string?> ItemValue { get; }

    public bool IsKey => Key is null;

    public static YamlCursor At(LineIndex lines, Position position)
    {
        var line = Math.Clamp(position.Line, 0, lines.LineCount - 1);
        var lineText = lines.LineText(line);
        var column = Math.Clamp(position.Character, 0, lineText.Length);
        var lineStart = lines.LineStart(line);
        var prefix = lineText[..column];

        // The word being typed: back to a separator, forward over the rest of it.
        var wordStart = column;
        while (wordStart > 0 && !IsSeparator(prefix[wordStart - 1]))
        {
            wordStart--;
        }

        var wordEnd = column;
        while (wordEnd < lineText.Length && !IsSeparator(lineText[wordEnd]))
        {
            wordEnd++;
        }

        char? quote = wordStart > 0 && prefix[wordStart - 1] is '"' or '\'' ? prefix[wordStart - 1] : null;

        var indent = Indent(lineText);
        var keyColumn = indent;
        var path = new List<string>();
        var isItem = IsItem(lineText, indent);
        if (isItem)
        {
            keyColumn = indent + 2;
        }

        string? key = null;
        var inListItemValue = false;
        var content = prefix.Length > keyColumn ? prefix[keyColumn..] : string.Empty;

        // Flow collections on the line: 'retry: {attempts: 3, back|' or 'needs: ["a", |'.
        var flow = LastOpenFlow(content);
        if (flow is { } open)
        {
            var before = content[..open.Index];
            var outerKey = KeyOf(before);
            var inner = content[(open.Index + 1)..];
            var lastSeparator = inner.LastIndexOf(',');
            var segment = lastSeparator >= 0 ? inner[(lastSeparator + 1)..] : inner;
            if (open.Bracket == '[')
            {
                key = outerKey;
                inListItemValue = true;
            }
            else
            {
                if (outerKey is not null)
                {
                    path.Add(outerKey);
                }

                key = SplitKey(segment);
            }
        }
        else
        {
            key = SplitKey(content);
        }

        // Walk up: lines less indented than the key column are the parents; list items add '[]'.
        var limit = keyColumn;
        var itemLine = isItem ? line : -1;
        var itemColumn = isItem ? indent : -1;
        if (isItem)
        {
            path.Insert(0, "[]");
            limit = indent;
        }

        for (var l = line - 1; l >= 0 && limit > 0; l--)
        {
            var previous = lines.LineText(l);
            if (IsBlankOrComment(previous))
            {
                continue;
            }

            var c = Indent(previous);
            var item = IsItem(previous, c);
            var k = item ? c + 2 : c;
            if (item && c < limit && k >= limit)
            {
                // The first line of the list item whose mapping we are in.
                if (k == limit)
                {
                    path.Insert(0, "[]");
                    if (itemLine < 0)
                    {
                        itemLine = l;
                        itemColumn = c;
                    }
                }

                limit = c;
                continue;
            }

            if (k < limit)
            {
                var parent = KeyOf(previous[k..]);
                if (parent is null)
                {
                    continue;
                }

                path.Insert(0, parent);
                limit = k;
                if (item)
                {
                    path.Insert(0, "[]");
                    limit = c;
                }
            }
        }

        // '- |' in a list of values (needs:, tags:, upstream:): a value of the list's key, not a key of a new item.
        if (flow is null && isItem && key is null && column > indent && path.Count >= 2 && path[^1] == "[]" && ScalarLists.Contains(path[^2]))
        {
            path.RemoveAt(path.Count - 1);
            key = path[^1];
            path.RemoveAt(path.Count - 1);
            inListItemValue = true;
        }

        // Keys of the nearest list item around the cursor (the step of a config key, the test of a type).
        return new YamlCursor(path, key, inListItemValue, lineStart + wordStart, lineStart + wordEnd, quote, name => itemLine < 0 ? null : FindSibling(lines, itemLine, itemColumn + 2, name));
    }

    /// <summary>The value of <paramref name="name"/> among the keys at <paramref name="column"/> of the mapping around <paramref name="line"/>.</summary>
    private static string? FindSibling(LineIndex lines, int line, int column, string name)
    {
        // Up to the start of the mapping, then down to its end.
        for (var direction = -1; direction <= 1; direction += 2)
        {
            for (var l = direction < 0 ? line : line + 1; l >= 0 && l < lines.LineCount; l += direction)
            {
                var text = lines.LineText(l);
                if (IsBlankOrComment(text))
                {
                    continue;
                }

                var c = Indent(text);
                var k = IsItem(text, c) ? c + 2 : c;
                if (k < column || (direction > 0 && IsItem(text, c) && k == column))
                {
                    break;
                }

                if (k == column && KeyOf(text[k..]) == name)
                {
                    var colon = text.IndexOf(':', k);
                    return Unquote(StripComment(text[(colon + 1)..]).Trim());
                }

                if (direction < 0 && IsItem(text, c) && k == column)
                {
                    break;
                }
            }
        }

        return null;
    }

    private static bool IsSeparator(char c) => c is ' ' or '\t' or '"' or '\'' or ':' or '{' or '}' or '[' or ']' or ',';

    private static int Indent(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private static bool IsItem(string line, int indent)
        => indent < line.Length && line[indent] == '-' && (indent + 1 == line.Length || line[indent + 1] == ' ');

    private static bool IsBlankOrComment(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.Length == 0 || trimmed[0] == '#';
    }

    /// <summary>The key of a "key: value" (or "key:") text, unquoted; null when the text has no key.</summary>
    private static string? KeyOf(string content)
    {
        var colon = KeyColon(content);
        return colon < 0 ? null : Unquote(content[..colon].Trim());
    }

    /// <summary>The key when <paramref name="content"/> is "key: value-being-typed"; null while the key itself is typed.</summary>
    private static string? SplitKey(string content) => KeyColon(content) < 0 ? null : KeyOf(content);

    /// <summary>The colon that ends a key: followed by a space or the end, outside quotes.</summary>
    private static int KeyColon(string content)
    {
        char? quote = null;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }

                continue;
            }

            if (c is '"' or '\'' && (i == 0 || content[i - 1] is ' ' or '{' or ','))
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || content[i - 1] == ' '))
            {
                return -1;
            }
            else if (c == ':' && (i + 1 == content.Length || content[i + 1] == ' '))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The innermost '{' or '[' still open at the end of <paramref name="content"/>, outside quotes.</summary>
    private static (int Index, char Bracket)? LastOpenFlow(string content)
    {
        var stack = new Stack<(int, char)>();
        char? quote = null;
        for (var i = 0; i < content.Length; i++)
        {
            var c = content[i];
            if (quote is not null)
            {
                if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c is '{' or '[')
            {
                stack.Push((i, c));
            }
            else if (c is '}' or ']' && stack.Count > 0)
            {
                stack.Pop();
            }
        }

        return stack.Count > 0 ? stack.Peek() : null;
    }

    private static string StripComment(string value)
    {
        var hash = value.IndexOf(" #", StringComparison.Ordinal);
        return hash >= 0 ? value[..hash] : value;
    }

    private static string Unquote(string value)
        => value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1] : value;
}
