using System.Linq;
using Osiris.Oml.Collections;
using Osiris.Oml.Components;
using Osiris.Oml.Model;
using Osiris.Oml.Rules;
using Osiris.Oml.Syntax;

namespace Osiris.Oml.Binding;

/// <summary>
/// Builds the model from the syntax tree. It never reports: validation is the rules' job. Values of
/// the wrong type become null or empty, so the model exists for every document that is a mapping.
/// </summary>
internal static class PipelineBinder
{
    public static PipelineModel Bind(string sourcePath, YamlMappingNode root, ScheduleModel? schedule, MetadataModel? metadata)
    {
        var steps = root[OmlKeys.Steps] is YamlSequenceNode list
            ? list.Items.OfType<YamlMappingNode>().Select(BindStep).ToEquatableArray()
            : EquatableArray<StepModel>.Empty;
        return new PipelineModel(
            sourcePath,
            Text(root[OmlKeys.OmlVersion]),
            Text(root[OmlKeys.Name]),
            Text(root[OmlKeys.Description]),
            steps,
            schedule,
            metadata);
    }

    private static StepModel BindStep(YamlMappingNode step)
    {
        var needs = step[OmlKeys.Needs] is YamlSequenceNode list
            ? list.Items.Select(Text).Where(x => x is not null).Select(x => x!).ToEquatableArray()
            : EquatableArray<string>.Empty;
        OmlMode? mode = Text(step[OmlKeys.Mode]) is { } m && OmlModes.TryParse(m, out var parsed) ? parsed : null;
        var config = step[OmlKeys.Config] is YamlMappingNode map
            ? (OmlMap)OmlValue.From(map)
            : new OmlMap(EquatableArray<OmlProperty>.Empty);
        return new StepModel(Text(step[OmlKeys.Id]), Text(step[OmlKeys.Component]), mode, needs, config);
    }

    private static string? Text(YamlNode? node) => node is YamlScalarNode { IsString: true } s ? s.Value : null;
}
