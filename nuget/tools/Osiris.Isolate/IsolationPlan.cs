using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Osiris.Isolate;

/// <summary>
/// Which assemblies get a private name and which only have their references updated.
/// </summary>
/// <remarks>
/// Why: the compiler loads analyzer dependencies by assembly name, and when two analyzer packages of
/// one project ship an assembly of the same name it loads the highest version for both (or, at equal
/// versions, whichever came first). A private name takes the analyzer out of that contest, in both
/// directions: another package can neither break it with a newer copy nor run on its copy.
/// Only the files packed under <c>analyzers/</c> go through this; anything packed for run time (a
/// future <c>lib/</c> folder) keeps the libraries' real names and normal NuGet dependencies.
/// </remarks>
public sealed class IsolationPlan
{
    public IsolationPlan(string prefix, IEnumerable<string> rename, IEnumerable<string> update)
    {
        Prefix = prefix;
        Rename = rename.ToList();
        Update = update.ToList();
        RenamedNames = Rename
            .Select(Path.GetFileNameWithoutExtension)
            .ToDictionary(name => name!, name => prefix + name, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Put before every renamed assembly's name, e.g. <c>Osiris.Analyzers.Internal.</c>.</summary>
    public string Prefix { get; }

    /// <summary>The assemblies that get a private name (the file name without .dll is the assembly name).</summary>
    public IReadOnlyList<string> Rename { get; }

    /// <summary>The assemblies that keep their names but reference the renamed ones.</summary>
    public IReadOnlyList<string> Update { get; }

    /// <summary>Original assembly name → private name.</summary>
    public IReadOnlyDictionary<string, string> RenamedNames { get; }
}
