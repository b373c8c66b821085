using System.CommandLine;
using Osiris.Cli.LanguageServer;

namespace Osiris.Cli.Commands;

/// <summary><c>osiris lsp</c>: the language server, over stdin and stdout.</summary>
internal static class LspCommand
{
    public static Command Create(CliHost host)
    {
        // Clients such as vscode-languageclient pass --stdio; stdio is the only transport.
        var stdio = new Option<bool>("--stdio") { Description = "Talk over stdin and stdout (the default and only transport)." };
        var command = new Command("lsp", "Run the OML language server (Language Server Protocol 3.17 over stdin/stdout) for editors: diagnostics as you type, hovers with the next runs per orchestrator, quick fixes, completion.")
        {
            stdio,
        };
        command.SetAction(_ =>
        {
            using var server = new OmlLanguageServer(Console.OpenStandardInput(), Console.OpenStandardOutput(), host);
            return server.Run();
        });
        return command;
    }
}
