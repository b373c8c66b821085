using System;
using System.Collections.Generic;

namespace Osiris.Oml.Descriptors;

/// <summary>One step of a pipeline.</summary>
public sealed class StepDescriptor
{
    /// <summary>Creates a step.</summary>
    public StepDescriptor(string? id, string? component, string? mode, IReadOnlyList<string> needs, ConfigMap config)
    {
        Id = id;
        Component = component;
        Mode = mode;
        Needs = needs ?? Array.Empty<string>();
        Config = config ?? ConfigMap.Empty;
    }

    /// <summary>The step's <c>id</c> (null only in a pipeline with errors).</summary>
    public string? Id { get; }

    /// <summary>The component, for example <c>mysql.extractor</c>.</summary>
    public string? Component { get; }

    /// <summary><c>read</c>, <c>write</c> or <c>transform</c>, or null when missing or unknown.</summary>
    public string? Mode { get; }

    /// <summary>The ids of the steps that must finish first.</summary>
    public IReadOnlyList<string> Needs { get; }

    /// <summary>The step's configuration, typed as YAML resolved it.</summary>
    public ConfigMap Config { get; }

    /// <summary>The id.</summary>
    public override string ToString() => Id ?? string.Empty;
}
