using System.Text;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Syntax;

/// <summary>
/// OSI0001 is the engine's last resort: a bug becomes a diagnostic instead of a compiler crash. No
/// input can trigger it on purpose, so these tests feed hostile input and require that the engine
/// neither throws nor falls back to OSI0001, and that every span stays inside the text.
/// </summary>
public sealed class InternalErrorTests
{
    // The texts are built on demand and looked up by name, so test discovery and the results file
    // never carry megabytes of input.
    private static readonly Dictionary<string, Func<string>> Inputs = BuildInputs();

    public static TheoryData<string> HostileInputs() => new(Inputs.Keys);

    private static Dictionary<string, Func<string>> BuildInputs()
    {
        var fixedTexts = new Dictionary<string, string>
        {
            // Degenerate files.
            { "empty", string.Empty },
            { "BOM only", "\uFEFF" },
            { "two BOMs", "\uFEFF\uFEFF" },
            { "CR only", "\r\r\r" },
            { "NEL, LS, PS only", "\u0085\u2028\u2029" },
            { "document markers only", "---\n...\n---\n...\n" },
            { "directive only", "%YAML 1.2\n" },
            { "unknown directive", "%FOO bar\n---\na: 1\n" },
            { "lone indicators", "? \n: \n- \n" },
            { "lone anchor", "&a\n" },
            { "lone alias", "*a\n" },
            { "lone tag", "!!\n" },
            { "NUL then YAML", "\u0000oml_version: \"0.1.0\"\n" },

            // Strange keys and values.
            { "null and numeric keys", "~: 1\n1: 2\ntrue: 3\n\"\": 4\n" },
            { "alias as key", "x-a: &k name\n*k : pipeline\n" },
            { "complex keys everywhere", "? [a]\n: 1\nsteps:\n  - ? {id: a}\n    : x\n    config:\n      ? [k]\n      : v\n" },
            { "merge keys into a step", "x-base: &b {id: a, component: duckdb.processor}\nsteps:\n  - <<: *b\n    mode: transform\n" },
            { "tags on every node", "!!map\noml_version: !!int 1\nname: !!python/none x\nsteps: !!seq [!!map {id: !!bool true}]\n" },
            { "very long key", new string('k', 100_000) + ": 1\n" },
            { "very long component", "steps: [{id: a, component: " + new string('c', 50_000) + ", mode: read}]\n" },
            { "very long needs id", "steps: [{id: a, needs: [" + new string('n', 50_000) + "]}]\n" },
            { "surrogate pairs in keys", "😀: 1\nsteps: [{id: 😀, component: 😀.😀, mode: 😀, needs: [😀😀], config: {😀: 😀}}]\n" },
            { "huge numbers", "steps: [{id: a, component: mysql.extractor, mode: read, config: {port: 0xFFFFFFFFFFFFFFFFFFFFFFFF, limit: 1e999999, offset: -0o77777777777777777777777777, batch_size: .nan}}]\n" },
            { "templates everywhere", "oml_version: ${v}\nname: ${n}\nsteps: [{id: ${i}, component: ${c}, mode: ${m}, needs: ${n}, config: ${c}}]\n" },

            // Steps that share nodes through aliases.
            { "the same step twice", "x-s: &s {id: a, component: duckdb.processor, mode: transform, config: {query: q}, needs: [a]}\nsteps: [*s, *s]\n" },
            { "config shared by an extractor and a writer", "x-c: &c {connection: '@mysql.a', password: p, mode: upsert}\nsteps:\n  - {id: a, component: mysql.extractor, mode: read, config: *c}\n  - {id: b, component: mysql.writer, mode: write, config: *c}\n" },
            { "steps list as its own config", "steps: &s [{id: a, component: duckdb.processor, mode: transform}]\nx-config: *s\n" },

            // Needs graphs.
            { "everyone needs everyone", "steps:\n" + string.Concat(Enumerable.Range(0, 30).Select(i => $"  - {{id: s{i}, needs: [{string.Join(", ", Enumerable.Range(0, 30).Select(j => "s" + j))}]}}\n")) },
            { "needs with duplicate ids", "steps: [{id: a, needs: [b]}, {id: b, needs: [a]}, {id: a, needs: [a]}, {id: b}]\n" },
            { "needs of the wrong types", "steps: [{id: a, needs: a}, {id: b, needs: {a: 1}}, {id: c, needs: [[a], {b: 1}, ~, 1]}]\n" },
        };

        var inputs = fixedTexts.ToDictionary(kv => kv.Key, kv => (Func<string>)(() => kv.Value));
        inputs.Add("a cycle through 3000 steps", () =>
        {
            var chain = new StringBuilder("steps:\n");
            for (var i = 0; i < 3000; i++)
            {
                chain.Append("  - {id: s").Append(i).Append(", needs: [s").Append((i + 1) % 3000).Append("]}\n");
            }

            return chain.ToString();
        });
        inputs.Add("ten thousand steps", () => "steps:\n" + string.Concat(Enumerable.Repeat("  - x\n", 10_000)));
        inputs.Add("a million open brackets", () => new string('[', 1_000_000));
        inputs.Add("a million open braces", () => new string('{', 1_000_000));
        inputs.Add("a million closing brackets", () => new string(']', 1_000_000));
        inputs.Add("a million quotes", () => new string('"', 1_000_000));
        inputs.Add("a million colons", () => new string(':', 1_000_000));
        inputs.Add("a million dashes", () => string.Concat(Enumerable.Repeat("- ", 500_000)));
        inputs.Add("a million line breaks", () => new string('\n', 1_000_000));
        inputs.Add("a million anchors", () => string.Concat(Enumerable.Repeat("&a ", 300_000)));
        inputs.Add("ten megabytes", () => new string('a', 10 * 1024 * 1024));
        return inputs;
    }

