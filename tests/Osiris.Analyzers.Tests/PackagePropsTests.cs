using System.Xml.Linq;
using Osiris.Oml.Settings;
using Osiris.Oml.Tests.Support;

namespace Osiris.Analyzers.Tests;

/// <summary>The package's build props make every repository setting visible to the analyzer.</summary>
public sealed class PackagePropsTests
{
    [Fact]
    public void CompilerVisibleProperties_AreTheMsBuildNamesOfEverySetting_AndWhatTheGeneratorReads()
    {
        var props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "nuget", "build", "Osiris.Analyzers.props"));
        var visible = props.Descendants("CompilerVisibleProperty").Select(e => (string?)e.Attribute("Include"));
        string[] generator = ["OsirisGeneratePipelines", "OsirisNamespace", "RootNamespace", "ProjectDir"];

        Assert.Equal(
            OsirisSettings.All.Select(k => k.MsBuildProperty).Concat(generator).Order(StringComparer.Ordinal),
            visible.Order(StringComparer.Ordinal));
    }
}
