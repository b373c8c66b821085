using System.Collections.Generic;
using System.Linq;
using Osiris.Oml.Collections;
using Osiris.Oml.Rules;
using Osiris.Oml.Syntax;

namespace Osiris.Oml.Catalog;

/// <summary>Collects a file's <see cref="CatalogEntry"/> after its rules ran.</summary>
internal static class CatalogEntryBuilder
{
    public static CatalogEntry Build(RuleContext context)
    {
        var root = context.Root;
        var nameEntry = root.GetEntry(OmlKeys.Name);
        var name = nameEntry?.Value is YamlScalarNode { IsString: true } n && n.Value.Trim().Length > 0 ? n.Value.Trim() : null;
        var lineage = context.MetadataSpans?.Lineage.Select(l => new CatalogLineage(l.Reference, l.Direction, l.Span) { NameSpan = l.NameSpan }).ToEquatableArray()
            ?? EquatableArray<CatalogLineage>.Empty;
        return new CatalogEntry(
            context.Tree.FilePath,
            name,
            nameEntry?.Value.Span ?? YamlValues.HeadOf(root),
            context.Schedule,
            context.ScheduleSpans?.Expression ?? context.ScheduleSpans?.Every ?? context.ScheduleSpans?.Block,
            context.Metadata,
            lineage,
            Writes(context.Steps).ToEquatableArray());
    }

    /// <summary>Steps in write mode and what they write: "connection table" (or the component, when there is no connection).</summary>
    private static IEnumerable<CatalogWrite> Writes(IReadOnlyList<StepSyntax> steps)
    {
        foreach (var syntax in steps)
        {
            if (syntax.Mapping is not { } step || step[OmlKeys.Mode] is not YamlScalarNode { Value: "write" } || step[OmlKeys.Config] is not YamlMappingNode config)
            {
                continue;
            }

            var table = config.GetEntry("table") ?? config.GetEntry("path");
            if (table?.Value is not YamlScalarNode { IsString: true } tableName)
            {
                continue;
            }

            var where = config[OmlKeys.Connection] is YamlScalarNode { IsString: true } connection
                ? connection.Value
                : (step[OmlKeys.Component] as YamlScalarNode)?.Value ?? "?";
            var id = (step[OmlKeys.Id] as YamlScalarNode)?.Value ?? "?";
            yield return new CatalogWrite(id, $"{where} {table.KeyText} '{tableName.Value}'", tableName.Span);
        }
    }
}
