using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Osiris.Oml.Tests.Support;
using Osiris.Package.Tests.Support;

namespace Osiris.Package.Tests;

/// <summary>The osiris tool package as users get it: packed, installed with dotnet tool install, run.</summary>
public sealed class ToolPackageTests(ToolFeed tool, ITestOutputHelper output) : IClassFixture<ToolFeed>
{
    private (int Code, string Out, string Err) Osiris(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(tool.Osiris)
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

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "osiris did not finish");
        output.WriteLine(stdout.Result);
        output.WriteLine(stderr.Result);
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Install_FromTheFolderFeed_Succeeds()
    {
        output.WriteLine(tool.Install.Output);
        Assert.Equal(0, tool.Install.ExitCode);
        Assert.True(File.Exists(tool.Osiris), tool.Osiris + " was not installed");
    }

    [Fact]
    public void Pack_WritesThePointerPackage_AndOnLinuxX64_TheAotAndAnyPackages()
    {
        var packages = Directory.GetFiles(tool.Feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        output.WriteLine(string.Join("\n", packages));
        Assert.Contains($"Osiris.Cli.{tool.Version}.nupkg", packages);
        if (OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64)
        {
            Assert.Contains($"Osiris.Cli.linux-x64.{tool.Version}.nupkg", packages);
            Assert.Contains($"Osiris.Cli.any.{tool.Version}.nupkg", packages);
            using var aot = ZipFile.OpenRead(Path.Combine(tool.Feed, $"Osiris.Cli.linux-x64.{tool.Version}.nupkg"));
            Assert.Contains(aot.Entries, e => e.FullName == "tools/any/linux-x64/osiris");
            Assert.DoesNotContain(aot.Entries, e => e.FullName.EndsWith("osiris.dll", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Help_Runs()
    {
        var (code, stdout, _) = Osiris(tool.Root, "--help");

        Assert.Equal(0, code);
        Assert.Contains("schedule", stdout, StringComparison.Ordinal);
        Assert.Contains("lineage", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OfTheInvalidSample_GivesTheBuildsDiagnostics()
    {
        var sample = Path.Combine(RepositoryPaths.Root, "samples", "InvalidPipelines");
        var (code, stdout, stderr) = Osiris(sample, "schedule", "validate", ".");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stderr);
        var actual = new DotNetCli.Result(code, stdout).OmlDiagnostics(sample);
        Assert.Equal(File.ReadAllLines(Path.Combine(sample, "expected-diagnostics.txt")).Where(l => l.Length > 0).ToList(), actual);
    }

    [Fact]
    public void Validate_OfTheValidSample_ExitsZero()
    {
        var (code, stdout, _) = Osiris(Path.Combine(RepositoryPaths.Root, "samples", "PipelineRepository"), "schedule", "validate", ".");

        Assert.Equal(0, code);
        Assert.Contains("6 pipeline files: 0 errors, 0 warnings, 0 info messages", stdout, StringComparison.Ordinal);
    }
}
