using Osiris.Oml.Settings;
using Osiris.Oml.Tests.Support;
using Osiris.Oml.Time;

namespace Osiris.Oml.Tests.Rules;

/// <summary>The repository's production policy on one pipeline.</summary>
public sealed class PolicyRuleTests
{
    private static OmlAnalysisOptions With(PolicySettings policy, ProjectFiles? files = null)
        => ScheduleRuleTests.Options() with { Policy = policy, ProjectFiles = files };

    private static string Pipeline(string schedule, string metadata) => $"""
        oml_version: "0.2.0"
        name: "orders"
        {schedule}
        {metadata}
        steps:
          - id: "extract"
            component: "mysql.extractor"
            mode: "read"
            config:
              connection: "@mysql.primary"
              table: "orders"
        """;

    private const string Daily = "schedule: {expression: \"0 2 * * *\", timeout: \"1h\"}";

    // ---- OSI0301 --------------------------------------------------------------------------------

    [Fact]
    public void ScheduledPipelineWithoutOwner_IsAnError_ByDefault()
    {
        var d = Assert.Single(OmlMarkup.Verify(Pipeline(Daily, "{|OSI0301:metadata|}: {team: data}"), With(PolicySettings.Default)));
        Assert.Equal("The pipeline has no owner, and it has a schedule, so it runs in production unattended; add metadata.owner with the e-mail address of the team or person who answers for it", d.GetMessage());
    }

    [Fact]
    public void ScheduledPipelineWithoutMetadata_IsReportedAtTheTop()
        => OmlMarkup.Verify("""
            {|OSI0301:oml_version|}: "0.2.0"
            name: "orders"
            schedule: {expression: "0 2 * * *"}
            steps:
              - id: "extract"
                component: "mysql.extractor"
                mode: "read"
                config: {connection: "@mysql.primary", table: "orders"}
            """, With(PolicySettings.Default));

    [Fact]
    public void NullOwner_IsMissing()
        => OmlMarkup.Verify(Pipeline(Daily, "metadata:\n  {|OSI0301:owner|}:"), With(PolicySettings.Default));

    [Theory]
    [InlineData(OwnerRequirement.Always, "", true)]
    [InlineData(OwnerRequirement.Always, "criticality: low", true)]
    [InlineData(OwnerRequirement.Scheduled, "criticality: critical", false)]
    [InlineData(OwnerRequirement.HighCriticality, "criticality: high", true)]
    [InlineData(OwnerRequirement.HighCriticality, "criticality: medium", false)]
    [InlineData(OwnerRequirement.Never, "criticality: critical", false)]
    public void OwnerRequirement_FollowsThePolicy_ForUnscheduledPipelines(OwnerRequirement requirement, string metadata, bool reported)
    {
        var policy = PolicySettings.Default with { OwnerRequired = requirement, HighCriticalityRequires = HighCriticalityRequirements.None };
        var text = Pipeline(string.Empty, "metadata: {team: data" + (metadata.Length > 0 ? ", " + metadata : string.Empty) + "}");
        var diagnostics = OmlMarkup.Analyze(text, With(policy)).Diagnostics;
        Assert.Equal(reported, diagnostics.Any(d => d.Id == "OSI0301"));
        Assert.All(diagnostics, d => Assert.Equal("OSI0301", d.Id));
    }

    // ---- OSI0313 / OSI0314 ------------------------------------------------------------------------

    [Fact]
    public void HighCriticality_NeedsSlaAndOnFailure()
    {
        var diagnostics = OmlMarkup.Verify(
            Pipeline(string.Empty, "metadata:\n  owner: \"a@company.com\"\n  criticality: {|OSI0313:{|OSI0314:\"critical\"|}|}"),
            With(PolicySettings.Default));
        Assert.Equal(
            "The pipeline is critical, and the repository requires an SLA for high and critical pipelines; add metadata.sla, for example sla: \"4h\"",
            diagnostics.Single(d => d.Id == "OSI0313").GetMessage());
    }

    [Fact]
    public void HighCriticality_IsQuiet_WithSlaAndOnFailure()
        => OmlMarkup.Quiet(
            Pipeline(Daily, "metadata:\n  owner: \"a@company.com\"\n  criticality: high\n  sla: \"2h\"\n  notifications: {on_failure: [{email: \"oncall@company.com\"}]}"),
            With(PolicySettings.Default));

    [Fact]
    public void HighCriticality_IsQuiet_WhenThePolicyRequiresNothing()
        => OmlMarkup.Quiet(
            Pipeline(string.Empty, "metadata:\n  owner: \"a@company.com\"\n  criticality: high"),
            With(PolicySettings.Default with { HighCriticalityRequires = HighCriticalityRequirements.None }));

