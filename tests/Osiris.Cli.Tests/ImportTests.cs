using Osiris.Cli.Tests.Support;
using Osiris.Oml;
using Osiris.Oml.Export.Oml;

namespace Osiris.Cli.Tests;

/// <summary>
/// <c>osiris schedule import</c> through the real entry point: exports written by <c>schedule export</c> read
/// back to OML that analyzes to the same model; hand edits listed at their line and column with exit 1.
/// </summary>
public sealed class ImportTests
{
    private const string SeedRelative = "pipelines/daily_customer_sync.oml";

    [Theory]
    [InlineData("airflow", "daily_customer_sync.py")]
    [InlineData("prefect", "daily_customer_sync.py")]
    [InlineData("prefect", "prefect.yaml")]
    [InlineData("dagster", "daily_customer_sync.py")]
    public void Import_OfAnUneditedExport_GivesOmlThatAnalyzesToTheSameModel(string format, string file)
    {
        using var repo = ExportTests.SampleCopy("osiris_reference_date = 2026-01-01\n");
        Assert.Equal(0, Tool.RunIn(repo.Root, "schedule", "export", SeedRelative, "--format", format, "-o", "dags/").ExitCode);

        var result = Tool.RunIn(repo.Root, "schedule", "import", "dags/" + file);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Err);
        var options = ExportTests.SampleOptions(NodaTime.Instant.FromUtc(2026, 1, 1, 0, 0));
        var model = ExportTests.Seed(repo.Root, options);
        Assert.Equal(OmlWriter.Write(model), result.Out);
        var back = OmlEngine.AnalyzeFile(SeedRelative, result.Out, OmlAnalysisOptions.Default with { Components = options.Components }, TestContext.Current.CancellationToken);
        Assert.False(back.HasErrors, string.Join("\n", back.Diagnostics));
        Assert.Equal(model, back.Pipeline);
    }

    [Fact]
    public void Import_WithO_WritesTheOmlFile_OrIntoAFolder_UnderThePipelinesFileName()
    {
        using var repo = ExportTests.SampleCopy("osiris_reference_date = 2026-01-01\n");
        Tool.RunIn(repo.Root, "schedule", "export", SeedRelative, "--format", "airflow", "-o", "dags/");
        Directory.CreateDirectory(Path.Combine(repo.Root, "restored"));

        var stdout = Tool.RunIn(repo.Root, "schedule", "import", "dags/daily_customer_sync.py");
        var toFile = Tool.RunIn(repo.Root, "schedule", "import", "dags/daily_customer_sync.py", "-o", "back/sync.oml");
        var toFolder = Tool.RunIn(repo.Root, "schedule", "import", "dags/daily_customer_sync.py", "--output", "restored");

        Assert.Equal((0, "Wrote back/sync.oml\n"), (toFile.ExitCode, toFile.Out));
        Assert.Equal((0, "Wrote restored/daily_customer_sync.oml\n"), (toFolder.ExitCode, toFolder.Out));
        Assert.Equal(stdout.Out, File.ReadAllText(Path.Combine(repo.Root, "back", "sync.oml")));
        Assert.Equal(stdout.Out, File.ReadAllText(Path.Combine(repo.Root, "restored", "daily_customer_sync.oml")));
    }

    [Fact]
    public void Import_OfAHandEditedExport_ExitsOne_ListingTheEditAtItsLineAndColumn()
    {
        using var repo = ExportTests.SampleCopy("osiris_reference_date = 2026-01-01\n");
        Tool.RunIn(repo.Root, "schedule", "export", SeedRelative, "--format", "airflow", "-o", "dags/");
        var path = Path.Combine(repo.Root, "dags", "daily_customer_sync.py");
        var edited = File.ReadAllText(path).Replace("    catchup=False,", "    catchup=True,", StringComparison.Ordinal);
        File.WriteAllText(path, edited);
        var line = Array.FindIndex(edited.Split('\n'), l => l == "    catchup=True,") + 1;

        var result = Tool.RunIn(repo.Root, "schedule", "import", "dags/daily_customer_sync.py", "-o", "back.oml");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal(
            $"dags/daily_customer_sync.py({line},13): error OSI0701: DAG(...).catchup is True in this file but False in the embedded OML block, so the file was edited by hand; make the change in the .oml file and export again\n"
            + "osiris: dags/daily_customer_sync.py was edited by hand (1 change above), so nothing was imported; make the changes in the .oml file and export again, or pass --force to import the embedded block's pipeline without them\n",
            result.Err);
        Assert.False(File.Exists(Path.Combine(repo.Root, "back.oml")));
    }

    [Fact]
    public void Import_WithForce_WritesTheBlocksPipeline_AndStillListsTheEdits()
    {
        using var repo = ExportTests.SampleCopy("osiris_reference_date = 2026-01-01\n");
        Tool.RunIn(repo.Root, "schedule", "export", SeedRelative, "--format", "prefect", "-o", "flows/");
        var yaml = Path.Combine(repo.Root, "flows", "prefect.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("timezone: \"UTC\"", "timezone: Europe/Prague", StringComparison.Ordinal));
        var clean = Tool.RunIn(repo.Root, "schedule", "import", "flows/daily_customer_sync.py");

        var refused = Tool.RunIn(repo.Root, "schedule", "import", "flows/prefect.yaml");
        var forced = Tool.RunIn(repo.Root, "schedule", "import", "flows/prefect.yaml", "--force");

        Assert.Equal(1, refused.ExitCode);
        Assert.Matches(@"^flows/prefect\.yaml\(\d+,\d+\): error OSI0701: prefect\.yaml\.deployments\[0\]\.schedules\[0\]\.timezone is ""Europe/Prague"" in this file but ""UTC"" in the embedded OML block", refused.Err);
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal(clean.Out, forced.Out);
        Assert.Contains(": error OSI0701: ", forced.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_OfAFileWithoutBlock_ExitsOne_WithOSI0702()
    {
        using var repo = new TempRepo();
        repo.Write("dags/hand_written.py", "from airflow import DAG\n\nwith DAG(dag_id=\"x\", schedule=None) as dag:\n    pass\n");

        var result = Tool.RunIn(repo.Root, "schedule", "import", "dags/hand_written.py", "--force");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.StartsWith("dags/hand_written.py(1,1): error OSI0702: This file has no '# osiris:oml-begin' ... '# osiris:oml-end' block", result.Err, StringComparison.Ordinal);
        Assert.EndsWith("osiris: dags/hand_written.py: no pipeline could be read from its embedded block, so nothing was imported\n", result.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_OfAMissingFile_ExitsTwo()
    {
        var result = Tool.Run("schedule", "import", "dags/missing.py");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Out);
        Assert.Equal("osiris: dags/missing.py: no such file (give one exported .py or prefect.yaml file)\n", result.Err);
    }

    [Fact]
    public void Import_OfAFileThatIsNotText_ExitsTwo()
    {
        using var repo = new TempRepo();
        File.WriteAllBytes(Path.Combine(repo.Root, "dag.py"), new byte[] { 0x23, 0x20, 0xFF, 0xFE, 0x0A });

        var result = Tool.RunIn(repo.Root, "schedule", "import", "dag.py");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("osiris: dag.py: the file is not text (its bytes are not valid UTF-8)\n", result.Err);
    }

    [Fact]
    public void Import_WithAnUnwritableOutput_ExitsTwo()
    {
        using var repo = ExportTests.SampleCopy("osiris_reference_date = 2026-01-01\n");
        Tool.RunIn(repo.Root, "schedule", "export", SeedRelative, "--format", "dagster", "-o", "dags/");
        repo.Write("blocked", "a file where a folder should be\n");

        var result = Tool.RunIn(repo.Root, "schedule", "import", "dags/daily_customer_sync.py", "-o", "blocked/x.oml");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("osiris: cannot write ", result.Err, StringComparison.Ordinal);
    }
}
