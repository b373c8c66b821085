using Osiris.Analyzers.Generators;

namespace Osiris.Analyzers.Tests.Generators;

public sealed class PipelineNamesTests
{
    [Theory]
    [InlineData("daily_customer_sync", "DailyCustomerSync")]
    [InlineData("crm-accounts", "CrmAccounts")]
    [InlineData("mysql.duckdb supabase", "MysqlDuckdbSupabase")]
    [InlineData("class", "Class")]
    [InlineData("2024-report", "_2024Report")]
    [InlineData("příjmy_měsíc", "PříjmyMěsíc")]
    [InlineData("данные", "Данные")]
    [InlineData("数据管道", "数据管道")]
    [InlineData("---", "Pipeline")]
    [InlineData("all", "AllPipeline")]
    [InlineData("find", "FindPipeline")]
    [InlineData("pipelines", "PipelinesPipeline")]
    [InlineData("to_string", "ToStringPipeline")]
    [InlineData("e\u0301clair", "EClair")]
    public void ToIdentifier_FollowsTheDocumentedRule(string name, string expected)
        => Assert.Equal(expected, PipelineNames.ToIdentifier(name));

    [Fact]
    public void Assign_GivesTheFirstFileTheName_AndTheOthersNumberedSuffixes()
    {
        var names = PipelineNames.Assign(new[]
        {
            ("pipelines/b.oml", "a-b"),
            ("pipelines/a.oml", "a_b"),
            ("pipelines/c.oml", "a_b"),
            ("pipelines/d.oml", "AB_2"),
        });

        // "AB_2" is written AB2 (underscores separate words), so it does not take the suffix of the duplicates.
        Assert.Equal("AB", names["pipelines/a.oml"]);
        Assert.Equal("AB2", names["pipelines/d.oml"]);
        Assert.Equal("AB_2", names["pipelines/b.oml"]);
        Assert.Equal("AB_3", names["pipelines/c.oml"]);
    }

    [Theory]
    [InlineData("My.App", "My.App")]
    [InlineData("my-app.2d", "my_app._2d")]
    [InlineData("Company.class", "Company.@class")]
    [InlineData("..", null)]
    [InlineData("", null)]
    public void ToNamespace_MakesEverySegmentAnIdentifier(string text, string? expected)
        => Assert.Equal(expected, PipelineNames.ToNamespace(text));
}
