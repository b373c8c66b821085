using System;
using System.Linq;
using Osiris.Oml.Components;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Syntax;
using Osiris.Oml.Text;

namespace Osiris.Oml.Rules;

/// <summary>
/// Each step's <c>config</c> against its component's schema: connection references, unknown and
/// missing keys, value types and ranges, write modes, connection overrides and inline secrets.
/// </summary>
internal sealed class StepConfigRule : IDocumentRule
{

    private static readonly string[] WriteModes = { "append", "replace", "truncate", "upsert" };

    // Writers whose replace/upsert needs a 'primary_key' in the Osiris validator. mysql.writer is left
    // out on purpose: its schema has no primary_key, it names its key columns 'upsert_keys' (OML-SPEC §1).
    private static readonly string[] PrimaryKeyWriters = { "supabase.writer", "duckdb.writer" };

    public void Analyze(RuleContext context)
    {
        foreach (var step in context.Steps)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            if (step.Mapping is { } mapping)
            {
                AnalyzeStep(context, step, mapping);
            }
        }
    }

    private static void AnalyzeStep(RuleContext context, StepSyntax step, YamlMappingNode mapping)
    {
        var componentName = step.ComponentName;
        var spec = step.Component;
        var configPath = step.Path + "." + OmlKeys.Config;
        var configEntry = mapping.GetEntry(OmlKeys.Config);

        if (configEntry is null || configEntry.Value is YamlScalarNode { IsNull: true })
        {
            // Osiris accepts a step without config; its component still needs its required keys at run time.
            if (spec is not null && spec.Required.Count > 0)
            {
                var at = configEntry?.Key.Span ?? YamlValues.HeadOf(mapping);
                var anyFromConnection = spec.Required.Any(k => spec.FindConnectionField(k) is not null);
                context.Report(
                    DiagnosticCatalog.MissingConfig,
                    at,
                    configPath,
                    step.Label,
                    MessageText.Excerpt(spec.Name),
                    MessageText.List(spec.Required),
                    anyFromConnection ? " or a connection reference such as connection: \"@" + Family(spec) + ".default\"" : string.Empty);
            }

            return;
        }

        if (configEntry.Value is not YamlMappingNode config)
        {
            context.Report(DiagnosticCatalog.WrongType, configEntry.Value.Span, configPath, configPath, "a mapping of configuration keys", configEntry.Value.TypeDescription);
            return;
        }

        var connection = CheckConnection(context, config, configPath);
        if (componentName is not null)
        {
            CheckPrimaryKey(context, componentName, spec, config, configPath);
            if (spec is null)
            {
                CheckWriteModeOfUnknownComponent(context, config, configPath);
            }
        }

        if (spec is null)
        {
            return;
        }

        CheckKeys(context, spec, config, configPath, connection);
        CheckRequired(context, spec, config, configPath, connection);
        CheckSecrets(context, spec, config, configPath, connection);
    }

    /// <summary>
    /// The connection reference, if any. Like Osiris, a value that starts with '@' counts as a
    /// reference even when malformed, so the fields it would provide are not reported missing twice.
    /// </summary>
    private static string? CheckConnection(RuleContext context, YamlMappingNode config, string configPath)
    {
        var entry = config.GetEntry(OmlKeys.Connection);
        var path = configPath + "." + OmlKeys.Connection;
        switch (entry?.Value)
        {
            case null:
            case YamlScalarNode { IsNull: true }:
                return null;
            case YamlScalarNode { IsString: true } text:
                if (!text.Value.StartsWith("@", StringComparison.Ordinal))
                {
                    return null;
                }

                if (!OmlVocabulary.ConnectionReference.IsMatch(text.Value))
                {
                    context.Report(DiagnosticCatalog.InvalidConnectionReference, text.Span, path, MessageText.Excerpt(text.Value));
                }

                return text.Value;
            default:
                context.Report(DiagnosticCatalog.WrongType, entry.Value.Span, path, path, "a connection reference such as \"@mysql.primary\"", entry.Value.TypeDescription);
                return null;
        }
    }

    private static void CheckPrimaryKey(RuleContext context, string component, ComponentSpec? spec, YamlMappingNode config, string configPath)
    {
        if (component == "mysql.writer")
        {
            // The mysql.writer schema: 'mode: upsert' matches rows on 'upsert_keys'.
            if (config[WriteModeKey(config)] is YamlScalarNode { Value: "upsert" } mode && !config.ContainsKey("upsert_keys"))
            {
                context.Report(DiagnosticCatalog.MissingPrimaryKey, mode.Span, configPath + ".upsert_keys", "upsert_keys", "upsert");
            }

            return;
        }

        if (Array.IndexOf(PrimaryKeyWriters, component) < 0 || (spec is not null && spec.FindProperty("primary_key") is null))
        {
            return;
        }

        // Osiris reads 'write_mode' when the key is present (even when null), else 'mode'.
        if (config[WriteModeKey(config)] is YamlScalarNode { IsString: true } value
            && value.Value is "replace" or "upsert"
            && !config.ContainsKey("primary_key"))
        {
            context.Report(DiagnosticCatalog.MissingPrimaryKey, value.Span, configPath + ".primary_key", "primary_key", MessageText.Excerpt(value.Value));
        }
    }

    private static string WriteModeKey(YamlMappingNode config) => config.ContainsKey("write_mode") ? "write_mode" : "mode";

    /// <summary>Without a schema, the write mode is checked against the four modes every writer knows.</summary>
    private static void CheckWriteModeOfUnknownComponent(RuleContext context, YamlMappingNode config, string configPath)
    {
        foreach (var key in new[] { "write_mode", "mode" })
        {
            if (config[key] is YamlScalarNode { IsString: true } value && Array.IndexOf(WriteModes, value.Value) < 0)
            {
                context.Report(DiagnosticCatalog.UnknownWriteMode, value.Span, configPath + "." + key, MessageText.Excerpt(value.Value));
                return;
            }
        }
    }

    private static void CheckKeys(RuleContext context, ComponentSpec spec, YamlMappingNode config, string configPath, string? connection)
    {
        foreach (var entry in config.Entries)
        {
            if (entry.KeyText is not { } key || key == OmlKeys.Connection || OmlKeys.IsExtension(key))
            {
                continue;
            }

            var path = configPath + "." + key;
            var property = spec.FindProperty(key);
            if (property is null)
            {
                var hint = UnknownKeyHint(context, spec, key, connection, out var meant);
                context.ReportWithSuggestion(DiagnosticCatalog.UnknownConfigKey, entry.Key.Span, path, OmlSuggestion.ForScalar(entry.Key, meant), MessageText.Excerpt(spec.Name), MessageText.Excerpt(key), hint);
            }
            else if (ConfigValueChecker.Check(property, entry.Value) is { } problem)
            {
                context.ReportWithSuggestion(DiagnosticCatalog.InvalidConfigValue, problem.Span, path, problem.Suggestion, MessageText.Excerpt(key), MessageText.Excerpt(spec.Name), problem.Message);
            }

            if (connection is not null && spec.FindConnectionField(key) is { } field)
            {
                if (field.Policy == OverridePolicy.Forbidden)
                {
                    context.Report(DiagnosticCatalog.ForbiddenOverride, entry.Key.Span, path, MessageText.Excerpt(key), MessageText.Excerpt(connection));
                }
                else if (field.Policy == OverridePolicy.Warning)
                {
                    context.Report(DiagnosticCatalog.OverrideWarning, entry.Key.Span, path, MessageText.Excerpt(key), MessageText.Excerpt(connection));
                }
            }
        }
    }

    private static string UnknownKeyHint(RuleContext context, ComponentSpec spec, string key, string? connection, out string? meant)
    {
        meant = null;
        if (spec.FindConnectionField(key) is not null)
        {
            return connection is null
                ? "; it is provided by a connection — reference one with connection: \"@" + Family(spec) + ".default\" instead"
                : "; connection '" + MessageText.Excerpt(connection) + "' provides it — remove it here";
        }

        var suggestion = context.KeySuggestions(spec).DidYouMean(key, out meant);
        return suggestion.Length > 0 ? suggestion : "; its keys are " + MessageText.List(spec.Properties.Select(p => p.Name));
    }

    private static void CheckRequired(RuleContext context, ComponentSpec spec, YamlMappingNode config, string configPath, string? connection)
    {
        // All are reported at the same place; in name order, so the list reads alike for every component.
        foreach (var key in spec.Required.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (key == OmlKeys.Connection || config.ContainsKey(key))
            {
                continue;
            }

            if (connection is not null && spec.FindConnectionField(key) is not null)
            {
                continue;
            }

            context.Report(DiagnosticCatalog.MissingConfigKey, YamlValues.HeadOf(config), configPath + "." + key, MessageText.Excerpt(spec.Name), MessageText.Excerpt(key), ConnectionHint(spec, key));
        }
    }

    private static string ConnectionHint(ComponentSpec spec, string key)
        => spec.FindConnectionField(key) is not null ? " or reference a connection that provides it, such as connection: \"@" + MessageText.Excerpt(Family(spec)) + ".default\"" : string.Empty;

    private static string Family(ComponentSpec spec)
    {
        var dot = spec.Name.IndexOf('.');
        return dot > 0 ? spec.Name.Substring(0, dot) : spec.Name;
    }

    /// <summary>A secret written as a literal value in the pipeline, rather than taken from a connection or the environment.</summary>
    private static void CheckSecrets(RuleContext context, ComponentSpec spec, YamlMappingNode config, string configPath, string? connection)
    {
        if (connection is not null)
        {
            // With a connection, a secret in the step is a forbidden override, reported above.
            return;
        }

        foreach (var entry in config.Entries)
        {
            if (entry.KeyText is { } key && spec.IsSecret(key) && FirstLiteral(entry.Value) is { } literal)
            {
                context.Report(DiagnosticCatalog.InlineSecret, literal.Span, configPath + "." + key, MessageText.Excerpt(key), MessageText.Excerpt(spec.Name), MessageText.Excerpt((Family(spec) + "_" + key).ToUpperInvariant()));
            }
        }
    }

    private static bool LooksLikeCredential(string key)
    {
        var k = key.ToLowerInvariant();
        return k.Contains("auth") || k.Contains("token") || k.Contains("key") || k.Contains("secret")
            || k.Contains("password") || k.Contains("cookie") || k.Contains("session");
    }

    private static YamlScalarNode? FirstLiteral(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode { IsNull: true }:
                return null;
            case YamlScalarNode scalar:
                var text = scalar.Value.Trim();
                return text.Length == 0 || (text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith("}", StringComparison.Ordinal)) ? null : scalar;
            case YamlMappingNode map:
                // A secret mapping (HTTP headers) mixes credentials with harmless values such as Accept.
                return map.Entries
                    .Where(e => e.KeyText is { } k && LooksLikeCredential(k))
                    .Select(e => FirstLiteral(e.Value))
                    .FirstOrDefault(x => x is not null);
            case YamlSequenceNode seq:
                return seq.Items.Select(FirstLiteral).FirstOrDefault(x => x is not null);
            default:
                return null;
        }
    }
}
