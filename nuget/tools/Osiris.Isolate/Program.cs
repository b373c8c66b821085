using System;
using System.Collections.Generic;
using System.IO;

namespace Osiris.Isolate;

/// <summary>
/// <c>Osiris.Isolate --out DIR --prefix PREFIX --rename A.dll... --update B.dll...</c>: writes every
/// <c>--rename</c> assembly to DIR under the name PREFIX + its name, and every <c>--update</c> assembly
/// under its own name, with all references to the renamed ones pointing to the new names.
/// Exit code 0 on success, 1 when the result still names an original assembly, 2 on bad arguments.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        string? output = null;
        string? prefix = null;
        var rename = new List<string>();
        var update = new List<string>();
        List<string>? current = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--out" when i + 1 < args.Length:
                    output = args[++i];
                    current = null;
                    break;
                case "--prefix" when i + 1 < args.Length:
                    prefix = args[++i];
                    current = null;
                    break;
                case "--rename":
                    current = rename;
                    break;
                case "--update":
                    current = update;
                    break;
                default:
                    if (current is null || args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        return Usage($"unexpected argument '{args[i]}'");
                    }

                    current.Add(args[i]);
                    break;
            }
        }

        if (output is null || string.IsNullOrEmpty(prefix) || rename.Count == 0)
        {
            return Usage("--out, --prefix and at least one --rename are required");
        }

        foreach (var file in rename)
        {
            if (!File.Exists(file))
            {
                return Usage($"no such file: {file}");
            }
        }

        foreach (var file in update)
        {
            if (!File.Exists(file))
            {
                return Usage($"no such file: {file}");
            }
        }

        var plan = new IsolationPlan(prefix, rename, update);
        var written = AssemblyIsolator.Write(plan, output);
        var problems = IsolationCheck.Find(written, plan.RenamedNames);
        foreach (var problem in problems)
        {
            Console.Error.WriteLine("error OSIRISPACK: " + problem);
        }

        foreach (var file in written)
        {
            Console.WriteLine("isolated " + Path.GetFileName(file));
        }

        return problems.Count == 0 ? 0 : 1;
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine("error OSIRISPACK: " + problem);
        Console.Error.WriteLine("usage: Osiris.Isolate --out DIR --prefix PREFIX --rename A.dll... [--update B.dll...]");
        return 2;
    }
}
