using System.Diagnostics;
using System.Text.Json;
using Osiris.Oml.Export;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Export;

/// <summary>
/// Runs python3 with <c>Python/inspect_export.py</c> on exported files: Python's own compiler and
/// <c>ast</c> module (and PyYAML for prefect.yaml) read them, so the tests check what Python sees.
/// Tests skip with a visible reason where python3 (with PyYAML) is missing.
/// </summary>
public static class PythonChecker
{
    private static readonly Lazy<string?> Missing = new(FindProblem);

    private static string Script => Path.Combine(RepositoryPaths.Root, "tests", "Osiris.Oml.Tests", "Export", "Python", "inspect_export.py");

    /// <summary>Skips the test when python3 or PyYAML is not installed.</summary>
    public static void RequirePython()
    {
        if (Missing.Value is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>Writes <paramref name="files"/> to a fresh folder and inspects them; one element per file, in order.</summary>
    public static List<JsonElement> Inspect(IEnumerable<ExportedFile> files)
    {
        RequirePython();
        var folder = Path.Combine(Path.GetTempPath(), "osiris-export-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var paths = new List<string>();
            var n = 0;
            foreach (var f in files)
            {
                var sub = Path.Combine(folder, (n++).ToString(System.Globalization.CultureInfo.InvariantCulture));
                Directory.CreateDirectory(sub);
                var path = Path.Combine(sub, f.RelativePath);
                File.WriteAllText(path, f.Content, new System.Text.UTF8Encoding(false));
                paths.Add(path);
            }

            var (code, stdout, stderr) = Run(new[] { Script }.Concat(paths));
            Assert.True(code == 0, "inspect_export.py failed:\n" + stderr);
            using var doc = JsonDocument.Parse(stdout);
            return doc.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Compiles files on disk with <c>py_compile</c> (what <c>python3 -m py_compile</c> runs), writing the
    /// bytecode to a temporary folder rather than beside the files; returns the failures.
    /// </summary>
    public static string PyCompile(IEnumerable<string> paths)
    {
        const string Code = "import os, py_compile, sys, tempfile\n"
            + "out = tempfile.mkdtemp()\n"
            + "for i, p in enumerate(sys.argv[1:]):\n"
            + "    try:\n"
            + "        py_compile.compile(p, cfile=os.path.join(out, str(i) + '.pyc'), doraise=True)\n"
            + "    except py_compile.PyCompileError as e:\n"
            + "        print(p + ': ' + str(e.msg))\n";
        return RunCode(Code, paths.ToArray());
    }

    /// <summary>Runs python3 with a script given as text; returns its standard output.</summary>
    public static string RunCode(string code, params string[] arguments) => RunCode(code, string.Empty, arguments);

    /// <summary>Runs python3 with a script given as text and <paramref name="input"/> on its standard input.</summary>
    public static string RunCode(string code, string input, params string[] arguments)
    {
        RequirePython();
        var (exit, stdout, stderr) = Run(new[] { "-c", code }.Concat(arguments), input);
        Assert.True(exit == 0, "python3 failed:\n" + stderr);
        return stdout;
    }

    private static (int Code, string Stdout, string Stderr) Run(IEnumerable<string> arguments, string input = "")
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["PYTHONIOENCODING"] = "utf-8";
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardInput.Write(input);
        process.StandardInput.Close();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string? FindProblem()
    {
        try
        {
            var (code, _, stderr) = Run(new[] { "-c", "import ast, json, yaml" });
            return code == 0 ? null : "python3 cannot import ast, json and yaml (PyYAML): " + stderr.Trim();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return "python3 is not installed (" + ex.Message + "); CI has it";
        }
    }
}
