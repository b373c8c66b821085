namespace Osiris.Oml.Diagnostics;

/// <summary>The diagnostic categories, one per block of IDs.</summary>
public static class DiagnosticCategories
{
    /// <summary>OSI00xx: the file, its text and its YAML.</summary>
    public const string Syntax = "Osiris.Syntax";

    /// <summary>OSI01xx: top-level keys, steps, components, configuration.</summary>
    public const string Structure = "Osiris.Structure";

    /// <summary>OSI02xx: the schedule block.</summary>
    public const string Schedule = "Osiris.Schedule";

    /// <summary>OSI03xx: the metadata block and production policy.</summary>
    public const string Metadata = "Osiris.Metadata";

    /// <summary>OSI04xx: conflicts between runs and between pipelines.</summary>
    public const string Conflicts = "Osiris.Conflicts";

    /// <summary>OSI05xx: secrets and connection overrides.</summary>
    public const string Security = "Osiris.Security";

    /// <summary>OSI06xx: what an orchestrator cannot express or runs differently.</summary>
    public const string Compatibility = "Osiris.Compatibility";

    /// <summary>OSI07xx: orchestrator files exported by Osiris and read back.</summary>
    public const string Export = "Osiris.Export";
}
