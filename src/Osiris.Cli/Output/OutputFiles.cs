using System.Text;

namespace Osiris.Cli.Output;

/// <summary>Files the tool writes for <c>-o</c>: UTF-8 without a BOM, the text's own LF line ends, folders created as needed.</summary>
internal static class OutputFiles
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Whether <paramref name="option"/> (the <c>-o</c> value) names a folder: an existing folder, or a path ending in a separator.</summary>
    public static bool NamesFolder(string option, string fullPath)
        => Directory.Exists(fullPath) || option.EndsWith('/') || option.EndsWith(Path.DirectorySeparatorChar);

    /// <summary>Writes <paramref name="content"/> to <paramref name="fullPath"/>, replacing the file; a problem is a usage or I/O error (exit 2).</summary>
    public static void Write(string fullPath, string content)
    {
        try
        {
            if (Directory.Exists(fullPath))
            {
                throw new CliUsageException($"cannot write {fullPath}: it is a folder");
            }

            if (Path.GetDirectoryName(fullPath) is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
            }

            File.WriteAllText(fullPath, content, Utf8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot write {fullPath}: {ex.Message}");
        }
    }
}
