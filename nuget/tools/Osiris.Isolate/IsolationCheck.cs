using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace Osiris.Isolate;

/// <summary>
/// Reads the written assemblies back (System.Reflection.Metadata, independent of Cecil) and lists
/// every way they could still reach an original assembly: a reference by the old name, or an
/// assembly-qualified type name such as <c>"X, YamlDotNet, Version=…"</c> in an attribute or string.
/// </summary>
public static class IsolationCheck
{
    public static IReadOnlyList<string> Find(IEnumerable<string> files, IReadOnlyDictionary<string, string> renamed)
    {
        var problems = new List<string>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            using (var pe = new PEReader(new MemoryStream(bytes)))
            {
                var reader = pe.GetMetadataReader();
                var name = reader.GetString(reader.GetAssemblyDefinition().Name);
                if (!string.Equals(name + ".dll", Path.GetFileName(file), StringComparison.Ordinal))
                {
                    problems.Add($"{Path.GetFileName(file)}: assembly name {name} differs from the file name");
                }

                foreach (var handle in reader.AssemblyReferences)
                {
                    var reference = reader.GetString(reader.GetAssemblyReference(handle).Name);
                    if (renamed.ContainsKey(reference))
                    {
                        problems.Add($"{Path.GetFileName(file)}: still references {reference}");
                    }
                }
            }

            foreach (var original in renamed.Keys)
            {
                foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode })
                {
                    if (Contains(bytes, encoding.GetBytes(", " + original + ",")) || Contains(bytes, encoding.GetBytes("," + original + ",")))
                    {
                        problems.Add($"{Path.GetFileName(file)}: contains an assembly-qualified name of {original}");
                    }
                }
            }
        }

        return problems;
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;
}
