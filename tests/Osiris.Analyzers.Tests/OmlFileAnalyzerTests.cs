using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Osiris.Analyzers.Tests.Support;

namespace Osiris.Analyzers.Tests;

/// <summary>The analyzer inside the compiler: locations in the .oml file, severities, suppression.</summary>
public sealed class OmlFileAnalyzerTests
{
    private const string Valid = """
        oml_version: "0.1.0"
        name: "daily-export"
        steps:
          - id: "extract"
            component: "mysql.extractor"
            mode: "read"
            config:
              connection: "@mysql.primary"
              table: "customers"
        """;

    [Fact]
    public async Task ValidPipeline_ReportsNothing()
    {
        await new OmlAnalyzerTest().WithOml("/0/pipelines/export.oml", Valid).RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task InvalidConnection_IsReportedAtTheValueInsideTheOmlFile()
    {
        await new OmlAnalyzerTest()
            .WithOml("/0/pipelines/export.oml", """
                oml_version: "0.1.0"
                name: "daily-export"
                steps:
                  - id: "extract"
                    component: "mysql.extractor"
                    mode: "read"
                    config:
                      connection: {|OSI0115:"@mysql"|}
                      table: "customers"
                """)
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Diagnostic_HasExactSpanSeverityAndMessage()
    {
        var test = new OmlAnalyzerTest().WithOml("/0/pipelines/export.oml", Valid.Replace("\"read\"", "\"reed\""));
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult("OSI0111", DiagnosticSeverity.Error)
                .WithSpan("/0/pipelines/export.oml", 6, 11, 6, 17)
                .WithArguments("reed"));
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task SeveralFiles_EachDiagnosticIsInItsOwnFile()
    {
        await new OmlAnalyzerTest()
            .WithOml("/0/pipelines/a.oml", "oml_version: \"0.1.0\"\nname: \"a\"\nsteps: {|OSI0107:[]|}\n")
            .WithOml("/0/pipelines/b.oml", "{|OSI0101:oml_version|}: \"0.1.0\"\nsteps: {|OSI0107:[]|}\n")
            .WithOml("/0/pipelines/c.oml", Valid)
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task OtherAdditionalFiles_AreIgnored()
    {
        await new OmlAnalyzerTest()
            .WithOml("/0/pipelines/notes.yaml", "this: [is, not: an oml file")
            .WithOml("/0/README.md", "# not OML")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task FileExtension_IsMatchedCaseInsensitively()
    {
        await new OmlAnalyzerTest()
            .WithOml("/0/pipelines/UPPER.OML", "oml_version: \"0.1.0\"\nname: \"upper\"\nsteps: {|OSI0107:[]|}\n")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task GlobalConfig_TurnsAnErrorIntoAWarning()
    {
        var test = new OmlAnalyzerTest()
            .WithOml("/0/pipelines/export.oml", Valid.Replace("\"read\"", "\"reed\""))
            .WithGlobalConfig("dotnet_diagnostic.OSI0111.severity = warning\n");
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult("OSI0111", DiagnosticSeverity.Warning).WithSpan("/0/pipelines/export.oml", 6, 11, 6, 17));
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task GlobalConfig_NoneSilencesTheDiagnostic()
    {
        await new OmlAnalyzerTest()
            .WithOml("/0/pipelines/export.oml", Valid.Replace("\"daily-export\"", "\"Daily Export\""))
            .WithGlobalConfig("dotnet_diagnostic.OSI0106.severity = none\n")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task NoWarn_SuppressesTheDiagnostic()
    {
        await new OmlAnalyzerTest()
            .WithOml("/0/pipelines/export.oml", Valid.Replace("\"daily-export\"", "\"Daily Export\""))
            .WithSuppressed("OSI0106")
            .RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AssemblySuppressMessage_SuppressesTheDiagnostic()
    {
        var test = new OmlAnalyzerTest()
            .WithOml("/0/pipelines/export.oml", Valid.Replace("\"daily-export\"", "\"Daily Export\""));
        test.TestState.Sources.Add((
            "/0/Suppressions.cs",
            "[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage(\"Osiris.Structure\", \"OSI0106\", Justification = \"names come from the CRM\")]"));
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task EditorConfigSection_DoesNotReachOmlFiles()
    {
        // Roslyn applies .editorconfig sections to source files only (dotnet/roslyn#31916); the README
        // says so and points to .globalconfig. This test pins that behaviour so the docs stay true.
        var test = new OmlAnalyzerTest()
            .WithOml("/0/pipelines/export.oml", Valid.Replace("\"daily-export\"", "\"Daily Export\""));
        test.TestState.AnalyzerConfigFiles.Add(("/0/.editorconfig", "root = true\n\n[*.oml]\ndotnet_diagnostic.OSI0106.severity = error\n"));
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult("OSI0106", DiagnosticSeverity.Warning).WithSpan("/0/pipelines/export.oml", 2, 7, 2, 21));
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task CrLfAndByteOrderMark_PositionsMatchTheEditor()
    {
        var text = "\uFEFFoml_version: \"0.1.0\"\r\nname: \"crlf\"\r\nsteps:\r\n  - id: \"a\"\r\n    component: \"duckdb.processor\"\r\n    mode: \"write\"\r\n    config: {query: \"select 1\"}\r\n";
        var test = new OmlAnalyzerTest().WithOml("/0/pipelines/crlf.oml", text);
        test.ExpectedDiagnostics.Add(
            new DiagnosticResult("OSI0112", DiagnosticSeverity.Error)
                .WithSpan("/0/pipelines/crlf.oml", 6, 11, 6, 18)
                .WithArguments("duckdb.processor", "write", "mode: transform"));
        await test.RunAsync(TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("\0\u0001\u0002binary")]
    [InlineData("a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")]
    [InlineData("a: &a [1,2]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n")]
    [InlineData("")]
    [InlineData("\t- x")]
    [InlineData("key: \"unterminated")]
    public async Task HostileInput_IsReportedAsDiagnosticsNeverAsAnalyzerCrash(string text)
    {
        var diagnostics = await AnalyzerRunner.RunAsync(("/0/pipelines/hostile.oml", text));
        Assert.NotEmpty(diagnostics);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        Assert.All(diagnostics, d => Assert.StartsWith("OSI", d.Id, StringComparison.Ordinal));
        Assert.DoesNotContain(diagnostics, d => d.Id == "OSI0001");
    }
}
