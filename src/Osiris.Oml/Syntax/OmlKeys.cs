using System;
using System.Collections.Generic;

namespace Osiris.Oml.Syntax;

/// <summary>The key names of OML.</summary>
internal static class OmlKeys
{
    public const string OmlVersion = "oml_version";
    public const string Name = "name";
    public const string Description = "description";
    public const string Schedule = "schedule";
    public const string Metadata = "metadata";
    public const string Steps = "steps";
    public const string Params = "params";

    public const string Id = "id";
    public const string Component = "component";
    public const string Mode = "mode";
    public const string Config = "config";
    public const string Needs = "needs";

    public const string Connection = "connection";

    /// <summary>Extension keys (ADR-0014) are allowed anywhere and never checked.</summary>
    public static bool IsExtension(string key) => key.StartsWith("x-", StringComparison.Ordinal);

    /// <summary>The entries of <paramref name="mapping"/> whose key is neither one of <paramref name="known"/> nor an extension key.</summary>
    public static IEnumerable<(YamlEntry Entry, string Key)> Unknown(YamlMappingNode mapping, string[] known)
    {
        foreach (var entry in mapping.Entries)
        {
            if (entry.KeyText is { } key && Array.IndexOf(known, key) < 0 && !IsExtension(key))
            {
                yield return (entry, key);
            }
        }
    }
}
