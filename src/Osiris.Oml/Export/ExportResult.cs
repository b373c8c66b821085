using Osiris.Oml.Collections;

namespace Osiris.Oml.Export;

/// <summary>One file of an export: the name to save it under (relative, '/' separators) and its text (LF line ends).</summary>
public sealed record ExportedFile(string RelativePath, string Content);

/// <summary>
/// What <see cref="PipelineExporter.Export"/> produced: the files, what the target cannot express (each is
/// also a comment in the file and is carried in the embedded block), and the inline secrets it replaced.
/// </summary>
/// <remarks>Immutable and value-equal.</remarks>
public sealed record ExportResult(
    ExportFormat Format,
    EquatableArray<ExportedFile> Files,
    EquatableArray<string> Unsupported,
    EquatableArray<Redaction> Redactions);
