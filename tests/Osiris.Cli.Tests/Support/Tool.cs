using System.Text.Json;
using NodaTime;
using Osiris.Oml.Tests.Support;

namespace Osiris.Cli.Tests.Support;

/// <summary>Runs the tool's real entry point with buffers for stdout and stderr, a fixed clock and a chosen folder.</summary>
internal static class Tool
{
    /// <summary>The clock every test runs at unless it says otherwise: the invalid sample's reference date.</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 27, 12, 0);

    public sealed record Result(int ExitCode, string Out, string Err)
    {
        public JsonDocument Json() => JsonDocument.Parse(Out);
    }

    public static Result Run(params string[] args) => RunIn(RepositoryPaths.Root, args);

    public static Result RunIn(string directory, params string[] args) => RunWith(directory, new Dictionary<string, string>(), terminal: false, args);

    public static Result RunWith(string directory, IReadOnlyDictionary<string, string> environment, bool terminal, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var host = new CliHost(output, error, directory, () => Now, name => environment.TryGetValue(name, out var v) ? v : null, terminal, terminal);
        var code = OsirisCli.Run(args, host);
        return new Result(code, output.ToString(), error.ToString());
    }
}

/// <summary>Plain-text baselines under Golden/; OSIRIS_UPDATE_GOLDEN=1 rewrites them (review the diff).</summary>
internal static class Golden
{
    public static void Check(string name, string actual)
    {
        var path = Path.Combine(RepositoryPaths.Root, "tests", "Osiris.Cli.Tests", "Golden", name);
        if (Environment.GetEnvironmentVariable("OSIRIS_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"{path} is missing; run with OSIRIS_UPDATE_GOLDEN=1 to create it, then review it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}

/// <summary>A throw-away pipeline repository in the temp folder.</summary>
internal sealed class TempRepo : IDisposable
{
    public TempRepo()
    {
        Root = Path.Combine(Path.GetTempPath(), "osiris-cli-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        // A marker so the tool treats this folder as the project (and looks no further up).
        File.WriteAllText(Path.Combine(Root, "Pipelines.csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\" />\n");
    }

    public string Root { get; }

    public string Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
