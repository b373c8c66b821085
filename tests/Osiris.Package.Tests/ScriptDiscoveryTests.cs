using Osiris.Package.Tests.Support;

namespace Osiris.Package.Tests;

/// <summary>
/// The package adds *.py, *.sql and *.sh files as AdditionalFiles so that the analyzer knows the
/// scripts custom data tests name, but not the thousands inside virtual environments, package
/// folders and build output (each AdditionalFile costs the compiler time on every build).
/// </summary>
[Collection(PackageFeedCollection.Name)]
public sealed class ScriptDiscoveryTests(PackageFeed feed, ITestOutputHelper output)
{
    [Fact]
    public void Scripts_InVirtualEnvironmentsPackageFoldersAndBuildOutput_AreNotAdditionalFiles()
    {
        // A file the project lists itself stays, wherever it is.
        var dir = feed.CreateProject(
            "VirtualEnvironmentRepo",
            new[] { ("Osiris.Analyzers", feed.Version) },
            extraItems: "<AdditionalFiles Include=\"tools/py312/bin/listed.py\" />");
        PackageFeed.CopyPipelines("PipelineRepository", dir);
        foreach (var file in new[]
        {
            "pyvenv.cfg", // a project folder that is itself a virtual environment keeps its own scripts
            "venv/pyvenv.cfg",
            "venv/bin/activate_this.py",
            "venv/lib/python3.11/site-packages/requests/api.py",
            ".venv/lib/python3.12/site-packages/yaml/parser.py",
            "tools/py312/pyvenv.cfg",
            "tools/py312/bin/pip_helper.py",
            "tools/py312/bin/listed.py",
            "tools/py312/lib/python3.12/site-packages/six.py",
            "vendor/lib/site-packages/loose.py",
            "node_modules/pg/migrate.sql",
            "node_modules/.bin/run.sh",
            "scripts/__pycache__/helpers.py",
            "build/lib/helpers.py",
            "dist/helpers.py",
            "scripts/check_orders.sql",
            "scripts/load.sh",
        })
        {
            var path = Path.Combine(dir, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.EndsWith(".cfg", StringComparison.Ordinal) ? "home = /usr/bin\n" : "# script\n");
        }

        var (result, items) = feed.BuildAndGetItems(dir, "AdditionalFiles");
        output.WriteLine(result.Output);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            new[] { "scripts/check_orders.sql", "scripts/load.sh", "tests/validate_customers.py", "tools/py312/bin/listed.py" },
            items.Where(i => !i.EndsWith(".oml", StringComparison.Ordinal) && !i.EndsWith("spec.yaml", StringComparison.Ordinal)));
        Assert.Contains("pipelines/daily_customer_sync.oml", items);
        Assert.Contains("components/acme.crm_extractor/spec.yaml", items);
    }
}
