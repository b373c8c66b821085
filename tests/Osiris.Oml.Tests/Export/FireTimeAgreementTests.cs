using NodaTime;
using Osiris.Oml.Collections;
using Osiris.Oml.Export;
using Osiris.Oml.Import;
using Osiris.Oml.Model;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Time;

namespace Osiris.Oml.Tests.Export;

/// <summary>
/// The exported schedule fires exactly where the preview says. The (expression, zone, timetable kind)
/// is read from each exported file's code by the importer, never from the model, fed to this project's
/// emulation of that orchestrator, and compared with the pipeline's preview for that orchestrator:
/// around every DST transition of the zone in 2025-2027 and at the reference time. Where a target
/// cannot follow the preview, the file must say so ("Differs from the preview" / "Not scheduled").
/// </summary>
public sealed class FireTimeAgreementTests
{
    private static readonly string[] Zones = { "Europe/Prague", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "America/Santiago", "UTC" };

    private static readonly string[] Crons = { "30 2 * * *", "0 1 * * *", "15 2 * * *", "0 0 * * *", "45 23 * * *", "0 * * * *", "*/15 * * * *", "30 0-3 * * *", "0 2 * * 0", "@daily", "0 2 1 * *" };

    private static readonly string[] Everies = { "15m", "1h", "90m", "7h", "6h", "1d", "2d", "24h" };

    private static readonly ScheduleSettings[] Settings =
    {
        ScheduleSettings.Default,
        ScheduleSettings.Default with { PrefectPython = PrefectPython.Python312OrOlder, DagsterVersion = DagsterVersion.Legacy },
        ScheduleSettings.Default with { PrefectPython = PrefectPython.Python313OrNewer, DagsterVersion = DagsterVersion.Current },
    };

    [Fact]
    public void Samples_FireWhereThePreviewSays()
    {
        var checkedPairs = 0;
        foreach (var (_, model) in ExportSamples.All().Where(s => s.Model.Schedule is not null))
        {
            checkedPairs += AssertAgreement(model);
        }

        Assert.True(checkedPairs > 0);
    }

