using System.CommandLine;
using System.Text;
using Osiris.Cli.Output;
using Osiris.Cli.Workspace;
using Osiris.Oml.Catalog;

namespace Osiris.Cli.Commands;

/// <summary><c>osiris lineage</c>: the repository's lineage graph as Mermaid, Graphviz DOT or JSON.</summary>
internal static class LineageCommand
{
    public static Command Create(CliHost host)
    {
        var folder = new Argument<string>("folder") { Description = "The pipeline repository (or any folder in it)." };
        var format = CommonOptions.Format("Output format: mermaid (paste into Markdown), dot (render with Graphviz), json.", "mermaid", "dot", "json");
        var command = new Command("lineage", "Draw the lineage of a repository's pipelines: pipelines, tables, dashboards and the other kinds their metadata.lineage names.")
        {
            folder,
            format,
        };
        command.SetAction(parse => Run(host, parse.GetValue(folder)!, parse.GetValue(format)!));
        return command;
    }

    private static int Run(CliHost host, string folder, string format)
    {
        var full = Path.GetFullPath(folder, host.CurrentDirectory);
        if (!Directory.Exists(full))
        {
            throw new CliUsageException($"{folder}: no such folder");
        }

        var result = Validation.Run(ProjectLoader.Load(new[] { full }, host));
        var entries = result.Files.Select(f => f.Analysis?.Catalog).OfType<CatalogEntry>().ToList();
        var graph = LineageGraph.Build(entries);
        host.Output.Write(format switch
        {
            "dot" => Dot(graph, host.CurrentDirectory),
            "json" => JsonGraph(graph, host.CurrentDirectory),
            _ => Mermaid(graph),
        });
        return ExitCodes.Success;
    }

    /// <summary>A Mermaid flowchart; node ids are generated, labels are quoted with Mermaid's entity codes for the characters it reserves.</summary>
    internal static string Mermaid(LineageGraph graph)
    {
        var ids = Ids(graph);
        var sb = new StringBuilder();
        sb.Append("flowchart LR\n");
        foreach (var node in graph.Nodes)
        {
            var label = MermaidText(node.Kind + ": " + node.Name);
            var shape = node.Kind switch
            {
                "pipeline" => $"[\"{label}\"]",
                "table" => $"[(\"{label}\")]",
                "dashboard" => $"[/\"{label}\"/]",
                _ => $"([\"{label}\"])",
            };
            sb.Append("  ").Append(ids[node.Key]).Append(shape).Append('\n');
        }

        foreach (var edge in graph.Edges)
        {
            sb.Append("  ").Append(ids[edge.From]).Append(" --> ").Append(ids[edge.To]).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>A Graphviz digraph; labels are DOT strings with '"' and '\' escaped and line breaks as \n.</summary>
    internal static string Dot(LineageGraph graph, string currentDirectory)
    {
        var ids = Ids(graph);
        var sb = new StringBuilder();
        sb.Append("digraph lineage {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
        foreach (var node in graph.Nodes)
        {
            var shape = node.Kind switch { "pipeline" => "box", "table" => "cylinder", "dashboard" => "tab", _ => "ellipse" };
            sb.Append("  ").Append(ids[node.Key]).Append(" [label=").Append(DotString(node.Kind + ": " + node.Name)).Append(", shape=").Append(shape);
            if (node.FilePath is { } path)
            {
                sb.Append(", tooltip=").Append(DotString(DisplayPath.Of(path, currentDirectory)));
            }

            sb.Append("];\n");
        }

        foreach (var edge in graph.Edges)
        {
            sb.Append("  ").Append(ids[edge.From]).Append(" -> ").Append(ids[edge.To]).Append(";\n");
        }

        sb.Append("}\n");
        return sb.ToString();
    }

    internal static string JsonGraph(LineageGraph graph, string currentDirectory)
        => Json.Write(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("nodes");
            foreach (var node in graph.Nodes)
            {
                w.WriteStartObject();
                w.WriteString("id", node.Key);
                w.WriteString("kind", node.Kind);
                w.WriteString("name", node.Name);
                ValidationJson.WriteNullable(w, "path", node.FilePath is { } p ? DisplayPath.Of(p, currentDirectory) : null);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("edges");
            foreach (var edge in graph.Edges)
            {
                w.WriteStartObject();
                w.WriteString("from", edge.From);
                w.WriteString("to", edge.To);
                w.WriteStartArray("declaredBy");
                foreach (var by in edge.DeclaredBy)
                {
                    w.WriteStringValue(by);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }) + "\n";

    private static Dictionary<string, string> Ids(LineageGraph graph)
        => graph.Nodes.Select((n, i) => (n.Key, Id: "n" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToDictionary(x => x.Key, x => x.Id, StringComparer.Ordinal);

    /// <summary>Mermaid label text inside double quotes: characters Mermaid would read as syntax or markup become #code; entities.</summary>
    internal static string MermaidText(string text)
    {
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (c is '"' or '#' or '<' or '>' or '&' or '[' or ']' or '{' or '}' or '(' or ')' or '|' or '`' or '\\' or ';' || char.IsControl(c))
            {
                sb.Append('#').Append(((int)c).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(';');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>A DOT double-quoted string: '\' and '"' escaped, line breaks as \n (DOT's centred line break).</summary>
    internal static string DotString(string text)
    {
        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\':
                    sb.Append("\\\\");
                    break;
                case '"':
                    sb.Append("\\\"");
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    break;
                default:
                    sb.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return sb.Append('"').ToString();
    }
}
