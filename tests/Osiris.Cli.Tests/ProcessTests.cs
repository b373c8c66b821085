using System.Diagnostics;
using Osiris.Oml.Tests.Support;

namespace Osiris.Cli.Tests;

/// <summary>The built tool as a separate process: real stdout, stderr and exit codes.</summary>
public sealed class ProcessTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepositoryPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "osiris.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "osiris did not finish");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Findings_GoToStdout_WithExitCode1()
    {
        var (code, stdout, stderr) = Run("schedule", "validate", "samples/InvalidPipelines", "--format", "sarif");

        Assert.Equal(1, code);
        Assert.StartsWith("{", stdout, StringComparison.Ordinal);
        Assert.Equal(string.Empty, stderr);
    }

    [Fact]
    public void UsageErrors_GoToStderr_WithExitCode2()
    {
        var (code, stdout, stderr) = Run("schedule", "validate");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("osiris: ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Output_IsUtf8_WithLfLineEnds()
    {
        var (code, stdout, _) = Run("schedule", "validate", "samples/PipelineRepository/pipelines/daily_customer_sync.oml", "--from", "2024-01-15T03:00:00Z");

        Assert.Equal(0, code);
        Assert.Contains("✓ Valid cron expression", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\r', stdout);
    }
}
