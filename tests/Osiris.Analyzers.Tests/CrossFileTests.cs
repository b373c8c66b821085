using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Osiris.Analyzers.Tests.Support;

namespace Osiris.Analyzers.Tests;

/// <summary>Repository-wide rules at compilation end, located in each file with additional locations.</summary>
public sealed class CrossFileTests
{
    private const string Seed = """
        oml_version: "0.2.0"
        name: "daily_customer_sync"
        metadata:
          owner: "data-team@company.com"
          lineage:
            upstream:
              - {|#0:"pipeline: order_processing"|}
              - "table: mysql.orders"
            downstream:
              - "dashboard: customer_analytics"
              - {|#1:"pipeline: marketing_segments"|}
        steps:
          - id: "extract_customers"
            component: "mysql.extractor"
            mode: "read"
            config:
              connection: "@mysql.primary"
              table: "customers"
        """;

    private static string Other(string name, string lineage) => $$"""
        oml_version: "0.2.0"
        name: "{{name}}"
        metadata:
          owner: "data-team@company.com"
          lineage: {{{lineage}}}
        steps:
          - id: "extract"
            component: "mysql.extractor"
            mode: "read"
            config:
              connection: "@mysql.primary"
              table: "orders"
        """;

    [Fact]
    public async Task SeedExample_ReportsTheMissingPipelinesAtTheListItems()
    {
        var test = new OmlAnalyzerTest().WithOml("/0/pipelines/daily_customer_sync.oml", Seed);
        test.ExpectedDiagnostics.Add(new DiagnosticResult("OSI0406", DiagnosticSeverity.Error).WithLocation(0).WithArguments("order_processing", string.Empty));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("OSI0406", DiagnosticSeverity.Error).WithLocation(1).WithArguments("marketing_segments", string.Empty));
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task SeedExample_IsClean_OnceThePipelinesExist()
    {
        await new OmlAnalyzerTest()
            .WithOml("/0/pipelines/daily_customer_sync.oml", Seed.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty))
            .WithOml("/0/pipelines/order_processing.oml", Other("order_processing", "downstream: [\"pipeline: daily_customer_sync\"]"))
            .WithOml("/0/pipelines/marketing_segments.oml", Other("marketing_segments", "upstream: [\"pipeline: daily_customer_sync\"]"))
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task DuplicateNames_FailInBothFiles_WithTheOtherAsAdditionalLocation()
    {
        var test = new OmlAnalyzerTest()
            .WithOml("/0/pipelines/a.oml", Other("orders", "upstream: []").Replace("name: \"orders\"", "name: {|#0:\"orders\"|}"))
            .WithOml("/0/pipelines/copy/b.oml", Other("orders", "upstream: []").Replace("name: \"orders\"", "name: {|#1:\"orders\"|}"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("OSI0405", DiagnosticSeverity.Error).WithLocation(0).WithLocation(1).WithArguments("orders", "copy/b.oml (line 2)"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("OSI0405", DiagnosticSeverity.Error).WithLocation(1).WithLocation(0).WithArguments("orders", "a.oml (line 2)"));
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task OwnerPolicy_CanBeSwitchedOff()
    {
        const string unowned = """
            oml_version: "0.2.0"
            name: "orders"
            schedule: {expression: "0 12 * * *"}
            steps:
              - id: "extract"
                component: "mysql.extractor"
                mode: "read"
                config: {connection: "@mysql.primary", table: "orders"}
            """;
        await new OmlAnalyzerTest()
            .WithOml("/0/pipelines/orders.oml", "{|OSI0301:oml_version|}" + unowned.Substring("oml_version".Length))
            .RunAsync(TestContext.Current.CancellationToken);
        await new OmlAnalyzerTest()
            .WithOml("/0/pipelines/orders.oml", unowned)
            .WithGlobalConfig("osiris_owner_required = never\n")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task TimeoutPolicy_IsAppliedFromGlobalConfig()
    {
        await new OmlAnalyzerTest()
            .WithOml("/0/pipelines/orders.oml", """
                oml_version: "0.2.0"
                name: "orders"
                metadata: {owner: "data-team@company.com"}
                schedule: {expression: "0 12 * * *", timeout: {|OSI0315:"3h"|}}
                steps:
                  - id: "extract"
                    component: "mysql.extractor"
                    mode: "read"
                    config: {connection: "@mysql.primary", table: "orders"}
                """)
            .WithGlobalConfig("osiris_max_timeout = 2h\n")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task CustomTestScript_IsFoundAmongTheAdditionalFiles()
    {
        const string pipeline = """
            oml_version: "0.2.0"
            name: "orders"
            metadata:
              owner: "data-team@company.com"
              tests: [{type: custom, script: SCRIPT}]
            steps:
              - id: "extract"
                component: "mysql.extractor"
                mode: "read"
                config: {connection: "@mysql.primary", table: "orders"}
            """;
        await new OmlAnalyzerTest()
            .WithOml("/0/pipelines/orders.oml", pipeline.Replace("SCRIPT", "\"../tests/check.py\""))
            .WithOml("/0/tests/check.py", "print('ok')")
            .RunAsync(TestContext.Current.CancellationToken);
        await new OmlAnalyzerTest()
            .WithOml("/0/pipelines/orders.oml", pipeline.Replace("SCRIPT", "{|OSI0308:\"../tests/chek.py\"|}"))
            .WithOml("/0/tests/check.py", "print('ok')")
            .RunAsync(TestContext.Current.CancellationToken);
    }
}
