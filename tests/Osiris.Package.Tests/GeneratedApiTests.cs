using System.Globalization;
using Osiris.Oml.Scheduling;
using Osiris.Package.Tests.Support;

namespace Osiris.Package.Tests;

/// <summary>
/// Issue 9's acceptance: a fresh net8.0 and net10.0 program that references only Osiris.Analyzers calls
/// the generated Pipelines class and the Osiris.Oml.Scheduling API, builds with nullable warnings as
/// errors, runs, and prints the engine's fire times across a DST change.
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class GeneratedApiTests(PackageFeed feed, ITestOutputHelper output)
{
    private const string Pipeline = """
        oml_version: "0.2.0"
        name: prague_nightly
        steps:
          - id: load
            component: duckdb.processor
            mode: transform
            config:
              query: "SELECT * FROM orders WHERE updated_at >= '${window.start}' AND updated_at < '${window.end}'"
        schedule:
          expression: "0 1 * * *"
          timezone: Europe/Prague
          retry: {attempts: 2, delay: 5m, backoff: exponential}
          window: {type: tumbling, field: updated_at}
        metadata:
          owner: data@example.com
        """;

    // 02:30 does not exist in Prague on 2026-03-29: each orchestrator fires elsewhere (OSI0211 says where;
    // the project silences it in .globalconfig, as a team that accepts the shift would).
    private const string GapPipeline = """
        oml_version: "0.2.0"
        name: prague_gap
        steps:
          - id: load
            component: duckdb.processor
            mode: transform
            config:
              query: "SELECT 1"
        schedule:
          expression: "30 2 * * *"
          timezone: Europe/Prague
        metadata:
          owner: data@example.com
        """;

    private const string Program = """
        using System;
        using System.Globalization;
        using System.Linq;
        using Osiris.Oml.Scheduling;

        var after = DateTimeOffset.Parse("2026-03-27T12:00:00Z", CultureInfo.InvariantCulture);
        var pipeline = Consumer.Pipelines.PragueNightly;
        var schedule = pipeline.Schedule ?? throw new InvalidOperationException("no schedule");
        foreach (var target in new[] { ScheduleTarget.Airflow, ScheduleTarget.PrefectPython312, ScheduleTarget.PrefectPython313, ScheduleTarget.Dagster })
        {
            foreach (var run in schedule.GetNextRuns(after, 4, target))
            {
                Console.WriteLine(target + " " + run.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
            }
        }

        var window = schedule.GetWindow(DateTimeOffset.Parse("2026-03-30T01:00:00+02:00", CultureInfo.InvariantCulture), ScheduleTarget.Airflow);
        Console.WriteLine("window " + window?.Start.ToString("o", CultureInfo.InvariantCulture) + " " + window?.End.ToString("o", CultureInfo.InvariantCulture));
        Console.WriteLine("retry2 " + schedule.GetRetryDelay(2, ScheduleTarget.Airflow)?.Minimum);
        Console.WriteLine("owner " + pipeline.Metadata?.Owner);
        Console.WriteLine("all " + Consumer.Pipelines.All.Count + " find " + (Consumer.Pipelines.Find("prague_nightly") == pipeline));
        Console.WriteLine("airflow " + pipeline.Exports?.Airflow.Split('\n')[0]);
        foreach (var target in new[] { ScheduleTarget.Airflow, ScheduleTarget.PrefectPython312, ScheduleTarget.PrefectPython313, ScheduleTarget.Dagster })
        {
            Console.WriteLine("gap " + target + " " + string.Join(" ", Consumer.Pipelines.PragueGap.Schedule!.GetNextRuns(after, 3, target).Select(r => r.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))));
        }


        // The engine's public schedule API, reached through the same single PackageReference.
        var cron = CronExpression.Parse("0 1 * * *").Expression!;
        var zone = NodaTime.DateTimeZoneProviders.Tzdb["Europe/Prague"];
        var fires = ScheduleCalculator.GetFireTimes(cron, zone, NodaTime.Instant.FromDateTimeOffset(after), 2, ScheduleTarget.DagsterFixed);
        Console.WriteLine("calculator " + string.Join(" ", fires.FireTimes));
        """;

    [Theory]
    [InlineData("net8.0")]
    [InlineData("net10.0")]
    public void FreshProject_CallsTheGeneratedApiAndTheScheduleApi_AndRuns(string framework)
    {
        var name = "Consumer" + framework.Replace(".", string.Empty, StringComparison.Ordinal);
        var dir = feed.CreateProject(
            name,
            new[] { ("Osiris.Analyzers", feed.Version) },
            $"<TargetFramework>{framework}</TargetFramework><OutputType>Exe</OutputType><Nullable>enable</Nullable><TreatWarningsAsErrors>true</TreatWarningsAsErrors><RootNamespace>Consumer</RootNamespace>");
        Directory.CreateDirectory(Path.Combine(dir, "pipelines"));
        File.WriteAllText(Path.Combine(dir, "pipelines", "prague.oml"), Pipeline);
        File.WriteAllText(Path.Combine(dir, "pipelines", "prague-gap.oml"), GapPipeline);
        File.WriteAllText(Path.Combine(dir, ".globalconfig"), "is_global = true\ndotnet_diagnostic.OSI0211.severity = none\ndotnet_diagnostic.OSI0212.severity = none\n");
        File.WriteAllText(Path.Combine(dir, "Program.cs"), Program);

        var build = feed.Build(dir);
        output.WriteLine(build.Output);
        Assert.Equal(0, build.ExitCode);
        Assert.Contains(" 0 Warning(s)", build.Output, StringComparison.Ordinal);

        // Only the .NET 10 runtime may be installed: a net8.0 program rolls forward to it, as 'dotnet run' would with RollForward=Major.
        var run = DotNetCli.Run(dir, new Dictionary<string, string> { ["DOTNET_ROLL_FORWARD"] = "Major", ["NUGET_PACKAGES"] = feed.PackagesFolder }, "run", "--no-build");
        output.WriteLine(run.Output);
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var engine = ScheduleDefinition.FromCron("0 1 * * *", "Europe/Prague");
        var after = DateTimeOffset.Parse("2026-03-27T12:00:00Z", CultureInfo.InvariantCulture);
        var expected = new[] { ScheduleTarget.Airflow, ScheduleTarget.PrefectPython312, ScheduleTarget.PrefectPython313, ScheduleTarget.Dagster }
            .SelectMany(t => engine.GetNextRuns(after, 4, t).Select(r => t + " " + r.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)))
            .ToList();
        Assert.Equal(expected, lines.Take(expected.Count));

        // Checked by hand against the TZDB: 2026-03-29 02:00 CET jumps to 03:00 CEST, so 01:00 keeps its wall time
        // while its offset changes, and the window that spans the change is 23 hours long.
        Assert.Contains("Airflow 2026-03-28T01:00:00+01:00", lines);
        Assert.Contains("Airflow 2026-03-29T01:00:00+01:00", lines);
        Assert.Contains("Airflow 2026-03-30T01:00:00+02:00", lines);
        Assert.Contains("window 2026-03-29T01:00:00.0000000+01:00 2026-03-30T01:00:00.0000000+02:00", lines);
        Assert.Contains("retry2 00:10:00", lines);
        Assert.Contains("owner data@example.com", lines);
        Assert.Contains("all 2 find True", lines);
        Assert.Contains("airflow # Airflow DAG of the Osiris pipeline \"prague_nightly\", for Airflow 2.7+ and 3.x.", lines);
        var gap = ScheduleDefinition.FromCron("30 2 * * *", "Europe/Prague");
        foreach (var target in new[] { ScheduleTarget.Airflow, ScheduleTarget.PrefectPython312, ScheduleTarget.PrefectPython313, ScheduleTarget.Dagster })
        {
            Assert.Contains("gap " + target + " " + string.Join(" ", gap.GetNextRuns(after, 3, target).Select(r => r.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture))), lines);
        }

        // By hand: Airflow (pendulum) moves the missing 02:30 CET to 03:30 CEST, an hour after the jump.
        Assert.Contains("gap Airflow 2026-03-28T02:30:00+01:00 2026-03-29T03:30:00+02:00 2026-03-30T02:30:00+02:00", lines);
        Assert.Contains(lines, l => l.StartsWith("calculator 2026-03-28T00:00:00Z 2026-03-29T00:00:00Z", StringComparison.Ordinal));
    }

    [Fact]
    public void SampleProgram_ListsEveryPipeline_WithOwnerNextRunsPerTargetAndTheNextWindow()
    {
        var dir = feed.CreateProject(
            "SampleProgram",
            new[] { ("Osiris.Analyzers", feed.Version) },
            "<TargetFramework>net10.0</TargetFramework><OutputType>Exe</OutputType><Nullable>enable</Nullable><ImplicitUsings>enable</ImplicitUsings><RootNamespace>PipelineRepository</RootNamespace><TreatWarningsAsErrors>true</TreatWarningsAsErrors>");
        PackageFeed.CopyPipelines("PipelineRepository", dir);
        File.Copy(Path.Combine(Oml.Tests.Support.RepositoryPaths.Root, "samples", "PipelineRepository", "Program.cs"), Path.Combine(dir, "Program.cs"));

        var build = feed.Build(dir);
        output.WriteLine(build.Output);
        Assert.Equal(0, build.ExitCode);

        var run = DotNetCli.Run(dir, new Dictionary<string, string> { ["NUGET_PACKAGES"] = feed.PackagesFolder }, "run", "--no-build", "--", "2026-03-27T12:00:00Z");
        output.WriteLine(run.Output);
        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var pipelines = Directory.GetFiles(Path.Combine(dir, "pipelines"), "*.oml").Length;
        Assert.Contains($"{pipelines} pipelines, next runs after 2026-03-27 12:00 +00:00", lines);
        Assert.Contains("daily_customer_sync (pipelines/daily_customer_sync.oml)", lines);
        Assert.Contains("owner:    data-team@company.com", lines);
        var engine = ScheduleDefinition.FromCron("0 2 * * *", "UTC");
        foreach (var target in new[] { ScheduleTarget.Airflow, ScheduleTarget.PrefectPython313, ScheduleTarget.Dagster })
        {
            var runs = engine.GetNextRuns(DateTimeOffset.Parse("2026-03-27T12:00:00Z", CultureInfo.InvariantCulture), 3, target)
                .Select(r => r.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture));
            Assert.Contains(lines, l => l.StartsWith(target.ToString(), StringComparison.Ordinal) && l.EndsWith(string.Join("   ", runs), StringComparison.Ordinal));
        }

        // By hand: a sliding 24h window with offset -1h ends an hour before the 02:00 run and starts a day earlier.
        Assert.Contains("window of the next run: updated_at from 2026-03-27 01:00 +00:00 to 2026-03-28 01:00 +00:00", lines);
        Assert.Contains("schedule: none (runs on demand)", lines);
    }
}
