using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Osiris.Oml.Text;

namespace Osiris.Oml.Diagnostics;

/// <summary>A place in some OML file: the file's path and the span inside it.</summary>
public readonly record struct OmlLocation(string FilePath, SourceSpan Span);

/// <summary>One finding of the engine, located in an OML file.</summary>
public sealed class OmlDiagnostic
{
    /// <summary>
    /// Creates a diagnostic; <paramref name="arguments"/> fill the descriptor's message format. An
    /// argument longer than <see cref="MessageText.MaxArgumentLength"/> is cut there, so no message
    /// carries a whole megabyte value into a build log.
    /// </summary>
    public OmlDiagnostic(
        OmlDiagnosticDescriptor descriptor,
        OmlLocation location,
        string path,
        ImmutableArray<string> arguments,
        ImmutableArray<OmlLocation> additionalLocations = default,
        OmlSeverity? severity = null,
        OmlSuggestion? suggestion = null)
    {
        Suggestion = suggestion;
        _severity = severity;
        Descriptor = descriptor;
        Location = location;
        Path = path;
        Arguments = arguments.IsDefault ? ImmutableArray<string>.Empty : Bounded(arguments);
        AdditionalLocations = additionalLocations.IsDefault ? ImmutableArray<OmlLocation>.Empty : additionalLocations;
    }

    private readonly OmlSeverity? _severity;

    /// <summary>What kind of finding this is.</summary>
    public OmlDiagnosticDescriptor Descriptor { get; }

    /// <summary>The diagnostic's ID, for example <c>OSI0201</c>.</summary>
    public string Id => Descriptor.Id;

    /// <summary>
    /// The severity of this finding: the descriptor's default, unless the rule raised it for this case
    /// (OSI0401 is an error when the overlapping rows are appended). Configuration still overrides it.
    /// </summary>
    public OmlSeverity Severity => _severity ?? Descriptor.DefaultSeverity;

    /// <summary>Whether the rule chose a severity other than the descriptor's default.</summary>
    public bool HasEffectiveSeverity => _severity is { } s && s != Descriptor.DefaultSeverity;

    /// <summary>Where the problem is.</summary>
    public OmlLocation Location { get; }

    /// <summary>The span inside <see cref="OmlLocation.FilePath"/>.</summary>
    public SourceSpan Span => Location.Span;

    /// <summary>
    /// The logical place in the document, in the notation of the Osiris reference validator
    /// (<c>root</c>, <c>name</c>, <c>steps[0].config.connection</c>, <c>schedule.window.size</c>).
    /// </summary>
    public string Path { get; }

    /// <summary>The values that fill the message format, in order.</summary>
    public ImmutableArray<string> Arguments { get; }

    /// <summary>Other places that belong to the finding (the first declaration of a duplicate, the files of a cycle).</summary>
    public ImmutableArray<OmlLocation> AdditionalLocations { get; }

    /// <summary>
    /// The replacement a "did you mean" message proposes, as an edit (for quick fixes); null when the
    /// message proposes none.
    /// </summary>
    public OmlSuggestion? Suggestion { get; }

    /// <summary>This finding with <paramref name="suggestion"/> as its edit (itself when that is null).</summary>
    internal OmlDiagnostic WithSuggestion(OmlSuggestion? suggestion)
        => suggestion is null ? this : new OmlDiagnostic(Descriptor, Location, Path, Arguments, AdditionalLocations, _severity, suggestion);
    private static ImmutableArray<string> Bounded(ImmutableArray<string> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument is { Length: > MessageText.MaxArgumentLength })
            {
                return arguments.Select(a => a is null ? a! : MessageText.Shorten(a, MessageText.MaxArgumentLength)).ToImmutableArray();
            }
        }

        return arguments;
    }

    /// <summary>The message, formatted with the invariant culture.</summary>
    public string GetMessage()
    {
        var args = new object[Arguments.Length];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return string.Format(CultureInfo.InvariantCulture, Descriptor.MessageFormat, args);
    }

    /// <summary><c>path(line,col): severity ID: message</c>, the MSBuild canonical form.</summary>
    public override string ToString()
        => $"{Location.FilePath}({Span.StartPosition}): {Severity.ToString().ToLowerInvariant()} {Id}: {GetMessage()}";

    /// <summary>Whether any of <paramref name="diagnostics"/> is an error (by its effective severity).</summary>
    internal static bool AnyError(ImmutableArray<OmlDiagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            if (d.Severity == OmlSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }
}
