using System.Collections.Generic;
using System.Globalization;
using Osiris.Oml.Components;
using Osiris.Oml.Syntax;
using Osiris.Oml.Text;

namespace Osiris.Oml.Rules;

/// <summary>A step as written: its node, its mapping (when it is one), its path, its id and its component.</summary>
internal sealed class StepSyntax
{
    private StepSyntax(int index, YamlNode node, ComponentRegistry components)
    {
        Index = index;
        Node = node;
        Mapping = node as YamlMappingNode;
        Path = "steps[" + index.ToString(CultureInfo.InvariantCulture) + "]";
        if (Mapping?.GetEntry(OmlKeys.Id) is { Value: YamlScalarNode { IsString: true } id } && id.Value.Trim().Length > 0)
        {
            Id = id.Value;
            IdSpan = id.Span;
        }

        if (Mapping?[OmlKeys.Component] is YamlScalarNode { IsString: true } component && component.Value.Trim().Length > 0)
        {
            ComponentName = component.Value;
            Component = components.Find(component.Value);
        }
    }

    public int Index { get; }

    public YamlNode Node { get; }

    public YamlMappingNode? Mapping { get; }

    /// <summary><c>steps[i]</c>.</summary>
    public string Path { get; }

    /// <summary>The id when it is a non-blank string.</summary>
    public string? Id { get; }

    public SourceSpan? IdSpan { get; }

    /// <summary>The component name when it is a non-blank string.</summary>
    public string? ComponentName { get; }

    /// <summary>The component's spec, when the registry knows <see cref="ComponentName"/>.</summary>
    public ComponentSpec? Component { get; }

    /// <summary>How messages name the step: <c>'extract'</c>, or <c>steps[2]</c> without an id.</summary>
    public string Label => Id is null ? Path : "'" + MessageText.Excerpt(Id) + "'";

    public static IReadOnlyList<StepSyntax> Read(YamlSequenceNode steps, ComponentRegistry components)
    {
        var result = new StepSyntax[steps.Items.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = new StepSyntax(i, steps.Items[i], components);
        }

        return result;
    }
}
