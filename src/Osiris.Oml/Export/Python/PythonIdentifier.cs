using System;
using System.Collections.Generic;
using System.Text;

namespace Osiris.Oml.Export.Python;

/// <summary>
/// The one way OML text becomes a name in exported code: a Python identifier that is also a valid
/// Airflow task id, Prefect name and Dagster name (<c>^[A-Za-z0-9_]+$</c>, which Dagster requires of
/// asset and job names). Each character outside that set becomes <c>_</c>; a leading digit or an empty
/// result gets a prefix; a keyword gets a trailing <c>_</c>. <see cref="Scope"/> makes names unique.
/// </summary>
internal static class PythonIdentifier
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
        "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    };

    /// <summary>The sanitised form of <paramref name="text"/>; <paramref name="fallback"/> (itself valid) when nothing is left.</summary>
    public static string Sanitize(string? text, string fallback)
    {
        var sb = new StringBuilder((text ?? string.Empty).Length);
        foreach (var c in text ?? string.Empty)
        {
            sb.Append((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
        }

        var name = sb.ToString();
        if (name.Trim('_').Length == 0)
        {
            return fallback;
        }

        if (name[0] >= '0' && name[0] <= '9')
        {
            name = "_" + name;
        }

        // Dagster and Airflow cap names; keep them well under every limit.
        if (name.Length > 60)
        {
            name = name.Substring(0, 60);
        }

        return Keywords.Contains(name) ? name + "_" : name;
    }

    /// <summary>Whether <paramref name="text"/> is already a sanitised identifier.</summary>
    public static bool IsValid(string text) => text.Length > 0 && Sanitize(text, "_") == text;

    /// <summary>Hands out unique identifiers, after the names the module itself uses.</summary>
    public sealed class Scope
    {
        private readonly HashSet<string> _used = new(StringComparer.Ordinal);

        /// <summary>A scope where <paramref name="reserved"/> are taken.</summary>
        public Scope(IEnumerable<string> reserved)
        {
            foreach (var name in reserved)
            {
                _used.Add(name);
            }
        }

        /// <summary>The sanitised <paramref name="text"/>, with <c>_2</c>, <c>_3</c>, ... appended when taken.</summary>
        public string Unique(string? text, string fallback)
        {
            var name = Sanitize(text, fallback);
            var candidate = name;
            for (var n = 2; !_used.Add(candidate); n++)
            {
                candidate = name + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return candidate;
        }
    }
}
