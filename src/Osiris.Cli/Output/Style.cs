using Osiris.Oml.Diagnostics;

namespace Osiris.Cli.Output;

/// <summary>ANSI colours for a terminal; plain text everywhere else (files, pipes, NO_COLOR).</summary>
internal sealed class Style(bool enabled)
{
    public static Style Plain { get; } = new(false);

    public bool Enabled { get; } = enabled;

    public string Ok(string text) => Wrap("32", text);

    public string Bad(string text) => Wrap("31", text);

    public string Warn(string text) => Wrap("33", text);

    public string Dim(string text) => Wrap("2", text);

    public string Bold(string text) => Wrap("1", text);

    public string Severity(OmlSeverity severity, string text) => severity switch
    {
        OmlSeverity.Error => Bad(text),
        OmlSeverity.Warning => Warn(text),
        _ => Wrap("36", text),
    };

    private string Wrap(string code, string text) => Enabled ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
