using System.IO.Compression;
using System.Reflection;
using System.Text;
using Mono.Cecil;

namespace Osiris.Package.Tests.Support;

/// <summary>
/// Analyzer packages that ship their own YamlDotNet, NodaTime and Cronos, as other analyzers do. The
/// copies are empty assemblies with the real names and public keys ("public-signed") and a version
/// above or below ours: the compiler unifies analyzer dependencies by name and loads the highest
/// version for every analyzer, so before the package gave its copies private names, the newer fakes
/// replaced ours (OSI0001 TypeLoadException on every file).
/// </summary>
public static class FakeDependencyPackages
{
    public const string Newer = "FakeDependencies.Newer";

    public const string Older = "FakeDependencies.Older";

    public const string Version = "1.0.0";

    /// <summary>The libraries the analyzer loads, as the test project references them (same versions).</summary>
    public static IReadOnlyList<AssemblyName> Libraries { get; } = new[]
    {
        typeof(YamlDotNet.Core.Parser).Assembly.GetName(),
        typeof(NodaTime.Instant).Assembly.GetName(),
        typeof(Cronos.CronExpression).Assembly.GetName(),
    };

    public static void WriteTo(string feed)
    {
        WritePackage(feed, Newer, Libraries.Select(l => (l, new Version(99, 0, 0, 0))));

        // Cronos' own assembly version is 0.0.0.0: nothing is lower, and an equal version is the worst
        // case (the compiler cannot tell the copies apart and takes whichever it met first).
        WritePackage(feed, Older, Libraries.Select(l => (l, l.Version! > new Version(1, 0, 0, 0) ? new Version(1, 0, 0, 0) : l.Version!)));
    }

    private static void WritePackage(string feed, string id, IEnumerable<(AssemblyName Library, Version Version)> assemblies)
    {
        using var zip = ZipFile.Open(Path.Combine(feed, $"{id}.{Version}.nupkg"), ZipArchiveMode.Create);
        Add(zip, id + ".nuspec", Encoding.UTF8.GetBytes($"""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata>
                <id>{id}</id>
                <version>{Version}</version>
                <authors>tests</authors>
                <description>Ships fake copies of YamlDotNet, NodaTime and Cronos as analyzer dependencies.</description>
                <developmentDependency>true</developmentDependency>
              </metadata>
            </package>
            """));
        foreach (var (library, version) in assemblies)
        {
            Add(zip, $"analyzers/dotnet/cs/{library.Name}.dll", EmptyAssembly(library.Name!, version, library.GetPublicKey()!));
        }
    }

    private static byte[] EmptyAssembly(string name, Version version, byte[] publicKey)
    {
        using var assembly = AssemblyDefinition.CreateAssembly(
            new AssemblyNameDefinition(name, version) { PublicKey = publicKey },
            name + ".dll",
            ModuleKind.Dll);

        // Public-signed: the real key in the identity, no valid signature (.NET does not check it).
        assembly.MainModule.Attributes |= ModuleAttributes.StrongNameSigned;
        using var stream = new MemoryStream();
        assembly.Write(stream);
        return stream.ToArray();
    }

    private static void Add(ZipArchive zip, string path, byte[] content)
    {
        using var entry = zip.CreateEntry(path).Open();
        entry.Write(content);
    }
}
