namespace Osiris.Oml.Diagnostics;

/// <summary>
/// The fixed description of one diagnostic ID. The catalog (<see cref="DiagnosticCatalog"/>) holds one
/// per ID; the Roslyn descriptors, the CLI and the docs are all made from it.
/// </summary>
/// <param name="Id">The stable ID, <c>OSI</c> and four digits.</param>
/// <param name="Title">A short sentence naming the problem.</param>
/// <param name="MessageFormat">A composite format (invariant culture) that says what is wrong and how to fix it.</param>
/// <param name="Category">The area, <c>Osiris.&lt;Area&gt;</c>.</param>
/// <param name="DefaultSeverity">The severity unless a <c>.globalconfig</c> or <c>NoWarn</c> changes it.</param>
/// <param name="Description">A paragraph for the docs page and the IDE tooltip.</param>
public sealed record OmlDiagnosticDescriptor(
    string Id,
    string Title,
    string MessageFormat,
    string Category,
    OmlSeverity DefaultSeverity,
    string Description)
{
    /// <summary>The page that explains this diagnostic, with examples of the problem and the fix.</summary>
    public string HelpLink => DiagnosticCatalog.HelpLinkBase + Id + ".md";

    /// <summary>Whether the diagnostic is reported at compilation end, over all files of a project.</summary>
    public bool IsCrossFile { get; init; }
}
