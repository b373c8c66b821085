using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Osiris.Oml.Settings;

/// <summary>
/// One parsed <c>.globalconfig</c> (or any global AnalyzerConfig) file, read the way Roslyn's
/// <c>AnalyzerConfig.Parse</c> reads it: <c>key = value</c> lines, <c>#</c> and <c>;</c> comments
/// (also after a value), keys compared without case, later lines winning within a file, lines that
/// match nothing dropped without a word. Pure text in, keys out: finding the files on disk is the
/// host's job.
/// </summary>
public sealed class GlobalConfigFile
{
    /// <summary>The key that marks a file as global.</summary>
    public const string IsGlobalKey = "is_global";

    /// <summary>The key that ranks global files whose keys conflict.</summary>
    public const string GlobalLevelKey = "global_level";

    /// <summary>The file name the SDK discovers; such files are global even without <c>is_global</c>.</summary>
    public const string FileName = ".globalconfig";

    // The same patterns as Roslyn's AnalyzerConfig (section header, property).
    private static readonly Regex SectionPattern = new(@"^\s*\[(([^#;]|\\#|\\;)+)\]\s*([#;].*)?$", RegexOptions.CultureInvariant);
    private static readonly Regex PropertyPattern = new(@"^\s*([\w\.\-_]+)\s*[=:]\s*(.*?)\s*([#;].*)?$", RegexOptions.CultureInvariant);

    private GlobalConfigFile(string path, ImmutableDictionary<string, string> globalSection, ImmutableArray<string> sectionNames)
    {
        Path = path;
        GlobalSection = globalSection;
        SectionNames = sectionNames;
    }

    /// <summary>Where the file is (as given to <see cref="Parse"/>).</summary>
    public string Path { get; }

    /// <summary>The keys before the first <c>[section]</c>, keys lower-cased and compared without case.</summary>
    public ImmutableDictionary<string, string> GlobalSection { get; }

    /// <summary>The names of the <c>[section]</c>s, whose keys apply to single files and are not read here.</summary>
    public ImmutableArray<string> SectionNames { get; }

    /// <summary>
    /// Whether the compiler treats the file as a global config: its name is <c>.globalconfig</c> or it
    /// has an <c>is_global</c> key (Roslyn's <c>AnalyzerConfig.IsGlobal</c>).
    /// </summary>
    public bool IsGlobal
        => string.Equals(GetFileName(Path), FileName, StringComparison.OrdinalIgnoreCase) || GlobalSection.ContainsKey(IsGlobalKey);

    /// <summary>
    /// The rank used when two global files set the same key: <c>global_level</c> when it is a whole
    /// number, else 100 for a file named <c>.globalconfig</c> and 0 for any other.
    /// </summary>
    public int GlobalLevel
    {
        get
        {
            if (GlobalSection.TryGetValue(GlobalLevelKey, out var text)
                && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var level))
            {
                return level;
            }

            return string.Equals(GetFileName(Path), FileName, StringComparison.OrdinalIgnoreCase) ? 100 : 0;
        }
    }

    /// <summary>Reads <paramref name="text"/>; never throws on content.</summary>
    /// <param name="path">The file's path, kept for messages and for the file-name rules.</param>
    /// <param name="text">The file's text.</param>
    public static GlobalConfigFile Parse(string path, string text)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        var global = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        var sections = ImmutableArray.CreateBuilder<string>();
        var inGlobal = true;
        foreach (var rawLine in (text ?? string.Empty).Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(line) || IsComment(line))
            {
                continue;
            }

            var section = SectionPattern.Match(line);
            if (section.Success)
            {
                inGlobal = false;
                sections.Add(section.Groups[1].Value);
                continue;
            }

            var property = PropertyPattern.Match(line);
            if (property.Success && inGlobal)
            {
                global[property.Groups[1].Value.ToLowerInvariant()] = property.Groups[2].Value;
            }
        }

        return new GlobalConfigFile(path, global.ToImmutable(), sections.ToImmutable());
    }

    /// <summary>
    /// Merges the global sections of several global files as the compiler does: a key set by one file
    /// is taken as it is; a key set by several is taken from the file with the highest
    /// <see cref="GlobalLevel"/>; when the highest level is shared by files that disagree, the key is
    /// left out and listed in <paramref name="conflicts"/>. Files that are not global are skipped.
    /// </summary>
    public static ImmutableDictionary<string, string> Merge(IEnumerable<GlobalConfigFile> files, out ImmutableArray<string> conflicts)
    {
        var best = new Dictionary<string, (int Level, string Value, List<string> Paths, bool Conflict)>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in files)
        {
            if (!file.IsGlobal)
            {
                continue;
            }

            var level = file.GlobalLevel;
            foreach (var pair in file.GlobalSection)
            {
                if (pair.Key is IsGlobalKey or GlobalLevelKey)
                {
                    continue;
                }

                if (!best.TryGetValue(pair.Key, out var current) || level > current.Level)
                {
                    best[pair.Key] = (level, pair.Value, new List<string> { file.Path }, false);
                }
                else if (level == current.Level)
                {
                    current.Paths.Add(file.Path);
                    best[pair.Key] = (level, current.Value, current.Paths, current.Conflict || !string.Equals(current.Value, pair.Value, StringComparison.Ordinal));
                }
            }
        }

        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.OrdinalIgnoreCase);
        var problems = ImmutableArray.CreateBuilder<string>();
        foreach (var pair in best)
        {
            if (pair.Value.Conflict)
            {
                problems.Add($"'{pair.Key}' is set differently by {string.Join(" and ", pair.Value.Paths)} at the same global_level ({pair.Value.Level.ToString(CultureInfo.InvariantCulture)}), so it is ignored; keep it in one file or give one file a higher global_level");
            }
            else
            {
                result[pair.Key] = pair.Value.Value;
            }
        }

        problems.Sort(StringComparer.Ordinal);
        conflicts = problems.ToImmutable();
        return result.ToImmutable();
    }

    private static bool IsComment(string line)
    {
        foreach (var c in line)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c == '#' || c == ';';
            }
        }

        return false;
    }

    private static string GetFileName(string path)
    {
        var slash = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return slash >= 0 ? path.Substring(slash + 1) : path;
    }
}
