using System.Collections.Immutable;
using NodaTime;
using Osiris.Oml.Diagnostics;
using Osiris.Oml.Scheduling;
using Osiris.Oml.Settings;

namespace Osiris.Oml.Tests.Settings;

/// <summary>The .globalconfig reader, the severity keys and the repository settings built from them.</summary>
public sealed class GlobalConfigFileTests
{
    [Fact]
    public void Parse_ReadsKeysAsRoslynDoes_CommentsCaseAndSections()
    {
        var file = GlobalConfigFile.Parse("/repo/.globalconfig", """
            # a comment
            ; another
            is_global = true
            Dotnet_Diagnostic.OSI0106.Severity = error   # inline comment
            osiris_targets: airflow, dagster
            not a property line
            osiris_targets = airflow ; the later line wins
            [/repo/pipelines/a.oml]
            dotnet_diagnostic.OSI0103.severity = none
            """);

        Assert.True(file.IsGlobal);
        Assert.Equal(100, file.GlobalLevel);
        Assert.Equal("error", file.GlobalSection["dotnet_diagnostic.osi0106.severity"]);
        Assert.Equal("airflow", file.GlobalSection["OSIRIS_TARGETS"]);
        Assert.False(file.GlobalSection.ContainsKey("dotnet_diagnostic.OSI0103.severity"));
        Assert.Equal(new[] { "/repo/pipelines/a.oml" }, file.SectionNames);
    }

    [Fact]
    public void IsGlobal_ByFileNameOrKey_AndGlobalLevelDefaultsByName()
    {
        Assert.True(GlobalConfigFile.Parse("/r/.globalconfig", "x = 1").IsGlobal);
        Assert.False(GlobalConfigFile.Parse("/r/analyzers.ini", "x = 1").IsGlobal);
        Assert.True(GlobalConfigFile.Parse("/r/analyzers.ini", "is_global = true").IsGlobal);
        Assert.Equal(0, GlobalConfigFile.Parse("/r/analyzers.ini", "is_global = true").GlobalLevel);
        Assert.Equal(7, GlobalConfigFile.Parse("/r/.globalconfig", "global_level = 7").GlobalLevel);
    }

    [Fact]
    public void Merge_TakesTheHigherLevel_AndDropsEqualLevelConflicts()
    {
        var low = GlobalConfigFile.Parse("/a/.globalconfig", "is_global = true\nglobal_level = 1\nosiris_targets = airflow\nosiris_max_concurrency = 2\n");
        var high = GlobalConfigFile.Parse("/a/b/.globalconfig", "is_global = true\nglobal_level = 5\nosiris_targets = prefect\n");
        var twin = GlobalConfigFile.Parse("/a/b/c/.globalconfig", "is_global = true\nglobal_level = 1\nosiris_max_concurrency = 3\n");
        var notGlobal = GlobalConfigFile.Parse("/a/x.editorconfig", "osiris_targets = dagster\n");

        var merged = GlobalConfigFile.Merge(new[] { low, high, twin, notGlobal }, out var conflicts);

        Assert.Equal("prefect", merged["osiris_targets"]);
        Assert.False(merged.ContainsKey("osiris_max_concurrency"));
        Assert.False(merged.ContainsKey("is_global"));
        var conflict = Assert.Single(conflicts);
        Assert.Contains("'osiris_max_concurrency' is set differently by /a/.globalconfig and /a/b/c/.globalconfig", conflict, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error", OmlSeverity.Error)]
    [InlineData("warning", OmlSeverity.Warning)]
    [InlineData("suggestion", OmlSeverity.Info)]
    [InlineData("silent", OmlSeverity.Hidden)]
    [InlineData("refactoring", OmlSeverity.Hidden)]
    [InlineData("default", OmlSeverity.Warning)]
    [InlineData("none", null)]
    public void Severity_IdKeys_TakeRoslynsValues(string value, OmlSeverity? expected)
    {
        var config = SeverityConfiguration.Read(new[] { Pair("dotnet_diagnostic.OSI0106.severity", value) }, out var problems);

        Assert.Empty(problems);
        Assert.Equal(expected, config.Apply(Diagnostic(DiagnosticCatalog.NamingConvention)));
        Assert.Equal(OmlSeverity.Error, config.Apply(Diagnostic(DiagnosticCatalog.InvalidCron)));
    }

    [Fact]
    public void Severity_MostSpecificKeyWins_IdThenCategoryThenAll()
    {
        var config = SeverityConfiguration.Read(
            new[]
            {
                Pair("dotnet_analyzer_diagnostic.severity", "none"),
                Pair("dotnet_analyzer_diagnostic.category-Osiris.Structure.severity", "error"),
                Pair("dotnet_diagnostic.OSI0103.severity", "suggestion"),
            },
            out _);

        Assert.Equal(OmlSeverity.Info, config.Apply(Diagnostic(DiagnosticCatalog.UnknownTopLevelKey)));
        Assert.Equal(OmlSeverity.Error, config.Apply(Diagnostic(DiagnosticCatalog.NamingConvention)));
        Assert.Null(config.Apply(Diagnostic(DiagnosticCatalog.InvalidCron)));
    }

    [Fact]
    public void Severity_UnknownValue_IsAProblem_AndOtherAnalyzersKeysAreIgnored()
    {
        var config = SeverityConfiguration.Read(
            new[] { Pair("dotnet_diagnostic.OSI0106.severity", "fatal"), Pair("dotnet_diagnostic.CA1000.severity", "whatever") },
            out var problems);

        Assert.True(config.IsEmpty);
        Assert.Equal(new[] { "dotnet_diagnostic.OSI0106.severity is 'fatal', but it takes error, warning, suggestion, silent, none or default" }, problems);
    }

    [Fact]
    public void RepositorySettings_OsirisKeyWinsOverTheBuildProperty_AndProblemsAreCollected()
    {
        var settings = RepositorySettings.Read(
            new[]
            {
                Pair("build_property.OsirisTargets", "dagster"),
                Pair("OSIRIS_TARGETS", "airflow"),
                Pair("build_property.OsirisPrefectPython", "3.13"),
                Pair("osiris_max_retry_attempts", "many"),
            },
            new LocalDate(2026, 11, 27));

        Assert.Equal(Orchestrators.Airflow, settings.Schedule.Targets);
        Assert.Equal(PrefectPython.Python313OrNewer, settings.Schedule.PrefectPython);
        Assert.Equal(Instant.FromUtc(2026, 11, 27, 0, 0), settings.Schedule.ReferenceTime);
        Assert.Equal(new[] { "osiris_max_retry_attempts (or OsirisMaxRetryAttempts) is 'many', but it takes a whole number such as 3 (default: no limit)" }, settings.Problems);
        Assert.Contains("osiris_targets", RepositorySettings.SettingKeys);
        Assert.Contains("build_property.OsirisMaxParallelRuns", RepositorySettings.SettingKeys);
    }

    private static KeyValuePair<string, string> Pair(string key, string value) => new(key, value);

    private static OmlDiagnostic Diagnostic(OmlDiagnosticDescriptor descriptor)
        => new(descriptor, default, string.Empty, ImmutableArray<string>.Empty);
}
