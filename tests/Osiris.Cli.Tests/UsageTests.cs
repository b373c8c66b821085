using Osiris.Cli.Tests.Support;

namespace Osiris.Cli.Tests;

/// <summary>Help on every command, usage errors, colour rules.</summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData("schedule", "validate")]
    [InlineData("schedule", "preview")]
    [InlineData("schedule", "test")]
    [InlineData("schedule", "export")]
    [InlineData("schedule", "import")]
    [InlineData("lineage")]
    [InlineData("schedule")]
    public void EveryCommand_HasHelp(params string[] command)
    {
        var result = Tool.Run(command.Append("--help").ToArray());

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Out, StringComparison.Ordinal);
        // The usage line names the command path (the executable name comes first: osiris, or the test host here).
        Assert.Contains(" " + string.Join(' ', command), result.Out.Split("Usage:")[1], StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Err);
    }

    [Fact]
    public void RootHelp_ListsTheCommands()
    {
        var result = Tool.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("schedule", result.Out, StringComparison.Ordinal);
        Assert.Contains("lineage", result.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("schedule", "validate", "samples", "--format", "xml")]
    [InlineData("schedule", "preview")]
    [InlineData("schedule", "nonsense")]
    [InlineData("schedule", "preview", "x.oml", "--target", "cron")]
    public void UsageErrors_ExitTwo_OnStderrOnly(params string[] args)
    {
        var result = Tool.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.StartsWith("osiris: ", result.Err, StringComparison.Ordinal);
        Assert.Contains("--help' for usage", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Colour_OnlyOnATerminal_AndNeverWithNoColor()
    {
        const string Seed = "samples/PipelineRepository/pipelines/daily_customer_sync.oml";
        var root = Osiris.Oml.Tests.Support.RepositoryPaths.Root;
        var none = new Dictionary<string, string>();

        var terminal = Tool.RunWith(root, none, terminal: true, "schedule", "validate", Seed);
        var piped = Tool.RunWith(root, none, terminal: false, "schedule", "validate", Seed);
        var noColor = Tool.RunWith(root, new Dictionary<string, string> { ["NO_COLOR"] = "1" }, terminal: true, "schedule", "validate", Seed);

        Assert.Contains("\u001b[32m✓\u001b[0m", terminal.Out, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', piped.Out);
        Assert.DoesNotContain('\u001b', noColor.Out);
    }

    [Fact]
    public void MachineFormats_NeverCarryColour()
    {
        var root = Osiris.Oml.Tests.Support.RepositoryPaths.Root;
        var result = Tool.RunWith(root, new Dictionary<string, string>(), terminal: true, "schedule", "validate", "samples/PipelineRepository", "--format", "json");

        Assert.DoesNotContain('\u001b', result.Out);
        using var json = result.Json();
    }
}
