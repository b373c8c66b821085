using System.Linq;
using Osiris.Oml.Collections;
using Osiris.Oml.Components;
using Osiris.Oml.Model;
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
            YamlValues.Text(root[OmlKeys.OmlVersion]),
            YamlValues.Text(root[OmlKeys.Name]),
            YamlValues.Text(root[OmlKeys.Description]),
            steps,
            schedule,
            metadata,
            root[OmlKeys.Params] is YamlMappingNode parameters ? (OmlMap)OmlValue.From(parameters) : null);
    }

    private static StepModel BindStep(YamlMappingNode step)
    {
        var needs = step[OmlKeys.Needs] is YamlSequenceNode list
            ? list.Items.Select(YamlValues.Text).Where(x => x is not null).Select(x => x!).ToEquatableArray()
            : EquatableArray<string>.Empty;
        OmlMode? mode = YamlValues.Text(step[OmlKeys.Mode]) is { } m && OmlModes.TryParse(m, out var parsed) ? parsed : null;
        var config = step[OmlKeys.Config] is YamlMappingNode map
            ? (OmlMap)OmlValue.From(map)
            : new OmlMap(EquatableArray<OmlProperty>.Empty);
        return new StepModel(YamlValues.Text(step[OmlKeys.Id]), YamlValues.Text(step[OmlKeys.Component]), mode, needs, config);
    }
}
