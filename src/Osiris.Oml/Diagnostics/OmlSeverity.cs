namespace Osiris.Oml.Diagnostics;

/// <summary>The default severity of a diagnostic; hosts map it onto their own levels.</summary>
public enum OmlSeverity
{
    /// <summary>Not shown by default.</summary>
    Hidden = 0,

    /// <summary>Informational: something worth knowing, nothing to fix.</summary>
    Info = 1,

    /// <summary>Probably a mistake; the build still succeeds.</summary>
    Warning = 2,

    /// <summary>The pipeline is invalid; the build fails.</summary>
    Error = 3,
}
