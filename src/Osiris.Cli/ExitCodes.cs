namespace Osiris.Cli;

/// <summary>The exit codes every command uses.</summary>
internal static class ExitCodes
{
    /// <summary>Done; nothing wrong (warnings allowed unless --warnaserror).</summary>
    public const int Success = 0;

    /// <summary>The pipelines have errors (or warnings under --warnaserror).</summary>
    public const int Errors = 1;

    /// <summary>The command could not run: a usage mistake, a missing or unreadable file.</summary>
    public const int UsageOrIo = 2;
}

/// <summary>A problem with the command itself (usage or I/O); the message goes to stderr and the exit code is 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
