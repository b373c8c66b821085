using System.CommandLine;
using Osiris.Cli.Commands;

namespace Osiris.Cli;

/// <summary>The command tree and its exit-code contract: 0 clean, 1 findings, 2 usage or I/O problems.</summary>
internal static class OsirisCli
{
    public static int Run(string[] args, CliHost host)
    {
        try
        {
            var root = new RootCommand("osiris: validate, preview and simulate Osiris OML pipeline schedules, and draw their lineage. The same engine as the Osiris.Analyzers build, outside the compiler.");
            var schedule = new Command("schedule", "Check, preview and simulate pipeline schedules.");
            schedule.Subcommands.Add(ValidateCommand.Create(host));
            schedule.Subcommands.Add(PreviewCommand.Create(host));
            schedule.Subcommands.Add(TestCommand.Create(host));
            schedule.Subcommands.Add(ExportCommand.Create(host));
            schedule.Subcommands.Add(ImportCommand.Create(host));
            root.Subcommands.Add(schedule);
            root.Subcommands.Add(LineageCommand.Create(host));

            var parsed = root.Parse(args);
            var configuration = new InvocationConfiguration { Output = host.Output, Error = host.Error, EnableDefaultExceptionHandler = false };
            if (parsed.Errors.Count > 0 && !AsksForHelp(args))
            {
                foreach (var error in parsed.Errors)
                {
                    host.Error.WriteLine("osiris: " + error.Message);
                }

                host.Error.WriteLine("Run 'osiris " + string.Join(" ", CommandPath(parsed)) + " --help' for usage.");
                return ExitCodes.UsageOrIo;
            }

            return parsed.Invoke(configuration);
        }
        catch (CliUsageException ex)
        {
            host.Error.WriteLine("osiris: " + ex.Message);
            return ExitCodes.UsageOrIo;
        }
        catch (IOException ex)
        {
            host.Error.WriteLine("osiris: " + ex.Message);
            return ExitCodes.UsageOrIo;
        }
        finally
        {
            host.Output.Flush();
            host.Error.Flush();
        }
    }

    private static bool AsksForHelp(string[] args) => args.Any(a => a is "--help" or "-h" or "-?" or "/?" or "/h");

    private static IEnumerable<string> CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (var result = parsed.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            if (result.Command is not RootCommand)
            {
                names.Insert(0, result.Command.Name);
            }
        }

        return names;
    }
}
