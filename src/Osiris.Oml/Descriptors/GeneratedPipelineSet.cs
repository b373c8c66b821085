using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using System.Text;
using System.Threading;
using Osiris.Oml.Catalog;
using Osiris.Oml.Export.Json;

namespace Osiris.Oml.Descriptors;

/// <summary>
/// The pipelines of a generated <c>Pipelines</c> class: every pipeline's model as the engine's JSON, all
/// in one string, each descriptor built on first use. The generator writes the string; nothing else should.
/// </summary>
/// <remarks>
/// Why one string: the build measured the shapes (README "Build cost"). On 500 pipelines, a file and a
/// lazy factory method per pipeline added 1.8 s to <c>dotnet build</c>; one class whose properties index
/// into this set, with one string constant for the data, adds 0.05-0.4 s, about 0.1 s of it in process.
/// Format: records separated by U+001E; a record is the name as a JSON string, the content hash, 1 or 0
/// (exportable) and the model's JSON, separated by U+001F. JSON escapes every control character, so
/// neither separator can occur inside a field.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class GeneratedPipelineSet : IReadOnlyList<PipelineDescriptor>
{
    internal const char RecordSeparator = '\u001e';
    private const char FieldSeparator = '\u001f';

    private readonly string[] _records;
    private readonly PipelineDescriptor?[] _descriptors;
    private readonly Lazy<Export.ExportOptions> _exportOptions;
    private Dictionary<string, int>? _byName;
    private LineageGraph? _lineage;

    /// <summary>The set the generated code declares.</summary>
    /// <param name="count">How many pipelines <paramref name="data"/> holds (checked).</param>
    /// <param name="data">The records, as <see cref="Encode"/> wrote them.</param>
    /// <param name="exportSettings">The repository's <c>osiris_*</c> settings, for the exports.</param>
    /// <param name="componentSpecs">Path and text of the project's component specs, for the exports.</param>
    /// <exception cref="FormatException">The data does not hold <paramref name="count"/> records (never for generated code).</exception>
    public GeneratedPipelineSet(int count, string data, IReadOnlyList<KeyValuePair<string, string>> exportSettings, IReadOnlyList<KeyValuePair<string, string>> componentSpecs)
    {
        if (data is null)
        {
            throw new ArgumentNullException(nameof(data));
        }

        _records = count == 0 ? Array.Empty<string>() : data.Split(RecordSeparator);
        if (_records.Length != count)
        {
            throw new FormatException($"Expected {count} pipelines, found {_records.Length}: rebuild the project to regenerate the Pipelines class.");
        }

        _descriptors = new PipelineDescriptor?[count];
        _exportOptions = PipelineExports.Options(
            exportSettings ?? throw new ArgumentNullException(nameof(exportSettings)),
            componentSpecs ?? throw new ArgumentNullException(nameof(componentSpecs)));
    }

    /// <inheritdoc />
    public int Count => _records.Length;

    /// <summary>The descriptor at <paramref name="index"/> (built once, on first use).</summary>
    public PipelineDescriptor this[int index]
    {
        get
        {
            var descriptor = Volatile.Read(ref _descriptors[index]);
            if (descriptor is null)
            {
                var fields = _records[index].Split(FieldSeparator);
                if (fields.Length != 4)
                {
                    throw new FormatException($"Pipeline record {index} has {fields.Length} fields: rebuild the project to regenerate the Pipelines class.");
                }

                Interlocked.CompareExchange(ref _descriptors[index], GeneratedPipeline.Create(fields[3], fields[1], fields[2] == "1" ? _exportOptions : null), null);
                descriptor = _descriptors[index]!;
            }

            return descriptor;
        }
    }

    /// <summary>The first pipeline named <paramref name="name"/> (ordinal comparison), or null. Builds only that descriptor.</summary>
    public PipelineDescriptor? Find(string name)
    {
        if (name is null)
        {
            return null;
        }

        var byName = LazyInitializer.EnsureInitialized(ref _byName, IndexNames)!;
        return byName.TryGetValue(name, out var index) ? this[index] : null;
    }

    /// <summary>The lineage of every pipeline of the set (built on first use).</summary>
    public LineageGraph Lineage => LazyInitializer.EnsureInitialized(ref _lineage, () => LineageGraph.Build(this.Select(p => new LineagePipeline(
        p.Name,
        p.SourcePath,
        p.Metadata?.Upstream ?? Array.Empty<Model.LineageReference>(),
        p.Metadata?.Downstream ?? Array.Empty<Model.LineageReference>()))))!;

    /// <inheritdoc />
    public IEnumerator<PipelineDescriptor> GetEnumerator()
    {
        for (var i = 0; i < _records.Length; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The data string of <paramref name="pipelines"/>, in their order (what the generator embeds).</summary>
    internal static string Encode(IEnumerable<(string Name, string ContentHash, bool Exportable, string ModelJson)> pipelines)
    {
        var builder = new StringBuilder();
        var first = true;
        foreach (var (name, hash, exportable, json) in pipelines)
        {
            if (!first)
            {
                builder.Append(RecordSeparator);
            }

            first = false;
            builder.Append(JsonText.WriteCompact(new JsonString(name))).Append(FieldSeparator)
                .Append(hash).Append(FieldSeparator)
                .Append(exportable ? '1' : '0').Append(FieldSeparator)
                .Append(json);
        }

        return builder.ToString();
    }

    private Dictionary<string, int> IndexNames()
    {
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _records.Length; i++)
        {
            var record = _records[i];
            var end = record.IndexOf(FieldSeparator);
            var name = JsonText.Parse(end < 0 ? record : record.Substring(0, end), out _, out _) is JsonString s ? s.Value : string.Empty;
            if (!byName.ContainsKey(name))
            {
                byName.Add(name, i);
            }
        }

        return byName;
    }
}
