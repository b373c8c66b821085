namespace Osiris.Oml.Tests.Support;

/// <summary>Finds the repository and the shared reference folder beside it.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder that holds Osiris.Analyzers.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// <c>../shared</c> next to the repository: design notes, the Osiris corpus and the cron oracles.
    /// It exists in the development workspace and in CI, not in a user's clone.
    /// </summary>
    public static string? Shared
    {
        get
        {
            var fromEnv = Environment.GetEnvironmentVariable("OSIRIS_SHARED_DIR");
            var path = string.IsNullOrEmpty(fromEnv) ? Path.GetFullPath(Path.Combine(Root, "..", "shared")) : fromEnv;
            return Directory.Exists(path) ? path : null;
        }
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Osiris.Analyzers.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Osiris.Analyzers.sln not found above " + AppContext.BaseDirectory);
    }
}