    [Fact]
    public void GeneratedCronSchedules_AcrossDst_FireWhereThePreviewSays()
    {
        var checkedPairs = 0;
        foreach (var zone in Zones)
        {
            foreach (var cron in Crons)
            {
                foreach (var window in new WindowModel?[] { null, new(WindowKind.Tumbling, null, OmlDuration.Zero, "updated_at"), new(WindowKind.Sliding, OmlDuration.Parse("1d"), OmlDuration.Parse("-1h")!.Value, "updated_at") })
                {
                    checkedPairs += AssertAgreement(Pipeline(new ScheduleModel(ScheduleKind.Cron, cron, null, zone, null, null, null, 1, false, window)));
                }
            }
        }

        Assert.True(checkedPairs > 1_000, checkedPairs.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void GeneratedIntervalSchedules_AcrossDst_FireWhereThePreviewSays_OrSayWhyNot()
    {
        var checkedPairs = 0;
        foreach (var zone in Zones)
        {
            foreach (var every in Everies)
            {
                foreach (var start in new[] { null, "2024-03-10T02:30:00", "2025-01-01T00:07" })
                {
                    foreach (var catchup in new bool?[] { true, false })
                    {
                        checkedPairs += AssertAgreement(Pipeline(new ScheduleModel(ScheduleKind.Interval, null, OmlDuration.Parse(every), zone, start, null, null, 1, catchup, null)));
                    }
                }
            }
        }

        Assert.True(checkedPairs > 300, checkedPairs.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void AFixedInterval_ThatDividesADay_IsTheSameCronInUtcOnEveryTarget()
    {
        var model = Pipeline(new ScheduleModel(ScheduleKind.Interval, null, OmlDuration.Parse("15m"), "Asia/Kolkata", "2025-01-01T00:07", null, null, 1, true, null));
        Assert.Equal(new ExportedSchedule(ExportedScheduleKind.Cron, "7-59/15 * * * *", "UTC", null, null), Read(model, ExportFormat.Airflow, ScheduleSettings.Default));
        Assert.Equal(new ExportedSchedule(ExportedScheduleKind.Cron, "7-59/15 * * * *", "UTC", null, null), Read(model, ExportFormat.Dagster, ScheduleSettings.Default));
        var prefect = Read(model, ExportFormat.Prefect, ScheduleSettings.Default)!;
        Assert.Equal((ExportedScheduleKind.Interval, "UTC", OmlDuration.Parse("15m")), (prefect.Kind, prefect.TimeZone, prefect.Step));
        Assert.Equal(Instant.FromUtc(2024, 12, 31, 18, 37), prefect.Anchor);
    }

    [Fact]
    public void AnIntervalNoCronCanExpress_IsNotScheduledOnDagster_AndTheFileSaysWhy()
    {
        var model = Pipeline(new ScheduleModel(ScheduleKind.Interval, null, OmlDuration.Parse("7h"), "UTC", null, null, null, 1, true, null));
        var file = PipelineExporter.Export(model, ExportFormat.Dagster, ExportSamples.Options).Files.Single();
        Assert.Equal(ExportedScheduleKind.None, PipelineImporter.Import(file.RelativePath, file.Content).Schedule!.Kind);
        Assert.Contains("# Not scheduled: Dagster schedules are cron-only, and every 7h from", file.Content, StringComparison.Ordinal);
        Assert.Contains("schedules=[],", file.Content, StringComparison.Ordinal);
    }

    private static PipelineModel Pipeline(ScheduleModel schedule) => new(
        "pipelines/generated.oml",
        "0.2.0",
        "generated",
        null,
        new[] { new StepModel("transform", "duckdb.processor", Osiris.Oml.Components.OmlMode.Transform, EquatableArray<string>.Empty, new OmlMap(new[] { new OmlProperty("query", new OmlScalar("select 1", Osiris.Oml.Syntax.YamlScalarType.String)) }.ToEquatableArray())) }.ToEquatableArray(),
        schedule,
        new MetadataModel("team@example.com", null, null, null, null, default, default, default, default, default));

    private static ExportedSchedule? Read(PipelineModel model, ExportFormat format, ScheduleSettings settings)
    {
        var options = ExportSamples.Options with { Schedule = settings };
        var file = PipelineExporter.Export(model, format, options).Files.First(f => format != ExportFormat.Prefect || f.RelativePath == "prefect.yaml");
        var imported = PipelineImporter.Import(file.RelativePath, file.Content, options);
        Assert.True(imported.Diagnostics.IsEmpty, string.Join("\n", imported.Diagnostics));
        return imported.Schedule;
    }

    /// <summary>Compares every target of every settings variant; returns how many (target, probe) pairs agreed.</summary>
    private static int AssertAgreement(PipelineModel model)
    {
        var pairs = 0;
        var schedule = model.Schedule!;
        var zone = TimeZones.Find(schedule.TimeZone)!;
        var source = schedule.CreateSource(zone, out _)!;
        foreach (var settings in Settings)
        {
            foreach (var format in Enum.GetValues<ExportFormat>())
            {
                var options = ExportSamples.Options with { Schedule = settings };
                var file = PipelineExporter.Export(model, format, options).Files.First(f => format != ExportFormat.Prefect || f.RelativePath == "prefect.yaml");
                var written = PipelineImporter.Import(file.RelativePath, file.Content, options).Schedule!;
                var declared = file.Content.Contains("# Differs from the preview:", StringComparison.Ordinal);
                if (written.Kind == ExportedScheduleKind.None)
                {
                    Assert.True(format == ExportFormat.Dagster && schedule.Kind == ScheduleKind.Interval, $"{format} wrote no schedule for {Describe(schedule)}");
                    Assert.Contains("# Not scheduled:", file.Content, StringComparison.Ordinal);
                    continue;
                }

                foreach (var target in Targets(format, settings))
                {
                    foreach (var probe in Probes(zone))
                    {
                        // An interval runs from its anchor (the preview) and, in Airflow, from start_date.
                        var after = schedule.Kind == ScheduleKind.Interval ? Max(probe, AnchorOf(schedule, zone) - Duration.FromSeconds(1)) : probe;
                        if (written.Kind == ExportedScheduleKind.Interval && target == ScheduleTarget.Airflow)
                        {
                            after = Max(after, written.Anchor!.Value - Duration.FromSeconds(1));
                        }

                        var preview = source.Fires(target, after, 200);
                        var fromFile = Emulate(written, target, after, 200);
                        if (declared)
                        {
                            continue;
                        }

                        Assert.True(
                            preview.SequenceEqual(fromFile),
                            $"{format} ({target}) {Describe(schedule)} after {after}: the file ({written}) fires at\n  {string.Join(", ", fromFile.Take(6))}\nthe preview at\n  {string.Join(", ", preview.Take(6))}");
                        pairs++;
                    }
                }
            }
        }

        return pairs;
    }

    /// <summary>What the orchestrator does with what the file says, by this project's emulations.</summary>
    private static IReadOnlyList<Instant> Emulate(ExportedSchedule written, ScheduleTarget target, Instant after, int count)
    {
        var zone = TimeZones.Find(written.TimeZone ?? "UTC")!;
        if (written.Kind is ExportedScheduleKind.Cron or ExportedScheduleKind.CronDataInterval)
        {
            var fires = ScheduleCalculator.GetFireTimes(CronExpression.Parse(written.Cron!).Expression!, zone, after, count, target);
            Assert.True(fires.IsAccepted);
            return fires.FireTimes;
        }

        // An interval: Airflow adds the step in UTC from start_date; Prefect adds its days on the zone's clock.
        var step = written.Step!.Value;
        var result = new List<Instant>();
        var t = written.Anchor!.Value;
        while (result.Count < count)
        {
            if (t > after)
            {
                result.Add(t);
            }

            t = target == ScheduleTarget.Airflow ? t + step.ToNominalDuration() : step.AddTo(t, zone);
        }

        return result;
    }

    private static IEnumerable<ScheduleTarget> Targets(ExportFormat format, ScheduleSettings settings) => format switch
    {
        ExportFormat.Airflow => new[] { ScheduleTarget.Airflow },
        ExportFormat.Prefect => settings.PrefectPython switch
        {
            PrefectPython.Python312OrOlder => new[] { ScheduleTarget.PrefectPython312 },
            PrefectPython.Python313OrNewer => new[] { ScheduleTarget.PrefectPython313 },
            _ => new[] { ScheduleTarget.PrefectPython312, ScheduleTarget.PrefectPython313 },
        },
        _ => new[] { settings.DagsterVersion == DagsterVersion.Current ? ScheduleTarget.DagsterFixed : ScheduleTarget.Dagster },
    };

    /// <summary>The reference time, and three days before each DST transition of the zone in 2025-2027.</summary>
    private static IEnumerable<Instant> Probes(DateTimeZone zone)
    {
        yield return ScheduleSettings.Default.ReferenceTime;
        foreach (var interval in zone.GetZoneIntervals(Instant.FromUtc(2025, 1, 1, 0, 0), Instant.FromUtc(2027, 1, 1, 0, 0)).Skip(1))
        {
            yield return interval.Start - Duration.FromDays(3);
        }
    }

    private static Instant AnchorOf(ScheduleModel schedule, DateTimeZone zone)
        => schedule.Start is { } start ? ScheduleStart.Parse(start)!.Value.InZone(zone) : new LocalDate(1970, 1, 1).AtStartOfDayInZone(zone).ToInstant();

    private static Instant Max(Instant a, Instant b) => a > b ? a : b;

    private static string Describe(ScheduleModel s) => (s.Kind == ScheduleKind.Cron ? "cron " + s.Expression : "every " + s.Every + " from " + (s.Start ?? "(epoch)")) + " in " + s.TimeZone + (s.Catchup == true ? ", catchup" : string.Empty);
}
