using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Osiris.Analyzers.Diagnostics;
using Osiris.Oml;
using Osiris.Oml.Catalog;
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
            var global = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions;
            var settings = ProjectAnalysis.ReadSettings(global);
            var options = ProjectAnalysis.CreateOptions(start.Options.AdditionalFiles, global, specs, settings);

            // Every file's catalog entry is collected for the repository-wide rules at compilation end.
            var catalog = new ConcurrentBag<CatalogEntry>();
            start.RegisterAdditionalFileAction(file =>
            {
                if (OmlFiles.IsOml(file.AdditionalFile.Path))
                {
                    if (AnalyzeFile(file, options) is { } entry)
                    {
                        catalog.Add(entry);
                    }
                }
                else if (specs.DiagnosticsByPath.TryGetValue(file.AdditionalFile.Path, out var diagnostics))
                {
                    foreach (var diagnostic in diagnostics)
                    {
                        file.ReportDiagnostic(LocationMapper.ToDiagnostic(diagnostic));
                    }
                }
            });

            var problems = settings.Problems;
            start.RegisterCompilationEndAction(end =>
            {
                foreach (var problem in problems)
                {
                    end.ReportDiagnostic(Diagnostic.Create(OmlDiagnosticDescriptors.Get(DiagnosticCatalog.InvalidSetting), Location.None, problem));
                }

                try
                {
                    foreach (var diagnostic in OmlCatalog.Analyze(catalog, options, end.CancellationToken))
                    {
                        end.ReportDiagnostic(LocationMapper.ToDiagnostic(diagnostic));
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    end.ReportDiagnostic(Diagnostic.Create(
                        OmlDiagnosticDescriptors.Get(DiagnosticCatalog.InternalError),
                        Location.None,
                        "repository-wide rules: " + ex.GetType().Name + ": " + ex.Message));
                }
            });
        });
    }

    private static CatalogEntry? AnalyzeFile(AdditionalFileAnalysisContext context, OmlAnalysisOptions options)
    {
        var file = context.AdditionalFile;

        try
        {
            var text = file.GetText(context.CancellationToken);
            if (text is null)
            {
                Report(context, DiagnosticCatalog.NotText, file.Path, default, "the compiler could not read it");
                return null;
            }

            if (OmlFiles.EncodingProblem(text) is { } problem)
            {
                var content = text.ToString();
                var at = OmlFiles.FirstNonAscii(content);
                var lines = text.Lines.GetLinePositionSpan(new TextSpan(at, at < content.Length ? 1 : 0));
                context.ReportDiagnostic(Diagnostic.Create(
                    OmlDiagnosticDescriptors.Get(DiagnosticCatalog.NotText),
                    Location.Create(file.Path, new TextSpan(at, at < content.Length ? 1 : 0), lines),
                    problem));
                return null;
            }

            var analysis = ProjectAnalysis.Analyze(text, file.Path, options, context.CancellationToken);
            foreach (var diagnostic in analysis.Diagnostics)
            {
                context.ReportDiagnostic(LocationMapper.ToDiagnostic(diagnostic));
            }

            return analysis.Catalog;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // Never AD0001: a failure in this adapter is reported in the file like any other finding.
            Report(context, DiagnosticCatalog.InternalError, file.Path, default, ex.GetType().Name + ": " + ex.Message);
            return null;
        }
    }

    private static void Report(AdditionalFileAnalysisContext context, OmlDiagnosticDescriptor descriptor, string path, TextSpan span, string argument)
        => context.ReportDiagnostic(Diagnostic.Create(
            OmlDiagnosticDescriptors.Get(descriptor),
            Location.Create(path, span, new LinePositionSpan(default, default)),
            argument));
}
