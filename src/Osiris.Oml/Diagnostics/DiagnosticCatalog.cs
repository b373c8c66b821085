using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using static Osiris.Oml.Diagnostics.DiagnosticCategories;
using static Osiris.Oml.Diagnostics.OmlSeverity;

namespace Osiris.Oml.Diagnostics;

/// <summary>
/// The single source of truth for every diagnostic: ID, title, message, severity, category, help
/// link. Roslyn descriptors, CLI output and the docs pages are derived from it, and tests check
/// that each entry has a docs page and a row in the README.
/// </summary>
public static class DiagnosticCatalog
{
    /// <summary>Where the docs pages live; <c>&lt;ID&gt;.md</c> is appended.</summary>
    public const string HelpLinkBase = "https://github.com/osiris-pipelines/Osiris.Analyzers/blob/main/src/Osiris.Oml/Diagnostics/Docs/";

    // ---- OSI00xx: the file and its YAML -------------------------------------------------------

    /// <summary>OSI0001.</summary>
    public static OmlDiagnosticDescriptor InternalError { get; } = new(
        DiagnosticIds.InternalError,
        "Osiris could not analyze the file",
        "Osiris could not analyze this file ({0}); this is a bug in Osiris.Analyzers — please report it with the file",
        DiagnosticCategories.Syntax, Error,
        "The engine met a condition it did not expect. The file is reported instead of crashing the compiler; nothing else in the file was checked.");

    /// <summary>OSI0002.</summary>
    public static OmlDiagnosticDescriptor NotText { get; } = new(
        DiagnosticIds.NotText,
        "The file is not YAML text",
        "The file is not YAML text: {0}; save OML files as UTF-8 text",
        DiagnosticCategories.Syntax, Error,
        "OML files are YAML, and YAML is Unicode text. Control characters such as NUL, and bytes that are not valid UTF-8, mean the file is binary or was saved in another encoding.");

    /// <summary>OSI0003.</summary>
    public static OmlDiagnosticDescriptor YamlSyntax { get; } = new(
        DiagnosticIds.YamlSyntax,
        "YAML syntax error",
        "YAML syntax error: {0}",
        DiagnosticCategories.Syntax, Error,
        "The file is not well-formed YAML, so nothing after the error was checked. Common causes: a tab used for indentation, a missing space after ':', an unquoted value starting with '@' or '`', or inconsistent indentation.");

    /// <summary>OSI0004.</summary>
    public static OmlDiagnosticDescriptor DuplicateKey { get; } = new(
        DiagnosticIds.DuplicateKey,
        "Duplicate key in a mapping",
        "Key '{0}' is already defined on line {1}; YAML 1.2 does not allow duplicate keys, so remove or rename one of them",
        DiagnosticCategories.Syntax, Error,
        "YAML 1.2 requires the keys of a mapping to be unique. YAML 1.1 readers such as PyYAML silently keep the last value, which hides mistakes, so Osiris reports every repeated key.");

    /// <summary>OSI0005.</summary>
    public static OmlDiagnosticDescriptor LimitExceeded { get; } = new(
        DiagnosticIds.LimitExceeded,
        "The file exceeds a safety limit",
        "The file exceeds a safety limit: {0}",
        DiagnosticCategories.Syntax, Error,
        "To keep builds fast and safe, the analysis of one file is bounded: its size, the depth of nesting, the number of nodes and the expansion of YAML aliases (which can grow exponentially, the 'billion laughs' attack). A real pipeline is far below every limit.");

    /// <summary>OSI0006.</summary>
    public static OmlDiagnosticDescriptor RootNotMapping { get; } = new(
        DiagnosticIds.RootNotMapping,
        "The document is not a mapping",
        "An OML document must be a mapping with oml_version, name and steps, but this one is {0}",
        DiagnosticCategories.Syntax, Error,
        "The top level of an OML file is a YAML mapping (key: value lines). An empty file, a single value or a list is not a pipeline.");

    /// <summary>OSI0007.</summary>
    public static OmlDiagnosticDescriptor MultipleDocuments { get; } = new(
        DiagnosticIds.MultipleDocuments,
        "More than one YAML document",
        "An OML file holds exactly one YAML document; move the document that starts here into its own .oml file",
        DiagnosticCategories.Syntax, Error,
        "A '---' line starts a second YAML document. Osiris reads one pipeline per file, so the extra documents would be ignored by the runtime.");

