using Osiris.Oml.Model;
using Osiris.Oml.Tests.Support;
using Osiris.Oml.Time;

namespace Osiris.Oml.Tests.Rules;

/// <summary>The metadata block (OML-SPEC §3): every field located, and the seed's example quiet.</summary>
public sealed class MetadataBindingTests
{
    /// <summary>An unscheduled 0.2.0 pipeline with the given metadata lines (indented by two).</summary>
    internal static string Pipeline(string metadata) => $"""
        oml_version: "0.2.0"
        name: "customers"
        metadata:
        {string.Join("\n", metadata.Split('\n').Select(l => "  " + l))}
        steps:
          - id: "extract"
            component: "mysql.extractor"
            mode: "read"
            config:
              connection: "@mysql.primary"
              table: "customers"
        """;

    private const string SeedMetadata = """
        owner: "data-team@company.com"
        team: "data-platform"
        sla: "4h"
        criticality: "high"
        description: |
          Daily synchronization of customer data from production MySQL
          to analytics warehouse. Critical for daily reporting.
        tags:
          - "customer"
          - "daily"
          - "production"
        tests:
          - type: "row_count"
            min: 100
            max: 10000
          - type: "schema"
            expected: "v2.1"
          - type: "freshness"
            max_age: "25h"
          - type: "custom"
            script: "tests/validate_customers.py"
        lineage:
          upstream:
            - "pipeline: order_processing"
            - "table: mysql.orders"
          downstream:
            - "dashboard: customer_analytics"
            - "pipeline: marketing_segments"
        notifications:
          on_failure:
            - email: "oncall@company.com"
            - slack: "#data-alerts"
          on_success:
            - email: "data-team@company.com"
          on_sla_breach:
            - pagerduty: "data-platform"
        """;

    [Fact]
    public void SeedMetadata_IsQuietAndFullyBound()
    {
        var analysis = OmlMarkup.Analyze(Pipeline(SeedMetadata));
        Assert.Empty(analysis.Diagnostics);

        var m = analysis.Pipeline!.Metadata!;
        Assert.Equal("data-team@company.com", m.Owner);
        Assert.Equal("data-platform", m.Team);
        Assert.Equal(new OmlDuration(0, 4 * 3600), m.Sla);
        Assert.Equal(Criticality.High, m.Criticality);
        Assert.Equal(new[] { "customer", "daily", "production" }, m.Tags);
        Assert.Equal(new[] { "row_count", "schema", "freshness", "custom" }, m.Tests.Select(t => t.Type));
        Assert.Equal(new[] { new LineageReference("pipeline", "order_processing"), new LineageReference("table", "mysql.orders") }, m.Upstream);
        Assert.Equal(new LineageReference("pipeline", "marketing_segments"), m.Downstream[1]);
        Assert.Equal(
            new[] { "on_failure email oncall@company.com", "on_failure slack #data-alerts", "on_success email data-team@company.com", "on_sla_breach pagerduty data-platform" },
            m.Notifications.Select(n => $"{n.Event} {n.Channel} {n.Target}"));
    }

