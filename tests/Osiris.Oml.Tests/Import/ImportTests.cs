using Osiris.Oml.Diagnostics;
using Osiris.Oml.Export;
using Osiris.Oml.Import;
using Osiris.Oml.Tests.Export;

namespace Osiris.Oml.Tests.Import;

/// <summary>Reading exports back: the pipeline from the block, hand edits located where they were made.</summary>
public sealed class ImportTests
{
    [Theory]
    [MemberData(nameof(ExportSamples.NamesAndFormats), MemberType = typeof(ExportSamples))]
    public void Import_OfAnUneditedExport_GivesTheModelBack_WithoutDiagnostics(string sample, ExportFormat format)
    {
        var model = ExportSamples.All().Single(x => x.Name == sample).Model;
        foreach (var file in PipelineExporter.Export(model, format, ExportSamples.Options).Files)
        {
            var result = PipelineImporter.Import("dags/" + file.RelativePath, file.Content);
            Assert.True(result.Diagnostics.IsEmpty, string.Join("\n", result.Diagnostics));
            Assert.Equal(model, result.Pipeline);
            Assert.Equal(format, result.Format);
            Assert.False(result.HasErrors);
        }
    }

    [Fact]
    public void Import_ReportsAnEditedKeyword_AtItsLineAndColumn_NamingBothValues()
    {
        var file = SeedAirflow();
        var edited = file.Content.Replace("    catchup=False,", "    catchup=True,", StringComparison.Ordinal);
        var result = PipelineImporter.Import("dags/daily_customer_sync.py", edited);

        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.ExportEditedByHand, d.Id);
        var line = Array.FindIndex(edited.Split('\n'), l => l == "    catchup=True,");
        Assert.Equal(line, d.Span.StartPosition.Line);
        Assert.Equal("    catchup=".Length, d.Span.StartPosition.Character);
        Assert.Equal("True", edited.Substring(d.Span.Start, d.Span.Length));
        Assert.Equal("DAG(...).catchup is True in this file but False in the embedded OML block, so the file was edited by hand; make the change in the .oml file and export again", d.GetMessage());
        Assert.Equal(ExportSamples.Seed(), result.Pipeline);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Import_ReportsAnEditedCron_InTheTimetable()
    {
        var edited = SeedAirflow().Content.Replace("CronTriggerTimetable(\"0 2 * * *\"", "CronTriggerTimetable('0 3 * * *'", StringComparison.Ordinal);
        var d = Assert.Single(PipelineImporter.Import("dag.py", edited).Diagnostics);
        Assert.Equal("DAG(...).schedule[0] is \"0 3 * * *\" in this file but \"0 2 * * *\" in the embedded OML block, so the file was edited by hand; make the change in the .oml file and export again", d.GetMessage());
        Assert.Equal("'0 3 * * *'", edited.Substring(d.Span.Start, d.Span.Length));
    }

    [Fact]
    public void Import_IgnoresQuotingSpacingAndCommentChanges()
    {
        var edited = SeedAirflow().Content
            .Replace("dag_id=\"daily_customer_sync\",", "dag_id = 'daily_customer_sync' ,  # renamed? no", StringComparison.Ordinal)
            .Replace("    max_active_runs=1,", "    max_active_runs=(\n        1\n    ),", StringComparison.Ordinal);
        Assert.Empty(PipelineImporter.Import("dag.py", edited).Diagnostics);
    }

