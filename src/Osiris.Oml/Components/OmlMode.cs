using System;

namespace Osiris.Oml.Components;

/// <summary>What a step does.</summary>
public enum OmlMode
{
    /// <summary>Extract data (a component's <c>extract</c> mode).</summary>
    Read,

    /// <summary>Load data (a component's <c>write</c> mode).</summary>
    Write,

    /// <summary>Transform data (a component's <c>transform</c> mode).</summary>
    Transform,
}

/// <summary>Text forms of <see cref="OmlMode"/>, in OML and in component specs.</summary>
public static class OmlModes
{
    /// <summary>Parses an OML step mode (case-sensitive, as Osiris does).</summary>
    public static bool TryParse(string text, out OmlMode mode)
    {
        switch (text)
        {
            case "read":
                mode = OmlMode.Read;
                return true;
            case "write":
                mode = OmlMode.Write;
                return true;
            case "transform":
                mode = OmlMode.Transform;
                return true;
            default:
                mode = default;
                return false;
        }
    }

    /// <summary>The OML spelling.</summary>
    public static string ToText(OmlMode mode) => mode switch
    {
        OmlMode.Read => "read",
        OmlMode.Write => "write",
        OmlMode.Transform => "transform",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    /// <summary>
    /// The OML mode a component-spec mode stands for (Osiris' mode mapper: extract → read); null for
    /// modes that have no OML step, such as <c>discover</c>.
    /// </summary>
    public static OmlMode? FromComponentMode(string componentMode) => componentMode switch
    {
        "extract" => OmlMode.Read,
        "read" => OmlMode.Read,
        "write" => OmlMode.Write,
        "transform" => OmlMode.Transform,
        _ => null,
    };
}