    /// <summary>OSI0008.</summary>
    public static OmlDiagnosticDescriptor UnsupportedOmlVersion { get; } = new(
        DiagnosticIds.UnsupportedOmlVersion,
        "Unsupported OML version",
        "OML version '{0}' is not supported; use \"0.1.0\" or \"0.2.0\" (schedule and metadata need \"0.2.0\")",
        DiagnosticCategories.Syntax, Warning,
        "Osiris knows OML 0.1.0 and 0.2.0. A file that declares another version is still checked with the 0.2.0 rules, but may use features this version of Osiris does not understand.");

    /// <summary>OSI0009.</summary>
    public static OmlDiagnosticDescriptor UnsupportedYamlFeature { get; } = new(
        DiagnosticIds.UnsupportedYamlFeature,
        "YAML feature not supported in OML",
        "{0}",
        DiagnosticCategories.Syntax, Warning,
        "OML uses plain YAML 1.2: string keys, scalars, lists and mappings. Complex keys, merge keys ('<<') and application tags ('!!python/object') are read differently by different YAML libraries, so Osiris warns where it meets them.");

    // ---- OSI01xx: structure ----------------------------------------------------------------------

    /// <summary>OSI0101.</summary>
    public static OmlDiagnosticDescriptor MissingRequiredKey { get; } = new(
        DiagnosticIds.MissingRequiredKey,
        "Required top-level key is missing",
        "The pipeline has no '{0}'; add a top-level '{0}:' key ({1})",
        Structure, Error,
        "Every OML document has the top-level keys oml_version (a quoted version string such as \"0.2.0\"), name and steps.");

    /// <summary>OSI0102.</summary>
    public static OmlDiagnosticDescriptor ForbiddenKey { get; } = new(
        DiagnosticIds.ForbiddenKey,
        "Legacy top-level key",
        "'{0}' is a legacy key that OML does not accept; {1}",
        Structure, Error,
        "The keys version, connectors, tasks and outputs come from the format before OML 0.1.0. The Osiris runtime rejects them.");

    /// <summary>OSI0103.</summary>
    public static OmlDiagnosticDescriptor UnknownTopLevelKey { get; } = new(
        DiagnosticIds.UnknownTopLevelKey,
        "Unknown top-level key",
        "Unknown top-level key '{0}'{1}; OML allows oml_version, name, description, schedule, metadata, steps and x-* extension keys",
        Structure, Warning,
        "Keys that OML does not define are ignored by the runtime, which usually hides a typo. Prefix your own keys with 'x-' to mark them as extensions.");

    /// <summary>OSI0104.</summary>
    public static OmlDiagnosticDescriptor WrongType { get; } = new(
        DiagnosticIds.WrongType,
        "Value has the wrong type",
        "'{0}' must be {1}, not {2}",
        Structure, Error,
        "A value has a YAML type the key does not accept, for example a list where a string belongs. Quote a value to make it a string: oml_version: \"0.2.0\".");

    /// <summary>OSI0105.</summary>
    public static OmlDiagnosticDescriptor EmptyValue { get; } = new(
        DiagnosticIds.EmptyValue,
        "Value is empty",
        "'{0}' must not be empty; {1}",
        Structure, Error,
        "A key that names something (the pipeline, a step, a component) is present but blank or null.");

    /// <summary>OSI0106.</summary>
    public static OmlDiagnosticDescriptor NamingConvention { get; } = new(
        DiagnosticIds.NamingConvention,
        "Pipeline name does not follow the naming convention",
        "Pipeline name '{0}' should use lowercase letters, digits, '-' and '_' and start with a letter or digit, for example '{1}'",
        Structure, Warning,
        "Pipeline names become file names, DAG ids, flow names and C# identifiers. The convention ^[a-z0-9][a-z0-9_-]*$ keeps them portable (the Osiris validator allows '-' only; '_' is accepted here because Airflow DAG ids, Python and C# identifiers all take it).");

    /// <summary>OSI0107.</summary>
    public static OmlDiagnosticDescriptor EmptySteps { get; } = new(
        DiagnosticIds.EmptySteps,
        "Pipeline has no steps",
        "The pipeline has no steps; add at least one step with id, component and mode",
        Structure, Error,
        "A pipeline without steps does nothing.");

    /// <summary>OSI0108.</summary>
    public static OmlDiagnosticDescriptor MissingStepField { get; } = new(
        DiagnosticIds.MissingStepField,
        "Step field is missing",
        "Step {0} has no '{1}'; every step needs id, component and mode",
        Structure, Error,
        "Each step names itself (id), the component that runs it (component) and what it does (mode: read, write or transform).");

