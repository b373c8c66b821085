using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NodaTime;
using Osiris.Analyzers.Generators;
using Osiris.Oml;
using Osiris.Oml.Descriptors;
using Osiris.Oml.Export;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Tests.Support;

namespace Osiris.Analyzers.Tests.Generators;

public sealed class PipelineGeneratorTests
{
    private const string Prague = """
        oml_version: "0.2.0"
        name: prague_nightly
        description: Nightly load at 02:30 Prague time
        steps:
          - id: extract
            component: mysql.extractor
            mode: read
            config:
              connection: "@mysql.default"
              query: "SELECT * FROM orders WHERE updated_at >= '${window.start}' AND updated_at < '${window.end}'"
          - id: load
            component: duckdb.writer
            mode: write
            needs: [extract]
            config:
              table: orders
        schedule:
          expression: "30 2 * * *"
          timezone: Europe/Prague
          retry: {attempts: 3, delay: 5m, backoff: exponential}
          timeout: 2h
          concurrency: 1
          catchup: false
          window: {type: tumbling, field: updated_at}
        metadata:
          owner: data@example.com
          team: data
          sla: 4h
          criticality: high
          tags: [orders, nightly]
          lineage:
            upstream: ["table: mysql.orders"]
            downstream: ["dashboard: orders"]
          notifications:
            on_failure:
              - email: oncall@example.com
        """;

    private static PipelineDescriptor Descriptor(Assembly assembly, string property, string ns = "Consumer")
        => (PipelineDescriptor)assembly.GetType(ns + ".Pipelines")!.GetProperty(property)!.GetValue(null)!;

    private static T Static<T>(Assembly assembly, string member, string ns = "Consumer")
        => (T)assembly.GetType(ns + ".Pipelines")!.GetProperty(member)!.GetValue(null)!;