    // ---- OSI0315 --------------------------------------------------------------------------------

    [Fact]
    public void Limits_ReportValuesAboveThePolicy()
    {
        var policy = PolicySettings.Default with { MaxTimeout = new OmlDuration(0, 3600), MaxRetryAttempts = 2, MaxConcurrency = 1 };
        var diagnostics = OmlMarkup.Verify(
            Pipeline(
                "schedule:\n  expression: \"0 2 * * *\"\n  timeout: {|OSI0315:\"2h\"|}\n  retry: {attempts: {|OSI0315:3|}, delay: 60}\n  concurrency: {|OSI0315:4|}",
                "metadata: {owner: \"a@company.com\"}"),
            With(policy));
        Assert.Equal(
            "'schedule.timeout' is 2h, more than the repository allows (osiris_max_timeout = 1h); shorten the timeout, or split the pipeline",
            diagnostics[0].GetMessage());
    }

    [Fact]
    public void Limits_AreQuiet_AtThePolicyValues()
        => OmlMarkup.Quiet(
            Pipeline("schedule:\n  expression: \"0 2 * * *\"\n  timeout: \"1h\"\n  retry: {attempts: 2, delay: 60}\n  concurrency: 1", "metadata: {owner: \"a@company.com\"}"),
            With(PolicySettings.Default with { MaxTimeout = new OmlDuration(0, 3600), MaxRetryAttempts = 2, MaxConcurrency = 1 }));

    // ---- OSI0316 --------------------------------------------------------------------------------

    [Fact]
    public void SlaShorterThanTheTimeout_IsAWarning()
        => Assert.Equal(
            "The SLA (1h) is shorter than the timeout (2h), so a run can breach it without failing first; raise the SLA or lower the timeout and retries",
            Assert.Single(OmlMarkup.Verify(
                Pipeline("schedule: {expression: \"0 2 * * *\", timeout: \"2h\"}", "metadata:\n  owner: \"a@company.com\"\n  sla: {|OSI0316:\"1h\"|}"),
                With(PolicySettings.Default))).GetMessage());

    [Fact]
    public void SlaShorterThanTheRetries_NamesTheWorstCase()
    {
        // The milestone's own numbers: 3 retries of a 1h timeout, exponential from 300 s, SLA 4h.
        var d = Assert.Single(OmlMarkup.Verify(
            Pipeline(
                "schedule: {expression: \"0 2 * * *\", timeout: 3600, retry: {attempts: 3, delay: 300, backoff: exponential}}",
                "metadata:\n  owner: \"a@company.com\"\n  sla: {|OSI0316:\"4h\"|}"),
            With(PolicySettings.Default)));
        Assert.Equal(
            "The SLA (4h) is shorter than the worst case of a failing run (5h 9m 57s: 4 tries of up to 1h plus the retry delays), so a run can breach it without failing first; raise the SLA or lower the timeout and retries",
            d.GetMessage());
    }

    // ---- OSI0308 --------------------------------------------------------------------------------

    private const string CustomTest = "metadata:\n  tests:\n    - type: custom\n      script: {|OSI0308:\"tests/check.py\"|}";

    [Fact]
    public void CustomScript_MustBeAProjectFile()
        => Assert.Equal(
            "Custom test script 'tests/check.py' is not in the project; add the file (relative to the project folder or to this .oml file) or fix the path",
            Assert.Single(OmlMarkup.Verify(Pipeline(string.Empty, CustomTest), With(PolicySettings.Default, new ProjectFiles(new[] { "/repo/pipelines/test.oml" }, "/repo")))).GetMessage());

    [Theory]
    [InlineData("/repo/tests/check.py")] // relative to the project folder
    [InlineData("pipelines/tests/check.py")] // relative to the .oml file (pipelines/test.oml)
    public void CustomScript_IsQuiet_WhenTheFileExists(string file)
        => OmlMarkup.Quiet(
            Pipeline(string.Empty, CustomTest.Replace("{|OSI0308:", string.Empty).Replace("|}", string.Empty)),
            With(PolicySettings.Default, new ProjectFiles(new[] { "/repo/pipelines/test.oml", file }, "/repo/")));

    [Fact]
    public void CustomScript_IsNotChecked_WhenTheHostCannotListFiles()
        => OmlMarkup.Quiet(Pipeline(string.Empty, CustomTest.Replace("{|OSI0308:", string.Empty).Replace("|}", string.Empty)), With(PolicySettings.Default));
}
