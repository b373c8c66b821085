using System.Xml.Linq;
using Osiris.Oml.Settings;
using Osiris.Oml.Tests.Support;

namespace Osiris.Analyzers.Tests;

/// <summary>The package's build props make every repository setting visible to the analyzer.</summary>
public sealed class PackagePropsTests
{
    [Fact]
    public void CompilerVisibleProperties_AreTheMsBuildNamesOfEverySetting()
    {
        var props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "nuget", "build", "Osiris.Analyzers.props"));
        var visible = props.Descendants("CompilerVisibleProperty").Select(e => (string?)e.Attribute("Include"));

        Assert.Equal(
            OsirisSettings.All.Select(k => k.MsBuildProperty).Order(StringComparer.Ordinal),
            visible.Order(StringComparer.Ordinal));
    }
}
