using System.ComponentModel;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Osiris.Oml.Tests.Support;

namespace Osiris.LanguageServer.Tests;

/// <summary>
/// The VS Code extension (src/vscode-osiris) installs from its lock file and packs into a .vsix with
/// @vscode/vsce, carrying vscode-languageclient and the OML JSON Schema. Skipped, saying why, where npm
/// is missing. (VS Code itself cannot be downloaded here, so the extension is not run.)
/// </summary>
public sealed class VsCodeExtensionTests
{
    private static readonly string Source = Path.Combine(RepositoryPaths.Root, "src", "vscode-osiris");

    [Fact]
    public void TheManifest_StartsOsirisLsp_ForOmlFiles_AndAssociatesTheSchema()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(Source, "package.json")))!;
        var extension = File.ReadAllText(Path.Combine(Source, "extension.js"));

        Assert.Equal(".oml", manifest["contributes"]!["languages"]![0]!["extensions"]![0]!.GetValue<string>());
        Assert.Equal("./schemas/oml-0.2.0.schema.json", manifest["contributes"]!["yamlValidation"]![0]!["url"]!.GetValue<string>());
        Assert.Contains("args: ['lsp']", extension, StringComparison.Ordinal);
        Assert.Contains("language: 'oml'", extension, StringComparison.Ordinal);
    }

    [Fact]
    public void TheExtension_PacksIntoAVsix_WithTheLanguageClientAndTheSchema()
    {
        if (Run("npm", ".", "--version") is null)
        {
            Assert.Skip("npm is not installed: the VS Code extension cannot be packed here (apt-get install npm)");
        }

        var work = Path.Combine(Path.GetTempPath(), "osiris-vscode-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(work);
            foreach (var file in Directory.GetFiles(Source, "*", SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(Source, file);
                if (relative.StartsWith("node_modules", StringComparison.Ordinal) || relative.EndsWith(".vsix", StringComparison.Ordinal))
                {
                    continue;
                }

                var target = Path.Combine(work, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var install = Run("npm", work, "ci", "--no-audit", "--no-fund");
            Assert.True(install is { Code: 0 }, "npm ci failed:\n" + install?.Output);
            var pack = Run("npx", work, "--no-install", "vsce", "package", "--skip-license", "-o", "osiris-oml.vsix");
            Assert.True(pack is { Code: 0 }, "vsce package failed:\n" + pack?.Output);

            using var vsix = ZipFile.OpenRead(Path.Combine(work, "osiris-oml.vsix"));
            var entries = vsix.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            Assert.Contains("extension/package.json", entries);
            Assert.Contains("extension/extension.js", entries);
            Assert.Contains("extension/language-configuration.json", entries);
            Assert.Contains("extension/syntaxes/oml.tmLanguage.json", entries);
            Assert.Contains("extension/node_modules/vscode-languageclient/node.js", entries);
            Assert.DoesNotContain(entries, e => e.StartsWith("extension/node_modules/@vscode/vsce", StringComparison.Ordinal));
            using var schema = new StreamReader(vsix.GetEntry("extension/schemas/oml-0.2.0.schema.json")!.Open());
            Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schemas", "oml-0.2.0.schema.json")), schema.ReadToEnd());
        }
        finally
        {
            try
            {
                Directory.Delete(work, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed record Result(int Code, string Output);

    /// <summary>Runs a program; null when it is not installed.</summary>
    private static Result? Run(string program, string directory, params string[] args)
    {
        var psi = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["OSIRIS_SCHEMA"] = Path.Combine(RepositoryPaths.Root, "schemas", "oml-0.2.0.schema.json");
        psi.Environment["NO_UPDATE_NOTIFIER"] = "1";
        try
        {
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(10)), program + " did not finish");
            return new Result(process.ExitCode, stdout.Result + stderr.Result);
        }
        catch (Win32Exception)
        {
            return null;
        }
    }
}
