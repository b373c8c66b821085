using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Osiris.Oml.Collections;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Syntax;
using Osiris.Oml.Text;

namespace Osiris.Oml.Components;

/// <summary>The result of reading one component spec file.</summary>
public sealed class ComponentSpecFile
{
    internal ComponentSpecFile(string path, ComponentSpec? spec, ImmutableArray<OmlDiagnostic> diagnostics)
    {
        Path = path;
        Spec = spec;
        Diagnostics = diagnostics;
    }

    /// <summary>The file's path as the host gave it.</summary>
    public string Path { get; }

    /// <summary>The spec, when the file is usable (it may still carry warnings).</summary>
    public ComponentSpec? Spec { get; }

    /// <summary>What is wrong with the file, located in it.</summary>
    public ImmutableArray<OmlDiagnostic> Diagnostics { get; }
}

/// <summary>
/// Reads a project's own component specs (<c>components/&lt;name&gt;/spec.yaml</c>, the format of the
/// Osiris component registry) so that steps using them are checked like the built-ins: modes, the
/// configuration schema (JSON-schema keywords type, enum, minimum, maximum, minLength, maxLength,
/// pattern, items, uniqueItems, default, oneOf), required keys, x-connection-fields and secrets.
/// </summary>
public static class ComponentSpecReader
{
    /// <summary>Whether <paramref name="path"/> names a component spec: a <c>spec.yaml</c> in a folder under <c>components</c>.</summary>
    public static bool IsSpecPath(string path)
    {
        var normalized = path.Replace('\\', '/');
        if (!normalized.EndsWith("/spec.yaml", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var parts = normalized.Split('/');
        return parts.Length >= 3 && string.Equals(parts[parts.Length - 3], "components", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reads one spec file; never throws.</summary>
    public static ComponentSpecFile Read(string path, string text)
    {
        var bag = new DiagnosticBag(path);
        var tree = OmlSyntaxTree.Parse(path, text);
        foreach (var d in tree.Diagnostics)
        {
            bag.Add(d);
        }

        if (!tree.IsComplete)
        {
            return new ComponentSpecFile(path, null, bag.ToSortedArray());
        }

        if (tree.Root is not YamlMappingNode root)
        {
            Report(bag, tree.Root?.Span ?? tree.Lines.GetSpan(0, 0), "a component spec must be a mapping with name, modes and configSchema");
            return new ComponentSpecFile(path, null, bag.ToSortedArray());
        }

        var name = root["name"] is YamlScalarNode { IsString: true } n && n.Value.Trim().Length > 0 ? n.Value.Trim() : null;
        if (name is null)
        {
            Report(bag, root.GetEntry("name")?.Value.Span ?? YamlValues.HeadOf(root), "'name' must be the component's name, such as mycompany.extractor");
            return new ComponentSpecFile(path, null, bag.ToSortedArray());
        }

        var version = root["version"] is YamlScalarNode { IsNull: false } v ? v.Value : "0.0.0";
        var modes = ReadModes(root, bag);
        var (properties, required) = ReadSchema(root, bag);
        var connectionFields = ReadConnectionFields(root, bag);
        var secrets = ReadSecrets(root);
        var spec = new ComponentSpec(name, version, modes, properties, required, connectionFields, secrets);
        return new ComponentSpecFile(path, spec, bag.ToSortedArray());
    }

    private static EquatableArray<OmlMode> ReadModes(YamlMappingNode root, DiagnosticBag bag)
    {
        if (root["modes"] is not YamlSequenceNode list)
        {
            Report(bag, root.GetEntry("modes")?.Value.Span ?? YamlValues.HeadOf(root), "'modes' must list the modes the component offers, such as [extract] or [write]");
            return EquatableArray<OmlMode>.Empty;
        }

        var modes = new List<OmlMode>();
        foreach (var item in list.Items)
        {
            if (item is YamlScalarNode { IsString: true } s && OmlModes.FromComponentMode(s.Value) is { } mode)
            {
                if (!modes.Contains(mode))
                {
                    modes.Add(mode);
                }
            }
            else if (item is not YamlScalarNode { IsString: true, Value: "discover" })
            {
                Report(bag, item.Span, $"mode {YamlValues.Show(item)} is not one of extract, write, transform, discover");
            }
        }

        return modes.ToEquatableArray();
    }

    private static (EquatableArray<ConfigProperty> Properties, EquatableArray<string> Required) ReadSchema(YamlMappingNode root, DiagnosticBag bag)
    {
        if (root["configSchema"] is not YamlMappingNode schema)
        {
            Report(bag, root.GetEntry("configSchema")?.Value.Span ?? YamlValues.HeadOf(root), "'configSchema' must be a JSON schema object with properties and required");
            return (EquatableArray<ConfigProperty>.Empty, EquatableArray<string>.Empty);
        }

        var properties = new List<ConfigProperty>();
        if (schema["properties"] is YamlMappingNode props)
        {
            foreach (var entry in props.Entries)
            {
                if (entry.KeyText is { } key && entry.Value is YamlMappingNode p)
                {
                    properties.Add(ReadProperty(key, p, bag));
                }
            }
        }

        var required = new List<string>();
        if (schema["required"] is YamlSequenceNode req)
        {
            foreach (var item in req.Items)
            {
                if (item is YamlScalarNode { IsString: true } s)
                {
                    required.Add(s.Value);
                    if (properties.All(p => p.Name != s.Value) && s.Value != "connection")
                    {
                        Report(bag, s.Span, $"required key '{MessageText.Excerpt(s.Value)}' is not one of the schema's properties");
                    }
                }
            }
        }

        return (properties.ToEquatableArray(), required.ToEquatableArray());
    }

    private static ConfigProperty ReadProperty(string name, YamlMappingNode p, DiagnosticBag bag)
    {
        var types = Types(p["type"], bag);
        var items = ConfigValueTypes.Any;
        if (p["items"] is YamlMappingNode itemSchema)
        {
            items = Types(itemSchema["type"], bag);
        }

        if ((p["oneOf"] ?? p["anyOf"]) is YamlSequenceNode alternatives)
        {
            foreach (var alternative in alternatives.Items.OfType<YamlMappingNode>())
            {
                types |= Types(alternative["type"], bag);
                if (alternative["items"] is YamlMappingNode altItems)
                {
                    items |= Types(altItems["type"], bag);
                }
            }
        }

        return new ConfigProperty(name, types)
        {
            Enum = p["enum"] is YamlSequenceNode e ? e.Items.OfType<YamlScalarNode>().Select(x => x.Value).ToEquatableArray() : EquatableArray<string>.Empty,
            Minimum = Number(p["minimum"]),
            Maximum = Number(p["maximum"]),
            MinLength = (int?)Number(p["minLength"]),
            MaxLength = (int?)Number(p["maxLength"]),
            Pattern = YamlValues.Text(p["pattern"]),
            ItemTypes = items,
            UniqueItems = p["uniqueItems"] is YamlScalarNode { Type: YamlScalarType.Boolean, Value: "true" or "True" or "TRUE" },
            Default = p["default"] is YamlScalarNode d ? (d.IsNull ? "null" : d.IsString ? "\"" + d.Value + "\"" : d.Value) : null,
        };
    }

    private static ConfigValueTypes Types(YamlNode? node, DiagnosticBag bag)
    {
        var result = ConfigValueTypes.Any;
        IEnumerable<YamlNode> names = node switch
        {
            YamlScalarNode s => new[] { s },
            YamlSequenceNode l => l.Items,
            _ => Array.Empty<YamlNode>(),
        };
        foreach (var n in names)
        {
            var t = (n as YamlScalarNode)?.Value switch
            {
                "string" => ConfigValueTypes.String,
                "integer" => ConfigValueTypes.Integer,
                "number" => ConfigValueTypes.Number,
                "boolean" => ConfigValueTypes.Boolean,
                "array" => ConfigValueTypes.Array,
                "object" => ConfigValueTypes.Object,
                "null" => ConfigValueTypes.Null,
                _ => (ConfigValueTypes?)null,
            };
            if (t is null)
            {
                Report(bag, n.Span, $"type {YamlValues.Show(n)} is not one of string, integer, number, boolean, array, object, null");
            }
            else
            {
                result |= t.Value;
            }
        }

        return result;
    }

    private static EquatableArray<ConnectionField> ReadConnectionFields(YamlMappingNode root, DiagnosticBag bag)
    {
        if (root["x-connection-fields"] is not YamlSequenceNode list)
        {
            return EquatableArray<ConnectionField>.Empty;
        }

        var fields = new List<ConnectionField>();
        foreach (var item in list.Items)
        {
            switch (item)
            {
                case YamlScalarNode { IsString: true } s:
                    fields.Add(new ConnectionField(s.Value, OverridePolicy.Allowed));
                    break;
                case YamlMappingNode m when m["name"] is YamlScalarNode { IsString: true } fieldName:
                    var policy = (m["override"] as YamlScalarNode)?.Value switch
                    {
                        null or "allowed" => OverridePolicy.Allowed,
                        "warning" => OverridePolicy.Warning,
                        "forbidden" => OverridePolicy.Forbidden,
                        _ => (OverridePolicy?)null,
                    };
                    if (policy is null)
                    {
                        Report(bag, m["override"]!.Span, $"override {YamlValues.Show(m["override"]!)} is not one of allowed, warning, forbidden");
                    }

                    fields.Add(new ConnectionField(fieldName.Value, policy ?? OverridePolicy.Allowed));
                    break;
                default:
                    Report(bag, item.Span, "an x-connection-fields entry is a field name or {name, override}");
                    break;
            }
        }

        return fields.ToEquatableArray();
    }

    /// <summary>The first path segment of every JSON pointer in secrets (/password → password).</summary>
    private static EquatableArray<string> ReadSecrets(YamlMappingNode root)
    {
        var secrets = new SortedSet<string>(StringComparer.Ordinal);
        if (root["secrets"] is YamlSequenceNode list)
        {
            foreach (var item in list.Items.OfType<YamlScalarNode>())
            {
                var segment = item.Value.TrimStart('/').Split('/')[0];
                if (segment.Length > 0)
                {
                    secrets.Add(segment);
                }
            }
        }

        return secrets.ToEquatableArray();
    }

    private static double? Number(YamlNode? node)
        => node is YamlScalarNode { Type: YamlScalarType.Integer or YamlScalarType.Float } s
           && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static void Report(DiagnosticBag bag, Text.SourceSpan span, string problem)
        => bag.Report(DiagnosticCatalog.InvalidComponentSpec, span, string.Empty, problem);
}
