namespace Osiris.Cli.Output;

/// <summary>Paths as the tool prints them: relative to the current folder, with '/' on every OS.</summary>
internal static class DisplayPath
{
    public static string Of(string fullPath, string currentDirectory)
        => Path.GetRelativePath(currentDirectory, fullPath).Replace('\\', '/');
}
