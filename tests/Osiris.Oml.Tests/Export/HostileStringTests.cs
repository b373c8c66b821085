using System.Text.Json;
using Osiris.Oml.Collections;
using Osiris.Oml.Export;
using Osiris.Oml.Model;
using Osiris.Oml.Syntax;
using static Osiris.Oml.Tests.Export.SampleExportTests;

namespace Osiris.Oml.Tests.Export;

/// <summary>
/// Any string of an OML file becomes an exact Python (or YAML) literal and never code: python3's ast
/// reads each export, its structure must equal that of a tame twin (the same pipeline with plain
/// strings), and the hostile values must come back exactly where they were put.
/// </summary>
public sealed class HostileStringTests
{
    private const string Nasty = "q\"\"\"x'''y\\z\\n\n2\r\n\0\u2028\u2029{{ ds }}{% if x %}{# c #}%s %(x)s # not a comment \U0001F600é\u202e\t`$ {end";

    private static string Hostile(string tag) => tag + Nasty;

    private static PipelineModel Build(Func<string, string> text)
    {
        static OmlScalar S(string s) => new(s, YamlScalarType.String);
        var steps = new[]
        {
            new StepModel(text("extract"), "mysql.extractor", Osiris.Oml.Components.OmlMode.Read, EquatableArray<string>.Empty,
                new OmlMap(new[] { new OmlProperty("connection", S("@mysql.primary")), new OmlProperty("query", S(text("select") + " ${window.start}")) }.ToEquatableArray())),
            new StepModel(text("load"), "supabase.writer", Osiris.Oml.Components.OmlMode.Write, new[] { text("extract") }.ToEquatableArray(),
                new OmlMap(new[] { new OmlProperty("connection", S("@supabase.analytics")), new OmlProperty("table", S(text("table"))), new OmlProperty("write_mode", S("append")) }.ToEquatableArray())),
        }.ToEquatableArray();
        var schedule = new ScheduleModel(ScheduleKind.Cron, "0 2 * * *", null, "Europe/Prague", null, null, null, 1, false,
            new WindowModel(Osiris.Oml.Scheduling.WindowKind.Sliding, Osiris.Oml.Time.OmlDuration.Parse("1d"), Osiris.Oml.Time.OmlDuration.Parse("-1h")!.Value, text("field")));
        var metadata = new MetadataModel(
            "{{o}}'%#@example.com",
            text("team"),
            null,
            Criticality.Medium,
            text("meta"),
            new[] { text("tag") }.ToEquatableArray(),
            new[] { new DataTestModel("schema", new[] { new OmlProperty("expected", S(text("schema"))) }.ToEquatableArray()) }.ToEquatableArray(),
            new[] { new LineageReference("table", text("up").Replace("\n", " ").Replace("\r", " ").Replace("\u2028", " ").Replace("\u2029", " ").Trim()) }.ToEquatableArray(),
            EquatableArray<LineageReference>.Empty,
            new[]
            {
                new NotificationModel("on_failure", "email", "{{o}}'%#@example.com"),
                new NotificationModel("on_failure", "slack", "#data-alerts"),
                new NotificationModel("on_failure", "webhook", "https://example.com/h?x={{y}}&z=%22'"),
            }.ToEquatableArray());
        return new PipelineModel("pipelines/" + text("file") + ".oml", "0.2.0", "Name " + Nasty, text("description"), steps, schedule, metadata);
    }

    private static PipelineModel HostileModel() => Build(Hostile);

    /// <summary>The same pipeline with tame strings that share what changes the code's shape (a Jinja marker, a space).</summary>
    private static PipelineModel TameModel() => Build(tag => tag + "{{ t }} x");

    [Theory]
    [InlineData(ExportFormat.Airflow)]
    [InlineData(ExportFormat.Prefect)]
    [InlineData(ExportFormat.Dagster)]
    public void HostileText_ChangesValuesOnly_NeverTheStructure(ExportFormat format)
    {
        var hostile = PipelineExporter.Export(HostileModel(), format, ExportSamples.Options).Files;
        var tame = PipelineExporter.Export(TameModel(), format, ExportSamples.Options).Files;
        var inspected = PythonChecker.Inspect(hostile.Concat(tame));
        for (var i = 0; i < hostile.Count; i++)
        {
            var h = inspected[i];
            var t = inspected[i + hostile.Count];
            if (hostile[i].RelativePath.EndsWith(".py", StringComparison.Ordinal))
            {
                AssertCompiled(h);
                AssertCompiled(t);
                Assert.Equal(t.GetProperty("skeleton").GetString(), h.GetProperty("skeleton").GetString());
                Assert.Equal(Strings(t.GetProperty("imports")), Strings(h.GetProperty("imports")));
            }
            else
            {
                Assert.False(h.TryGetProperty("error", out var error), error.ToString());
                Assert.Equal(Shape(t.GetProperty("document")), Shape(h.GetProperty("document")));
            }
        }
    }