    [Theory]
    [InlineData("owner: {|OSI0302:\"Data Team\"|}", "Owner 'Data Team' is not an e-mail address; write the address of the team or person, for example data-team@company.com")]
    [InlineData("owner: {|OSI0302:[a@b.com]|}", "Owner 'a list' is not an e-mail address; write the address of the team or person, for example data-team@company.com")]
    [InlineData("sla: {|OSI0303:\"soon\"|}", "'metadata.sla' must be the time a run may take after its scheduled time, a positive duration of at most 31 days such as \"4h\", not 'soon'")]
    [InlineData("sla: {|OSI0303:0|}", "'metadata.sla' must be the time a run may take after its scheduled time, a positive duration of at most 31 days such as \"4h\", not '0'")]
    [InlineData("criticality: {|OSI0303:\"urgent\"|}", "'metadata.criticality' must be low, medium, high or critical, not 'urgent'")]
    [InlineData("criticality: {|OSI0303:\"hihg\"|}", "'metadata.criticality' must be low, medium, high or critical, not 'hihg' (did you mean 'high'?)")]
    [InlineData("{|OSI0304:ownr|}: \"a@b.com\"", "Unknown key 'ownr' in metadata (did you mean 'owner'?); the known keys are owner, team, sla, criticality, description, tags, tests, lineage, notifications")]
    [InlineData("tags: [{|OSI0305:\"Daily Job\"|}]", "Tag 'Daily Job' should be lowercase letters, digits and '-', '_', ':', '.' (at most 64 characters), for example 'daily-job'")]
    [InlineData("tags: [{|OSI0305:\"Team:Data\"|}]", "Tag 'Team:Data' should be lowercase letters, digits and '-', '_', ':', '.' (at most 64 characters), for example 'team:data'")]
    [InlineData("tags: [{|OSI0305:\".Release v2.1\"|}]", "Tag '.Release v2.1' should be lowercase letters, digits and '-', '_', ':', '.' (at most 64 characters), for example 'release-v2.1'")]
    [InlineData("tags: [{|OSI0305:\"!!!\"|}]", "Tag '!!!' should be lowercase letters, digits and '-', '_', ':', '.' (at most 64 characters), for example 'my-tag'")]
    [InlineData("tags: [daily, {|OSI0306:daily|}]", "Tag 'daily' is already listed on line 4; remove the repeated tag")]
    [InlineData("tests: [{type: {|OSI0307:row_cnt|}, min: 1}]", "Data test metadata.tests[0] has the unknown type 'row_cnt' (did you mean 'row_count'?); use row_count, schema, freshness or custom")]
    [InlineData("tests: [{type: row_count, min: 10, max: {|OSI0307:5|}}]", "Data test metadata.tests[0] row_count has min 10 above max 5; no row count can pass")]
    [InlineData("tests: [{type: row_count, min: {|OSI0307:-1|}}]", "Data test metadata.tests[0] row_count min must be a whole number of rows, 0 or more, not '-1'")]
    [InlineData("tests: [{|OSI0307:type|}: row_count]", "Data test metadata.tests[0] row_count needs min, max or both, for example {type: row_count, min: 1}")]
    [InlineData("tests: [{|OSI0307:type|}: schema]", "Data test metadata.tests[0] schema needs the expected schema version or name, for example expected: \"v2.1\"")]
    [InlineData("tests: [{type: freshness, max_age: {|OSI0307:\"a day\"|}}]", "Data test metadata.tests[0] freshness max_age must be a positive duration such as \"25h\", not 'a day'")]
    [InlineData("tests: [{|OSI0307:type|}: custom]", "Data test metadata.tests[0] custom needs the script to run, for example script: \"tests/validate_customers.py\"")]
    [InlineData("lineage: {upstream: [{|OSI0309:\"orders\"|}]}", "Lineage entry 'orders' must have the form \"<kind>: <name>\", for example \"table: mysql.orders\" or \"pipeline: order_processing\"")]
    [InlineData("lineage: {downstream: [{|OSI0310:\"dashbord: sales\"|}]}", "Lineage kind 'dashbord' is not known (did you mean 'dashboard'?); use one of pipeline, table, view, dashboard, report, model, dataset, file, bucket, topic, api, notebook, metric")]
    [InlineData("notifications: {on_failure: [{email: {|OSI0311:\"oncall\"|}}]}", "Notification email 'oncall' is not an e-mail address")]
    [InlineData("notifications: {on_failure: [{slack: {|OSI0311:\"data alerts\"|}}]}", "Notification slack 'data alerts' is neither a channel such as #data-alerts (lowercase, no spaces) nor an https://hooks.slack.com/ webhook")]
    [InlineData("notifications: {on_failure: [{webhook: {|OSI0311:\"http://x.example.com\"|}}]}", "Notification webhook 'http://x.example.com' must be an https:// URL (plain http would send alerts unencrypted)")]
    [InlineData("notifications: {on_failure: [{pagerduty: {|OSI0311:\"data platform\"|}}]}", "Notification pagerduty 'data platform' must be a service name or integration key without spaces")]
    [InlineData("notifications: {on_failure: [{{|OSI0311:sms|}: \"+420123\"}]}", "Notification channel 'sms' is not known; use email, slack, pagerduty or webhook")]
    [InlineData("notifications: {on_failure: [{|OSI0311:\"oncall@company.com\"|}]}", "Notification must be one of {email: ...}, {slack: ...}, {pagerduty: ...} or {webhook: ...}, one per list item")]
    [InlineData("notifications: {{|OSI0312:on_falure|}: [{email: a@b.com}]}", "Unknown notification event 'on_falure' (did you mean 'on_failure'?); the events are on_failure, on_success, on_retry and on_sla_breach")]
    public void Metadata_ReportsTheProblemAtItsPlace(string metadata, string message)
        => Assert.Equal(message, Assert.Single(OmlMarkup.Verify(Pipeline(metadata))).GetMessage());

    [Theory]
    [InlineData("lineage: {upstream: [pipeline: orders]}")]
    [InlineData("notifications: {on_failure: [{slack: \"https://hooks.slack.com/services/T0/B0/x\"}]}")]
    [InlineData("notifications: {on_retry: [{webhook: \"https://alerts.example.com/osiris\"}]}")]
    [InlineData("tags: [\"team:data\", \"tier-1\", \"v2.1\"]")]
    [InlineData("x-cost-center: \"42\"")]
    public void Metadata_IsQuiet_ForValidAlternatives(string metadata)
        => OmlMarkup.Quiet(Pipeline(metadata));
}
