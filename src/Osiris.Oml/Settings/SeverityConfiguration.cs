using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Osiris.Oml.Diagnostics;

namespace Osiris.Oml.Settings;

/// <summary>
/// The severities a repository sets for Osiris diagnostics, from the same keys the compiler reads in a
/// <c>.globalconfig</c>: <c>dotnet_diagnostic.OSI0106.severity</c>, then
/// <c>dotnet_analyzer_diagnostic.category-Osiris.Schedule.severity</c>, then
/// <c>dotnet_analyzer_diagnostic.severity</c> (the most specific wins). Values: <c>error</c>,
/// <c>warning</c>, <c>suggestion</c> (info), <c>silent</c> or <c>refactoring</c> (hidden),
/// <c>none</c> (suppressed) and <c>default</c>. The Roslyn host does not need this (the compiler
/// applies the keys itself); hosts without a compiler do.
/// </summary>
/// <remarks>Immutable and value-equal.</remarks>
public sealed class SeverityConfiguration : IEquatable<SeverityConfiguration>
{
    private const string DiagnosticPrefix = "dotnet_diagnostic.";
    private const string BulkPrefix = "dotnet_analyzer_diagnostic.";
    private const string CategoryPrefix = "dotnet_analyzer_diagnostic.category-";
    private const string SeveritySuffix = ".severity";

    private readonly ImmutableSortedDictionary<string, Setting> _byId;
    private readonly ImmutableSortedDictionary<string, Setting> _byCategory;
    private readonly Setting? _all;

    private SeverityConfiguration(ImmutableSortedDictionary<string, Setting> byId, ImmutableSortedDictionary<string, Setting> byCategory, Setting? all)
    {
        _byId = byId;
        _byCategory = byCategory;
        _all = all;
    }

    /// <summary>No severity changed.</summary>
    public static SeverityConfiguration Empty { get; } = new(
        ImmutableSortedDictionary.Create<string, Setting>(StringComparer.OrdinalIgnoreCase),
        ImmutableSortedDictionary.Create<string, Setting>(StringComparer.OrdinalIgnoreCase),
        null);

    /// <summary>What a key sets a severity to.</summary>
    private enum Setting
    {
        Default,
        None,
        Hidden,
        Info,
        Warning,
        Error,
    }

    /// <summary>
    /// Reads the severity keys among <paramref name="options"/> (other keys are ignored). A value the
    /// compiler would not accept is listed in <paramref name="problems"/> and ignored.
    /// </summary>
    public static SeverityConfiguration Read(IEnumerable<KeyValuePair<string, string>> options, out ImmutableArray<string> problems)
    {
        var byId = ImmutableSortedDictionary.CreateBuilder<string, Setting>(StringComparer.OrdinalIgnoreCase);
        var byCategory = ImmutableSortedDictionary.CreateBuilder<string, Setting>(StringComparer.OrdinalIgnoreCase);
        Setting? all = null;
        var errors = ImmutableArray.CreateBuilder<string>();
        foreach (var pair in options)
        {
            var key = pair.Key;
            if (!key.EndsWith(SeveritySuffix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            string? id = null;
            string? category = null;
            var isAll = false;
            if (key.StartsWith(DiagnosticPrefix, StringComparison.OrdinalIgnoreCase))
            {
                id = key.Substring(DiagnosticPrefix.Length, key.Length - DiagnosticPrefix.Length - SeveritySuffix.Length);
            }
            else if (key.StartsWith(CategoryPrefix, StringComparison.OrdinalIgnoreCase))
            {
                category = key.Substring(CategoryPrefix.Length, key.Length - CategoryPrefix.Length - SeveritySuffix.Length);
            }
            else if (string.Equals(key, BulkPrefix + "severity", StringComparison.OrdinalIgnoreCase))
            {
                isAll = true;
            }
            else
            {
                continue;
            }

            // Only Osiris diagnostics matter here; other analyzers' keys are none of our business.
            if (id is not null && !id.StartsWith("OSI", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (category is not null && !category.StartsWith("Osiris.", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (Parse(pair.Value) is not { } setting)
            {
                if (id is not null || category is not null)
                {
                    errors.Add($"{key} is '{pair.Value}', but it takes error, warning, suggestion, silent, none or default");
                }

                continue;
            }

            if (id is not null)
            {
                byId[id] = setting;
            }
            else if (category is not null)
            {
                byCategory[category] = setting;
            }
            else if (isAll)
            {
                all = setting;
            }
        }

        errors.Sort(StringComparer.Ordinal);
        problems = errors.ToImmutable();
        return byId.Count == 0 && byCategory.Count == 0 && all is null
            ? Empty
            : new SeverityConfiguration(byId.ToImmutable(), byCategory.ToImmutable(), all);
    }

    /// <summary>Whether no key changes any severity.</summary>
    public bool IsEmpty => _byId.Count == 0 && _byCategory.Count == 0 && _all is null;

    /// <summary>
    /// The severity <paramref name="diagnostic"/> is reported with, or null when the configuration
    /// suppresses it (<c>none</c>). <see cref="OmlSeverity.Hidden"/> means <c>silent</c>: hosts that
    /// print to a console leave it out, as the compiler does.
    /// </summary>
    public OmlSeverity? Apply(OmlDiagnostic diagnostic)
    {
        if (diagnostic is null)
        {
            throw new ArgumentNullException(nameof(diagnostic));
        }

        Setting? setting = _byId.TryGetValue(diagnostic.Id, out var byId) ? byId
            : _byCategory.TryGetValue(diagnostic.Descriptor.Category, out var byCategory) ? byCategory
            : _all;
        if (setting is null)
        {
            return diagnostic.Severity;
        }

        return setting switch
        {
            Setting.None => null,
            Setting.Hidden => OmlSeverity.Hidden,
            Setting.Info => OmlSeverity.Info,
            Setting.Warning => OmlSeverity.Warning,
            Setting.Error => OmlSeverity.Error,
            _ => diagnostic.Severity,
        };
    }

    /// <inheritdoc />
    public bool Equals(SeverityConfiguration? other)
        => other is not null
            && _all == other._all
            && Same(_byId, other._byId)
            && Same(_byCategory, other._byCategory);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as SeverityConfiguration);

    /// <inheritdoc />
    public override int GetHashCode() => _byId.Count + (31 * _byCategory.Count) + (_all is null ? 0 : 977);

    private static bool Same(ImmutableSortedDictionary<string, Setting> a, ImmutableSortedDictionary<string, Setting> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }

        foreach (var pair in a)
        {
            if (!b.TryGetValue(pair.Key, out var value) || value != pair.Value)
            {
                return false;
            }
        }

        return true;
    }

    // Roslyn's AnalyzerConfigSet.TryParseSeverity.
    private static Setting? Parse(string value) => value.Trim().ToLowerInvariant() switch
    {
        "default" => Setting.Default,
        "error" => Setting.Error,
        "warning" => Setting.Warning,
        "suggestion" => Setting.Info,
        "silent" or "refactoring" => Setting.Hidden,
        "none" => Setting.None,
        _ => null,
    };
}
