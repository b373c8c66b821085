using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Rules;

/// <summary>${...} placeholders in step configuration.</summary>
public sealed class VariablesRuleTests
{
    private static string Pipeline(string query, bool window = true, string @params = "") => $$"""
        oml_version: "0.2.0"
        name: "orders"
        metadata:
          owner: "data@company.com"
        {{@params}}
        schedule:
          expression: "0 2 * * *"
        {{(window ? "  window: {type: sliding, size: \"24h\", field: updated_at}" : string.Empty)}}
        steps:
          - id: "extract"
            component: "mysql.extractor"
            mode: "read"
            config:
              connection: "@mysql.primary"
              query: "{{query}}"
        """;

    [Fact]
    public void WindowVariables_AreQuiet_WhenTheScheduleHasAWindow()
        => OmlMarkup.Quiet(Pipeline("SELECT * FROM t WHERE u >= '${window.start}' AND u < '${window.end}'"));

    [Fact]
    public void WindowVariables_AreQuiet_InABlockScalar()
        => OmlMarkup.Quiet("""
            oml_version: "0.2.0"
            name: "orders"
            metadata:
              owner: "data@company.com"
            schedule:
              expression: "0 2 * * *"
              window: {type: sliding, size: "24h", field: updated_at}
            steps:
              - id: "extract"
                component: "mysql.extractor"
                mode: "read"
                config:
                  connection: "@mysql.primary"
                  query: |
                    SELECT * FROM t
                    WHERE u >= '${window.start}'
                      AND u < '${window.end}'
            """);

    [Fact]
    public void WindowVariable_ReportsOSI0209AtThePlaceholder_WhenThereIsNoWindow()
    {
        var d = OmlMarkup.Verify(Pipeline("SELECT * FROM t WHERE u >= '{|OSI0209:${window.start}|}'", window: false));
        Assert.Equal("'${window.start}' is used, but the pipeline has no schedule window; add schedule.window (type, size, offset, field)", Assert.Single(d).GetMessage());
    }

    [Fact]
    public void WindowVariable_IsLocatedInsideABlockScalar()
        => OmlMarkup.Verify("""
            oml_version: "0.2.0"
            name: "orders"
            metadata:
              owner: "data@company.com"
            schedule:
              expression: "0 2 * * *"
            steps:
              - id: "extract"
                component: "mysql.extractor"
                mode: "read"
                config:
                  connection: "@mysql.primary"
                  query: |
                    SELECT * FROM t
                    WHERE u >= '{|OSI0209:${window.start}|}'
            """);

    [Fact]
    public void Window_ReportsOSI0208AtTheWindow_WhenNoStepUsesIt()
    {
        var d = Assert.Single(OmlMarkup.Verify("""
            oml_version: "0.2.0"
            name: "orders"
            metadata:
              owner: "data@company.com"
            schedule:
              expression: "0 2 * * *"
              {|OSI0208:window|}: {type: sliding, size: "24h", field: updated_at}
            steps:
              - id: "extract"
                component: "mysql.extractor"
                mode: "read"
                config:
                  connection: "@mysql.primary"
                  table: "orders"
            """));
        Assert.Equal("The schedule defines a window on 'updated_at', but no step uses ${window.start} or ${window.end}; filter the source query on them or remove the window", d.GetMessage());
    }

    [Theory]
    [InlineData("{|OSI0210:${window.begin}|}", "window.begin", " (did you mean 'window.start'?)")]
    [InlineData("{|OSI0210:${widow.end}|}", "widow.end", " (did you mean 'window.end'?)")]
    [InlineData("{|OSI0210:${run_id}|}", "run_id", "")]
    public void UnknownVariable_ReportsOSI0210WithASuggestion(string placeholder, string name, string suggestion)
    {
        var diagnostics = OmlMarkup.Verify(Pipeline($"SELECT * FROM t WHERE u >= '${{window.start}}' AND u < '${{window.end}}' AND x = '{placeholder}'"));
        Assert.Equal(
            $"Unknown variable '${{{name}}}'{suggestion}; use ${{window.start}}, ${{window.end}}, ${{params.<name>}} of a declared param, or an environment variable such as ${{DB_PASSWORD}}",
            Assert.Single(diagnostics).GetMessage());
    }

    [Fact]
    public void Params_AreQuiet_WhenDeclared()
        => OmlMarkup.Quiet(Pipeline("SELECT * FROM ${params.table} WHERE u >= '${window.start}' AND u < '${window.end}'", @params: "params:\n  table: {default: orders}"));

    [Fact]
    public void Params_ReportOSI0210_WhenNotDeclared()
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline(
            "SELECT * FROM {|OSI0210:${params.tabel}|} WHERE u >= '${window.start}' AND u < '${window.end}'",
            @params: "params:\n  table: {default: orders}")));
        Assert.StartsWith("Unknown variable '${params.tabel}' (did you mean 'params.table'?)", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void EnvironmentVariables_AreQuiet()
        => OmlMarkup.Quiet(Pipeline("SELECT * FROM ${SCHEMA_NAME}.t WHERE u >= '${window.start}' AND u < '${window.end}'"));
}
