using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Osiris.Analyzers.Tests.Support;

namespace Osiris.Analyzers.Tests;

/// <summary>Repository settings reach the schedule checks through .globalconfig keys.</summary>
public sealed class ScheduleSettingsTests
{
    private const string NewYork0230 = """
        oml_version: "0.2.0"
        name: "orders"
        metadata:
          owner: "data@company.com"
        schedule:
          expression: "30 2 * * *"
          timezone: "America/New_York"
        steps:
          - id: "extract"
            component: "mysql.extractor"
            mode: "read"
            config:
              connection: "@mysql.primary"
              table: "orders"
        """;

    [Fact]
    public async Task Targets_AndReferenceDate_ShapeTheDstDiagnostic()
    {
        var test = new OmlAnalyzerTest()
            .WithOml("/0/pipelines/orders.oml", NewYork0230)
            .WithGlobalConfig("osiris_targets = airflow\nosiris_reference_date = 2026-11-27\n");
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult("OSI0211", DiagnosticSeverity.Warning)
                .WithSpan("/0/pipelines/orders.oml", 6, 15, 6, 27)
                .WithArguments("02:30", "America/New_York", "2027-03-14", "from 02:00 to 03:00", "Airflow runs it at 03:30 EDT", "02:00–03:00", "2026f"));
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task UnknownPrefectPython_MakesTheGapAnError()
    {
        var test = new OmlAnalyzerTest()
            .WithOml("/0/pipelines/orders.oml", NewYork0230)
            .WithGlobalConfig("osiris_targets = prefect\nosiris_reference_date = 2026-11-27\n");
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult("OSI0211", DiagnosticSeverity.Error)
                .WithSpan("/0/pipelines/orders.oml", 6, 15, 6, 27)
                .WithArguments("02:30", "America/New_York", "2027-03-14", "from 02:00 to 03:00", "Prefect on Python ≤3.12 runs it at 01:30 EST; Prefect on Python ≥3.13 runs it at 03:30 EDT", "02:00–03:00", "2026f"));
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task InvalidSetting_IsReportedOnce_AndTheDefaultIsUsed()
    {
        var test = new OmlAnalyzerTest()
            .WithOml("/0/pipelines/orders.oml", NewYork0230.Replace("30 2 * * *", "30 12 * * *"))
            .WithGlobalConfig("osiris_targets = airflw\n");
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult("OSI0010", DiagnosticSeverity.Warning)
                .WithArguments("osiris_targets (or OsirisTargets) is 'airflw', but it takes airflow, prefect, dagster (any of them; default all)"));
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ReferenceDateOutsideTheCalculatorsRange_IsOSI0010NotAnInternalError()
    {
        // 9998-12-31 made every scheduled file OSI0001 (OverflowException in the fire-time samples).
        var test = new OmlAnalyzerTest()
            .WithOml("/0/pipelines/orders.oml", NewYork0230.Replace("30 2 * * *", "30 12 * * *"))
            .WithGlobalConfig("osiris_reference_date = 9998-12-31\n");
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult("OSI0010", DiagnosticSeverity.Warning)
                .WithArguments("osiris_reference_date (or OsirisReferenceDate) is '9998-12-31', outside the dates the schedule analysis can count from (0002-01-01 to 8997-12-31)"));
        await test.RunAsync(TestContext.Current.CancellationToken);
    }
}
