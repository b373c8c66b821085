using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Osiris.Package.Tests.Support;

/// <summary>Runs the dotnet CLI the way a user would, isolated from the test host's MSBuild.</summary>
public static partial class DotNetCli
{
    public sealed record Result(int ExitCode, string Output)
    {
        /// <summary>The <c>file.oml(line,col): severity ID</c> lines, with paths relative to <paramref name="projectDir"/>, sorted.</summary>
        public IReadOnlyList<string> OmlDiagnostics(string projectDir) => DiagnosticLine()
            .Matches(Output)
            .Select(m => (
                Path: Relative(m.Groups["path"].Value, projectDir),
                Line: int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
                Column: int.Parse(m.Groups["col"].Value, System.Globalization.CultureInfo.InvariantCulture),
                What: m.Groups["sev"].Value + " " + m.Groups["id"].Value))
            .Distinct()
            .OrderBy(x => x.Path, StringComparer.Ordinal).ThenBy(x => x.Line).ThenBy(x => x.Column).ThenBy(x => x.What, StringComparer.Ordinal)
            .Select(x => $"{x.Path}({x.Line},{x.Column}): {x.What}")
            .ToList();

        /// <summary>Every diagnostic line of the given IDs, as printed (path relative), deduplicated.</summary>
        public IReadOnlyList<string> Lines(string projectDir, string idPrefix) => DiagnosticLine()
            .Matches(Output)
            .Where(m => m.Groups["id"].Value.StartsWith(idPrefix, StringComparison.Ordinal))
            .Select(m => $"{Relative(m.Groups["path"].Value, projectDir)}({m.Groups["line"].Value},{m.Groups["col"].Value}): {m.Groups["sev"].Value} {m.Groups["id"].Value}: {m.Groups["msg"].Value}")
            .Distinct(StringComparer.Ordinal)
            .OrderBy(x => x, StringComparer.Ordinal)
            .ToList();

        private static string Relative(string path, string projectDir)
        {
            var full = Path.IsPathRooted(path) ? path : Path.Combine(projectDir, path);
            return Path.GetRelativePath(projectDir, full).Replace('\\', '/');
        }
    }

    public static Result Run(string workingDirectory, IDictionary<string, string>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // The test host runs inside MSBuild/VSTest; its variables would point the child build at the wrong SDK pieces.
        foreach (var key in psi.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("MSBUILD", StringComparison.Ordinal)
                || key is "DOTNET_HOST_PATH" or "VSTEST_HOST_DEBUG" or "DOTNET_CLI_TELEMETRY_SESSIONID")
            {
                psi.Environment.Remove(key);
            }
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        psi.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        psi.Environment["UseSharedCompilation"] = "false";
        if (environment is not null)
        {
            foreach (var (k, v) in environment)
            {
                psi.Environment[k] = v;
            }
        }

        using var process = Process.Start(psi)!;
        var output = new StringBuilder();
        var lockObj = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (lockObj) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (lockObj) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', args)} did not finish in 10 minutes:\n{output}");
        }

        process.WaitForExit();
        return new Result(process.ExitCode, output.ToString());
    }

    [GeneratedRegex(@"^\s*(?<path>[^\r\n]*?\.(?:oml|yaml))\((?<line>\d+),(?<col>\d+)\): (?<sev>error|warning|info) (?<id>[A-Z]+\d+): (?<msg>[^\r\n]*?)(?: \[[^\r\n]*\])?\r?$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