    [Fact]
    public void Import_ReportsARemovedArgument_AtItsCall_AndAnAddedOne_AtItsValue()
    {
        var edited = SeedAirflow().Content
            .Replace("    max_active_runs=1,\n", string.Empty, StringComparison.Ordinal)
            .Replace("    doc_md=DOC_MD,\n", "    doc_md=DOC_MD,\n    is_paused_upon_creation=False,\n", StringComparison.Ordinal);
        var diagnostics = PipelineImporter.Import("dag.py", edited).Diagnostics;
        Assert.Equal(2, diagnostics.Length);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticIds.ExportEditedByHand, d.Id));
        Assert.Contains(diagnostics, d => d.GetMessage().StartsWith("DAG(...).max_active_runs is absent in this file but 1 in the embedded OML block", StringComparison.Ordinal)
            && edited.Substring(d.Span.Start, d.Span.Length) == "DAG");
        Assert.Contains(diagnostics, d => d.GetMessage().StartsWith("DAG(...).is_paused_upon_creation is False in this file but absent in the embedded OML block", StringComparison.Ordinal)
            && edited.Substring(d.Span.Start, d.Span.Length) == "False");
    }

    [Fact]
    public void Import_OfPrefectYaml_ReportsAnEditedSchedule()
    {
        var yaml = PipelineExporter.Export(ExportSamples.Seed(), ExportFormat.Prefect, ExportSamples.Options).Files.Single(f => f.RelativePath == "prefect.yaml");
        var edited = yaml.Content.Replace("timezone: \"UTC\"", "timezone: Europe/Prague", StringComparison.Ordinal);
        var d = Assert.Single(PipelineImporter.Import("prefect.yaml", edited).Diagnostics);
        Assert.Equal("prefect.yaml.deployments[0].schedules[0].timezone is \"Europe/Prague\" in this file but \"UTC\" in the embedded OML block, so the file was edited by hand; make the change in the .oml file and export again", d.GetMessage());
        Assert.Equal("Europe/Prague", edited.Substring(d.Span.Start, d.Span.Length));
    }

    [Fact]
    public void Import_OfAFileWithoutBlock_ReportsOSI0702_OnTheFirstLine()
    {
        const string Dag = "from airflow import DAG\n\nwith DAG(dag_id=\"x\", schedule=None) as dag:\n    pass\n";
        var result = PipelineImporter.Import("dags/x.py", Dag);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.NoEmbeddedBlock, d.Id);
        Assert.Equal(0, d.Span.StartPosition.Line);
        Assert.Null(result.Pipeline);
        Assert.True(result.HasErrors);
    }

    [Fact]
    public void Import_OfABrokenBlock_ReportsOSI0703_WhereTheJsonBreaks()
    {
        var content = SeedAirflow().Content.Replace("#   \"format\": \"airflow\",", "#   \"format\": airflow,", StringComparison.Ordinal);
        var d = Assert.Single(PipelineImporter.Import("dag.py", content).Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidEmbeddedBlock, d.Id);
        Assert.Equal("a", content.Substring(d.Span.Start, 1));
        Assert.Contains("#   \"format\": airflow,", content.Split('\n')[d.Span.StartPosition.Line], StringComparison.Ordinal);
    }

    [Fact]
    public void Import_OfABlockWithoutEnd_ReportsOSI0703()
    {
        var content = SeedAirflow().Content.Replace("# osiris:oml-end\n", string.Empty, StringComparison.Ordinal);
        var d = Assert.Single(PipelineImporter.Import("dag.py", content).Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidEmbeddedBlock, d.Id);
        Assert.Equal("The embedded OML block cannot be read: '# osiris:oml-begin' without '# osiris:oml-end'; restore the block from the exported file, or export the pipeline again", d.GetMessage());
    }

    [Fact]
    public void Import_OfABlockWithAnUnknownField_ReportsOSI0703_AtTheValue()
    {
        var content = SeedAirflow().Content.Replace("#       \"criticality\": \"high\",", "#       \"criticality\": \"urgent\",", StringComparison.Ordinal);
        var d = Assert.Single(PipelineImporter.Import("dag.py", content).Diagnostics);
        Assert.Equal(DiagnosticIds.InvalidEmbeddedBlock, d.Id);
        Assert.Equal("\"urgent\"", content.Substring(d.Span.Start, d.Span.Length));
    }

    [Fact]
    public void Import_OfABlockWithAReferenceTimeOutsideTheCalculatorsRange_ReportsOSI0703_AtTheValue()
    {
        var content = SeedAirflow().Content.Replace("#     \"reference_time\": \"2026-01-01T00:00:00Z\",", "#     \"reference_time\": \"9999-01-01T00:00:00Z\",", StringComparison.Ordinal);
        Assert.Contains("9999-01-01", content, StringComparison.Ordinal);

        var d = Assert.Single(PipelineImporter.Import("dag.py", content).Diagnostics);

        Assert.Equal(DiagnosticIds.InvalidEmbeddedBlock, d.Id);
        Assert.Equal("\"9999-01-01T00:00:00Z\"", content.Substring(d.Span.Start, d.Span.Length));
        Assert.Contains("options.reference_time must fall in 0002-01-01 to 8997-12-31", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_OfTextThatIsNotPython_ReportsOSI0704_AtTheProblem()
    {
        var content = SeedAirflow().Content.Replace("PIPELINE = \"pipelines/daily_customer_sync.oml\"", "PIPELINE = \"pipelines/daily_customer_sync.oml", StringComparison.Ordinal);
        var result = PipelineImporter.Import("dag.py", content);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.UnreadableExport, d.Id);
        Assert.Equal("The file cannot be read as Python: a string is not closed before the end of the line; fix the syntax, or export the pipeline again", d.GetMessage());
        Assert.Equal("\"", content.Substring(d.Span.Start, d.Span.Length));
        Assert.Equal(ExportSamples.Seed(), result.Pipeline);
    }

    [Fact]
    public void Import_ReadsTheScheduleFromTheCode_NotFromTheBlock()
    {
        var edited = SeedAirflow().Content.Replace("\"0 2 * * *\", timezone=\"UTC\"", "\"15 4 * * *\", timezone=\"Europe/Prague\"", StringComparison.Ordinal);
        var result = PipelineImporter.Import("dag.py", edited);
        Assert.Equal(new ExportedSchedule(ExportedScheduleKind.Cron, "15 4 * * *", "Europe/Prague", null, null), result.Schedule);
        Assert.Equal("0 2 * * *", result.Pipeline!.Schedule!.Expression);
        Assert.Equal(2, result.Diagnostics.Length);
    }

    [Fact]
    public void Import_NeverThrows_OnTruncatedExports()
    {
        foreach (var format in Enum.GetValues<ExportFormat>())
        {
            foreach (var file in PipelineExporter.Export(ExportSamples.Seed(), format, ExportSamples.Options).Files)
            {
                for (var n = 0; n < file.Content.Length; n += 97)
                {
                    var result = PipelineImporter.Import(file.RelativePath, file.Content.Substring(0, n));
                    Assert.DoesNotContain(result.Diagnostics, d => d.Id == DiagnosticIds.InternalError);
                }
            }
        }
    }

    private static ExportedFile SeedAirflow() => PipelineExporter.Export(ExportSamples.Seed(), ExportFormat.Airflow, ExportSamples.Options).Files.Single();
}
