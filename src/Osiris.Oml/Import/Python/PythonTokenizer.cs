using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Osiris.Oml.Import.Python;

/// <summary>
/// Splits Python 3 source into the tokens the importer needs: names, numbers, strings (every prefix
/// and quote style, escapes decoded), operators and logical line ends. Comments and blank lines are
/// skipped; indentation is not tracked (the importer reads calls and assignments, not blocks).
/// </summary>
internal static class PythonTokenizer
{
    private static readonly string[] Operators =
    {
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "==", "!=", "<=", ">=", "**", "//", ">>", "<<", "+=", "-=", "*=", "/=",
        "%=", "&=", "|=", "^=", "@=",
    };

    /// <summary>The tokens of <paramref name="text"/>, or null with the problem and its offset.</summary>
    public static List<PythonToken>? Tokenize(string text, out string? problem, out int problemOffset)
    {
        var tokens = new List<PythonToken>();
        var depth = 0;
        var i = 0;
        problem = null;
        problemOffset = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '#')
            {
                while (i < text.Length && text[i] != '\n' && text[i] != '\r')
                {
                    i++;
                }

                continue;
            }

            if (c == '\\' && i + 1 < text.Length && (text[i + 1] == '\n' || text[i + 1] == '\r'))
            {
                i += text[i + 1] == '\r' && i + 2 < text.Length && text[i + 2] == '\n' ? 3 : 2;
                continue;
            }

            if (c == '\n' || c == '\r')
            {
                if (depth == 0 && tokens.Count > 0 && tokens[tokens.Count - 1].Kind != PythonTokenKind.NewLine)
                {
                    tokens.Add(new PythonToken(PythonTokenKind.NewLine, "\n", i, i + 1));
                }

                i++;
                continue;
            }

            if (c == ' ' || c == '\t' || c == '\f')
            {
                i++;
                continue;
            }

            var start = i;
            if (IsStringStart(text, i, out var prefixLength))
            {
                var token = ReadString(text, i, prefixLength, out problem);
                if (token is null)
                {
                    problemOffset = start;
                    return null;
                }

                tokens.Add(token);
                i = token.End;
                continue;
            }

