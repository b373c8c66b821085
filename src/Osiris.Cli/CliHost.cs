using System.Text;
using NodaTime;

namespace Osiris.Cli;

/// <summary>
/// What a run of the tool takes from its surroundings: the two output streams, the current folder,
/// the clock and the environment. The console supplies them in production; tests supply their own,
/// so a run is reproducible.
/// </summary>
internal sealed class CliHost
{
    public CliHost(TextWriter output, TextWriter error, string currentDirectory, Func<Instant> clock, Func<string, string?> environment, bool outputIsTerminal = false, bool errorIsTerminal = false)
    {
        Output = output;
        Error = error;
        CurrentDirectory = currentDirectory;
        Clock = clock;
        Environment = environment;
        OutputIsTerminal = outputIsTerminal;
        ErrorIsTerminal = errorIsTerminal;
    }

    /// <summary>Results: reports, graphs, JSON, SARIF.</summary>
    public TextWriter Output { get; }

    /// <summary>Problems with the command itself: usage errors, unreadable files.</summary>
    public TextWriter Error { get; }

    public string CurrentDirectory { get; }

    public Func<Instant> Clock { get; }

    public Func<string, string?> Environment { get; }

    public bool OutputIsTerminal { get; }

    public bool ErrorIsTerminal { get; }

    /// <summary>Colour only on a terminal, and never when NO_COLOR is set to anything (https://no-color.org).</summary>
    public bool UseColor(bool terminal)
        => terminal && string.IsNullOrEmpty(Environment("NO_COLOR")) && !string.Equals(Environment("TERM"), "dumb", StringComparison.Ordinal);

    public static CliHost FromConsole()
    {
        // UTF-8 without a BOM and LF line ends on every OS: the output is the same bytes everywhere.
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var output = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = false, NewLine = "\n" };
        var error = new StreamWriter(Console.OpenStandardError(), utf8) { AutoFlush = true, NewLine = "\n" };
        return new CliHost(
            output,
            error,
            System.IO.Directory.GetCurrentDirectory(),
            () => SystemClock.Instance.GetCurrentInstant(),
            System.Environment.GetEnvironmentVariable,
            !Console.IsOutputRedirected,
            !Console.IsErrorRedirected);
    }
}
