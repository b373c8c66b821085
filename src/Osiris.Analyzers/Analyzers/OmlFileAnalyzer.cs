using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NodaTime;
using Osiris.Analyzers.Diagnostics;
using Osiris.Oml;
using Osiris.Oml.Catalog;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Settings;

namespace Osiris.Analyzers.Analyzers;

/// <summary>
/// Validates every <c>.oml</c> AdditionalFile with the Osiris engine and reports each finding at its
/// place in the <c>.oml</c> file, so builds fail on invalid pipelines and IDEs list the errors.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OmlFileAnalyzer : DiagnosticAnalyzer
{
    // Each keystroke in the IDE starts a compilation; unchanged .oml files are not analyzed again.
    private static readonly TextResultCache<(string Path, OmlAnalysisOptions Options), OmlFileAnalysis> Analyses = new();

    // The options of the last compilation: equal options are replaced by this instance, so the cache
    // compares options by reference for every file instead of by value (which walks the file list).
    private static OmlAnalysisOptions? lastOptions;

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
            var settings = ReadSettings(global);
            global.TryGetValue("build_property.ProjectDir", out var projectDir);
            var options = Shared(OmlAnalysisOptions.Default with
            {
                Components = specs.Registry,
                Schedule = settings.Schedule,
                Policy = settings.Policy,
                ProjectFiles = new ProjectFiles(start.Options.AdditionalFiles.Select(f => f.Path), projectDir),
            });

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

    /// <summary>The osiris_* settings from the compiler's global options (.globalconfig keys or build properties).</summary>
    private static RepositorySettings ReadSettings(AnalyzerConfigOptions global)
    {
        // Looked up one by one: not every host implements AnalyzerConfigOptions.Keys.
        var options = new List<KeyValuePair<string, string>>();
        foreach (var key in RepositorySettings.SettingKeys)
        {
            if (global.TryGetValue(key, out var value))
            {
                options.Add(new KeyValuePair<string, string>(key, value));
            }
        }

        // The build date (UTC) anchors "the next DST transitions"; osiris_reference_date pins it for reproducible builds.
        return RepositorySettings.Read(options, LocalDate.FromDateTime(DateTime.UtcNow));
    }

    private static OmlAnalysisOptions Shared(OmlAnalysisOptions options)
    {
        var last = Volatile.Read(ref lastOptions);
        if (last is not null && last.Equals(options))
        {
            return last;
        }

        Volatile.Write(ref lastOptions, options);
        return options;
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

            var cancellationToken = context.CancellationToken;
            var analysis = Analyses.GetOrCompute(
                text,
                (file.Path, options),
                () => OmlEngine.AnalyzeFile(file.Path, text.ToString(), options, cancellationToken));
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
