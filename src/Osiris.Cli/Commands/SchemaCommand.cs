using System.CommandLine;
using Osiris.Cli.Schema;

namespace Osiris.Cli.Commands;

/// <summary><c>osiris schema</c>: the JSON Schema of OML 0.2.0, for yaml-language-server and other JSON Schema tools.</summary>
internal static class SchemaCommand
{
    public static Command Create(CliHost host)
    {
        var command = new Command("schema", "Print the JSON Schema (draft-07) of OML 0.2.0 pipeline files, for editors' YAML support (yaml-language-server, Rider, Visual Studio): completion and basic checks without the build. The same file ships in the Osiris.Analyzers and Osiris.Cli packages as schemas/" + OmlJsonSchema.FileName + ".");
        command.SetAction(_ =>
        {
            host.Output.Write(OmlJsonSchema.Write());
            return ExitCodes.Success;
        });
        return command;
    }
}
