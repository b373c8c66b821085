using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Xml.Linq;
using Osiris.Oml.Tests.Support;
using Osiris.Package.Tests.Support;

namespace Osiris.Package.Tests;

/// <summary>What the .nupkg holds, read from the packed file itself.</summary>
[Collection(PackageFeedCollection.Name)]
public sealed class PackageContentsTests(PackageFeed feed, ITestOutputHelper output)
{
    private const string AnalyzerFolder = "analyzers/dotnet/cs/";

    private const string InternalPrefix = "Osiris.Analyzers.Internal.";

    private static readonly string[] Libraries = { "YamlDotNet", "NodaTime", "Cronos" };

    [Fact]
    public void Package_ContainsTheAnalyzerTheEngineAndPrivateCopiesOfTheLibraries_UnderAnalyzersDotnetCs()
    {
        var entries = feed.PackageEntries();
        output.WriteLine(string.Join("\n", entries));

        Assert.Equal(
            new[]
            {
                "Osiris.Analyzers.Internal.Cronos.dll",
                "Osiris.Analyzers.Internal.NodaTime.dll",
                "Osiris.Analyzers.Internal.YamlDotNet.dll",
                "Osiris.Analyzers.dll",
                "Osiris.Oml.dll",
            },
            entries.Where(e => e.StartsWith(AnalyzerFolder, StringComparison.Ordinal)).Select(e => e[AnalyzerFolder.Length..]));
        foreach (var expected in new[] { "build/Osiris.Analyzers.props", "build/Osiris.Analyzers.targets", "README.md" })
        {
            Assert.Contains(expected, entries);
        }

        // lib/ holds the runtime library only (the schedule API and the generated descriptors' types):
        // nothing else may become a compile-time reference of user projects (not the export task either).
        Assert.Equal(
            new[] { "lib/netstandard2.0/Osiris.Oml.dll", "lib/netstandard2.0/Osiris.Oml.xml" },
            entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal)));
    }

    [Fact]
    public void RuntimeLibrary_UsesTheLibrariesRealNames_AndThePackageDependsOnThemAtTheCentralVersions()
    {
        using var zip = ZipFile.OpenRead(feed.PackagePath);
        using var reader = new PEReader(new MemoryStream(Read(zip, "lib/netstandard2.0/Osiris.Oml.dll")));
        var metadata = reader.GetMetadataReader();
        var references = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(new HashSet<string>(Libraries, StringComparer.Ordinal), references);
        Assert.DoesNotContain(references, r => r.StartsWith(InternalPrefix, StringComparison.Ordinal));

        var nuspec = System.Xml.Linq.XDocument.Load(new MemoryStream(Read(zip, "Osiris.Analyzers.nuspec")));
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
            .ToDictionary(e => (string)e.Attribute("id")!, e => (string)e.Attribute("version")!, StringComparer.Ordinal);
        var central = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!, StringComparer.Ordinal);
        Assert.Equal(
            new[] { "Cronos", "NodaTime", "System.Collections.Immutable", "YamlDotNet" },
            dependencies.Keys.Order(StringComparer.Ordinal));
        Assert.All(dependencies, d => Assert.Equal(central[d.Key], d.Value));

        // Not a development dependency: that would keep lib/ out of the consumer's compile.
        Assert.DoesNotContain(nuspec.Descendants(), e => e.Name.LocalName == "developmentDependency" && e.Value == "true");
    }

    [Fact]
    public void Package_ShipsTheExportTask_WithItsOwnIsolatedEngine_UnderTasksNetstandard20()
    {
        const string TaskFolder = "tasks/netstandard2.0/";
        var entries = feed.PackageEntries();

        Assert.Equal(
            new[]
            {
                "Osiris.Analyzers.Internal.Cronos.dll",
                "Osiris.Analyzers.Internal.NodaTime.dll",
                "Osiris.Analyzers.Internal.YamlDotNet.dll",
                "Osiris.Analyzers.Tasks.dll",
                "Osiris.Oml.dll",
            },
            entries.Where(e => e.StartsWith(TaskFolder, StringComparison.Ordinal)).Select(e => e[TaskFolder.Length..]));
        Assert.DoesNotContain(entries, e => e.EndsWith("Osiris.Analyzers.Tasks.dll", StringComparison.Ordinal) && !e.StartsWith(TaskFolder, StringComparison.Ordinal));

        // The task's engine is the analyzer's isolated copy, byte for byte; the task itself names only
        // the engine, MSBuild and the framework, never a library's real name.
        using var zip = ZipFile.OpenRead(feed.PackagePath);
        Assert.Equal(Read(zip, AnalyzerFolder + "Osiris.Oml.dll"), Read(zip, TaskFolder + "Osiris.Oml.dll"));
        using var pe = new PEReader(new MemoryStream(Read(zip, TaskFolder + "Osiris.Analyzers.Tasks.dll")));
        var reader = pe.GetMetadataReader();
        var references = reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
        output.WriteLine(string.Join(", ", references));
        Assert.All(references, r => Assert.True(
            r is "netstandard" or "Osiris.Oml" || r.StartsWith("Microsoft.Build.", StringComparison.Ordinal) || r.StartsWith("System.", StringComparison.Ordinal),
            $"the task references {r}"));
    }

    [Fact]
    public void Package_ShipsTheOmlJsonSchema_AsTheRepositoryHasIt()
    {
        using var zip = ZipFile.OpenRead(feed.PackagePath);
        var shipped = Encoding.UTF8.GetString(Read(zip, "schemas/oml-0.2.0.schema.json"));

        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schemas", "oml-0.2.0.schema.json")), shipped);
    }

    [Fact]
    public void PackedAssemblies_ReferenceOnlyEachOtherAndTheCompilersAssemblies_NeverTheLibrariesRealNames()
    {
        var assemblies = ReadAnalyzerAssemblies();
        var packedNames = assemblies.Keys.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal);
        foreach (var (file, bytes) in assemblies)
        {
            using var pe = new PEReader(new MemoryStream(bytes));
            var reader = pe.GetMetadataReader();
            var definition = reader.GetAssemblyDefinition();
            var name = reader.GetString(definition.Name);
            Assert.Equal(Path.GetFileNameWithoutExtension(file), name);
            if (name.StartsWith(InternalPrefix, StringComparison.Ordinal))
            {
                // A private copy is unsigned: a public key would make it part of the identity the compiler unifies on.
                Assert.True(definition.PublicKey.IsNil || reader.GetBlobBytes(definition.PublicKey).Length == 0, $"{file} keeps a public key");
            }

            var references = reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
            output.WriteLine($"{file}: {string.Join(", ", references)}");
            foreach (var reference in references)
            {
                Assert.True(
                    packedNames.Contains(reference)
                        || reference == "netstandard"
                        || reference.StartsWith("System.", StringComparison.Ordinal)
                        || reference.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal),
                    $"{file} references {reference}, which is neither packed nor provided by the compiler");
                Assert.DoesNotContain(reference, Libraries);
            }

            // No assembly-qualified type name ("X, YamlDotNet, Version=…") in attributes or strings either.
            foreach (var library in Libraries)
            {
                foreach (var encoding in new Encoding[] { Encoding.UTF8, Encoding.Unicode })
                {
                    Assert.True(bytes.AsSpan().IndexOf(encoding.GetBytes(", " + library + ",")) < 0, $"{file} names the assembly {library}");
                }
            }
        }

        // The engine really uses the private copies (the references were rewritten, not dropped).
        using var engine = new PEReader(new MemoryStream(assemblies["Osiris.Oml.dll"]));
        var engineReader = engine.GetMetadataReader();
        Assert.Equal(
            Libraries.Select(l => InternalPrefix + l).Order(StringComparer.Ordinal),
            engineReader.AssemblyReferences.Select(h => engineReader.GetString(engineReader.GetAssemblyReference(h).Name))
                .Where(n => n.StartsWith(InternalPrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void PrivateNodaTime_KeepsItsEmbeddedTimeZoneDatabase()
    {
        using var pe = new PEReader(new MemoryStream(ReadAnalyzerAssemblies()[InternalPrefix + "NodaTime.dll"]));
        var reader = pe.GetMetadataReader();
        var resources = reader.ManifestResources.Select(h => reader.GetString(reader.GetManifestResource(h).Name)).ToList();
        Assert.Contains("NodaTime.TimeZones.Tzdb.nzd", resources);
    }

    [Fact]
    public void Package_ShipsTheSameBuildLogicForTransitiveConsumers()
    {
        using var zip = ZipFile.OpenRead(feed.PackagePath);
        foreach (var file in new[] { "Osiris.Analyzers.props", "Osiris.Analyzers.targets" })
        {
            var direct = Read(zip, "build/" + file);
            var transitive = Read(zip, "buildTransitive/" + file);
            Assert.NotEmpty(direct);
            Assert.Equal(direct, transitive);
        }
    }

    [Fact]
    public void Package_HasAnIconReleaseNotesAndThirdPartyNotices()
    {
        using var zip = ZipFile.OpenRead(feed.PackagePath);
        var nuspec = XDocument.Load(new MemoryStream(Read(zip, "Osiris.Analyzers.nuspec")));
        var metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Field(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("icon.png", Field("icon"));
        var icon = Read(zip, "icon.png");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, icon[..8]);
        Assert.Equal((128, 128), (BigEndian(icon, 16), BigEndian(icon, 20))); // IHDR width and height

        var notes = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "nuget", "RELEASE-NOTES.txt")).Trim();
        Assert.StartsWith("0.1.0", notes, StringComparison.Ordinal);
        Assert.Equal(notes.ReplaceLineEndings("\n"), Field("releaseNotes")?.ReplaceLineEndings("\n"));

        // Every bundled library with the version that is packed and its licence text.
        var notices = Encoding.UTF8.GetString(Read(zip, "THIRD-PARTY-NOTICES.txt"));
        var versions = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(e => (string)e.Attribute("Include")!, e => (string)e.Attribute("Version")!);
        foreach (var library in Libraries)
        {
            Assert.Contains($"\n{library} {versions[library]}\n", notices, StringComparison.Ordinal);
        }

        Assert.Equal(2, CountOf(notices, "Permission is hereby granted, free of charge")); // MIT: YamlDotNet, Cronos
        Assert.Contains("TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION", notices, StringComparison.Ordinal); // Apache-2.0: NodaTime
        Assert.Contains("Joda Time", notices, StringComparison.Ordinal); // NodaTime's NOTICE
    }

    private Dictionary<string, byte[]> ReadAnalyzerAssemblies()
    {
        using var zip = ZipFile.OpenRead(feed.PackagePath);
        return zip.Entries
            .Where(e => e.FullName.StartsWith(AnalyzerFolder, StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal))
            .ToDictionary(e => e.Name, e => Read(zip, e.FullName), StringComparer.Ordinal);
    }

    private static byte[] Read(ZipArchive zip, string path)
    {
        var entry = zip.GetEntry(path) ?? throw new Xunit.Sdk.XunitException($"the package has no {path}");
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static int BigEndian(byte[] bytes, int at) => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
