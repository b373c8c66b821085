using System;
using Microsoft.CodeAnalysis.Text;

namespace Osiris.Analyzers.Analyzers;

/// <summary>Which AdditionalFiles are OML, and whether their text was decoded as Unicode.</summary>
internal static class OmlFiles
{
    public static bool IsOml(string path) => path.EndsWith(".oml", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The compiler decodes an AdditionalFile as UTF-8 and, when the bytes are not valid UTF-8, falls
    /// back to a legacy code page without saying so. YAML must be Unicode, so that fallback is reported.
    /// </summary>
    public static string? EncodingProblem(SourceText text)
    {
        var encoding = text.Encoding;
        if (encoding is null)
        {
            return null;
        }

        switch (encoding.CodePage)
        {
            case 65001: // UTF-8
            case 1200: // UTF-16 LE
            case 1201: // UTF-16 BE
            case 12000: // UTF-32 LE
            case 12001: // UTF-32 BE
                return null;
            default:
                return "its bytes are not valid UTF-8 (the compiler fell back to " + encoding.WebName + ")";
        }
    }

    public static int FirstNonAscii(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] > 0x7F)
            {
                return i;
            }
        }

        return 0;
    }
}
