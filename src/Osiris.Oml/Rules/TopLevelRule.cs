using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Syntax;
using Osiris.Oml.Text;

namespace Osiris.Oml.Rules;

/// <summary>The top-level keys, <c>oml_version</c> and <c>name</c> (OML-SPEC §1).</summary>
internal sealed class TopLevelRule : IDocumentRule
{
    /// <summary>The versions this release understands.</summary>
    private static readonly string[] SupportedVersions = OmlVocabulary.Versions;

    private static readonly string[] Required = { OmlKeys.OmlVersion, OmlKeys.Name, OmlKeys.Steps };

    // 'params' declares the runtime parameters that ${params.x} reads (Osiris ADR-0032); the Osiris
    // validator predates it and warns, which would only hide a real OSI0210 on a misspelled param.
    private static readonly string[] Known = OmlVocabulary.TopLevel;

    private static readonly Dictionary<string, string> Forbidden = new(StringComparer.Ordinal)
    {
        ["version"] = "use 'oml_version' instead, for example oml_version: \"0.2.0\"",
        ["tasks"] = "use 'steps' instead; each task becomes a step with id, component and mode",
        ["connectors"] = "reference connections from a step's config instead, for example connection: \"@mysql.primary\"",
        ["outputs"] = "write outputs with writer steps (mode: write) instead",
    };

    private static readonly Dictionary<string, string> RequiredHint = new(StringComparer.Ordinal)
    {
        [OmlKeys.OmlVersion] = "for example oml_version: \"0.2.0\"",
        [OmlKeys.Name] = "for example name: daily-customer-sync",
        [OmlKeys.Steps] = "a list of steps with id, component and mode",
    };

    // Osiris uses ^[a-z0-9][a-z0-9-]*$; we also accept '_' (the milestone's own names use it, and it is
    // valid in Airflow DAG ids, Python and C# identifiers) — see OML-SPEC.md and docs/OSI0106.
    private static readonly Regex NamePattern = new("^[a-z0-9][a-z0-9_-]*$", RegexOptions.CultureInvariant);

    /// <summary>What <see cref="NamePattern"/> allows besides letters, digits and '-'.</summary>
    private const string NamePunctuation = "_";

    public void Analyze(RuleContext context)
    {
        var root = context.Root;
        foreach (var key in Required)
        {
            if (!root.ContainsKey(key))
            {
                context.Report(DiagnosticCatalog.MissingRequiredKey, YamlValues.HeadOf(root), "root", key, RequiredHint[key]);
            }
        }

        foreach (var (entry, key) in OmlKeys.Unknown(root, Known))
        {
            if (Forbidden.TryGetValue(key, out var hint))
            {
                context.Report(DiagnosticCatalog.ForbiddenKey, entry.Key.Span, "root", key, hint);
            }
            else
            {
                var didYouMean = Suggestions.DidYouMean(key, Known, out var meant);
                context.ReportWithSuggestion(DiagnosticCatalog.UnknownTopLevelKey, entry.Key.Span, "root", OmlSuggestion.ForScalar(entry.Key, meant), MessageText.Excerpt(key), didYouMean);
            }
        }

        CheckVersion(context, root.GetEntry(OmlKeys.OmlVersion));
        CheckVersion020Blocks(context, root);
        CheckName(context, root.GetEntry(OmlKeys.Name));
        CheckDescription(context, root.GetEntry(OmlKeys.Description));
    }

    private static void CheckVersion(RuleContext context, YamlEntry? entry)
    {
        if (entry is null)
        {
            return;
        }

        if (entry.Value is not YamlScalarNode { IsString: true } version)
        {
            context.Report(DiagnosticCatalog.WrongType, entry.Value.Span, OmlKeys.OmlVersion, OmlKeys.OmlVersion, "a quoted version string such as \"0.2.0\"", entry.Value.TypeDescription);
            return;
        }

        if (Array.IndexOf(SupportedVersions, version.Value) < 0)
        {
            context.Report(DiagnosticCatalog.UnsupportedOmlVersion, version.Span, OmlKeys.OmlVersion, MessageText.Excerpt(version.Value));
        }
    }

    /// <summary>schedule and metadata are OML 0.2.0 blocks; a 0.1.0 reader ignores them.</summary>
    private static void CheckVersion020Blocks(RuleContext context, YamlMappingNode root)
    {
        if (root[OmlKeys.OmlVersion] is not YamlScalarNode { IsString: true, Value: "0.1.0" } version)
        {
            return;
        }

        foreach (var key in new[] { OmlKeys.Schedule, OmlKeys.Metadata })
        {
            if (root.GetEntry(key) is { } entry)
            {
                context.Report(DiagnosticCatalog.RequiresVersion020, entry.Key.Span, key, key, MessageText.Excerpt(version.Value));
            }
        }
    }

    private static void CheckName(RuleContext context, YamlEntry? entry)
    {
        if (entry is null)
        {
            return;
        }

        if (entry.Value is YamlScalarNode { IsNull: true })
        {
            context.Report(DiagnosticCatalog.EmptyValue, entry.Key.Span, OmlKeys.Name, OmlKeys.Name, "give the pipeline a name such as daily-customer-sync");
            return;
        }

        if (entry.Value is not YamlScalarNode { IsString: true } name)
        {
            context.Report(DiagnosticCatalog.WrongType, entry.Value.Span, OmlKeys.Name, OmlKeys.Name, "a string", entry.Value.TypeDescription);
            return;
        }

        if (name.Value.Trim().Length == 0)
        {
            context.Report(DiagnosticCatalog.EmptyValue, name.Span, OmlKeys.Name, OmlKeys.Name, "give the pipeline a name such as daily-customer-sync");
            return;
        }

        if (!NamePattern.IsMatch(name.Value))
        {
            context.Report(DiagnosticCatalog.NamingConvention, name.Span, OmlKeys.Name, MessageText.Excerpt(name.Value), MessageText.Excerpt(Suggestions.Conventional(name.Value, NamePunctuation, "my-pipeline")));
        }
    }

    private static void CheckDescription(RuleContext context, YamlEntry? entry)
    {
        if (entry is not null && entry.Value is not YamlScalarNode { IsString: true } and not YamlScalarNode { IsNull: true })
        {
            context.Report(DiagnosticCatalog.WrongType, entry.Value.Span, OmlKeys.Description, OmlKeys.Description, "a string", entry.Value.TypeDescription);
        }
    }
}
