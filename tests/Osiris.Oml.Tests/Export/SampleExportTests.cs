using System.Text.Json;
using Osiris.Oml.Export;
using Osiris.Oml.Model;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Export;

/// <summary>
/// The sample repository's exports: golden files (OSIRIS_UPDATE_GOLDEN=1 rewrites them), compiled by
/// python3, and read with Python's ast to check the orchestrator calls and their values.
/// </summary>
public sealed class SampleExportTests
{
    private static string GoldenFolder => Path.Combine(RepositoryPaths.Root, "tests", "Osiris.Oml.Tests", "Export", "Golden");

    [Theory]
    [MemberData(nameof(ExportSamples.NamesAndFormats), MemberType = typeof(ExportSamples))]
    public void Export_MatchesItsGoldenFiles(string sample, ExportFormat format)
    {
        var model = ExportSamples.All().Single(x => x.Name == sample).Model;
        var result = PipelineExporter.Export(model, format, ExportSamples.Options);
        foreach (var file in result.Files)
        {
            var path = Path.Combine(GoldenFolder, sample, ExportFormats.ToText(format), file.RelativePath);
            if (Environment.GetEnvironmentVariable("OSIRIS_UPDATE_GOLDEN") == "1")
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Content);
                continue;
            }

            Assert.True(File.Exists(path), $"missing golden file {path}; run with OSIRIS_UPDATE_GOLDEN=1 and review the diff");
            Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), file.Content);
        }
    }

    [Fact]
    public void Export_IsDeterministic_AndUsesLfOnly()
    {
        foreach (var (_, model) in ExportSamples.All())
        {
            foreach (var format in Enum.GetValues<ExportFormat>())
            {
                var a = PipelineExporter.Export(model, format, ExportSamples.Options);
                var b = PipelineExporter.Export(model with { }, format, ExportSamples.Options);
                Assert.Equal(a, b);
                Assert.All(a.Files, f => Assert.DoesNotContain('\r', f.Content));
                Assert.All(a.Files, f => Assert.EndsWith("\n", f.Content, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Readme_ShowsTheSeedsAirflowExport_Verbatim()
    {
        var golden = File.ReadAllText(Path.Combine(GoldenFolder, "daily_customer_sync", "airflow", "daily_customer_sync.py")).Replace("\r\n", "\n");
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")).Replace("\r\n", "\n");
        var cut = golden.IndexOf("\n# osiris:oml-begin\n", StringComparison.Ordinal);
        Assert.Contains("```python\n" + golden.Substring(0, cut) + "\n```", readme, StringComparison.Ordinal);
        Assert.Contains("```python\n" + golden.Substring(cut + 1).TrimEnd('\n') + "\n```", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void GoldenFiles_CompileWithPyCompile()
    {
        PythonChecker.RequirePython();
        var files = Directory.GetFiles(GoldenFolder, "*.py", SearchOption.AllDirectories);
        Assert.Equal(ExportSamples.All().Count * 3, files.Length);
        var failures = PythonChecker.PyCompile(files);
        Assert.True(failures.Length == 0, failures);
    }

    [Theory]
    [MemberData(nameof(ExportSamples.Names), MemberType = typeof(ExportSamples))]
    public void AirflowExport_HasTheExpectedDagCall(string sample)
    {
        var model = ExportSamples.All().Single(x => x.Name == sample).Model;
        var file = PipelineExporter.Export(model, ExportFormat.Airflow, ExportSamples.Options).Files.Single();
        var inspected = PythonChecker.Inspect(new[] { file }).Single();
        AssertCompiled(inspected);

        var imports = Strings(inspected.GetProperty("imports"));
        Assert.Contains("from airflow.sdk import DAG" + (HasLineage(model) ? ", Asset as Lineage" : string.Empty), imports);
        Assert.Contains("from airflow import DAG", imports);
        Assert.Contains("from airflow.providers.standard.operators.python import PythonOperator", imports);
        Assert.Contains("from airflow.operators.python import PythonOperator", imports);
        Assert.DoesNotContain(imports, i => i.Contains("bash", StringComparison.Ordinal));

        var dag = Call(inspected, "DAG");
        var expected = new List<string> { "dag_id", "description", "schedule", "start_date", "catchup", "max_active_runs", "dagrun_timeout", "default_args", "tags", "doc_md" };
        var notifications = model.Metadata?.Notifications ?? default;
        static bool Wired(NotificationModel n) => n.Channel is "email" or "pagerduty" || (n.Channel == "slack" && n.Target.StartsWith('#'));
        if (notifications.Any(n => n.Event == "on_failure" && Wired(n)))
        {
            expected.Add("on_failure_callback");
        }

        if (notifications.Any(n => n.Event == "on_success" && Wired(n)))
        {
            expected.Add("on_success_callback");
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), Keywords(dag).Order(StringComparer.Ordinal));
        Assert.Equal(model.Name, Literal(dag, "dag_id").GetString());
        Assert.Equal(model.Schedule?.Catchup ?? false, Literal(dag, "catchup").GetBoolean());
        Assert.Equal(model.Schedule?.Concurrency ?? 16, Literal(dag, "max_active_runs").GetInt32());
        Assert.Equal(model.Metadata?.Tags.ToArray() ?? [], Literal(dag, "tags").EnumerateArray().Select(t => t.GetString()!).ToArray());
        var schedule = Source(dag, "schedule");
        if (model.Schedule is null)
        {
            Assert.Equal("None", schedule);
        }
        else
        {
            Assert.StartsWith(model.Schedule.Window?.Kind == Osiris.Oml.Scheduling.WindowKind.Tumbling ? "CronDataIntervalTimetable(" : "CronTriggerTimetable(", schedule, StringComparison.Ordinal);
            Assert.Contains($"timezone='{model.Schedule.TimeZone}'", schedule, StringComparison.Ordinal);
        }

        Assert.StartsWith("pendulum.datetime(", Source(dag, "start_date"), StringComparison.Ordinal);
        Assert.EndsWith("tz='UTC')", Source(dag, "start_date"), StringComparison.Ordinal);
        var defaults = Source(dag, "default_args");
        foreach (var key in new[] { "owner", "retries", "retry_delay", "retry_exponential_backoff", "max_retry_delay" })
        {
            Assert.Contains($"'{key}':", defaults, StringComparison.Ordinal);
        }

        var run = Calls(inspected, "PythonOperator").Single(c => Literal(c, "task_id").GetString() == "run");
        Assert.Equal("run_pipeline", Source(run, "python_callable"));
        var hasTests = model.Metadata is { Tests.IsEmpty: false };
        Assert.Equal(hasTests, Calls(inspected, "PythonOperator").Any(c => Literal(c, "task_id").GetString() == "check"));
    }

    [Theory]
    [MemberData(nameof(ExportSamples.Names), MemberType = typeof(ExportSamples))]
    public void PrefectExport_HasTheExpectedFlowAndDeployment(string sample)
    {
        var model = ExportSamples.All().Single(x => x.Name == sample).Model;
        var files = PipelineExporter.Export(model, ExportFormat.Prefect, ExportSamples.Options).Files;
        Assert.Equal(new[] { model.Name!.Replace('-', '_') + ".py", "prefect.yaml" }, files.Select(f => f.RelativePath));
        var inspected = PythonChecker.Inspect(files);
        AssertCompiled(inspected[0]);
        Assert.Contains("from prefect import flow, task", Strings(inspected[0].GetProperty("imports")));
        var flow = Call(inspected[0], "flow");
        Assert.Equal(model.Name, Literal(flow, "name").GetString());
        var retry = model.Schedule?.Retry;
        if (retry is { Attempts: > 0, Backoff: Osiris.Oml.Scheduling.BackoffKind.Fixed })
        {
            Assert.Equal(retry.Attempts, Literal(flow, "retries").GetInt32());
        }
        else if (retry is { Attempts: > 0 })
        {
            var task = Calls(inspected[0], "task").Single(c => Literal(c, "name").GetString() == "run");
            Assert.Equal(retry.Attempts, Literal(task, "retries").GetInt32());
            Assert.Equal(retry.Attempts, Literal(task, "retry_delay_seconds").GetArrayLength());
        }

        var deployment = inspected[1].GetProperty("document").GetProperty("deployments")[0];
        Assert.Equal(model.Name, deployment.GetProperty("name").GetString());
        Assert.EndsWith(":" + model.Name!.Replace('-', '_'), deployment.GetProperty("entrypoint").GetString(), StringComparison.Ordinal);
        var schedules = deployment.GetProperty("schedules");
        if (model.Schedule is { } s)
        {
            Assert.Equal(s.Expression, schedules[0].GetProperty("cron").GetString());
            Assert.Equal(s.TimeZone, schedules[0].GetProperty("timezone").GetString());
            if (s.Concurrency is { } c)
            {
                Assert.Equal(c, deployment.GetProperty("concurrency_limit").GetProperty("limit").GetInt32());
                Assert.Equal("ENQUEUE", deployment.GetProperty("concurrency_limit").GetProperty("collision_strategy").GetString());
            }
        }
        else
        {
            Assert.Equal(0, schedules.GetArrayLength());
        }
    }

    [Theory]
    [MemberData(nameof(ExportSamples.Names), MemberType = typeof(ExportSamples))]
    public void DagsterExport_HasTheExpectedDefinitions(string sample)
    {
        var model = ExportSamples.All().Single(x => x.Name == sample).Model;
        var file = PipelineExporter.Export(model, ExportFormat.Dagster, ExportSamples.Options).Files.Single();
        var inspected = PythonChecker.Inspect(new[] { file }).Single();
        AssertCompiled(inspected);
        var asset = Call(inspected, "asset");
        Assert.Equal(model.Name!.Replace('-', '_'), Literal(asset, "name").GetString());
        var definitions = Call(inspected, "Definitions");
        Assert.Contains("assets", Keywords(definitions));
        Assert.Equal(model.Metadata?.Tests.Count ?? 0, Calls(inspected, "asset_check").Count);
        if (model.Schedule is { } s)
        {
            if (s.Window is null)
            {
                var schedule = Call(inspected, "ScheduleDefinition");
                Assert.Equal(s.Expression, Literal(schedule, "cron_schedule").GetString());
                Assert.Equal(s.TimeZone, Literal(schedule, "execution_timezone").GetString());
                Assert.Equal("DefaultScheduleStatus.RUNNING", Source(schedule, "default_status"));
            }
            else
            {
                var partitions = Call(inspected, "TimeWindowPartitionsDefinition");
                Assert.Equal(s.Expression, Literal(partitions, "cron_schedule").GetString());
                Assert.Equal(s.TimeZone, Literal(partitions, "timezone").GetString());
                Call(inspected, "build_schedule_from_partitioned_job");
            }

            if (s.Timeout is not null)
            {
                Assert.Contains("dagster/max_runtime", Source(Call(inspected, "define_asset_job"), "tags"), StringComparison.Ordinal);
            }
        }
    }

    internal static void AssertCompiled(JsonElement inspected)
        => Assert.False(inspected.TryGetProperty("error", out var error), "python3 cannot compile the export: " + (error.ValueKind == JsonValueKind.String ? error.GetString() : string.Empty));

    internal static JsonElement Call(JsonElement inspected, string func) => Calls(inspected, func).Single();

    internal static List<JsonElement> Calls(JsonElement inspected, string func)
        => inspected.GetProperty("calls").EnumerateArray().Where(c => c.GetProperty("func").GetString() == func).ToList();

    internal static List<string> Keywords(JsonElement call) => call.GetProperty("kwargs").EnumerateObject().Select(p => p.Name).ToList();

    internal static JsonElement Literal(JsonElement call, string keyword)
    {
        var value = call.GetProperty("kwargs").GetProperty(keyword);
        Assert.True(value.TryGetProperty("literal", out var literal), $"{keyword} is not a literal: {value}");
        return literal;
    }

    internal static string Source(JsonElement call, string keyword)
    {
        var value = call.GetProperty("kwargs").GetProperty(keyword);
        if (value.TryGetProperty("source", out var source))
        {
            return source.GetString()!;
        }

        var literal = value.GetProperty("literal");
        return literal.ValueKind == JsonValueKind.Null ? "None" : literal.ToString();
    }

    internal static List<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    private static bool HasLineage(PipelineModel model) => model.Metadata is { } m && (!m.Upstream.IsEmpty || !m.Downstream.IsEmpty);
}
