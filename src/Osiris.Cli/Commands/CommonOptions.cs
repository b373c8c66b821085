using System.CommandLine;

namespace Osiris.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static Option<string> Format(string description, params string[] formats)
    {
        var option = new Option<string>("--format")
        {
            Description = description,
            DefaultValueFactory = _ => formats[0],
        };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    public static Option<string?> Target(string description)
    {
        var option = new Option<string?>("--target") { Description = description };
        option.AcceptOnlyFromAmong(Schedules.Targets.Names);
        return option;
    }

    public static Option<string?> From(string description) => new("--from") { Description = description };
}
