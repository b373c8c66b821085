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

    /// <summary>OSI0010.</summary>
    public static OmlDiagnosticDescriptor InvalidSetting { get; } = new(
        DiagnosticIds.InvalidSetting,
        "Invalid Osiris setting",
        "Osiris setting {0}; the default is used instead",
        DiagnosticCategories.Syntax, Warning,
        "A repository setting in a .globalconfig file (osiris_*) or an MSBuild property (Osiris*) has a value Osiris cannot read.")
    {
        IsCrossFile = true,
    };

    /// <summary>OSI0011.</summary>
    public static OmlDiagnosticDescriptor DiagnosticsLeftOut { get; } = new(
        DiagnosticIds.DiagnosticsLeftOut,
        "Too many findings in one file",
        "{0} more {1} in this file are not reported: at most {2} are; fix the ones reported and build again to see the rest",
        DiagnosticCategories.Syntax, Warning,
        "A file with hundreds of problems of one kind (usually one mistake repeated by YAML aliases or by a generator) would flood the build log and the IDE. Osiris reports at most 100 findings of each ID and 1,000 in all per file, and says here how many more there are.");

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
        "Unknown top-level key '{0}'{1}; OML allows oml_version, name, description, params, schedule, metadata, steps and x-* extension keys",
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

    // ---- OSI02xx: schedule -----------------------------------------------------------------------

    /// <summary>OSI0201.</summary>
    public static OmlDiagnosticDescriptor InvalidCron { get; } = new(
        DiagnosticIds.InvalidCron,
        "Invalid cron expression",
        "Cron expression '{0}' is invalid: {1}",
        Schedule, Error,
        "The expression is not a valid 5-field cron expression (minute hour day-of-month month day-of-week) or preset (@hourly, @daily, @weekly, @monthly, @yearly). The diagnostic points at the field that is wrong.");

    /// <summary>OSI0202.</summary>
    public static OmlDiagnosticDescriptor CronNeverFires { get; } = new(
        DiagnosticIds.CronNeverFires,
        "Cron expression never fires",
        "Cron expression '{0}' never fires: {1}",
        Schedule, Error,
        "The expression is well-formed but names a date that does not exist, such as 30 February. Airflow and Prefect accept it when the DAG or deployment is defined and fail only when they try to schedule it.");

    /// <summary>OSI0203.</summary>
    public static OmlDiagnosticDescriptor UnknownTimeZone { get; } = new(
        DiagnosticIds.UnknownTimeZone,
        "Unknown time zone",
        "Unknown time zone '{0}'{1}; use an IANA time zone id such as Europe/Prague or UTC (TZDB {2})",
        Schedule, Error,
        "Time zones are IANA ids from the tz database (Area/City). Abbreviations such as PST or CEST are ambiguous and are not zones.");

    /// <summary>OSI0204.</summary>
    public static OmlDiagnosticDescriptor InvalidScheduleValue { get; } = new(
        DiagnosticIds.InvalidScheduleValue,
        "Invalid schedule value",
        "'{0}' {1}",
        Schedule, Error,
        "A retry, timeout, concurrency, duration or window value is malformed, out of range or absurd (a negative delay, zero concurrency, a timeout of ten years). Durations are integers (seconds) or strings such as \"90s\", \"15m\", \"1h30m\", \"1d\" or \"PT1H\".");

    /// <summary>OSI0205.</summary>
    public static OmlDiagnosticDescriptor UnknownScheduleKey { get; } = new(
        DiagnosticIds.UnknownScheduleKey,
        "Unknown schedule key",
        "Unknown key '{0}' in {1}{2}; the known keys are {3}",
        Schedule, Warning,
        "The key is not part of the OML 0.2.0 schedule block, so every tool ignores it; this is usually a typo.");

    /// <summary>OSI0206.</summary>
    public static OmlDiagnosticDescriptor RequiresVersion020 { get; } = new(
        DiagnosticIds.RequiresVersion020,
        "Block requires OML 0.2.0",
        "'{0}' is an OML 0.2.0 block, but the file declares oml_version '{1}'; set oml_version: \"0.2.0\"",
        Schedule, Warning,
        "Tools that read OML 0.1.0 ignore the schedule and metadata blocks.");

    /// <summary>OSI0207.</summary>
    public static OmlDiagnosticDescriptor MissingScheduleExpression { get; } = new(
        DiagnosticIds.MissingScheduleExpression,
        "Schedule does not say when to run",
        "{0}",
        Schedule, Error,
        "A cron schedule needs an expression (or preset), an interval schedule needs every; exactly one of them.");

    /// <summary>OSI0208.</summary>
    public static OmlDiagnosticDescriptor WindowNotUsed { get; } = new(
        DiagnosticIds.WindowNotUsed,
        "Window is not used",
        "The schedule defines a window on '{0}', but no step uses ${{window.start}} or ${{window.end}}; filter the source query on them or remove the window",
        Schedule, Warning,
        "An incremental window only limits the load when the steps' queries use its bounds.");

    /// <summary>OSI0209.</summary>
    public static OmlDiagnosticDescriptor WindowVariableWithoutWindow { get; } = new(
        DiagnosticIds.WindowVariableWithoutWindow,
        "Window variable without a window",
        "'${{{0}}}' is used, but the pipeline has no schedule window; add schedule.window (type, size, offset, field)",
        Schedule, Error,
        "${window.start} and ${window.end} are defined by the schedule's window. Without one they have no value at run time.");

    /// <summary>OSI0210.</summary>
    public static OmlDiagnosticDescriptor UnknownVariable { get; } = new(
        DiagnosticIds.UnknownVariable,
        "Unknown variable",
        "Unknown variable '${{{0}}}'{1}",
        Schedule, Error,
        "Placeholders in step configuration are resolved at run time. A name that nothing defines is left unresolved and the step fails or, worse, runs with the literal text.");

    /// <summary>OSI0211.</summary>
    public static OmlDiagnosticDescriptor FireTimeSkippedByDst { get; } = new(
        DiagnosticIds.FireTimeSkippedByDst,
        "Fire time does not exist on a DST change day",
        "{0} does not exist in {1} on {2} (the clocks jump {3}); {4}. Schedule outside {5} local time or use UTC (TZDB {6})",
        Schedule, Warning,
        "On the day clocks move forward, a local time in the skipped hour does not exist. Airflow, Prefect and Dagster each move the run somewhere else, and not to the same place. It is an error when the export targets Prefect and the Prefect server's Python version is not declared, because the run may move to the previous day.");

    /// <summary>OSI0212.</summary>
    public static OmlDiagnosticDescriptor FireTimeRepeatedByDst { get; } = new(
        DiagnosticIds.FireTimeRepeatedByDst,
        "Fire time happens twice on a DST change day",
        "{0} happens twice in {1} on {2} (the clocks fall back {3}); {4}. Schedule outside {5} local time or use UTC (TZDB {6})",
        Schedule, Warning,
        "On the day clocks move back, a local time in the repeated hour happens twice. Schedulers disagree on which occurrence runs, so the run moves by the size of the shift depending on the orchestrator.");

    /// <summary>OSI0213.</summary>
    public static OmlDiagnosticDescriptor RepeatedHourRunsDiffer { get; } = new(
        DiagnosticIds.RepeatedHourRunsDiffer,
        "Repeated hour runs differently per orchestrator",
        "'{0}' runs every hour in {1}; on {2} the hour {3} happens twice, and {4} (TZDB {5})",
        Schedule, Info,
        "An hourly or sub-hourly schedule runs through the repeated hour of a DST change. Airflow and Dagster run both passes; Prefect 3 runs the repeated hour once, leaving a two-hour pause.");

    /// <summary>OSI0214.</summary>
    public static OmlDiagnosticDescriptor HourSetCrossesDst { get; } = new(
        DiagnosticIds.HourSetCrossesDst,
        "Hour list crosses a DST change",
        "The hours of '{0}' include the hour that {1} skips or repeats on {2}; {3}. Avoid hour lists and ranges that cross {4} (TZDB {5})",
        Schedule, Warning,
        "With an hour list, range or step across a DST transition every orchestrator resolves the skipped or repeated runs differently: both, first or second occurrence, merged or dropped.");

    /// <summary>OSI0215.</summary>
    public static OmlDiagnosticDescriptor MidnightDstTransition { get; } = new(
        DiagnosticIds.MidnightDstTransition,
        "DST change at local midnight",
        "{0} changes its clocks at midnight ({1}), and '{2}' fires at {3}; {4} (TZDB {5})",
        Schedule, Warning,
        "Some zones (America/Santiago, Asia/Beirut, America/Havana, Africa/Cairo, ...) change clocks at midnight. Runs near midnight can move to the previous date (Prefect on Python 3.12 or older) and daily partitions can shift.");

    /// <summary>OSI0216.</summary>
    public static OmlDiagnosticDescriptor FixedOffsetZone { get; } = new(
        DiagnosticIds.FixedOffsetZone,
        "Time zone is a fixed offset",
        "'{0}' is a fixed UTC{1} zone without daylight saving time; if the pipeline follows the local clock of that region, use {2}",
        Schedule, Warning,
        "EST and MST are legacy tz database ids for fixed offsets. The regions the abbreviations name change their clocks in summer (America/New_York, America/Denver), so a schedule in EST runs an hour off for half the year.");

    // ---- OSI03xx: metadata and production policy ---------------------------------------------------

    /// <summary>OSI0301.</summary>
    public static OmlDiagnosticDescriptor MissingOwner { get; } = new(
        DiagnosticIds.MissingOwner,
        "Pipeline has no owner",
        "The pipeline has no owner, and {0}; add metadata.owner with the e-mail address of the team or person who answers for it",
        Metadata, Error,
        "Someone must be reachable when a production pipeline fails. By default a scheduled pipeline needs an owner; the repository setting osiris_owner_required changes when (always, scheduled, high, never).");

    /// <summary>OSI0302.</summary>
    public static OmlDiagnosticDescriptor InvalidOwner { get; } = new(
        DiagnosticIds.InvalidOwner,
        "Owner is not an e-mail address",
        "Owner '{0}' is not an e-mail address; write the address of the team or person, for example data-team@company.com",
        Metadata, Error,
        "Owners are contacted by orchestrators (Airflow's owner, Dagster's asset owners), so the owner is an e-mail address.");

    /// <summary>OSI0303.</summary>
    public static OmlDiagnosticDescriptor InvalidMetadataValue { get; } = new(
        DiagnosticIds.InvalidMetadataValue,
        "Invalid metadata value",
        "'{0}' {1}",
        Metadata, Error,
        "A metadata value has the wrong type or is out of range: an SLA that is not a positive duration, a criticality other than low, medium, high or critical.");

    /// <summary>OSI0304.</summary>
    public static OmlDiagnosticDescriptor UnknownMetadataKey { get; } = new(
        DiagnosticIds.UnknownMetadataKey,
        "Unknown metadata key",
        "Unknown key '{0}' in {1}{2}; the known keys are {3}",
        Metadata, Warning,
        "The key is not part of the OML 0.2.0 metadata block, so no tool reads it; this is usually a typo. Prefix your own keys with 'x-'.");

    /// <summary>OSI0305.</summary>
    public static OmlDiagnosticDescriptor InvalidTag { get; } = new(
        DiagnosticIds.InvalidTag,
        "Tag does not follow the tag format",
        "Tag '{0}' should be lowercase letters, digits and '-', '_', ':', '.' (at most 64 characters), for example '{1}'",
        Metadata, Warning,
        "Tags become Airflow DAG tags, Prefect deployment tags and Dagster tags; the conservative format is accepted by all of them.");

    /// <summary>OSI0306.</summary>
    public static OmlDiagnosticDescriptor DuplicateTag { get; } = new(
        DiagnosticIds.DuplicateTag,
        "Tag listed twice",
        "Tag '{0}' is already listed on line {1}; remove the repeated tag",
        Metadata, Warning,
        "A repeated tag has no effect and usually comes from copying.");

    /// <summary>OSI0307.</summary>
    public static OmlDiagnosticDescriptor InvalidDataTest { get; } = new(
        DiagnosticIds.InvalidDataTest,
        "Invalid data-quality test",
        "Data test {0} {1}",
        Metadata, Error,
        "Data-quality tests are row_count {min, max}, schema {expected}, freshness {max_age} and custom {script}; each needs its settings with valid values.");

    /// <summary>OSI0308.</summary>
    public static OmlDiagnosticDescriptor TestScriptNotFound { get; } = new(
        DiagnosticIds.TestScriptNotFound,
        "Custom test script not found",
        "Custom test script '{0}' is not in the project; add the file (relative to the project folder or to this .oml file) or fix the path",
        Metadata, Error,
        "A custom data test runs a script of the repository. The build knows the project's files, so a misspelled or deleted script is found before deployment.");

    /// <summary>OSI0309.</summary>
    public static OmlDiagnosticDescriptor InvalidLineageReference { get; } = new(
        DiagnosticIds.InvalidLineageReference,
        "Invalid lineage reference",
        "Lineage entry '{0}' must have the form \"<kind>: <name>\", for example \"table: mysql.orders\" or \"pipeline: order_processing\"",
        Metadata, Error,
        "Lineage lists what a pipeline reads (upstream) and feeds (downstream), each entry a kind and a name.");

    /// <summary>OSI0310.</summary>
    public static OmlDiagnosticDescriptor UnknownLineageKind { get; } = new(
        DiagnosticIds.UnknownLineageKind,
        "Unknown lineage kind",
        "Lineage kind '{0}' is not known{1}; use one of {2}",
        Metadata, Warning,
        "Exports turn lineage into Airflow datasets, Dagster asset dependencies and Prefect assets by kind; an unknown kind is exported as a plain name.");

    /// <summary>OSI0311.</summary>
    public static OmlDiagnosticDescriptor InvalidNotification { get; } = new(
        DiagnosticIds.InvalidNotification,
        "Invalid notification target",
        "Notification {0}",
        Metadata, Error,
        "A notification is one of email (an address), slack (a #channel or an https://hooks.slack.com webhook), pagerduty (a service name or key) or webhook (an https URL).");

    /// <summary>OSI0312.</summary>
    public static OmlDiagnosticDescriptor UnknownNotificationEvent { get; } = new(
        DiagnosticIds.UnknownNotificationEvent,
        "Unknown notification event",
        "Unknown notification event '{0}'{1}; the events are on_failure, on_success, on_retry and on_sla_breach",
        Metadata, Error,
        "Notifications for an event that does not exist are never sent; a misspelled on_failure silently leaves failures unannounced.");

    /// <summary>OSI0313.</summary>
    public static OmlDiagnosticDescriptor SlaRequired { get; } = new(
        DiagnosticIds.SlaRequired,
        "SLA required by the repository policy",
        "The pipeline is {0}, and the repository requires an SLA for {1} pipelines; add metadata.sla, for example sla: \"4h\"",
        Metadata, Error,
        "An SLA says by when a run must be done, which is what on-call and downstream teams plan with. The policy is set with osiris_high_criticality_requires.");

    /// <summary>OSI0314.</summary>
    public static OmlDiagnosticDescriptor OnFailureRequired { get; } = new(
        DiagnosticIds.OnFailureRequired,
        "Failure notification required by the repository policy",
        "The pipeline is {0}, and the repository requires an on_failure notification for {1} pipelines; add metadata.notifications.on_failure, for example - email: \"oncall@company.com\"",
        Metadata, Error,
        "A failing high-criticality pipeline must tell someone. The policy is set with osiris_high_criticality_requires.");

    /// <summary>OSI0315.</summary>
    public static OmlDiagnosticDescriptor PolicyLimitExceeded { get; } = new(
        DiagnosticIds.PolicyLimitExceeded,
        "Value exceeds the repository policy",
        "'{0}' is {1}, more than the repository allows ({2} = {3}); {4}",
        Metadata, Error,
        "The repository caps timeouts, retry attempts and concurrency (osiris_max_timeout, osiris_max_retry_attempts, osiris_max_concurrency) to keep the shared orchestrator healthy.");

    /// <summary>OSI0316.</summary>
    public static OmlDiagnosticDescriptor SlaShorterThanRun { get; } = new(
        DiagnosticIds.SlaShorterThanRun,
        "SLA shorter than a run may take",
        "The SLA ({0}) is shorter than {1} ({2}), so a run can breach it without failing first; raise the SLA or lower the timeout and retries",
        Metadata, Warning,
        "If the timeout, or every try of a failing run with its retry delays, takes longer than the SLA, the SLA alert fires while the pipeline is still legitimately running.");

    // ---- OSI04xx: conflicts -----------------------------------------------------------------------

    /// <summary>OSI0401.</summary>
    public static OmlDiagnosticDescriptor WindowOverlap { get; } = new(
        DiagnosticIds.WindowOverlap,
        "Consecutive windows overlap",
        "The load windows of consecutive runs overlap: {0}; rows in the overlap are loaded twice{1}. {2} (TZDB {3})",
        Conflicts, Warning,
        "With a fixed-size window on a local-time schedule, the window does not follow the 23- or 25-hour day of a DST change. The overlap is an error when the pipeline appends the loaded rows, because they are duplicated.");

    /// <summary>OSI0402.</summary>
    public static OmlDiagnosticDescriptor WindowGap { get; } = new(
        DiagnosticIds.WindowGap,
        "Consecutive windows leave a gap",
        "The load windows of consecutive runs leave a gap: {0}; rows updated in the gap are never loaded. {1} (TZDB {2})",
        Conflicts, Error,
        "Rows whose timestamp falls between the end of one window and the start of the next are never loaded: data is silently lost.");

    /// <summary>OSI0403.</summary>
    public static OmlDiagnosticDescriptor RunsPileUp { get; } = new(
        DiagnosticIds.RunsPileUp,
        "Runs can pile up",
        "The timeout ({0}) is longer than the shortest time between runs ({1}, {2}) while concurrency is {3}; a slow run delays the next ones. Shorten the timeout, run less often, or allow more concurrent runs",
        Conflicts, Warning,
        "With concurrency 1 a run that may last longer than the gap to the next scheduled run makes the next runs wait, and the backlog grows.");

    /// <summary>OSI0404.</summary>
    public static OmlDiagnosticDescriptor RetriesOutlastInterval { get; } = new(
        DiagnosticIds.RetriesOutlastInterval,
        "Retries can outlast the interval",
        "With {0} retries the worst case ({1} tries × timeout {2} + delays {3} = {4}) is longer than the shortest time between runs ({5}); the next run starts before the retries end. Reduce attempts, delay or timeout",
        Conflicts, Warning,
        "The worst case of a failing run is every try running until the timeout plus every retry delay.");

    /// <summary>OSI0405.</summary>
    public static OmlDiagnosticDescriptor DuplicatePipelineName { get; } = new(
        DiagnosticIds.DuplicatePipelineName,
        "Two pipelines have the same name",
        "Pipeline name '{0}' is also used by {1}; pipeline names must be unique in the repository (they become DAG ids, deployment and job names)",
        Conflicts, Error,
        "Two pipelines with the same name overwrite each other in every orchestrator and make lineage ambiguous. Both files are reported.")
    {
        IsCrossFile = true,
    };

    /// <summary>OSI0406.</summary>
    public static OmlDiagnosticDescriptor UnknownLineagePipeline { get; } = new(
        DiagnosticIds.UnknownLineagePipeline,
        "Lineage names a pipeline that does not exist",
        "'pipeline: {0}' names no pipeline of this repository{1}; add that pipeline or fix the name",
        Conflicts, Error,
        "A pipeline: lineage reference must name a pipeline of the same project, so lineage pictures and schedule checks can follow it.")
    {
        IsCrossFile = true,
    };

    /// <summary>OSI0407.</summary>
    public static OmlDiagnosticDescriptor LineageCycle { get; } = new(
        DiagnosticIds.LineageCycle,
        "Pipelines depend on each other in a cycle",
        "The pipelines feed each other in a cycle ({0}); one of these lineage entries is wrong",
        Conflicts, Error,
        "Data cannot flow in a circle: a pipeline that is (transitively) its own upstream has no first run.")
    {
        IsCrossFile = true,
    };

    /// <summary>OSI0408.</summary>
    public static OmlDiagnosticDescriptor OneSidedLineage { get; } = new(
        DiagnosticIds.OneSidedLineage,
        "Lineage declared on one side only",
        "'{0}' lists '{1}' as {2}, but '{1}' does not list '{0}' as {3}; add it there so both pipelines tell the same story",
        Conflicts, Info,
        "Lineage is easier to trust when both pipelines declare the link.")
    {
        IsCrossFile = true,
    };

    /// <summary>OSI0409.</summary>
    public static OmlDiagnosticDescriptor DownstreamBeforeUpstream { get; } = new(
        DiagnosticIds.DownstreamBeforeUpstream,
        "Downstream runs before its upstream is due",
        "'{0}' runs at {1}, before its upstream '{2}' is due to finish ({3} + SLA {4} = {5}); schedule it after {5} or shorten the upstream SLA",
        Conflicts, Warning,
        "The first downstream run after an upstream run starts must wait until the upstream is due (its start plus its SLA); otherwise, on a slow day, it reads the previous day's data.")
    {
        IsCrossFile = true,
    };

    /// <summary>OSI0410.</summary>
    public static OmlDiagnosticDescriptor SharedWriteTarget { get; } = new(
        DiagnosticIds.SharedWriteTarget,
        "Two pipelines write the same table and can run at the same time",
        "Step '{0}' writes {1}, which '{2}' also writes, and their runs can overlap ({3}); schedule them apart or write in one pipeline",
        Conflicts, Warning,
        "Two loads into the same table at the same time can interleave, deadlock or overwrite each other's rows.")
    {
        IsCrossFile = true,
    };

    /// <summary>OSI0411.</summary>
    public static OmlDiagnosticDescriptor TooManyParallelRuns { get; } = new(
        DiagnosticIds.TooManyParallelRuns,
        "More runs at once than the repository allows",
        "Up to {0} runs can be active at once ({1}), more than the repository allows (osiris_max_parallel_runs = {2}); spread the schedules or lower timeouts",
        Conflicts, Error,
        "Computed from every pipeline's schedule and timeout over the coming week: the most runs whose time between start and timeout overlap.")
    {
        IsCrossFile = true,
    };

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

    // ---- OSI06xx: orchestrator compatibility -------------------------------------------------------

    /// <summary>OSI0601.</summary>
    public static OmlDiagnosticDescriptor DayOfMonthAndDayOfWeek { get; } = new(
        DiagnosticIds.DayOfMonthAndDayOfWeek,
        "Day of month and day of week both set",
        "'{0}' restricts both the day of month and the day of week; Airflow, Prefect and Dagster run it when EITHER matches (Vixie cron OR), Cronos and Quartz-style schedulers only when BOTH match. Restrict one of the two fields",
        Compatibility, Error,
        "When both day fields are restricted, cron dialects disagree: '0 0 1 * MON' means 'the 1st and every Monday' in Airflow, Prefect and Dagster, and 'Mondays that are the 1st' in Cronos.");

    /// <summary>OSI0602.</summary>
    public static OmlDiagnosticDescriptor SecondsOrYearField { get; } = new(
        DiagnosticIds.SecondsOrYearField,
        "Cron expression with seconds or year",
        "'{0}' has {1} fields; {2}. Use the 5 fields minute hour day-of-month month day-of-week",
        Compatibility, Error,
        "Airflow and Prefect (croniter) read a 6th field as SECONDS AT THE END, Quartz-style tools read seconds first, and Dagster rejects anything but 5 fields.");

    /// <summary>OSI0603.</summary>
    public static OmlDiagnosticDescriptor CronFeatureNotSupported { get; } = new(
        DiagnosticIds.CronFeatureNotSupported,
        "Cron feature not supported by a target",
        "'{0}' is not supported by {1}: {2}",
        Compatibility, Error,
        "Cron extensions such as W, LW, 5L, L5, H, @quarterly and @every_minute exist only in some dialects.");

    /// <summary>OSI0604.</summary>
    public static OmlDiagnosticDescriptor CronFeatureVersionDependent { get; } = new(
        DiagnosticIds.CronFeatureVersionDependent,
        "Cron feature depends on the library version",
        "'{0}' {1}",
        Compatibility, Warning,
        "Some constructs (wrap-around ranges such as 22-2) are accepted by current croniter but rejected by older versions that some Airflow and Prefect installations still use.");

    /// <summary>OSI0605.</summary>
    public static OmlDiagnosticDescriptor UnevenCronStep { get; } = new(
        DiagnosticIds.UnevenCronStep,
        "Cron step does not divide its range",
        "'{0}' {1}",
        Compatibility, Warning,
        "A step restarts at every hour or day boundary: */7 in the minute field runs at :56 and again at :00, and */90 means once an hour. Some schedulers reject steps larger than the range.");

    /// <summary>OSI0606.</summary>
    public static OmlDiagnosticDescriptor OffsetZoneHourlyDagster { get; } = new(
        DiagnosticIds.OffsetZoneHourlyDagster,
        "Hourly schedule in a zone with a non-whole-hour offset",
        "{0} is {1} from UTC; Dagster 1.12 and older run the hourly schedule '{2}' at the wrong minute in such zones (dagster#33448, fixed by PR #33474); {3}",
        Compatibility, Warning,
        "Dagster's hourly fast path computed minutes on UTC epoch seconds, so in zones such as Asia/Kolkata (+05:30) or Asia/Kathmandu (+05:45) the runs land 30 or 45 minutes off.");

    // ---- OSI07xx: exports read back --------------------------------------------------------------

    /// <summary>OSI0701.</summary>
    public static OmlDiagnosticDescriptor ExportEditedByHand { get; } = new(
        DiagnosticIds.ExportEditedByHand,
        "Exported file edited by hand",
        "{0} is {1} in this file but {2} in the embedded OML block, so the file was edited by hand; make the change in the .oml file and export again",
        DiagnosticCategories.Export, Error,
        "An exported DAG, flow or definitions module carries the pipeline it was made from in its osiris block. Reading it back, Osiris exports that pipeline again and compares every call argument and module constant with the file: a difference is an edit that the next export would silently undo.");

    /// <summary>OSI0702.</summary>
    public static OmlDiagnosticDescriptor NoEmbeddedBlock { get; } = new(
        DiagnosticIds.NoEmbeddedBlock,
        "File has no embedded OML block",
        "This file has no '# osiris:oml-begin' ... '# osiris:oml-end' block, so it cannot be read back into OML; export the pipeline with osiris schedule export, which writes the block",
        DiagnosticCategories.Export, Error,
        "Only files exported by Osiris can be imported losslessly: the block holds the whole pipeline, including what the orchestrator cannot express.");

    /// <summary>OSI0703.</summary>
    public static OmlDiagnosticDescriptor InvalidEmbeddedBlock { get; } = new(
        DiagnosticIds.InvalidEmbeddedBlock,
        "Embedded OML block cannot be read",
        "The embedded OML block cannot be read: {0}; restore the block from the exported file, or export the pipeline again",
        DiagnosticCategories.Export, Error,
        "The block between '# osiris:oml-begin' and '# osiris:oml-end' is JSON written by Osiris. It was changed or cut, so the pipeline cannot be read from it.");

    /// <summary>OSI0704.</summary>
    public static OmlDiagnosticDescriptor UnreadableExport { get; } = new(
        DiagnosticIds.UnreadableExport,
        "Exported file cannot be parsed",
        "The file cannot be read as {0}: {1}; fix the syntax, or export the pipeline again",
        DiagnosticCategories.Export, Error,
        "Osiris reads exported files to compare them with their embedded block. A file that is not valid Python (or YAML, for prefect.yaml) cannot be compared; the orchestrator would not load it either.");

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
