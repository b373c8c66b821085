using System.Text;

namespace Osiris.Cli.Workspace;

/// <summary>Reads a file the way the compiler reads an AdditionalFile: a BOM picks the encoding, otherwise strict UTF-8.</summary>
internal static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text, or null with <paramref name="problem"/> set when the bytes are not Unicode text.</summary>
    public static string? Read(string path, out string? problem, out Osiris.Oml.Text.SourceSpan problemSpan)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot read {path}: {ex.Message}");
        }

        problem = null;
        problemSpan = default;
        try
        {
            if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            {
                return StrictUtf8.GetString(bytes, 3, bytes.Length - 3);
            }

            if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
            {
                using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);
                return reader.ReadToEnd();
            }

            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            // The compiler falls back to a legacy code page here; the analyzer reports OSI0002 at the first non-ASCII byte.
            problem = "its bytes are not valid UTF-8";
            // A legacy code page maps each byte to one character, so byte offsets are character offsets.
            var at = Math.Max(0, Array.FindIndex(bytes, b => b > 0x7F));
            var line = 0;
            var lineStart = 0;
            for (var i = 0; i < at; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            var position = new Osiris.Oml.Text.LinePosition(line, at - lineStart);
            problemSpan = new Osiris.Oml.Text.SourceSpan(at, at + 1, position, new Osiris.Oml.Text.LinePosition(line, at - lineStart + 1));
            return null;
        }
    }
}
