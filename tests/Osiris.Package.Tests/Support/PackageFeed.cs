using System.IO.Compression;
using Osiris.Oml.Tests.Support;

namespace Osiris.Package.Tests.Support;

/// <summary>The package tests share one feed: one pack per run, and builds that do not compete for the two cores.</summary>
[CollectionDefinition(Name)]
public sealed class PackageFeedCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "package feed";
}

/// <summary>
/// Packs Osiris.Analyzers (with a fresh version, so no cache can serve an old copy), a fake analyzer
/// package that ships another YamlDotNet, and packages that ship fake copies of all the analyzer's
/// libraries (<see cref="FakeDependencyPackages"/>) into one temporary folder feed, once per run.
/// </summary>
public sealed class PackageFeed : IDisposable
{
    public const string FakeYamlDotNetVersion = "13.7.1";

    public PackageFeed()
    {
        Root = Path.Combine(Path.GetTempPath(), "osiris-package-tests", Guid.NewGuid().ToString("N"));
        Feed = Path.Combine(Root, "feed");
        PackagesFolder = Path.Combine(Root, "nuget-packages");
        Directory.CreateDirectory(Feed);
        Version = "0.1.0-test." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture);

        var pack = DotNetCli.Run(
            RepositoryPaths.Root,
            null,
            "pack", Path.Combine(RepositoryPaths.Root, "nuget", "Osiris.Analyzers.Package.csproj"),
            "-c", "Release", "-o", Feed, "-p:Version=" + Version, "-nologo");
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack of Osiris.Analyzers failed:\n" + pack.Output);
        }

        PackagePath = Path.Combine(Feed, $"Osiris.Analyzers.{Version}.nupkg");
        PackFakeAnalyzer();
        FakeDependencyPackages.WriteTo(Feed);
        invalidPipelines = new Lazy<(string, DotNetCli.Result)>(() =>
        {
            var dir = CreateProject("InvalidRepo", new[] { ("Osiris.Analyzers", Version) });
            CopyPipelines("InvalidPipelines", dir);
            return (dir, Build(dir));
        });
    }

    private readonly Lazy<(string Dir, DotNetCli.Result Result)> invalidPipelines;

    /// <summary>The invalid sample built with only Osiris.Analyzers: the reference other builds compare with (built once).</summary>
    public (string Dir, DotNetCli.Result Result) InvalidPipelinesBuild => invalidPipelines.Value;

    public string Root { get; }

    public string Feed { get; }

    /// <summary>An empty NuGet global packages folder: consumers restore everything from scratch.</summary>
    public string PackagesFolder { get; }

    public string Version { get; }

    public string PackagePath { get; }

    public IReadOnlyList<string> PackageEntries()
    {
        using var zip = ZipFile.OpenRead(PackagePath);
        return zip.Entries.Select(e => e.FullName).OrderBy(x => x, StringComparer.Ordinal).ToList();
    }

    /// <summary>A fresh consumer project with only PackageReferences, in a folder of its own.</summary>
    public string CreateProject(string name, IEnumerable<(string Id, string Version)> packages, string? extraProperties = null, string? extraItems = null)
    {
        var dir = Path.Combine(Root, name);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="test-feed" value="{Feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);
        var references = string.Concat(packages.Select(p =>
            $"    <PackageReference Include=\"{p.Id}\" Version=\"{p.Version}\" PrivateAssets=\"all\" />\n"));
        File.WriteAllText(
            Path.Combine(dir, name + ".csproj"),
            "<Project Sdk=\"Microsoft.NET.Sdk\">\n"
            + "  <PropertyGroup>\n"
            + "    <TargetFramework>net10.0</TargetFramework>\n"
            + (extraProperties is null ? string.Empty : "    " + extraProperties + "\n")
            + "  </PropertyGroup>\n"
            + "  <ItemGroup>\n"
            + references
            + (extraItems is null ? string.Empty : "    " + extraItems + "\n")
            + "  </ItemGroup>\n"
            + "</Project>\n");
        return dir;
    }

    public DotNetCli.Result Build(string projectDir, params string[] extraArguments)
        => DotNetCli.Run(
            projectDir,
            new Dictionary<string, string> { ["NUGET_PACKAGES"] = PackagesFolder },
            new[] { "build", "-nologo", "-v:q", "-clp:NoSummary" }.Concat(extraArguments).ToArray());

    /// <summary>
    /// Builds and returns the items of <paramref name="itemType"/> as they are after the build's
    /// targets ran (MSBuild's -getItem), with paths relative to the project.
    /// </summary>
    public (DotNetCli.Result Result, IReadOnlyList<string> Items) BuildAndGetItems(string projectDir, string itemType)
    {
        var result = Build(projectDir, "-t:Build", "-getItem:" + itemType);
        // The JSON starts at a line that is just "{"; diagnostics may come before it.
        var json = System.Text.RegularExpressions.Regex.Match(result.Output, @"^\{\s*$", System.Text.RegularExpressions.RegexOptions.Multiline);
        if (!json.Success)
        {
            throw new InvalidOperationException("no -getItem output in:\n" + result.Output);
        }

        using var document = System.Text.Json.JsonDocument.Parse(result.Output[json.Index..(result.Output.LastIndexOf('}') + 1)]);
        var items = document.RootElement.GetProperty("Items").GetProperty(itemType).EnumerateArray()
            .Select(item => item.GetProperty("Identity").GetString()!.Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        return (result, items);
    }

    /// <summary>Copies a sample repository's pipelines/, components/ and tests/ folders and its .globalconfig (not its project file).</summary>
    public static void CopyPipelines(string sampleFolder, string projectDir)
    {
        var sample = Path.Combine(RepositoryPaths.Root, "samples", sampleFolder);
        if (File.Exists(Path.Combine(sample, ".globalconfig")))
        {
            File.Copy(Path.Combine(sample, ".globalconfig"), Path.Combine(projectDir, ".globalconfig"), overwrite: true);
        }

        foreach (var folder in new[] { "pipelines", "components", "tests" })
        {
            var source = Path.Combine(sample, folder);
            if (!Directory.Exists(source))
            {
                continue;
            }

            foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(projectDir, folder, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target, overwrite: true);
            }
        }
    }

    private void PackFakeAnalyzer()
    {
        var dir = Path.Combine(Root, "FakeYaml.Analyzer");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "FakeYaml.Analyzer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>netstandard2.0</TargetFramework>
                <PackageId>FakeYaml.Analyzer</PackageId>
                <Version>1.0.0</Version>
                <IncludeBuildOutput>false</IncludeBuildOutput>
                <SuppressDependenciesWhenPacking>true</SuppressDependenciesWhenPacking>
                <EnforceExtendedAnalyzerRules>true</EnforceExtendedAnalyzerRules>
                <NoWarn>$(NoWarn);NU5128;RS2008;RS1036</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="4.8.0" PrivateAssets="all" />
                <PackageReference Include="YamlDotNet" Version="{FakeYamlDotNetVersion}" GeneratePathProperty="true" PrivateAssets="all" />
                <None Include="$(OutputPath)/FakeYaml.Analyzer.dll" Pack="true" PackagePath="analyzers/dotnet/cs" Visible="false" />
                <None Include="$(PkgYamlDotNet)/lib/netstandard2.0/YamlDotNet.dll" Pack="true" PackagePath="analyzers/dotnet/cs" Visible="false" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "FakeYamlAnalyzer.cs"), """
            using System.Collections.Immutable;
            using System.IO;
            using Microsoft.CodeAnalysis;
            using Microsoft.CodeAnalysis.Diagnostics;
            using YamlDotNet.RepresentationModel;

            [DiagnosticAnalyzer(LanguageNames.CSharp)]
            public sealed class FakeYamlAnalyzer : DiagnosticAnalyzer
            {
                private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
                    "FAKE001", "Fake", "fake analyzer read {0} with YamlDotNet {1}", "Fake", DiagnosticSeverity.Warning, true);

                public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

                public override void Initialize(AnalysisContext context)
                {
                    context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                    context.EnableConcurrentExecution();
                    context.RegisterAdditionalFileAction(c =>
                    {
                        if (!c.AdditionalFile.Path.EndsWith(".oml")) return;
                        // Lets a test make an analyzer crash on purpose (AD0001).
                        if (c.AdditionalFile.Path.EndsWith("crash-me.oml")) throw new System.InvalidOperationException("fake analyzer crash");
                        string result;
                        try
                        {
                            var stream = new YamlStream();
                            stream.Load(new StringReader(c.AdditionalFile.GetText()?.ToString() ?? ""));
                            result = stream.Documents.Count + " document(s)";
                        }
                        catch (YamlDotNet.Core.YamlException)
                        {
                            result = "invalid YAML";
                        }

                        var version = typeof(YamlStream).Assembly.GetName().Version;
                        c.ReportDiagnostic(Diagnostic.Create(Rule, Location.None, result, version));
                    });
                }
            }
            """);
        var pack = DotNetCli.Run(dir, null, "pack", "-c", "Release", "-o", Feed, "-nologo");
        if (pack.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack of the fake analyzer failed:\n" + pack.Output);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A build server may still hold a file; the folder is in the temp directory.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
