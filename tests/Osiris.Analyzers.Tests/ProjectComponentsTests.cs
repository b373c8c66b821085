using Osiris.Analyzers.Tests.Support;

namespace Osiris.Analyzers.Tests;

/// <summary>components/&lt;name&gt;/spec.yaml AdditionalFiles extend the registry for the compilation's .oml files.</summary>
public sealed class ProjectComponentsTests
{
    private const string Spec = """
        name: acme.crm_extractor
        modes: [extract]
        configSchema:
          properties:
            object: {type: string, enum: [accounts, contacts]}
          required: [object]
        """;

    [Fact]
    public async Task OwnComponent_IsCheckedAgainstItsSpec()
    {
        await new OmlAnalyzerTest()
            .WithOml("/0/components/acme.crm_extractor/spec.yaml", Spec)
            .WithOml("/0/pipelines/crm.oml", """
                oml_version: "0.1.0"
                name: "crm"
                steps:
                  - id: "accounts"
                    component: "acme.crm_extractor"
                    mode: "read"
                    config:
                      object: {|OSI0120:"leads"|}
                """)
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task OwnComponent_IsUnknownWithoutItsSpec()
    {
        await new OmlAnalyzerTest()
            .WithOml("/0/pipelines/crm.oml", """
                oml_version: "0.1.0"
                name: "crm"
                steps:
                  - id: "accounts"
                    component: {|OSI0110:"acme.crm_extractor"|}
                    mode: "read"
                    config:
                      object: "leads"
                """)
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task BrokenSpec_IsReportedInTheSpecFile()
    {
        await new OmlAnalyzerTest()
            .WithOml("/0/components/acme.broken/spec.yaml", "name: acme.broken\nmodes: [{|OSI0124:load|}]\nconfigSchema: {properties: {}}\n")
            .RunAsync(TestContext.Current.CancellationToken);
    }
}
