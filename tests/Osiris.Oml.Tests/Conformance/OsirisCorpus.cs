using System.Text;
using System.Text.Json;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Conformance;

/// <summary>
/// The Osiris v0.1 corpus (<c>../shared/corpus/osiris-v0.1</c>): 223 OML documents and the verdicts
/// of the Osiris reference validator. It is read in place, never copied into the repository.
/// </summary>
public static class OsirisCorpus
{
    public const string MissingReason =
        "../shared/corpus/osiris-v0.1 is not present (it exists in the development workspace and CI, not in a clone); conformance was not checked";

    /// <summary>The corpus folder, or null when it is not present.</summary>
    public static string? Folder => RepositoryPaths.Shared is { } shared && Directory.Exists(Path.Combine(shared, "corpus", "osiris-v0.1"))
        ? Path.Combine(shared, "corpus", "osiris-v0.1")
        : null;

    /// <summary>
    /// Osiris type string → the IDs that report the same problem. An Osiris error is matched when one
    /// of these IDs is reported at the same logical place (<see cref="OmlDiagnostic.Path"/>).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> IdsByOsirisType = new Dictionary<string, string[]>
    {
        ["yaml_parse_error"] = new[] { DiagnosticIds.YamlSyntax, DiagnosticIds.MultipleDocuments, DiagnosticIds.NotText },
        ["invalid_type"] = new[] { DiagnosticIds.RootNotMapping },
        ["missing_required_key"] = new[] { DiagnosticIds.MissingRequiredKey },
        ["forbidden_key"] = new[] { DiagnosticIds.ForbiddenKey },
        ["invalid_version_type"] = new[] { DiagnosticIds.WrongType },
        ["unsupported_version"] = new[] { DiagnosticIds.UnsupportedOmlVersion },
        ["invalid_name_type"] = new[] { DiagnosticIds.WrongType },
        ["empty_name"] = new[] { DiagnosticIds.EmptyValue },
        ["naming_convention"] = new[] { DiagnosticIds.NamingConvention },
        ["invalid_steps_type"] = new[] { DiagnosticIds.WrongType },
        ["empty_steps"] = new[] { DiagnosticIds.EmptySteps },
        ["invalid_step_type"] = new[] { DiagnosticIds.WrongType },
        ["missing_step_field"] = new[] { DiagnosticIds.MissingStepField },
        ["invalid_id_type"] = new[] { DiagnosticIds.WrongType },
        ["duplicate_id"] = new[] { DiagnosticIds.DuplicateStepId },
        ["invalid_component_type"] = new[] { DiagnosticIds.WrongType },
        ["unknown_component"] = new[] { DiagnosticIds.UnknownComponent },
        ["invalid_mode_type"] = new[] { DiagnosticIds.WrongType },
        ["invalid_mode"] = new[] { DiagnosticIds.InvalidMode },
        ["incompatible_mode"] = new[] { DiagnosticIds.IncompatibleMode },
        ["invalid_needs_type"] = new[] { DiagnosticIds.WrongType },
        ["invalid_dependency_type"] = new[] { DiagnosticIds.WrongType },
        ["unknown_dependency"] = new[] { DiagnosticIds.UnknownDependency },
        ["invalid_config_type"] = new[] { DiagnosticIds.WrongType },
        ["invalid_connection_ref"] = new[] { DiagnosticIds.InvalidConnectionReference },
        ["missing_required_field"] = new[] { DiagnosticIds.MissingPrimaryKey },
        ["unknown_write_mode"] = new[] { DiagnosticIds.UnknownWriteMode, DiagnosticIds.InvalidConfigValue, DiagnosticIds.UnknownConfigKey },
        ["unknown_config_key"] = new[] { DiagnosticIds.UnknownConfigKey },
        ["forbidden_override"] = new[] { DiagnosticIds.ForbiddenOverride },
        ["override_warning"] = new[] { DiagnosticIds.OverrideWarning },
        ["missing_config_key"] = new[] { DiagnosticIds.MissingConfigKey },
        ["missing_config_field"] = new[] { DiagnosticIds.MissingConfigKey },
        ["invalid_config_value"] = new[] { DiagnosticIds.InvalidConfigValue },
        ["unknown_key"] = new[] { DiagnosticIds.UnknownTopLevelKey },
        ["unsupported_encoding"] = new[] { DiagnosticIds.InvalidConfigValue },
    };

    /// <summary>One verdict line of <c>verdicts.jsonl</c>.</summary>
    public sealed record Verdict(string File, bool Valid, IReadOnlyList<Finding> Errors, IReadOnlyList<Finding> Warnings);

    /// <summary>One Osiris error or warning; a null location means the whole file.</summary>
    public sealed record Finding(string Type, string? Location, string Message);

    public static IReadOnlyList<Verdict> LoadVerdicts(string folder)
    {
        var result = new List<Verdict>();
        foreach (var line in File.ReadLines(Path.Combine(folder, "verdicts.jsonl")))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            result.Add(new Verdict(
                root.GetProperty("file").GetString()!,
                root.GetProperty("valid").GetBoolean(),
                Findings(root.GetProperty("errors")),
                Findings(root.GetProperty("warnings"))));
        }

        return result;
    }

    /// <summary>Runs the engine on a corpus document the way a build reads it (UTF-8 text).</summary>
    public static OmlFileAnalysis Analyze(string folder, string file)
    {
        var text = File.ReadAllText(Path.Combine(folder, file), new UTF8Encoding(false, true));
        return OmlEngine.AnalyzeFile(file, text);
    }

    /// <summary>Whether one of our diagnostics stands for the Osiris finding, at the same place.</summary>
    public static bool IsMatched(Finding finding, OmlFileAnalysis analysis)
    {
        if (!IdsByOsirisType.TryGetValue(finding.Type, out var ids))
        {
            return false;
        }

        return analysis.Diagnostics.Any(d => ids.Contains(d.Id) && SamePlace(finding.Location, d.Path));
    }

    private static bool SamePlace(string? osirisLocation, string ourPath)
        => osirisLocation is null || osirisLocation == "None" || string.Equals(osirisLocation, ourPath, StringComparison.Ordinal);

    private static IReadOnlyList<Finding> Findings(JsonElement array)
        => array.EnumerateArray()
            .Select(e => new Finding(
                e.GetProperty("type").GetString()!,
                e.TryGetProperty("location", out var loc) && loc.ValueKind == JsonValueKind.String ? loc.GetString() : null,
                e.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : string.Empty))
            .ToList();
}
