using Osiris.Oml.Tests.Support;

namespace Osiris.Package.Tests.Support;

/// <summary>
/// Packs the osiris tool (with a fresh version) into a temporary folder feed and installs it with
/// `dotnet tool install --tool-path` into an empty tool folder, restoring into an empty package cache:
/// what a user gets on a clean machine.
/// </summary>
public sealed class ToolFeed : IDisposable
{
    public ToolFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "osiris-tool-tests", Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        ToolPath = Path.Combine(Root, "tools");
        Directory.CreateDirectory(Feed);
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

        Pack = DotNetCli.Run(
            RepositoryPaths.Root,
            null,
            "pack", Path.Combine(RepositoryPaths.Root, "src", "Osiris.Cli", "Osiris.Cli.csproj"),
            "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-nologo");
        if (Pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack of Osiris.Cli failed:\n" + Pack.Output);
        }

        Install = DotNetCli.Run(
            Root,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget-packages") },
            "tool", "install", "--tool-path", ToolPath, "--add-source", Feed, "Osiris.Cli", "--version", Version);
    }

    public string Root { get; }

    public string Feed { get; }

    public string ToolPath { get; }

    public string Version { get; }

    public DotNetCli.Result Pack { get; }

    public DotNetCli.Result Install { get; }

    /// <summary>The installed command, as the user's shell finds it.</summary>
    public string Osiris => Path.Combine(ToolPath, OperatingSystem.IsWindows() ? "osiris.exe" : "osiris");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