    /// <summary>OSI0109.</summary>
    public static OmlDiagnosticDescriptor DuplicateStepId { get; } = new(
        DiagnosticIds.DuplicateStepId,
        "Duplicate step id",
        "Step id '{0}' is already used on line {1}; give every step a unique id",
        Structure, Error,
        "Step ids identify steps in 'needs', in logs and in exports, so they must be unique within a pipeline.");

    /// <summary>OSI0110.</summary>
    public static OmlDiagnosticDescriptor UnknownComponent { get; } = new(
        DiagnosticIds.UnknownComponent,
        "Unknown component",
        "Unknown component '{0}'{1}; the known components are {2}",
        Structure, Warning,
        "The component is neither built in nor described by a components/<name>/spec.yaml file of the project, so its configuration cannot be checked. Check the spelling, or add a spec for your own component.");

    /// <summary>OSI0111.</summary>
    public static OmlDiagnosticDescriptor InvalidMode { get; } = new(
        DiagnosticIds.InvalidMode,
        "Invalid step mode",
        "Mode '{0}' is not valid; use read, write or transform",
        Structure, Error,
        "OML has three step modes: read (extract data), write (load data) and transform.");

    /// <summary>OSI0112.</summary>
    public static OmlDiagnosticDescriptor IncompatibleMode { get; } = new(
        DiagnosticIds.IncompatibleMode,
        "Component does not support the mode",
        "Component '{0}' does not support mode '{1}'; use {2}",
        Structure, Error,
        "Each component declares the modes it offers: extractors read, writers write, processors transform.");

    /// <summary>OSI0113.</summary>
    public static OmlDiagnosticDescriptor UnknownDependency { get; } = new(
        DiagnosticIds.UnknownDependency,
        "Unknown step in needs",
        "Step {0} needs '{1}', which is not a step id of this pipeline{2}",
        Structure, Error,
        "Every entry of 'needs' must be the id of another step in the same pipeline.");

    /// <summary>OSI0114.</summary>
    public static OmlDiagnosticDescriptor DependencyCycle { get; } = new(
        DiagnosticIds.DependencyCycle,
        "Steps depend on each other in a cycle",
        "The steps depend on each other in a cycle ({0}); remove one of these needs so the pipeline has an order to run in",
        Structure, Error,
        "Steps run after the steps they need. A cycle, including a step that needs itself, has no valid order; the Osiris runtime would fail at run time.");

    /// <summary>OSI0115.</summary>
    public static OmlDiagnosticDescriptor InvalidConnectionReference { get; } = new(
        DiagnosticIds.InvalidConnectionReference,
        "Invalid connection reference",
        "Connection reference '{0}' must have the form '@family.alias' using letters, digits, '_' and '-', for example '@mysql.primary'",
        Structure, Error,
        "A connection reference points into osiris_connections.yaml: '@' then the connection family, a dot, and the alias.");

    /// <summary>OSI0116.</summary>
    public static OmlDiagnosticDescriptor UnknownConfigKey { get; } = new(
        DiagnosticIds.UnknownConfigKey,
        "Unknown configuration key",
        "Component '{0}' has no configuration key '{1}'{2}",
        Structure, Error,
        "The key is not in the component's configuration schema, so the component would reject it at run time.");

    /// <summary>OSI0117.</summary>
    public static OmlDiagnosticDescriptor MissingConfigKey { get; } = new(
        DiagnosticIds.MissingConfigKey,
        "Required configuration key is missing",
        "Component '{0}' requires configuration key '{1}'; add it to the step's config{2}",
        Structure, Error,
        "The component's schema requires this key. Keys that a connection provides (host, user, password, ...) are satisfied by a connection reference such as connection: \"@mysql.primary\".");

    /// <summary>OSI0118.</summary>
    public static OmlDiagnosticDescriptor MissingPrimaryKey { get; } = new(
        DiagnosticIds.MissingPrimaryKey,
        "Primary key required by the write mode",
        "'{0}' is required when the write mode is '{1}'; add the column(s) that identify a row",
        Structure, Error,
        "replace and upsert writes match existing rows by key, so the writer needs to know which columns form the key.");

    /// <summary>OSI0119.</summary>
    public static OmlDiagnosticDescriptor UnknownWriteMode { get; } = new(
        DiagnosticIds.UnknownWriteMode,
        "Unknown write mode",
        "Unknown write mode '{0}'; use append, replace, truncate or upsert",
        Structure, Warning,
        "Writers know four write modes. Another value falls back to the writer's default, which may not be what you meant.");