    [Fact]
    public void Airflow_HostileValues_ComeBackExactly()
    {
        var model = HostileModel();
        var inspected = PythonChecker.Inspect(PipelineExporter.Export(model, ExportFormat.Airflow, ExportSamples.Options).Files).Single();
        AssertCompiled(inspected);
        var dag = Call(inspected, "DAG");
        Assert.Equal(model.Description, Literal(dag, "description").GetString());
        Assert.Equal(new[] { Hostile("tag") }, Literal(dag, "tags").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(model.SourcePath.Replace('\\', '/'), inspected.GetProperty("assigns").GetProperty("PIPELINE").GetProperty("literal").GetString());

        // The e-mail has Jinja markers: it reaches the templated 'to' field inside literal(), unrendered.
        var smtp = Call(inspected, "SmtpNotifier").GetProperty("kwargs").GetProperty("to");
        Assert.Equal("{{o}}'%#@example.com", smtp.GetProperty("literal").GetString());
        Assert.True(smtp.GetProperty("wrapped").GetBoolean());
        Assert.Contains("from airflow.sdk import literal", Strings(inspected.GetProperty("imports")));
        var slackText = Call(inspected, "SlackNotifier").GetProperty("kwargs").GetProperty("text");
        Assert.Equal("Osiris pipeline " + model.Name + ": run failed", slackText.GetProperty("literal").GetString());
        Assert.True(slackText.GetProperty("wrapped").GetBoolean());

        // No OML text reaches a templated field of the tasks: the run is a Python callable without arguments.
        Assert.All(Calls(inspected, "PythonOperator"), c => Assert.DoesNotContain(Keywords(c), k => k is "op_args" or "op_kwargs" or "templates_dict" or "bash_command"));
    }

    [Fact]
    public void Prefect_HostileValues_ComeBackExactly()
    {
        var model = HostileModel();
        var inspected = PythonChecker.Inspect(PipelineExporter.Export(model, ExportFormat.Prefect, ExportSamples.Options).Files);
        var flow = Call(inspected[0], "flow");
        Assert.Equal(model.Name, Literal(flow, "name").GetString());
        Assert.Equal(model.Description, Literal(flow, "description").GetString());
        var deployment = inspected[1].GetProperty("document").GetProperty("deployments")[0];
        Assert.Equal(model.Name, deployment.GetProperty("name").GetString());
        Assert.Equal(model.Description, deployment.GetProperty("description").GetString());
        Assert.Contains(Hostile("tag"), deployment.GetProperty("tags").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("team:" + Hostile("team"), deployment.GetProperty("tags").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void Dagster_HostileValues_ComeBackExactly()
    {
        var model = HostileModel();
        var inspected = PythonChecker.Inspect(PipelineExporter.Export(model, ExportFormat.Dagster, ExportSamples.Options).Files).Single();
        var asset = Call(inspected, "asset");
        Assert.Equal(model.Description, Literal(asset, "description").GetString());
        Assert.Equal(new[] { "team:" + Hostile("team") }, Literal(asset, "owners").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(Hostile("tag"), Literal(asset, "metadata").GetProperty("osiris/tags").GetString());
        Assert.Equal("{{o}}'%#@example.com", Literal(asset, "metadata").GetProperty("osiris/owner").GetString());
        Assert.Equal("schema: expected " + Hostile("schema"), Literal(Call(inspected, "asset_check"), "description").GetString());
    }

    /// <summary>A YAML document's shape: its keys and the kinds of its values, not the values.</summary>
    private static string Shape(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "{" + string.Join(",", e.EnumerateObject().Select(p => p.Name + ":" + Shape(p.Value))) + "}",
        JsonValueKind.Array => "[" + string.Join(",", e.EnumerateArray().Select(Shape)) + "]",
        var kind => kind.ToString(),
    };
}
