using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Osiris.Oml.Collections;
using Osiris.Oml.Components;
using Osiris.Oml.Model;
using Osiris.Oml.Syntax;

namespace Osiris.Oml.Export;

/// <summary>An inline secret the export replaced: where it was and the environment reference written instead.</summary>
/// <param name="Path">The value's place, for example <c>steps[0].config.password</c>.</param>
/// <param name="Replacement">What the export holds instead, for example <c>${MYSQL_PASSWORD}</c>.</param>
public sealed record Redaction(string Path, string Replacement);

/// <summary>
/// Keeps secret values out of every export. A step's secret fields are those its component spec lists
/// (<see cref="ComponentSpec.Secrets"/>); for a component the registry does not know, and for
/// <c>params</c>, fields whose names say password, secret, token, credential or API key. A literal
/// value in such a field is replaced by the environment reference OSI0503 proposes
/// (<c>${MYSQL_PASSWORD}</c>); references (<c>${...}</c>) and connection references (<c>@mysql.primary</c>,
/// in the <c>connection</c> field, never a secret) stay as they are. In a mapping or list field every
/// literal leaf is replaced: a header such as <c>Accept</c> is lost with the credentials, by design.
/// </summary>
internal static class SecretRedactor
{
    private static readonly string[] SecretWords = { "password", "passwd", "secret", "token", "api_key", "apikey", "private_key", "credential", "auth" };

    /// <summary>The model with every inline secret replaced; <paramref name="redactions"/> says which.</summary>
    public static PipelineModel Redact(PipelineModel model, ComponentRegistry components, List<Redaction> redactions)
    {
        var steps = new List<StepModel>(model.Steps.Count);
        var changed = false;
        for (var i = 0; i < model.Steps.Count; i++)
        {
            var step = model.Steps[i];
            var spec = step.Component is null ? null : components.Find(step.Component);
            var family = Family(step.Component);
            var path = "steps[" + i.ToString(CultureInfo.InvariantCulture) + "].config";
            var config = RedactMap(step.Config, path, family, key => spec is not null ? spec.IsSecret(key) : LooksSecret(key), redactions);
            changed |= !ReferenceEquals(config, step.Config);
            steps.Add(ReferenceEquals(config, step.Config) ? step : step with { Config = config });
        }

        var parameters = model.Params is null ? null : RedactMap(model.Params, "params", "PARAMS", LooksSecret, redactions);
        if (!changed && ReferenceEquals(parameters, model.Params))
        {
            return model;
        }

        return model with { Steps = steps.ToEquatableArray(), Params = parameters };
    }

    private static OmlMap RedactMap(OmlMap map, string path, string prefix, Func<string, bool> isSecret, List<Redaction> redactions)
    {
        List<OmlProperty>? result = null;
        for (var i = 0; i < map.Properties.Count; i++)
        {
            var p = map.Properties[i];
            if (string.Equals(p.Key, "connection", StringComparison.Ordinal) || !isSecret(p.Key))
            {
                result?.Add(p);
                continue;
            }

            var value = RedactValue(p.Value, path + "." + p.Key, prefix + "_" + p.Key, redactions);
            if (!ReferenceEquals(value, p.Value) && result is null)
            {
                result = new List<OmlProperty>(map.Properties.Count);
                for (var j = 0; j < i; j++)
                {
                    result.Add(map.Properties[j]);
                }
            }

            result?.Add(ReferenceEquals(value, p.Value) ? p : new OmlProperty(p.Key, value));
        }

        return result is null ? map : new OmlMap(result.ToEquatableArray());
    }

    private static OmlValue RedactValue(OmlValue value, string path, string name, List<Redaction> redactions)
    {
        switch (value)
        {
            case OmlScalar { Type: YamlScalarType.Null }:
                return value;
            case OmlScalar s when IsReference(s.Text) || s.Text.Trim().Length == 0:
                return value;
            case OmlScalar:
                var replacement = "${" + EnvironmentName(name) + "}";
                redactions.Add(new Redaction(path, replacement));
                return new OmlScalar(replacement, YamlScalarType.String);
            case OmlList l:
                var items = new List<OmlValue>();
                var changed = false;
                for (var i = 0; i < l.Items.Count; i++)
                {
                    var item = RedactValue(l.Items[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", name + "_" + (i + 1).ToString(CultureInfo.InvariantCulture), redactions);
                    changed |= !ReferenceEquals(item, l.Items[i]);
                    items.Add(item);
                }

                return changed ? new OmlList(items.ToEquatableArray()) : value;
            case OmlMap m:
                return RedactMap(m, path, name, _ => true, redactions);
            default:
                return value;
        }
    }

    private static bool IsReference(string text)
    {
        var t = text.Trim();
        return t.StartsWith("${", StringComparison.Ordinal) && t.EndsWith("}", StringComparison.Ordinal) && t.IndexOf('}') == t.Length - 1;
    }

    private static bool LooksSecret(string key)
    {
        var k = key.ToLowerInvariant();
        foreach (var word in SecretWords)
        {
            if (k.Contains(word))
            {
                return true;
            }
        }

        return false;
    }

    private static string Family(string? component)
    {
        if (string.IsNullOrEmpty(component))
        {
            return "STEP";
        }

        var dot = component!.IndexOf('.');
        return dot > 0 ? component.Substring(0, dot) : component;
    }

    /// <summary>An UPPER_SNAKE_CASE name, as the variables rule accepts for environment references.</summary>
    private static string EnvironmentName(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append((c >= 'a' && c <= 'z') ? char.ToUpperInvariant(c) : (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? c : '_');
        }

        if (sb.Length == 0 || (sb[0] >= '0' && sb[0] <= '9'))
        {
            sb.Insert(0, '_');
        }

        return sb.ToString();
    }
}