    /// <summary>OSI0120.</summary>
    public static OmlDiagnosticDescriptor InvalidConfigValue { get; } = new(
        DiagnosticIds.InvalidConfigValue,
        "Invalid configuration value",
        "Configuration key '{0}' of component '{1}' {2}",
        Structure, Error,
        "The value does not match the component's configuration schema: its type, its allowed values or its range.");

    /// <summary>OSI0121.</summary>
    public static OmlDiagnosticDescriptor UnknownStepKey { get; } = new(
        DiagnosticIds.UnknownStepKey,
        "Unknown step key",
        "Unknown step key '{0}'{1}; a step has id, component, mode, config and needs (and x-* extension keys)",
        Structure, Warning,
        "The Osiris runtime ignores keys it does not know, which usually hides a typo such as 'need' or 'configs'.");

    /// <summary>OSI0122.</summary>
    public static OmlDiagnosticDescriptor DuplicateDependency { get; } = new(
        DiagnosticIds.DuplicateDependency,
        "Dependency listed twice",
        "Step {0} lists '{1}' more than once in needs; remove the repeated entry",
        Structure, Warning,
        "A repeated entry in needs has no effect and is usually a copy-paste mistake.");

    /// <summary>OSI0123.</summary>
    public static OmlDiagnosticDescriptor MissingConfig { get; } = new(
        DiagnosticIds.MissingConfig,
        "Step has no configuration",
        "Step {0} has no config, but component '{1}' requires {2}; add a config mapping with these keys{3}",
        Structure, Warning,
        "The step would fail when it runs, because its component needs configuration. It is a warning rather than an error because the Osiris validator accepts a step without config; treat it as an error with dotnet_diagnostic.OSI0123.severity = error.");

    /// <summary>OSI0124.</summary>
    public static OmlDiagnosticDescriptor InvalidComponentSpec { get; } = new(
        DiagnosticIds.InvalidComponentSpec,
        "Invalid component spec",
        "Component spec: {0}",
        Structure, Error,
        "A project's own component spec (components/<name>/spec.yaml) could not be read completely, so steps that use the component are checked against what could be read, or not at all.");

    // ---- OSI05xx: security ---------------------------------------------------------------------

    /// <summary>OSI0501.</summary>
    public static OmlDiagnosticDescriptor ForbiddenOverride { get; } = new(
        DiagnosticIds.ForbiddenOverride,
        "Connection field must not be overridden",
        "'{0}' comes from connection '{1}' and must not be overridden in the step (policy: forbidden); remove it here and change the connection instead",
        Security, Error,
        "Credentials and identity fields of a connection (database, user, password, API keys) are fixed by the connection so that a pipeline cannot silently point them elsewhere.");

    /// <summary>OSI0502.</summary>
    public static OmlDiagnosticDescriptor OverrideWarning { get; } = new(
        DiagnosticIds.OverrideWarning,
        "Connection field overridden",
        "'{0}' overrides the value that connection '{1}' provides; prefer setting it in the connection",
        Security, Warning,
        "The component allows overriding this connection field, but asks you to think twice: the step no longer follows the connection's value.");

    /// <summary>OSI0503.</summary>
    public static OmlDiagnosticDescriptor InlineSecret { get; } = new(
        DiagnosticIds.InlineSecret,
        "Secret written inline",
        "'{0}' is a secret of component '{1}' and is written inline; move it to a connection and reference it with connection: \"@family.alias\", or read it from the environment with \"${{{2}}}\"",
        Security, Warning,
        "OML files are committed to source control and copied into orchestrator exports. Secrets belong in osiris_connections.yaml or the environment, never in the pipeline.");

    /// <summary>Every descriptor, ordered by ID.</summary>
    public static ImmutableArray<OmlDiagnosticDescriptor> All { get; } =
        typeof(DiagnosticCatalog)
            .GetProperties()
            .Where(p => p.PropertyType == typeof(OmlDiagnosticDescriptor))
            .Select(p => (OmlDiagnosticDescriptor)p.GetValue(null)!)
            .OrderBy(d => d.Id, System.StringComparer.Ordinal)
            .ToImmutableArray();

    private static readonly Dictionary<string, OmlDiagnosticDescriptor> ById =
        All.ToDictionary(d => d.Id, System.StringComparer.Ordinal);

    /// <summary>The descriptor of <paramref name="id"/>, or null.</summary>
    public static OmlDiagnosticDescriptor? Find(string id) => ById.TryGetValue(id, out var d) ? d : null;
}