    [Fact]
    public void Descriptor_CarriesThePipeline_AndItsScheduleFiresLikeTheEngine()
    {
        var assembly = GeneratorHarness.Run(new[] { ("pipelines/prague.oml", Prague) }).AssertCompilesClean().Load();
        var p = Descriptor(assembly, "PragueNightly");

        Assert.Equal("prague_nightly", p.Name);
        Assert.Equal("Nightly load at 02:30 Prague time", p.Description);
        Assert.Equal("0.2.0", p.OmlVersion);
        Assert.Equal("pipelines/prague.oml", p.SourcePath);
        Assert.Matches("^sha256:[0-9a-f]{64}$", p.ContentHash);
        Assert.Equal(new[] { "extract", "load" }, p.Steps.Select(s => s.Id));
        Assert.Equal("read", p.Steps[0].Mode);
        Assert.Equal(new ConnectionReference("mysql", "default"), p.Steps[0].Config["connection"]);
        Assert.Equal(new[] { "extract" }, p.FindStep("load")!.Needs);

        var s = p.Schedule!;
        Assert.Equal("30 2 * * *", s.Expression);
        Assert.Equal("Europe/Prague", s.TimeZone);
        Assert.Equal(3, s.Retry!.Attempts);
        Assert.Equal(BackoffKind.Exponential, s.Retry.Backoff);
        Assert.Equal(7200, s.Timeout!.Value.NominalSeconds);
        Assert.Equal(1, s.Concurrency);
        Assert.False(s.Catchup);
        Assert.Equal("updated_at", s.Window!.Field);

        var m = p.Metadata!;
        Assert.Equal("data@example.com", m.Owner);
        Assert.Equal(Oml.Model.Criticality.High, m.Criticality);
        Assert.Equal(new[] { "orders", "nightly" }, m.Tags);
        Assert.Equal("mysql.orders", Assert.Single(m.Upstream).Name);

        // Across the spring change (2026-03-29, 02:00 → 03:00): each target as the engine computes it.
        var engine = ScheduleDefinition.FromCron("30 2 * * *", "Europe/Prague");
        var after = new DateTimeOffset(2026, 3, 27, 12, 0, 0, TimeSpan.Zero);
        foreach (var target in Enum.GetValues<ScheduleTarget>())
        {
            Assert.Equal(engine.GetNextRuns(after, 5, target), s.GetNextRuns(after, 5, target));
        }

        // Known instants: 02:30 CET on the 28th, the skipped 02:30 on the 29th becomes 03:30 CEST on Airflow, 02:30 CEST on the 30th.
        Assert.Equal(
            new[]
            {
                new DateTimeOffset(2026, 3, 28, 2, 30, 0, TimeSpan.FromHours(1)),
                new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2)),
                new DateTimeOffset(2026, 3, 30, 2, 30, 0, TimeSpan.FromHours(2)),
            },
            s.GetNextRuns(after, 3, ScheduleTarget.Airflow));
        Assert.All(s.GetNextRuns(after, 3, ScheduleTarget.Airflow), run => Assert.Equal(run.Offset, DateTimeZoneProviders.Tzdb["Europe/Prague"].GetUtcOffset(Instant.FromDateTimeOffset(run)).ToTimeSpan()));

        // Tumbling window: from the run before to this run.
        var window = s.GetWindow(new DateTimeOffset(2026, 3, 30, 2, 30, 0, TimeSpan.FromHours(2)), ScheduleTarget.Airflow)!.Value;
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2)), window.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 2, 30, 0, TimeSpan.FromHours(2)), window.End);

        // Retry k under each target's formula: Airflow doubles from the delay (5, 10, 20 minutes, no jitter asked).
        Assert.Equal(RetryDelays.GetDelay(s.Retry, 2, RetryDelays.FormulaFor(ScheduleTarget.Airflow)).Minimum.ToTimeSpan(), s.GetRetryDelay(2, ScheduleTarget.Airflow)!.Value.Minimum);
        Assert.Null(s.GetRetryDelay(4, ScheduleTarget.Airflow));
    }

    [Fact]
    public void Exports_AreTheEnginesExports_ForTheSameTextAndSettings()
    {
        var settings = new Dictionary<string, string> { ["osiris_prefect_python"] = "3.13", ["build_property.OsirisReferenceDate"] = "2026-02-01" };
        var assembly = GeneratorHarness.Run(new[] { ("pipelines/prague.oml", Prague) }, settings).AssertCompilesClean().Load();
        var exports = Descriptor(assembly, "PragueNightly").Exports!;
        var pairs = settings.ToList();
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            var expected = SourceExport.Export("pipelines/prague.oml", Prague, format, pairs);
            Assert.Equal(expected, exports.Get(format));
        }

        Assert.Equal(SourceExport.Export("pipelines/prague.oml", Prague, ExportFormat.Airflow, pairs).Files[0].Content, exports.Airflow);
        Assert.Contains("prague_nightly", exports.Dagster, StringComparison.Ordinal);
        Assert.Contains("schedules:", exports.PrefectDeployment, StringComparison.Ordinal);
        Assert.Contains("the reference date 2026-02-01", exports.Airflow, StringComparison.Ordinal);
    }

    [Fact]
    public void Exports_OfTheSeed_AreItsGoldenFiles()
    {
        // The golden files are checked by py_compile, the importer and the fire-time agreement tests.
        var folder = Path.Combine(RepositoryPaths.Root, "samples", "PipelineRepository");
        var assembly = GeneratorHarness.Run(GeneratorHarness.Folder(folder)).AssertCompilesClean().Load();
        var exports = Descriptor(assembly, "DailyCustomerSync").Exports!;
        var version = typeof(ExportOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        var golden = Path.Combine(RepositoryPaths.Root, "tests", "Osiris.Oml.Tests", "Export", "Golden", "daily_customer_sync");
        Assert.Equal(File.ReadAllText(Path.Combine(golden, "airflow", "daily_customer_sync.py")).Replace("0.0.0-test", version, StringComparison.Ordinal), exports.Airflow);
        Assert.Equal(File.ReadAllText(Path.Combine(golden, "dagster", "daily_customer_sync.py")).Replace("0.0.0-test", version, StringComparison.Ordinal), exports.Dagster);
        Assert.Equal(File.ReadAllText(Path.Combine(golden, "prefect", "prefect.yaml")).Replace("0.0.0-test", version, StringComparison.Ordinal), exports.PrefectDeployment);
    }

    [Fact]
    public void AllFindAndLineage_ListThePipelinesInOrdinalOrder()
    {
        var assembly = GeneratorHarness.Run(new[]
        {
            ("pipelines/z.oml", Pipeline("beta", lineage: "upstream: [\"pipeline: alpha\"]")),
            ("pipelines/a.oml", Pipeline("alpha", lineage: "downstream: [\"table: dw.facts\"]")),
            ("pipelines/m.oml", Pipeline("Gamma")),
        }).AssertCompilesClean().Load();

        var all = Static<IReadOnlyList<PipelineDescriptor>>(assembly, "All");
        Assert.Equal(new[] { "Gamma", "alpha", "beta" }, all.Select(p => p.Name));
        var find = assembly.GetType("Consumer.Pipelines")!.GetMethod("Find")!;
        Assert.Same(all[1], find.Invoke(null, new object?[] { "alpha" }));
        Assert.Null(find.Invoke(null, new object?[] { "ALPHA" }));
        Assert.Null(find.Invoke(null, new object?[] { null }));

        var lineage = Static<Oml.Catalog.LineageGraph>(assembly, "Lineage");
        Assert.Equal(new[] { "pipeline:Gamma", "pipeline:alpha", "pipeline:beta", "table:dw.facts" }, lineage.Nodes.Select(n => n.Key));
        Assert.Equal(new[] { "pipeline:alpha -> pipeline:beta", "pipeline:alpha -> table:dw.facts" }, lineage.Edges.Select(e => e.From + " -> " + e.To));
        Assert.Equal("pipelines/a.oml", lineage.Nodes[1].FilePath);
    }

    [Fact]
    public void Config_IsTypedAsYamlResolvedIt()
    {
        const string config = """
            count: 42
            big: 0x1F
            ratio: 0.25
            huge: 1e400
            enabled: true
            nothing: null
            name: "042"
            items: [1, two, {three: 3}]
            nested: {a: {b: [x]}}
            conn: "@postgres.warehouse"
            not_conn: "@postgres"
            """;
        var assembly = GeneratorHarness.Run(new[] { ("p.oml", Pipeline("typed", config: config)) }).AssertCompilesClean().Load();
        var c = Descriptor(assembly, "Typed").Steps[0].Config;

        Assert.Equal(42L, c["count"]);
        Assert.Equal(31L, c["big"]);
        Assert.Equal(0.25, c["ratio"]);
        Assert.Equal("1e400", c["huge"]);
        Assert.Equal(true, c["enabled"]);
        Assert.Null(c["nothing"]);
        Assert.True(c.ContainsKey("nothing"));
        Assert.Equal("042", c["name"]);
        var items = Assert.IsAssignableFrom<IReadOnlyList<object?>>(c["items"]);
        Assert.Equal(1L, items[0]);
        Assert.Equal("two", items[1]);
        Assert.Equal(3L, Assert.IsType<ConfigMap>(items[2])["three"]);
        Assert.Equal("x", ((IReadOnlyList<object?>)((ConfigMap)((ConfigMap)c["nested"]!)["a"]!)["b"]!)[0]);
        Assert.Equal(new ConnectionReference("postgres", "warehouse"), c["conn"]);
        Assert.Equal("@postgres", c["not_conn"]);
        Assert.Equal(new[] { "count", "big", "ratio", "huge", "enabled", "nothing", "name", "items", "nested", "conn", "not_conn", "query" }, c.Keys);
    }

    [Theory]
    [InlineData("quote\"backslash\\", "")]
    [InlineData("line\nbreak", "")]
    [InlineData("\"); System.Environment.Exit(1); //", "")]
    [InlineData("*/ </summary> <script> & #endregion", "")]
    [InlineData("unicode\u2028line\u2029sep\u0085next", "")]
    [InlineData("emoji 😀 and nul \u0001", "")]
    public void StringsFromTheFile_CannotEscapeTheGeneratedCode(string value, string unused)
    {
        _ = unused;
        var yaml = System.Text.Json.JsonSerializer.Serialize(value);
        var text = $"oml_version: \"0.2.0\"\nname: {yaml}\ndescription: {yaml}\nsteps:\n  - id: a\n    component: duckdb.processor\n    mode: transform\n    config:\n      query: {yaml}\n      {yaml}: {yaml}\nmetadata:\n  owner: {yaml}\n  tags: [{yaml}]\n";
        var result = GeneratorHarness.Run(new[] { ("p.oml", text) }).AssertCompilesClean();
        var all = Static<IReadOnlyList<PipelineDescriptor>>(result.Load(), "All");
        var p = Assert.Single(all);
        Assert.Equal(value, p.Name);
        Assert.Equal(value, p.Description);
        Assert.Equal(value, p.Steps[0].Config["query"]);
        Assert.Equal(value, p.Steps[0].Config[value]);
        Assert.Equal(value, p.Metadata!.Tags[0]);
        Assert.All(result.Sources, s => Assert.True(s.SourceText.ToString().All(c => c == '\n' || (c >= 0x20 && c < 0x7F)), "generated code is ASCII"));
    }

    [Fact]
    public void NamesThatAreKeywordsDigitsUnicodeOrCollide_AllCompile()
    {
        var names = new[] { "class", "2024-report", "příjmy", "数据", "all", "a-b", "a_b", "---", "pipelines" };
        var files = names.Select((n, i) => ($"p{i}.oml", Pipeline(n))).Append(("dup.oml", Pipeline("class")));
        var result = GeneratorHarness.Run(files).AssertCompilesClean();
        var all = Static<IReadOnlyList<PipelineDescriptor>>(result.Load(), "All");
        Assert.Equal(names.Length + 1, all.Count);
        var properties = result.Load().GetType("Consumer.Pipelines")!.GetProperties().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "Class", "Class_2", "_2024Report", "Příjmy", "数据", "AllPipeline", "AB", "AB_2", "Pipeline", "PipelinesPipeline", "All", "Lineage" }, properties);
    }

    [Fact]
    public void OlderLanguageVersions_GetCodeWithoutNullableAnnotations_ThatStillCompiles()
    {
        var result = GeneratorHarness.Run(new[] { ("p.oml", Prague) }, languageVersion: LanguageVersion.CSharp7_3).AssertCompilesClean();
        Assert.DoesNotContain("#nullable", result.Source("Pipelines.g.cs"), StringComparison.Ordinal);
    }

    [Fact]
    public void Namespace_FollowsOsirisNamespace_ThenRootNamespace()
    {
        var custom = GeneratorHarness.Run(new[] { ("p.oml", Prague) }, new Dictionary<string, string> { ["build_property.OsirisNamespace"] = "My.Data-Pipelines" }).AssertCompilesClean();
        Assert.NotNull(custom.Load().GetType("My.Data_Pipelines.Pipelines"));
        var root = GeneratorHarness.Run(new[] { ("p.oml", Prague) }, new Dictionary<string, string> { ["build_property.RootNamespace"] = "" }).AssertCompilesClean();
        Assert.NotNull(root.Load().GetType("OsirisPipelines.Pipelines"));
    }

    [Fact]
    public void OsirisGeneratePipelinesFalse_OrNoRuntimeLibrary_GeneratesNothing()
    {
        Assert.Empty(GeneratorHarness.Run(new[] { ("p.oml", Prague) }, new Dictionary<string, string> { ["build_property.OsirisGeneratePipelines"] = "false" }).AssertCompilesClean().Sources);
        Assert.Empty(GeneratorHarness.Run(new[] { ("p.oml", Prague) }, withRuntime: false).Sources);
    }

    [Fact]
    public void PipelineWithErrors_GetsADescriptorWithoutExports_AndAnInvalidScheduleIsNull()
    {
        var text = Prague.Replace("Europe/Prague", "Europe/Pargue", StringComparison.Ordinal);
        var result = GeneratorHarness.Run(new[] { ("p.oml", text) }).AssertCompilesClean();
        var p = Descriptor(result.Load(), "PragueNightly");
        Assert.Null(p.Exports);
        Assert.Null(p.Schedule);
        Assert.Equal("data@example.com", p.Metadata!.Owner);
    }

    [Fact]
    public void Output_IsTheSameBytes_InAnyCulture_AndForWindowsLineEnds()
    {
        var reference = GeneratorHarness.Run(new[] { ("p.oml", Prague) }).Sources.Select(s => s.SourceText.ToString()).ToList();
        var culture = CultureInfo.CurrentCulture;
        try
        {
            foreach (var name in new[] { "tr-TR", "de-DE", "ar-SA", "ja-JP" })
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(name);
                Assert.Equal(reference, GeneratorHarness.Run(new[] { ("p.oml", Prague) }).Sources.Select(s => s.SourceText.ToString()).ToList());
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        }

        Assert.Equal(reference, GeneratorHarness.Run(new[] { ("p.oml", Prague.Replace("\n", "\r\n", StringComparison.Ordinal)) }).Sources.Select(s => s.SourceText.ToString()).ToList());
        Assert.All(reference, text => Assert.DoesNotContain('\r', text));
    }

    [Fact]
    public void GeneratorModel_HoldsNoRoslynObjects()
    {
        // Everything carried between incremental steps must be plain data, or caching keeps compilations alive.
        var seen = new HashSet<Type>();
        var roots = typeof(PipelineGenerator).Assembly.GetTypes().Where(t => t.Namespace == typeof(PipelineGenerator).Namespace && t.GetCustomAttributes().Any(a => a.GetType().Name == "CompilerGeneratedAttribute") is false && t.GetMethod("<Clone>$") is not null);
        Assert.NotEmpty(roots);
        foreach (var root in roots)
        {
            Walk(root);
        }

        Assert.Contains(typeof(PipelineSource), seen);
        Assert.DoesNotContain(seen, t => t.Assembly == typeof(Compilation).Assembly || t.Assembly == typeof(CSharpCompilation).Assembly);

        void Walk(Type type)
        {
            if (!seen.Add(type) || type.IsPrimitive || type == typeof(string) || type.IsEnum)
            {
                return;
            }

            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : Type.EmptyTypes)
            {
                Walk(argument);
            }

            if (type.Assembly != typeof(PipelineGenerator).Assembly && type.Assembly != typeof(OmlEngine).Assembly)
            {
                return;
            }

            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            {
                Walk(field.FieldType.IsArray ? field.FieldType.GetElementType()! : field.FieldType);
            }

            foreach (var derived in type.Assembly.GetTypes().Where(t => t.BaseType == type))
            {
                Walk(derived);
            }
        }
    }

    private static string Pipeline(string name, string? lineage = null, string? config = null)
    {
        var yaml = System.Text.Json.JsonSerializer.Serialize(name);
        var text = $"oml_version: \"0.2.0\"\nname: {yaml}\nsteps:\n  - id: a\n    component: duckdb.processor\n    mode: transform\n    config:\n";
        text += config is null ? "      query: SELECT 1\n" : string.Join("\n", config.Split('\n').Select(l => "      " + l)) + "\n      query: SELECT 1\n";
        if (lineage is not null)
        {
            text += "metadata:\n  lineage:\n    " + lineage + "\n";
        }

        return text;
    }
}
