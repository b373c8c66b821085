using Osiris.Oml.Syntax;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Syntax;

/// <summary>
/// <see cref="OmlVocabulary"/> is what editors offer (completion, the JSON Schema): every word in it is
/// accepted by the rules, and the rules' "must be a, b or c" lists name exactly its words.
/// </summary>
public sealed class VocabularyTests
{
    private const string Base = """
        oml_version: "0.2.0"
        name: "orders-sync"
        schedule:
          expression: "0 6 * * *"
          timezone: "UTC"
          type: "cron"
          retry: {attempts: 2, delay: 60, backoff: "fixed"}
          window: {type: "sliding", size: "24h", field: "updated_at"}
        metadata:
          owner: "data-team@company.com"
          criticality: "low"
        steps:
          - id: "extract"
            component: "mysql.extractor"
            mode: "read"
            config:
              connection: "@mysql.primary"
              query: "SELECT * FROM orders WHERE updated_at >= '${window.start}'"
        """;

    public static TheoryData<string, string, string[]> Keywords => new()
    {
        { "backoff: \"fixed\"", "backoff: \"{0}\"", OmlVocabulary.Backoffs.ToArray() },
        { "type: \"sliding\"", "type: \"{0}\"", OmlVocabulary.WindowTypes.ToArray() },
        { "criticality: \"low\"", "criticality: \"{0}\"", OmlVocabulary.Criticalities.ToArray() },
    };

    [Theory]
    [MemberData(nameof(Keywords))]
    public void EveryWord_IsAccepted_AndTheMessageListsExactlyTheWords(string find, string format, string[] words)
    {
        foreach (var word in words)
        {
            var text = Base.Replace(find, string.Format(System.Globalization.CultureInfo.InvariantCulture, format, word), StringComparison.Ordinal);
            Assert.DoesNotContain(OmlMarkup.Analyze(text).Diagnostics, d => d.Id is "OSI0204" or "OSI0303" or "OSI0304");
        }

        var wrong = Base.Replace(find, string.Format(System.Globalization.CultureInfo.InvariantCulture, format, "zzz"), StringComparison.Ordinal);
        var message = Assert.Single(OmlMarkup.Analyze(wrong).Diagnostics, d => d.GetMessage().Contains("not \"zzz\"", StringComparison.Ordinal) || d.GetMessage().Contains("not 'zzz'", StringComparison.Ordinal)).GetMessage();
        Assert.Contains(string.Join(", ", words[..^1]) + " or " + words[^1], message, StringComparison.Ordinal);
    }

    [Fact]
    public void ScheduleTypes_AreAccepted()
    {
        Assert.Equal(new[] { "cron", "interval" }, OmlVocabulary.ScheduleTypes);
        var interval = Base.Replace("type: \"cron\"", "type: \"interval\"", StringComparison.Ordinal).Replace("expression: \"0 6 * * *\"", "every: \"1h\"", StringComparison.Ordinal);
        Assert.DoesNotContain(OmlMarkup.Analyze(interval).Diagnostics, d => d.Id == "OSI0204");
    }

    [Fact]
    public void EveryKey_IsKnown_AndAnOtherKeyIsNot()
    {
        var analysis = OmlMarkup.Analyze(Base);
        Assert.Empty(analysis.Diagnostics);

        foreach (var key in OmlVocabulary.TopLevelKeys.Concat(OmlVocabulary.ScheduleKeys).Concat(OmlVocabulary.MetadataKeys).Concat(OmlVocabulary.StepKeys))
        {
            Assert.Matches("^[a-z_]+$", key);
        }

        Assert.Contains(OmlMarkup.Analyze(Base.Replace("  criticality:", "  critcality:", StringComparison.Ordinal)).Diagnostics, d => d.Id == "OSI0304");
        Assert.Equal(OmlVocabulary.Modes, new[] { Osiris.Oml.Components.OmlMode.Read, Osiris.Oml.Components.OmlMode.Write, Osiris.Oml.Components.OmlMode.Transform }.Select(Osiris.Oml.Components.OmlModes.ToText));
    }
}
