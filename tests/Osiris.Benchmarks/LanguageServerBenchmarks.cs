using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using Osiris.Cli.LanguageServer;
using Osiris.Oml;

namespace Osiris.Benchmarks;

/// <summary>
/// What one keystroke in a 1,000-line pipeline costs the language server: applying the incremental
/// change (on the reader thread) and re-analyzing the file (on the thread pool, cancelled when the
/// next keystroke comes), and the positions of its diagnostics.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LanguageServerBenchmarks
{
    private string _text = string.Empty;
    private JsonObject _change = null!;

    [GlobalSetup]
    public void Setup()
    {
        var text = new StringBuilder("oml_version: \"0.2.0\"\nname: \"large\"\nmetadata:\n  owner: \"data-team@company.com\"\nschedule:\n  expression: \"0 6 * * *\"\n  timezone: \"Europe/Prague\"\nsteps:\n");
        for (var i = 0; i < 124; i++)
        {
            text.Append("  - id: \"step-").Append(i).Append("\"\n    component: \"mysql.extractor\"\n    mode: \"read\"\n");
            text.Append(i == 0 ? "    # first\n" : "    needs: [\"step-" + (i - 1) + "\"]\n");
            text.Append("    config:\n      connection: \"@mysql.primary\"\n      query: \"SELECT * FROM t").Append(i).Append("\"\n\n");
        }

        _text = text.ToString();
        if (_text.Split('\n').Length < 1000)
        {
            throw new InvalidOperationException("the pipeline must have 1,000 lines");
        }

        _change = new JsonObject
        {
            ["range"] = new JsonObject
            {
                ["start"] = new JsonObject { ["line"] = 500, ["character"] = 6 },
                ["end"] = new JsonObject { ["line"] = 500, ["character"] = 6 },
            },
            ["text"] = "x",
        };
    }

    /// <summary>The reader thread's share of a keystroke.</summary>
    [Benchmark]
    public string ApplyIncrementalChange() => TextDocuments.Apply(_text, _change);

    /// <summary>The analysis a keystroke schedules (after the debounce).</summary>
    [Benchmark]
    public int AnalyzeThousandLines() => OmlEngine.AnalyzeFile("large.oml", _text).Diagnostics.Length;

    /// <summary>The line index the diagnostics' ranges are computed with.</summary>
    [Benchmark]
    public int IndexLines() => new LineIndex(_text).LineCount;
}
