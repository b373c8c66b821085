using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;

namespace Osiris.Isolate;

/// <summary>Rewrites assembly identities and references with Mono.Cecil, leaving code, namespaces and resources alone.</summary>
public static class AssemblyIsolator
{
    /// <summary>Writes the plan's assemblies to <paramref name="outputDirectory"/> and returns the written paths.</summary>
    public static IReadOnlyList<string> Write(IsolationPlan plan, string outputDirectory)
    {
        Directory.CreateDirectory(outputDirectory);
        var written = new List<string>();
        var inputs = plan.Rename.Select(p => (Path: p, Rename: true)).Concat(plan.Update.Select(p => (Path: p, Rename: false)));
        using var resolver = new DefaultAssemblyResolver();
        foreach (var directory in plan.Rename.Concat(plan.Update).Select(Path.GetDirectoryName).Distinct(StringComparer.Ordinal))
        {
            resolver.AddSearchDirectory(directory);
        }

        foreach (var (path, rename) in inputs)
        {
            // InMemory: the input may sit in the output folder of an earlier run, or be read by a parallel build.
            using var assembly = AssemblyDefinition.ReadAssembly(path, new ReaderParameters { InMemory = true, AssemblyResolver = resolver });
            var module = assembly.MainModule;
            if (rename)
            {
                var name = plan.RenamedNames[assembly.Name.Name];
                assembly.Name.Name = name;
                module.Name = name + ".dll";

                // A strong name is part of the identity the compiler unifies on, and the signature
                // would no longer match the rewritten bytes: the private copy is unsigned.
                assembly.Name.PublicKey = Array.Empty<byte>();
                assembly.Name.HasPublicKey = false;
                module.Attributes &= ~ModuleAttributes.StrongNameSigned;
            }

            foreach (var reference in module.AssemblyReferences)
            {
                if (plan.RenamedNames.TryGetValue(reference.Name, out var privateName))
                {
                    reference.Name = privateName;
                    reference.PublicKeyToken = Array.Empty<byte>();
                    reference.HasPublicKey = false;
                }
            }

            var target = Path.Combine(outputDirectory, assembly.Name.Name + ".dll");

            // DeterministicMvid: same input bytes, same output bytes, and a new module id for new content.
            assembly.Write(target, new WriterParameters { DeterministicMvid = true });
            written.Add(target);
        }

        return written;
    }
}
