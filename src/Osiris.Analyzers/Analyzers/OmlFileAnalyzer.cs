using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Osiris.Analyzers.Diagnostics;
using Osiris.Oml;
using Osiris.Oml.Diagnostics;

namespace Osiris.Analyzers.Analyzers;

/// <summary>
/// Validates every <c>.oml</c> AdditionalFile with the Osiris engine and reports each finding at its
/// place in the <c>.oml</c> file, so builds fail on invalid pipelines and IDEs list the errors.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OmlFileAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => OmlDiagnosticDescriptors.All;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            // The project's own component specs extend the built-in registry for every .oml file.
            var specs = ProjectComponents.Read(start.Options.AdditionalFiles, start.CancellationToken);
            var schedule = RepositorySettings.ReadSchedule(start.Options.AnalyzerConfigOptionsProvider.GlobalOptions, out var problems);
            var options = OmlAnalysisOptions.Default with { Components = specs.Registry, Schedule = schedule };
            if (!problems.IsEmpty)
            {
                start.RegisterCompilationEndAction(end =>
                {
                    foreach (var problem in problems)
                    {
                        end.ReportDiagnostic(Diagnostic.Create(OmlDiagnosticDescriptors.Get(DiagnosticCatalog.InvalidSetting), Location.None, problem));
                    }
                });
            }

            start.RegisterAdditionalFileAction(file =>
            {
                if (OmlFiles.IsOml(file.AdditionalFile.Path))
                {
                    AnalyzeFile(file, options);
                }
                else if (specs.DiagnosticsByPath.TryGetValue(file.AdditionalFile.Path, out var diagnostics))
                {
                    foreach (var diagnostic in diagnostics)
                    {
                        file.ReportDiagnostic(LocationMapper.ToDiagnostic(diagnostic));
                    }
                }
            });
        });
    }

    private static void AnalyzeFile(AdditionalFileAnalysisContext context, OmlAnalysisOptions options)
    {
        var file = context.AdditionalFile;

        try
        {
            var text = file.GetText(context.CancellationToken);
            if (text is null)
            {
                Report(context, DiagnosticCatalog.NotText, file.Path, default, "the compiler could not read it");
                return;
            }

            var content = text.ToString();
            if (OmlFiles.EncodingProblem(text) is { } problem)
            {
                var at = OmlFiles.FirstNonAscii(content);
                var lines = text.Lines.GetLinePositionSpan(new TextSpan(at, at < content.Length ? 1 : 0));
                context.ReportDiagnostic(Diagnostic.Create(
                    OmlDiagnosticDescriptors.Get(DiagnosticCatalog.NotText),
                    Location.Create(file.Path, new TextSpan(at, at < content.Length ? 1 : 0), lines),
                    problem));
                return;
            }

            var analysis = OmlEngine.AnalyzeFile(file.Path, content, options, context.CancellationToken);
            foreach (var diagnostic in analysis.Diagnostics)
            {
                context.ReportDiagnostic(LocationMapper.ToDiagnostic(diagnostic));
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Never AD0001: a failure in this adapter is reported in the file like any other finding.
            Report(context, DiagnosticCatalog.InternalError, file.Path, default, ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static void Report(AdditionalFileAnalysisContext context, OmlDiagnosticDescriptor descriptor, string path, TextSpan span, string argument)
        => context.ReportDiagnostic(Diagnostic.Create(
            OmlDiagnosticDescriptors.Get(descriptor),
            Location.Create(path, span, new LinePositionSpan(default, default)),
            argument));
}
