using Osiris.Oml.Diagnostics;
using Osiris.Oml.Export;
using Osiris.Oml.Export.Oml;
using Osiris.Oml.Import;

namespace Osiris.Oml.Tests.Export;

/// <summary>
/// No secret value ever appears in an export: inline secrets (by the component spec, or by name for
/// unknown components and params) become the environment references OSI0503 proposes, connection
/// references stay. The round trip then gives the redacted pipeline back, not the secret.
/// </summary>
public sealed class SecretRedactionTests
{
    private const string Oml = """
        oml_version: "0.2.0"
        name: "leaky"
        params:
          db_password: "hunter2-param"
          table: "customers"
        schedule:
          expression: "0 2 * * *"
        metadata:
          owner: "data-team@company.com"
        steps:
          - id: "extract"
            component: "mysql.extractor"
            mode: "read"
            config:
              host: "db.internal"
              database: "crm"
              user: "etl"
              password: "s3cr3t-Passw0rd"
              table: "customers"
          - id: "graph"
            component: "graphql.extractor"
            mode: "read"
            config:
              endpoint: "https://api.example.com/graphql"
              query: "{ customers { id } }"
              auth_token: "${GRAPHQL_TOKEN}"
              headers:
                Authorization: "Bearer tok-123456"
          - id: "load"
            component: "supabase.writer"
            mode: "write"
            needs: ["extract"]
            config:
              connection: "@supabase.analytics"
              table: "customers"
              write_mode: "append"
          - id: "custom"
            component: "acme.unknown_loader"
            mode: "write"
            config:
              api_token: "tok-unknown-component"
              table: "t"
        """;

    private static readonly string[] Secrets = { "s3cr3t-Passw0rd", "Bearer tok-123456", "hunter2-param", "tok-unknown-component" };

    [Theory]
    [InlineData(ExportFormat.Airflow)]
    [InlineData(ExportFormat.Prefect)]
    [InlineData(ExportFormat.Dagster)]
    public void Export_NeverContainsAnInlineSecret_AndSaysWhatItReplaced(ExportFormat format)
    {
        var model = OmlEngine.AnalyzeFile("pipelines/leaky.oml", Oml, cancellationToken: TestContext.Current.CancellationToken).Pipeline!;
        var result = PipelineExporter.Export(model, format, ExportSamples.Options);
        foreach (var file in result.Files)
        {
            foreach (var secret in Secrets)
            {
                Assert.DoesNotContain(secret, file.Content, StringComparison.Ordinal);
            }

            Assert.Contains("steps[0].config.password -> ${MYSQL_PASSWORD}", file.Content, StringComparison.Ordinal);
            Assert.Contains("@supabase.analytics", file.Content, StringComparison.Ordinal);
            Assert.Contains("${GRAPHQL_TOKEN}", file.Content, StringComparison.Ordinal);
        }

        Assert.Equal(
            new[]
            {
                new Redaction("steps[0].config.password", "${MYSQL_PASSWORD}"),
                new Redaction("steps[1].config.headers.Authorization", "${GRAPHQL_HEADERS_AUTHORIZATION}"),
                new Redaction("steps[3].config.api_token", "${ACME_API_TOKEN}"),
                new Redaction("params.db_password", "${PARAMS_DB_PASSWORD}"),
            },
            result.Redactions);
    }

    [Fact]
    public void Import_GivesTheRedactedPipeline_WhichIsValidOmlWithoutInlineSecrets()
    {
        var analysis = OmlEngine.AnalyzeFile("pipelines/leaky.oml", Oml, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(analysis.Diagnostics, d => d.Id == DiagnosticIds.InlineSecret);
        var file = PipelineExporter.Export(analysis.Pipeline!, ExportFormat.Airflow, ExportSamples.Options).Files.Single();

        var imported = PipelineImporter.Import("dags/leaky.py", file.Content);
        Assert.Empty(imported.Diagnostics);
        Assert.Equal(4, imported.Redactions.Length);
        Assert.NotEqual(analysis.Pipeline, imported.Pipeline);
        var password = imported.Pipeline!.Steps[0].Config.Properties.Single(p => p.Key == "password").Value;
        Assert.Equal("${MYSQL_PASSWORD}", Assert.IsType<Osiris.Oml.Model.OmlScalar>(password).Text);

        var rewritten = OmlEngine.AnalyzeFile("pipelines/leaky.oml", OmlWriter.Write(imported.Pipeline), cancellationToken: TestContext.Current.CancellationToken);
        Assert.DoesNotContain(rewritten.Diagnostics, d => d.Id == DiagnosticIds.InlineSecret);
        Assert.Equal(imported.Pipeline, rewritten.Pipeline);
    }
}