            if (char.IsLetter(c) || c == '_' || char.GetUnicodeCategory(c) == UnicodeCategory.LetterNumber)
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || char.IsSurrogate(text[i])))
                {
                    i++;
                }

                tokens.Add(new PythonToken(PythonTokenKind.Name, text.Substring(start, i - start), start, i));
                continue;
            }

            if (char.IsDigit(c) || (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || text[i] == '.'
                       || ((text[i] == '+' || text[i] == '-') && (text[i - 1] == 'e' || text[i - 1] == 'E') && !text.Substring(start, i - start).StartsWith("0x", StringComparison.OrdinalIgnoreCase))))
                {
                    i++;
                }

                tokens.Add(new PythonToken(PythonTokenKind.Number, text.Substring(start, i - start), start, i));
                continue;
            }

            var op = Array.Find(Operators, o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0) ?? c.ToString();
            if ("([{".IndexOf(c) >= 0)
            {
                depth++;
            }
            else if (")]}".IndexOf(c) >= 0)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (!"+-*/%@&|^~<>=.,:;!".Contains(c.ToString()))
            {
                problem = $"unexpected character '{(c < 0x20 || c > 0x7e ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : c.ToString())}'";
                problemOffset = i;
                return null;
            }

            tokens.Add(new PythonToken(PythonTokenKind.Operator, op, i, i + op.Length));
            i += op.Length;
        }

        if (tokens.Count > 0 && tokens[tokens.Count - 1].Kind != PythonTokenKind.NewLine)
        {
            tokens.Add(new PythonToken(PythonTokenKind.NewLine, "\n", text.Length, text.Length));
        }

        return tokens;
    }

    private static bool IsStringStart(string text, int i, out int prefixLength)
    {
        prefixLength = 0;
        while (prefixLength < 2 && i + prefixLength < text.Length && "rRbBuUfF".IndexOf(text[i + prefixLength]) >= 0)
        {
            prefixLength++;
        }

        if (i + prefixLength < text.Length && (text[i + prefixLength] == '"' || text[i + prefixLength] == '\''))
        {
            // A name such as 'bar' followed by a quote would not get here: prefixes are at most two letters from the set.
            return prefixLength == 0 || i == 0 || !(char.IsLetterOrDigit(text[i - 1]) || text[i - 1] == '_');
        }

        prefixLength = 0;
        return false;
    }

    private static PythonToken? ReadString(string text, int start, int prefixLength, out string? problem)
    {
        problem = null;
        var prefix = text.Substring(start, prefixLength).ToLowerInvariant();
        var raw = prefix.Contains("r");
        var opaque = prefix.Contains("f") || prefix.Contains("b");
        var q = text[start + prefixLength];
        var triple = start + prefixLength + 2 < text.Length && text[start + prefixLength + 1] == q && text[start + prefixLength + 2] == q;
        var quote = triple ? new string(q, 3) : q.ToString();
        var i = start + prefixLength + quote.Length;
        var value = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
            {
                problem = "a string is not closed";
                return null;
            }

            var c = text[i];
            if (string.CompareOrdinal(text, i, quote, 0, quote.Length) == 0)
            {
                i += quote.Length;
                break;
            }

            if (!triple && (c == '\n' || c == '\r'))
            {
                problem = "a string is not closed before the end of the line";
                return null;
            }

            if (c != '\\')
            {
                value.Append(c);
                i++;
                continue;
            }

            if (i + 1 >= text.Length)
            {
                problem = "a string ends with a backslash";
                return null;
            }

            var e = text[i + 1];
            if (raw)
            {
                value.Append(c).Append(e);
                i += 2;
                continue;
            }

            i += 2;
            switch (e)
            {
                case '\n': break;
                case '\r':
                    if (i < text.Length && text[i] == '\n')
                    {
                        i++;
                    }

                    break;
                case '\\': value.Append('\\'); break;
                case '\'': value.Append('\''); break;
                case '"': value.Append('"'); break;
                case 'a': value.Append('\a'); break;
                case 'b': value.Append('\b'); break;
                case 'f': value.Append('\f'); break;
                case 'n': value.Append('\n'); break;
                case 'r': value.Append('\r'); break;
                case 't': value.Append('\t'); break;
                case 'v': value.Append('\v'); break;
                case 'x':
                    value.Append((char)Hex(text, ref i, 2, ref opaque));
                    break;
                case 'u':
                    value.Append((char)Hex(text, ref i, 4, ref opaque));
                    break;
                case 'U':
                    var code = Hex(text, ref i, 8, ref opaque);
                    if (code > 0x10ffff)
                    {
                        opaque = true;
                    }
                    else
                    {
                        value.Append(char.ConvertFromUtf32(code >= 0xd800 && code <= 0xdfff ? 0xfffd : code));
                    }

                    break;
                case 'N':
                    opaque = true;
                    break;
                default:
                    if (e >= '0' && e <= '7')
                    {
                        var n = e - '0';
                        for (var k = 0; k < 2 && i < text.Length && text[i] >= '0' && text[i] <= '7'; k++)
                        {
                            n = (n * 8) + (text[i++] - '0');
                        }

                        value.Append((char)n);
                    }
                    else
                    {
                        value.Append('\\').Append(e);
                    }

                    break;
            }
        }

        return new PythonToken(PythonTokenKind.String, text.Substring(start, i - start), start, i, opaque ? null : value.ToString());
    }

    private static int Hex(string text, ref int i, int digits, ref bool opaque)
    {
        if (i + digits > text.Length || !int.TryParse(text.Substring(i, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            opaque = true;
            return 0;
        }

        i += digits;
        return value;
    }
}
