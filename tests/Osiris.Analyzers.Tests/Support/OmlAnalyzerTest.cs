using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Osiris.Analyzers.Analyzers;

namespace Osiris.Analyzers.Tests.Support;

/// <summary>The analyzer test harness: one C# file (the project is real C#) plus .oml additional files.</summary>
public sealed class OmlAnalyzerTest : CSharpAnalyzerTest<OmlFileAnalyzer, DefaultVerifier>
{
    public OmlAnalyzerTest()
    {
        ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        TestState.Sources.Add(("/0/Program.cs", "internal static class Program { }"));
    }

    /// <summary>Adds an .oml file; markup such as {|OSI0115:"@mysql"|} marks the expected diagnostics.</summary>
    public OmlAnalyzerTest WithOml(string path, string markup)
    {
        TestState.AdditionalFiles.Add((path, markup));
        return this;
    }

    public OmlAnalyzerTest WithGlobalConfig(string content)
    {
        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + content));
        return this;
    }

    public OmlAnalyzerTest WithSuppressed(params string[] ids)
    {
        SolutionTransforms.Add((solution, projectId) =>
        {
            var project = solution.GetProject(projectId)!;
            var options = project.CompilationOptions!.WithSpecificDiagnosticOptions(
                project.CompilationOptions.SpecificDiagnosticOptions.AddRange(
                    ids.Select(id => new KeyValuePair<string, ReportDiagnostic>(id, ReportDiagnostic.Suppress))));
            return solution.WithProjectCompilationOptions(projectId, options);
        });
        return this;
    }
}
