using System.Diagnostics;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Osiris.Oml.Tests.Support;
using Osiris.Package.Tests.Support;

namespace Osiris.Package.Tests;

/// <summary>The osiris tool package as users get it: packed, installed with dotnet tool install, run.</summary>
public sealed class ToolPackageTests(ToolFeed tool, ITestOutputHelper output) : IClassFixture<ToolFeed>
{
    private (int Code, string Out, string Err) Osiris(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(tool.Osiris)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "osiris did not finish");
        output.WriteLine(stdout.Result);
        output.WriteLine(stderr.Result);
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void Install_FromTheFolderFeed_Succeeds()
    {
        output.WriteLine(tool.Install.Output);
        Assert.Equal(0, tool.Install.ExitCode);
        Assert.True(File.Exists(tool.Osiris), tool.Osiris + " was not installed");
    }

    [Fact]
    public void Pack_WritesThePointerPackage_AndOnLinuxX64_TheAotAndAnyPackages()
    {
        var packages = Directory.GetFiles(tool.Feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        output.WriteLine(string.Join("\n", packages));
        Assert.Contains($"Osiris.Cli.{tool.Version}.nupkg", packages);
        if (OperatingSystem.IsLinux() && RuntimeInformation.OSArchitecture == Architecture.X64)
        {
            Assert.Contains($"Osiris.Cli.linux-x64.{tool.Version}.nupkg", packages);
            Assert.Contains($"Osiris.Cli.any.{tool.Version}.nupkg", packages);
            using var aot = ZipFile.OpenRead(Path.Combine(tool.Feed, $"Osiris.Cli.linux-x64.{tool.Version}.nupkg"));
            Assert.Contains(aot.Entries, e => e.FullName == "tools/any/linux-x64/osiris");
            Assert.DoesNotContain(aot.Entries, e => e.FullName.EndsWith("osiris.dll", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Help_Runs()
    {
        var (code, stdout, _) = Osiris(tool.Root, "--help");

        Assert.Equal(0, code);
        Assert.Contains("schedule", stdout, StringComparison.Ordinal);
        Assert.Contains("lineage", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OfTheInvalidSample_GivesTheBuildsDiagnostics()
    {
        var sample = Path.Combine(RepositoryPaths.Root, "samples", "InvalidPipelines");
        var (code, stdout, stderr) = Osiris(sample, "schedule", "validate", ".");

        Assert.Equal(1, code);
        Assert.Equal(string.Empty, stderr);
        var actual = new DotNetCli.Result(code, stdout).OmlDiagnostics(sample);
        Assert.Equal(File.ReadAllLines(Path.Combine(sample, "expected-diagnostics.txt")).Where(l => l.Length > 0).ToList(), actual);
    }

    [Fact]
    public void Schema_PrintsTheShippedFile()
    {
        var (code, stdout, _) = Osiris(tool.Root, "schema");

        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schemas", "oml-0.2.0.schema.json")), stdout);
        foreach (var package in Directory.GetFiles(tool.Feed, "Osiris.Cli.*.nupkg").Where(p => !Path.GetFileName(p).StartsWith("Osiris.Cli." + tool.Version, StringComparison.Ordinal)))
        {
            using var zip = ZipFile.OpenRead(package);
            Assert.Contains(zip.Entries, e => e.FullName == "schemas/oml-0.2.0.schema.json");
        }
    }

    /// <summary>The installed tool (on linux-x64 the Native AOT binary) serves LSP: JSON without reflection works compiled ahead of time.</summary>
    [Fact]
    public void Lsp_AnswersInitialize_PublishesDiagnostics_AndExitsZeroAfterShutdown()
    {
        var folder = Path.Combine(tool.Root, "lsp-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "P.csproj"), "<Project />\n");
        var uri = new Uri(Path.Combine(folder, "a.oml")).AbsoluteUri;
        var psi = new ProcessStartInfo(tool.Osiris) { WorkingDirectory = folder, RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("lsp");
        using var process = Process.Start(psi)!;
        var stdin = process.StandardInput.BaseStream;
        var stdout = process.StandardOutput.BaseStream;
        _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

        Send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"capabilities\":{}}}");
        Assert.Contains("\"hoverProvider\":true", ReadUntil(stdout, "\"id\":1"), StringComparison.Ordinal);
        Send(stdin, "{\"jsonrpc\":\"2.0\",\"method\":\"initialized\",\"params\":{}}");
        Send(stdin, "{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{\"textDocument\":{\"uri\":\"" + uri + "\",\"languageId\":\"oml\",\"version\":1,\"text\":\"oml_version: \\\"0.2.0\\\"\\nname: \\\"a\\\"\\nschedule:\\n  expression: \\\"0 25 * * *\\\"\\nsteps: []\\n\"}}}");
        Assert.Contains("\"code\":\"OSI0201\"", ReadUntil(stdout, "OSI0201"), StringComparison.Ordinal);
        Send(stdin, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\"}");
        ReadUntil(stdout, "\"id\":2");
        Send(stdin, "{\"jsonrpc\":\"2.0\",\"method\":\"exit\"}");

        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "osiris lsp did not exit");
        Assert.Equal(0, process.ExitCode);
    }

    private static void Send(Stream stdin, string json)
    {
        var body = System.Text.Encoding.UTF8.GetBytes(json);
        stdin.Write(System.Text.Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"));
        stdin.Write(body);
        stdin.Flush();
    }

    /// <summary>Reads framed messages until one contains <paramref name="marker"/>; that message.</summary>
    private static string ReadUntil(Stream stdout, string marker)
    {
        while (true)
        {
            var length = 0;
            var line = new List<byte>();
            while (true)
            {
                var b = stdout.ReadByte();
                Assert.True(b >= 0, "osiris lsp closed its output before sending " + marker);
                if (b != '\n')
                {
                    line.Add((byte)b);
                    continue;
                }

                var text = System.Text.Encoding.ASCII.GetString(line.ToArray()).TrimEnd('\r');
                line.Clear();
                if (text.Length == 0)
                {
                    break;
                }

                if (text.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(text["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            var body = new byte[length];
            stdout.ReadExactly(body);
            var message = System.Text.Encoding.UTF8.GetString(body);
            if (message.Contains(marker, StringComparison.Ordinal))
            {
                return message;
            }
        }
    }

    [Fact]
    public void Validate_OfTheValidSample_ExitsZero()
    {
        var (code, stdout, _) = Osiris(Path.Combine(RepositoryPaths.Root, "samples", "PipelineRepository"), "schedule", "validate", ".");

        Assert.Equal(0, code);
        Assert.Contains("6 pipeline files: 0 errors, 0 warnings, 0 info messages", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ExportAndImport_OfTheSeed_RoundTrip()
    {
        var sample = Path.Combine(RepositoryPaths.Root, "samples", "PipelineRepository");
        var dags = Path.Combine(tool.Root, "dags-" + Guid.NewGuid().ToString("N"));
        var (exportCode, exportOut, _) = Osiris(sample, "schedule", "export", "pipelines/daily_customer_sync.oml", "--format", "airflow", "-o", dags + "/");

        Assert.Equal(0, exportCode);
        var dag = Path.Combine(dags, "daily_customer_sync.py");
        Assert.Equal("Wrote " + Path.GetRelativePath(sample, dag).Replace('\\', '/') + "\n", exportOut);
        Assert.Contains("# Generated by Osiris.Analyzers " + tool.Version + " from pipelines/daily_customer_sync.oml.\n", File.ReadAllText(dag), StringComparison.Ordinal);

        var (importCode, oml, importErr) = Osiris(sample, "schedule", "import", dag);
        Assert.Equal(0, importCode);
        Assert.Equal(string.Empty, importErr);
        Assert.StartsWith("oml_version: \"0.2.0\"\nname: \"daily_customer_sync\"\n", oml, StringComparison.Ordinal);
    }
}
