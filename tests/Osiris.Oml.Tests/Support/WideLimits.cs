using Osiris.Oml.Syntax;

namespace Osiris.Oml.Tests.Support;

/// <summary>
/// Options whose syntax limits let the hostile shapes through to the rules, so a test shows that the
/// rules themselves stay bounded (with the default limits most of them stop at OSI0005 first).
/// </summary>
public static class WideLimits
{
    public static OmlAnalysisOptions Options { get; } = OmlAnalysisOptions.Default with
    {
        Limits = new SyntaxLimits(8 * 1024 * 1024, 64, 10_000_000, 10_000_000) { MaxExpandedLength = long.MaxValue },
    };
}
