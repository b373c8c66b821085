using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NodaTime;
using Osiris.Oml;
using Osiris.Oml.Settings;

namespace Osiris.Analyzers.Analyzers;

/// <summary>
/// How the analyzer and the generator of one compilation analyze its <c>.oml</c> files: the same options
/// from the same inputs, and one cache of results, so a file is analyzed once per build for both.
/// </summary>
internal static class ProjectAnalysis
{
    // Each keystroke in the IDE starts a compilation; unchanged .oml files are not analyzed again.
    private static readonly TextResultCache<(string Path, OmlAnalysisOptions Options), OmlFileAnalysis> Analyses = new();

    // The options of the last compilation: equal options are replaced by this instance, so the cache
    // compares options by reference for every file instead of by value (which walks the file list).
    private static OmlAnalysisOptions? lastOptions;

    /// <summary>The options for a compilation's files and global options (its component specs, settings and file list).</summary>
    public static OmlAnalysisOptions CreateOptions(ImmutableArray<AdditionalText> files, AnalyzerConfigOptions global, ProjectComponents specs, RepositorySettings settings)
    {
        global.TryGetValue("build_property.ProjectDir", out var projectDir);
        return Shared(OmlAnalysisOptions.Default with
        {
            Components = specs.Registry,
            Schedule = settings.Schedule,
            Policy = settings.Policy,
            ProjectFiles = new ProjectFiles(files.Select(f => f.Path), projectDir),
        });
    }

    /// <summary>The osiris_* settings from the compiler's global options (.globalconfig keys or build properties).</summary>
    public static RepositorySettings ReadSettings(AnalyzerConfigOptions global)
        => RepositorySettings.Read(SettingPairs(global), LocalDate.FromDateTime(DateTime.UtcNow));

    /// <summary>The osiris_* keys the global options have, in <see cref="RepositorySettings.SettingKeys"/> order.</summary>
    public static List<KeyValuePair<string, string>> SettingPairs(AnalyzerConfigOptions global)
    {
        // Looked up one by one: not every host implements AnalyzerConfigOptions.Keys.
        var options = new List<KeyValuePair<string, string>>();
        foreach (var key in RepositorySettings.SettingKeys)
        {
            if (global.TryGetValue(key, out var value))
            {
                options.Add(new KeyValuePair<string, string>(key, value));
            }
        }

        // (The build date (UTC) anchors "the next DST transitions"; osiris_reference_date pins it for reproducible builds.)
        return options;
    }

    /// <summary>The engine's result for one file, computed once per text and options.</summary>
    public static OmlFileAnalysis Analyze(SourceText text, string path, OmlAnalysisOptions options, CancellationToken cancellationToken)
        => Analyses.GetOrCompute(text, (path, options), () => OmlEngine.AnalyzeFile(path, text.ToString(), options, cancellationToken));

    private static OmlAnalysisOptions Shared(OmlAnalysisOptions options)
    {
        var last = Volatile.Read(ref lastOptions);
        if (last is not null && last.Equals(options))
        {
            return last;
        }

        Volatile.Write(ref lastOptions, options);
        return options;
    }
}