    [Theory]
    [MemberData(nameof(HostileInputs))]
    public void Analyze_NeitherThrowsNorReportsOSI0001_WhenInputIsHostile(string name)
    {
        var text = Inputs[name]();

        var analysis = OmlMarkup.Analyze(text);

        Assert.DoesNotContain(analysis.Diagnostics, d => d.Id == DiagnosticIds.InternalError);
        Assert.All(analysis.Diagnostics, d =>
        {
            Assert.InRange(d.Span.Start, 0, text.Length);
            Assert.InRange(d.Span.End, d.Span.Start, text.Length);
            Assert.Equal(OmlMarkup.DefaultPath, d.Location.FilePath);
            Assert.NotNull(d.GetMessage());
        });
    }

    [Fact]
    public void Analyze_Throws_OnlyWhenCancellationIsRequested()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        // The token is the test's subject, not the test run's: xUnit1051 does not apply.
#pragma warning disable xUnit1051
        Assert.ThrowsAny<OperationCanceledException>(() =>
            OmlEngine.AnalyzeFile(OmlMarkup.DefaultPath, "oml_version: \"0.1.0\"\nname: x\n" + OmlSamples.ValidSteps, cancellationToken: cts.Token));
#pragma warning restore xUnit1051
    }

    [Fact]
    public void Analyze_ReportsAtTheGivenPath_WhenPathIsUnusual()
    {
        var analysis = OmlEngine.AnalyzeFile(@"C:\odd path\ü\pipe line.oml", "- a\n", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(@"C:\odd path\ü\pipe line.oml", analysis.FilePath);
        Assert.Equal(@"C:\odd path\ü\pipe line.oml", Assert.Single(analysis.Diagnostics).Location.FilePath);
    }

    [Fact]
    public void InternalError_FormatsTheExceptionIntoItsMessage()
    {
        // The only way the engine builds OSI0001: exception type and message as the one argument.
        var d = new OmlDiagnostic(
            DiagnosticCatalog.InternalError,
            new OmlLocation("p.oml", default),
            string.Empty,
            System.Collections.Immutable.ImmutableArray.Create("NullReferenceException: Object reference not set to an instance of an object."));

        Assert.Equal(
            "Osiris could not analyze this file (NullReferenceException: Object reference not set to an instance of an object.); this is a bug in Osiris.Analyzers — please report it with the file",
            d.GetMessage());
        Assert.Equal(OmlSeverity.Error, d.Severity);
        Assert.Equal("p.oml(1,1): error OSI0001: " + d.GetMessage(), d.ToString());
    }
}
