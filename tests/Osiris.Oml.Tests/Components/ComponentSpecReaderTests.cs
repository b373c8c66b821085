using Osiris.Oml.Components;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Components;

/// <summary>A project's own components/&lt;name&gt;/spec.yaml extends the registry and is validated itself.</summary>
public sealed class ComponentSpecReaderTests
{
    private const string SpecPath = "components/acme.crm_extractor/spec.yaml";

    private const string Spec = """
        name: acme.crm_extractor
        version: 1.2.0
        modes: [extract, discover]
        configSchema:
          type: object
          properties:
            api_token: {type: string, minLength: 20}
            object: {type: string, enum: [accounts, contacts]}
            page_size: {type: integer, minimum: 10, maximum: 500}
            since: {oneOf: [{type: string}, {type: "null"}]}
          required: [api_token, object]
        x-connection-fields:
          - name: api_token
            override: forbidden
          - region
        secrets:
          - /api_token
        """;

    [Theory]
    [InlineData("components/acme.crm/spec.yaml", true)]
    [InlineData("/repo/components/acme.crm/spec.yaml", true)]
    [InlineData("C:\\repo\\components\\acme.crm\\spec.yaml", true)]
    [InlineData("components/spec.yaml", false)]
    [InlineData("other/acme.crm/spec.yaml", false)]
    [InlineData("components/acme.crm/spec.yml", false)]
    public void IsSpecPath_RecognisesComponentFolders(string path, bool expected)
        => Assert.Equal(expected, ComponentSpecReader.IsSpecPath(path));

    [Fact]
    public void Read_BuildsTheSpec_WhenFileIsValid()
    {
        var file = ComponentSpecReader.Read(SpecPath, Spec);

        Assert.Empty(file.Diagnostics);
        var spec = Assert.IsType<ComponentSpec>(file.Spec);
        Assert.Equal("acme.crm_extractor", spec.Name);
        Assert.Equal("1.2.0", spec.Version);
        Assert.Equal(new[] { OmlMode.Read }, spec.OmlModes);
        Assert.Equal(new[] { "api_token", "object" }, spec.Required);
        Assert.Equal(OverridePolicy.Forbidden, spec.FindConnectionField("api_token")!.Policy);
        Assert.Equal(OverridePolicy.Allowed, spec.FindConnectionField("region")!.Policy);
        Assert.True(spec.IsSecret("api_token"));
        Assert.Equal(ConfigValueTypes.String | ConfigValueTypes.Null, spec.FindProperty("since")!.Types);
        Assert.Equal(500, spec.FindProperty("page_size")!.Maximum);
    }

    [Fact]
    public void Read_IsValueEqual_ForTheSameText()
        => Assert.Equal(ComponentSpecReader.Read(SpecPath, Spec).Spec, ComponentSpecReader.Read(SpecPath, Spec).Spec);

    [Fact]
    public void Registry_ChecksStepsAgainstTheProjectSpec()
    {
        var registry = ComponentRegistry.BuiltIn.With(new[] { ComponentSpecReader.Read(SpecPath, Spec).Spec! });
        var options = OmlAnalysisOptions.Default with { Components = registry };

        OmlMarkup.Verify(
            """
            oml_version: "0.1.0"
            name: "crm"
            steps:
              - id: "accounts"
                component: "acme.crm_extractor"
                mode: {|OSI0112:"write"|}
                config:
                  connection: "@crm.production"
                  object: {|OSI0120:"leads"|}
                  {|OSI0501:api_token|}: "0123456789abcdef0123456789"
                  {|OSI0116:page|}: 100
            """,
            options);
    }

    [Fact]
    public void Registry_IsQuiet_WhenStepFollowsTheProjectSpec()
    {
        var registry = ComponentRegistry.BuiltIn.With(new[] { ComponentSpecReader.Read(SpecPath, Spec).Spec! });
        OmlMarkup.Quiet(
            """
            oml_version: "0.1.0"
            name: "crm"
            steps:
              - id: "accounts"
                component: "acme.crm_extractor"
                mode: "read"
                config:
                  connection: "@crm.production"
                  object: "accounts"
                  page_size: 200
            """,
            OmlAnalysisOptions.Default with { Components = registry });
    }

    [Fact]
    public void Registry_ProjectSpecReplacesABuiltInOfTheSameName()
    {
        var own = ComponentSpecReader.Read("components/duckdb.processor/spec.yaml", """
            name: duckdb.processor
            modes: [transform]
            configSchema:
              properties:
                sql: {type: string}
              required: [sql]
            """).Spec!;
        var registry = ComponentRegistry.BuiltIn.With(new[] { own });

        Assert.Equal(new[] { "sql" }, registry.Find("duckdb.processor")!.Required);
        Assert.Equal(ComponentRegistry.BuiltIn.Names, registry.Names);
    }

    [Theory]
    [InlineData("name: x\nmodes: [{|OSI0124:load|}]\nconfigSchema: {properties: {}}\n", "mode 'load' is not one of extract, write, transform, discover")]
    [InlineData("name: x\nmodes: [extract]\nconfigSchema: {properties: {a: {type: {|OSI0124:text|}}}}\n", "type 'text' is not one of string, integer, number, boolean, array, object, null")]
    [InlineData("name: x\nmodes: [extract]\nconfigSchema: {properties: {a: {type: string}}, required: [a, {|OSI0124:b|}]}\n", "required key 'b' is not one of the schema's properties")]
    [InlineData("name: x\nmodes: [extract]\nconfigSchema: {properties: {}}\nx-connection-fields: [{name: a, override: {|OSI0124:never|}}]\n", "override 'never' is not one of allowed, warning, forbidden")]
    [InlineData("{|OSI0124:modes|}: [extract]\n", "'name' must be the component's name, such as mycompany.extractor")]
    [InlineData("{|OSI0124:name|}: x\nmodes: [extract]\n", "'configSchema' must be a JSON schema object with properties and required")]
    public void Read_ReportsOSI0124AtTheProblem(string markup, string problem)
    {
        var (text, expected) = OmlMarkup.Parse(markup);
        var file = ComponentSpecReader.Read(SpecPath, text);

        var d = Assert.Single(file.Diagnostics);
        Assert.Equal("OSI0124", d.Id);
        Assert.Equal((expected[0].Start, expected[0].End), (d.Span.Start, d.Span.End));
        Assert.Equal("Component spec: " + problem, d.GetMessage());
    }

    [Theory]
    [InlineData("")]
    [InlineData("[1, 2]")]
    [InlineData("name: [")]
    [InlineData("\0binary")]
    public void Read_ReportsAndReturnsNoSpec_WhenFileIsNotASpec(string text)
    {
        var file = ComponentSpecReader.Read(SpecPath, text);

        Assert.Null(file.Spec);
        Assert.NotEmpty(file.Diagnostics);
        Assert.DoesNotContain(file.Diagnostics, d => d.Id == "OSI0001");
    }
}
