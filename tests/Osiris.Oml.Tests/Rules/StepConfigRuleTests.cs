using Osiris.Oml.Diagnostics;
using Osiris.Oml.Tests.Support;

namespace Osiris.Oml.Tests.Rules;

/// <summary>
/// Each step's <c>config</c> against its component's schema: OSI0123 (no config), OSI0104, OSI0115
/// (connection references), OSI0116/OSI0117 (unknown and missing keys), OSI0120 (values),
/// OSI0118/OSI0119 (write modes), OSI0501/OSI0502 (connection overrides) and OSI0503 (inline secrets).
/// </summary>
public sealed class StepConfigRuleTests
{
    private const string MysqlExtractorKeys = "host, port, database, user, password, table, schema, query, columns, limit, offset, batch_size, pool_size, pool_recycle, echo";

    private static string Step(string component, string mode, string? config) => OmlSamples.SingleStep(component, mode, config);

    // ---- OSI0123: no config ------------------------------------------------------------------

    [Theory]
    [InlineData("mysql.extractor", "read", "host, database, user, password", " or a connection reference such as connection: \"@mysql.default\"")]
    [InlineData("mysql.writer", "write", "host, database, user, password, table", " or a connection reference such as connection: \"@mysql.default\"")]
    [InlineData("posthog.extractor", "read", "api_key, project_id, data_type", " or a connection reference such as connection: \"@posthog.default\"")]
    [InlineData("graphql.extractor", "read", "endpoint, query", " or a connection reference such as connection: \"@graphql.default\"")]
    [InlineData("duckdb.processor", "transform", "query", "")]
    [InlineData("filesystem.csv_writer", "write", "path", "")]
    public void Analyze_ReportsOSI0123OnTheStep_WhenComponentNeedsConfigAndStepHasNone(string component, string mode, string required, string hint)
    {
        var d = Assert.Single(OmlMarkup.Verify(
            OmlSamples.Header + $"steps:\n  - {{|OSI0123:id|}}: step\n    component: {component}\n    mode: {mode}\n"));

        Assert.Equal(
            $"Step 'step' has no config, but component '{component}' requires {required}; add a config mapping with these keys{hint}",
            d.GetMessage());
        Assert.Equal("steps[0].config", d.Path);
        Assert.Equal(OmlSeverity.Warning, d.Severity);
    }

    [Theory]
    [InlineData("{|OSI0123:config|}:")]
    [InlineData("{|OSI0123:config|}: ~")]
    [InlineData("{|OSI0123:config|}: null")]
    public void Analyze_ReportsOSI0123OnTheConfigKey_WhenConfigIsNull(string configLine)
    {
        var d = Assert.Single(OmlMarkup.Verify(
            OmlSamples.Header + "steps:\n  - id: step\n    component: duckdb.processor\n    mode: transform\n    " + configLine + "\n"));

        Assert.Equal("steps[0].config", d.Path);
    }

    [Fact]
    public void Analyze_NamesTheStepByIndex_WhenStepWithoutConfigHasNoId()
    {
        var diagnostics = OmlMarkup.Verify(
            OmlSamples.Header + "steps:\n  - {|OSI0108:{|OSI0123:component|}|}: duckdb.processor\n    mode: transform\n");

        Assert.StartsWith("Step steps[0] has no config,", diagnostics.Single(d => d.Id == "OSI0123").GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_DoesNotReportOSI0123_WhenComponentIsUnknown()
    {
        OmlMarkup.Verify(OmlSamples.Header + "steps:\n  - id: step\n    component: {|OSI0110:acme.custom|}\n    mode: read\n");
    }

    // ---- OSI0104: config is not a mapping ------------------------------------------------------

    [Theory]
    [InlineData("config: {|OSI0104:[query]|}", "a list")]
    [InlineData("config: {|OSI0104:\"select 1\"|}", "a string")]
    [InlineData("config: {|OSI0104:42|}", "an integer")]
    public void Analyze_ReportsOSI0104OnTheValue_WhenConfigIsNotAMapping(string configLine, string type)
    {
        var d = Assert.Single(OmlMarkup.Verify(
            OmlSamples.Header + "steps:\n  - id: step\n    component: duckdb.processor\n    mode: transform\n    " + configLine + "\n"));

        Assert.Equal($"'steps[0].config' must be a mapping of configuration keys, not {type}", d.GetMessage());
        Assert.Equal("steps[0].config", d.Path);
    }

    // ---- OSI0115 and the connection key -------------------------------------------------------

    [Theory]
    [InlineData("\"@mysql\"", "@mysql")]
    [InlineData("\"@mysql.\"", "@mysql.")]
    [InlineData("\"@.primary\"", "@.primary")]
    [InlineData("\"@\"", "@")]
    [InlineData("\"@mysql.pri.mary\"", "@mysql.pri.mary")]
    [InlineData("\"@my sql.primary\"", "@my sql.primary")]
    [InlineData("\"@mysql/primary\"", "@mysql/primary")]
    [InlineData("\"@mysql.primary \"", "@mysql.primary ")]
    [InlineData("'@mysql.${ALIAS}'", "@mysql.${ALIAS}")]
    public void Analyze_ReportsOSI0115OnTheValue_WhenConnectionReferenceIsMalformed(string value, string reference)
    {
        // A value starting with '@' still counts as a reference, so the fields it would provide are not also reported missing.
        var d = Assert.Single(OmlMarkup.Verify(Step("mysql.extractor", "read", "connection: {|OSI0115:" + value + "|}")));

        Assert.Equal(
            $"Connection reference '{reference}' must have the form '@family.alias' using letters, digits, '_' and '-', for example '@mysql.primary'",
            d.GetMessage());
        Assert.Equal("steps[0].config.connection", d.Path);
        Assert.Equal(OmlSeverity.Error, d.Severity);
    }

    [Theory]
    [InlineData("\"@mysql.primary\"")]
    [InlineData("'@mysql.primary'")]
    [InlineData("\"@my_sql-2.alias_1\"")]
    [InlineData("\"@MySQL.Primary\"")]
    public void Analyze_IsQuiet_WhenConnectionReferenceIsWellFormed(string value)
    {
        OmlMarkup.Quiet(Step("mysql.extractor", "read", "connection: " + value));
    }

    [Theory]
    [InlineData("connection: {|OSI0104:42|}", "an integer")]
    [InlineData("connection: {|OSI0104:[\"@mysql.primary\"]|}", "a list")]
    [InlineData("connection: {|OSI0104:{family: mysql}|}", "a mapping")]
    [InlineData("connection: {|OSI0104:true|}", "a boolean")]
    public void Analyze_ReportsOSI0104OnTheValue_WhenConnectionIsNotAString(string line, string type)
    {
        var d = Assert.Single(OmlMarkup.Verify(Step("duckdb.processor", "transform", "query: q\n" + line)));

        Assert.Equal($"'steps[0].config.connection' must be a connection reference such as \"@mysql.primary\", not {type}", d.GetMessage());
        Assert.Equal("steps[0].config.connection", d.Path);
    }

    [Theory]
    // 'connection' is always allowed, even for components whose schema does not list it; null means none.
    [InlineData("duckdb.processor", "transform", "connection: \"@duckdb.local\"\nquery: q")]
    [InlineData("duckdb.processor", "transform", "connection: ~\nquery: q")]
    [InlineData("filesystem.csv_writer", "write", "connection: \"@filesystem.exports\"\npath: out.csv")]
    [InlineData("filesystem.csv_extractor", "read", "connection: \"@filesystem.imports\"\npath: in.csv")]
    public void Analyze_IsQuiet_WhenConnectionKeyIsNotInTheSchema(string component, string mode, string config)
    {
        OmlMarkup.Quiet(Step(component, mode, config));
    }

    // ---- OSI0116: unknown keys -----------------------------------------------------------------

    [Theory]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "tabel", " (did you mean 'table'?)")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "Query", " (did you mean 'query'?)")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "sql", "; its keys are " + MysqlExtractorKeys)]
    [InlineData("filesystem.csv_writer", "write", "path: out.csv", "write_mode", "; its keys are path, delimiter, header, encoding, newline, quoting, chunk_size, create_dirs")]
    [InlineData("filesystem.csv_writer", "write", "path: out.csv", "pth", " (did you mean 'path'?)")]
    [InlineData("mysql.writer", "write", "connection: \"@mysql.primary\"\ntable: t", "write_mode", "; its keys are host, port, database, user, password, table, schema, mode, upsert_keys, batch_size, create_table, truncate_before, pool_size, pool_recycle, echo")]
    [InlineData("filesystem.csv_extractor", "read", "path: in.csv", "base_dir", "; it is provided by a connection — reference one with connection: \"@filesystem.default\" instead")]
    public void Analyze_ReportsOSI0116OnTheKey_WhenKeyIsNotInTheSchema(string component, string mode, string config, string key, string hint)
    {
        var d = Assert.Single(OmlMarkup.Verify(Step(component, mode, config + "\n{|OSI0116:" + key + "|}: append")));

        Assert.Equal($"Component '{component}' has no configuration key '{key}'{hint}", d.GetMessage());
        Assert.Equal("steps[0].config." + key, d.Path);
        Assert.Equal(OmlSeverity.Error, d.Severity);
    }

    [Fact]
    public void Analyze_IsQuiet_WhenConfigHasExtensionKeys()
    {
        OmlMarkup.Quiet(Step("duckdb.processor", "transform", "query: q\nx-note: anything\nx-nested: {a: [1]}"));
    }

    [Fact]
    public void Analyze_DoesNotCheckConfig_WhenComponentIsUnknown()
    {
        OmlMarkup.Verify(Step("{|OSI0110:acme.custom|}", "read", "anything: 1\npassword: hunter2\nport: abc"));
    }

    // ---- OSI0117: missing keys -----------------------------------------------------------------

    [Fact]
    public void Analyze_ReportsOSI0117ForEachKeyAtTheFirstConfigKey_WhenRequiredKeysAreMissing()
    {
        var diagnostics = OmlMarkup.Verify(Step(
            "mysql.extractor",
            "read",
            "{|OSI0117:{|OSI0117:{|OSI0117:{|OSI0117:query|}|}|}|}: \"select 1\""));

        Assert.Equal(new[] { "database", "host", "password", "user" }, diagnostics.Select(d => d.Arguments[1]));
        Assert.Equal(
            "Component 'mysql.extractor' requires configuration key 'host'; add it to the step's config or reference a connection that provides it, such as connection: \"@mysql.default\"",
            diagnostics[1].GetMessage());
        Assert.Equal("steps[0].config.host", diagnostics[1].Path);
    }

    [Theory]
    // With a connection, only keys the connection does not provide are required in the step.
    [InlineData("mysql.writer", "write", "connection: \"@mysql.primary\"", "table")]
    [InlineData("graphql.extractor", "read", "connection: \"@graphql.api\"", "query")]
    [InlineData("posthog.extractor", "read", "connection: \"@posthog.main\"", "data_type")]
    [InlineData("supabase.extractor", "read", "connection: \"@supabase.main\"", "table")]
    [InlineData("supabase.writer", "write", "connection: \"@supabase.main\"", "table")]
    public void Analyze_ReportsOSI0117WithoutConnectionHint_WhenConnectionCannotProvideTheKey(string component, string mode, string config, string missing)
    {
        var d = Assert.Single(OmlMarkup.Verify(Step(component, mode, "{|OSI0117:connection|}" + config.Substring("connection".Length))));

        Assert.Equal($"Component '{component}' requires configuration key '{missing}'; add it to the step's config", d.GetMessage());
        Assert.Equal("steps[0].config." + missing, d.Path);
    }

    [Fact]
    public void Analyze_ReportsOSI0117OnTheBraces_WhenConfigIsAnEmptyMapping()
    {
        OmlMarkup.Verify(OmlSamples.Header + "steps:\n  - id: step\n    component: filesystem.csv_writer\n    mode: write\n    config: {|OSI0117:{}|}\n");
    }

    [Fact]
    public void Analyze_ReportsEveryRequiredKey_WhenConnectionValueDoesNotStartWithAt()
    {
        // "mysql.primary" is not a reference: nothing provides host, database, user and password.
        var diagnostics = OmlMarkup.Verify(Step("mysql.extractor", "read", "{|OSI0117:{|OSI0117:{|OSI0117:{|OSI0117:connection|}|}|}|}: mysql.primary"));

        Assert.All(diagnostics, d => Assert.EndsWith("such as connection: \"@mysql.default\"", d.GetMessage(), StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_IsQuiet_WhenRequiredKeysAreWrittenOut()
    {
        OmlMarkup.Quiet(Step("mysql.extractor", "read", "host: db.internal\ndatabase: shop\nuser: reader\npassword: \"${MYSQL_PASSWORD}\"\ntable: customers"));
    }

    [Fact]
    public void Analyze_ReportsTheValueNotAMissingKey_WhenRequiredKeyIsNull()
    {
        var d = Assert.Single(OmlMarkup.Verify(Step("filesystem.csv_writer", "write", "path: {|OSI0120:~|}")));

        Assert.Equal("Configuration key 'path' of component 'filesystem.csv_writer' must be a string, not null", d.GetMessage());
    }

    // ---- OSI0120: values -----------------------------------------------------------------------

    [Theory]
    // mysql.extractor port: type, then range (integers, hex and octal).
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "port: {|OSI0120:abc|}", "port", "must be an integer, not the string 'abc'")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "port: {|OSI0120:\"3306\"|}", "port", "must be an integer, not the string '3306'")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "port: {|OSI0120:3306.5|}", "port", "must be an integer, not a number (3306.5)")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "port: {|OSI0120:.inf|}", "port", "must be an integer, not a number (.inf)")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "port: {|OSI0120:1e400|}", "port", "must be an integer, not a number (1e400)")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "port: {|OSI0120:true|}", "port", "must be an integer, not a boolean (true)")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "port: {|OSI0120:~|}", "port", "must be an integer, not null")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "port: {|OSI0120:[3306]|}", "port", "must be an integer, not a list")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "port: {|OSI0120:{value: 3306}|}", "port", "must be an integer, not a mapping")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "port: {|OSI0120:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa|}", "port", "must be an integer, not the string 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa… (100 characters)'")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "port: {|OSI0120:0|}", "port", "must be at least 1 (the allowed range is 1 to 65535), not 0")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "port: {|OSI0120:-3306|}", "port", "must be at least 1 (the allowed range is 1 to 65535), not -3306")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "port: {|OSI0120:65536|}", "port", "must be at most 65535 (the allowed range is 1 to 65535), not 65536")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "port: {|OSI0120:0x10000|}", "port", "must be at most 65535 (the allowed range is 1 to 65535), not 0x10000")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "port: {|OSI0120:0o200000|}", "port", "must be at most 65535 (the allowed range is 1 to 65535), not 0o200000")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "port: {|OSI0120:99999999999999999999999|}", "port", "must be at most 65535 (the allowed range is 1 to 65535), not 99999999999999999999999")]
    // mysql.extractor: one-sided ranges, lengths, lists, booleans.
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "limit: {|OSI0120:0|}", "limit", "must be at least 1, not 0")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "offset: {|OSI0120:-5|}", "offset", "must be at least 0, not -5")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "pool_recycle: {|OSI0120:59|}", "pool_recycle", "must be at least 60, not 59")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "batch_size: {|OSI0120:99|}", "batch_size", "must be at least 100 (the allowed range is 100 to 100000), not 99")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "table: {|OSI0120:\"\"|}", "table", "must not be empty")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "columns: {|OSI0120:id|}", "columns", "must be a list, not the string 'id'")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "columns: [id, {|OSI0120:1|}]", "columns", "must be a list of strings, but has an item that is an integer")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "columns: [id, {|OSI0120:[name]|}]", "columns", "must be a list of strings, but has an item that is a list")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "echo: {|OSI0120:yes|}", "echo", "must be true or false, not the string 'yes'")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "echo: {|OSI0120:\"true\"|}", "echo", "must be true or false, not the string 'true'")]
    [InlineData("mysql.extractor", "read", "connection: \"@mysql.primary\"", "echo: {|OSI0120:1|}", "echo", "must be true or false, not an integer (1)")]
    // filesystem.csv_writer: the checks Osiris makes (path, delimiter, newline, encoding) and the rest of its schema.
    [InlineData("filesystem.csv_writer", "write", "path: out.csv", "newline: {|OSI0120:cr|}", "newline", "must be one of lf, crlf, not 'cr'")]
    [InlineData("filesystem.csv_writer", "write", "path: out.csv", "newline: {|OSI0120:LF|}", "newline", "must be one of lf, crlf, not 'LF' (did you mean 'lf'?)")]
    [InlineData("filesystem.csv_writer", "write", "path: out.csv", "encoding: {|OSI0120:utf8|}", "encoding", "must be one of utf-8, utf-16, ascii, latin-1, not 'utf8' (did you mean 'utf-8'?)")]
    [InlineData("filesystem.csv_writer", "write", "path: out.csv", "encoding: {|OSI0120:iso-8859-1|}", "encoding", "must be one of utf-8, utf-16, ascii, latin-1, not 'iso-8859-1'")]
    [InlineData("filesystem.csv_writer", "write", "path: out.csv", "delimiter: {|OSI0120:\";;\"|}", "delimiter", "must have at most 1 character, not 2")]
    [InlineData("filesystem.csv_writer", "write", "path: out.csv", "delimiter: {|OSI0120:1|}", "delimiter", "must be a string, not an integer (1)")]
    [InlineData("filesystem.csv_writer", "write", "path: out.csv", "delimiter: {|OSI0120:[\",\"]|}", "delimiter", "must be a string, not a list")]
    [InlineData("filesystem.csv_writer", "write", "path: out.csv", "quoting: {|OSI0120:al|}", "quoting", "must be one of minimal, all, nonnumeric, not 'al' (did you mean 'all'?)")]
    [InlineData("filesystem.csv_writer", "write", "path: out.csv", "chunk_size: {|OSI0120:0|}", "chunk_size", "must be at least 1 (the allowed range is 1 to 100000), not 0")]
    [InlineData("filesystem.csv_writer", "write", "path: out.csv", "chunk_size: {|OSI0120:100001|}", "chunk_size", "must be at most 100000 (the allowed range is 1 to 100000), not 100001")]
    [InlineData("filesystem.csv_writer", "write", "path: out.csv", "header: {|OSI0120:1|}", "header", "must be true or false, not an integer (1)")]
    [InlineData("filesystem.csv_writer", "write", "path: out.csv", "create_dirs: {|OSI0120:~|}", "create_dirs", "must be true or false, not null")]
    [InlineData("filesystem.csv_writer", "write", "header: true", "path: {|OSI0120:\"\"|}", "path", "must not be empty")]
    [InlineData("filesystem.csv_writer", "write", "header: true", "path: {|OSI0120:[a.csv]|}", "path", "must be a string, not a list")]
    // filesystem.csv_extractor: unique items, union types.
    [InlineData("filesystem.csv_extractor", "read", "path: in.csv", "columns: [a, b, {|OSI0120:a|}]", "columns", "must not repeat 'a'")]
    [InlineData("filesystem.csv_extractor", "read", "path: in.csv", "na_values: [NA, {|OSI0120:NA|}]", "na_values", "must not repeat 'NA'")]
    [InlineData("filesystem.csv_extractor", "read", "path: in.csv", "header: {|OSI0120:\"yes\"|}", "header", "must be true, false or an integer, not the string 'yes'")]
    [InlineData("filesystem.csv_extractor", "read", "path: in.csv", "parse_dates: {|OSI0120:created_at|}", "parse_dates", "must be true, false or a list, not the string 'created_at'")]
    [InlineData("filesystem.csv_extractor", "read", "path: in.csv", "compression: {|OSI0120:rar|}", "compression", "must be one of infer, gzip, bz2, zip, xz, not 'rar'")]
    [InlineData("filesystem.csv_extractor", "read", "path: in.csv", "chunk_size: {|OSI0120:50|}", "chunk_size", "must be at least 100 (the allowed range is 100 to 1000000), not 50")]
    [InlineData("filesystem.csv_extractor", "read", "path: in.csv", "dtype: {|OSI0120:[a]|}", "dtype", "must be a mapping, not a list")]
    // supabase.extractor: patterns and ranges.
    [InlineData("supabase.extractor", "read", "connection: \"@supabase.main\"\ntable: t", "url: {|OSI0120:http://abc.supabase.co|}", "url", "must match the pattern ^https://[a-zA-Z0-9-]+\\.supabase\\.co$, not 'http://abc.supabase.co'")]
    [InlineData("supabase.extractor", "read", "connection: \"@supabase.main\"\ntable: t", "project_id: {|OSI0120:abc_1|}", "project_id", "must match the pattern ^[a-zA-Z0-9-]+$, not 'abc_1'")]
    [InlineData("supabase.extractor", "read", "connection: \"@supabase.main\"\ntable: t", "limit: {|OSI0120:1001|}", "limit", "must be at most 1000 (the allowed range is 1 to 1000), not 1001")]
    [InlineData("supabase.extractor", "read", "connection: \"@supabase.main\"\ntable: t", "filter: {|OSI0120:\"id > 3\"|}", "filter", "must be a mapping, not the string 'id > 3'")]
    // graphql.extractor: fractional ranges and enums.
    [InlineData("graphql.extractor", "read", "connection: \"@graphql.api\"\nquery: q", "retry_delay: {|OSI0120:0.05|}", "retry_delay", "must be at least 0.1 (the allowed range is 0.1 to 60), not 0.05")]
    [InlineData("graphql.extractor", "read", "connection: \"@graphql.api\"\nquery: q", "retry_delay: {|OSI0120:61|}", "retry_delay", "must be at most 60 (the allowed range is 0.1 to 60), not 61")]
    [InlineData("graphql.extractor", "read", "connection: \"@graphql.api\"\nquery: q", "timeout: {|OSI0120:4|}", "timeout", "must be at least 5 (the allowed range is 5 to 300), not 4")]
    [InlineData("graphql.extractor", "read", "connection: \"@graphql.api\"\nquery: q", "auth_type: {|OSI0120:oauth|}", "auth_type", "must be one of none, bearer, basic, api_key, not 'oauth'")]
    [InlineData("graphql.extractor", "read", "connection: \"@graphql.api\"\nquery: q", "variables: {|OSI0120:[a]|}", "variables", "must be a mapping, not a list")]
    // posthog.extractor: enums with suggestions.
    [InlineData("posthog.extractor", "read", "connection: \"@posthog.main\"", "data_type: {|OSI0120:event|}", "data_type", "must be one of events, persons, sessions, person_distinct_ids, not 'event' (did you mean 'events'?)")]
    [InlineData("posthog.extractor", "read", "connection: \"@posthog.main\"\ndata_type: events", "region: {|OSI0120:EU|}", "region", "must be one of us, eu, self_hosted, not 'EU' (did you mean 'eu'?)")]
    [InlineData("posthog.extractor", "read", "connection: \"@posthog.main\"\ndata_type: events", "lookback_window_minutes: {|OSI0120:61|}", "lookback_window_minutes", "must be at most 60 (the allowed range is 5 to 60), not 61")]
    // writers: modes, keys, batch sizes.
    [InlineData("supabase.writer", "write", "connection: \"@supabase.main\"\ntable: t", "write_mode: {|OSI0120:merge|}", "write_mode", "must be one of append, replace, upsert, not 'merge'")]
    [InlineData("supabase.writer", "write", "connection: \"@supabase.main\"\ntable: t", "write_mode: {|OSI0120:Upsert|}", "write_mode", "must be one of append, replace, upsert, not 'Upsert' (did you mean 'upsert'?)")]
    [InlineData("supabase.writer", "write", "connection: \"@supabase.main\"\ntable: t", "primary_key: {|OSI0120:1|}", "primary_key", "must be a string or a list, not an integer (1)")]
    [InlineData("supabase.writer", "write", "connection: \"@supabase.main\"\ntable: t", "primary_key: [id, {|OSI0120:2|}]", "primary_key", "must be a list of strings, but has an item that is an integer")]
    [InlineData("supabase.writer", "write", "connection: \"@supabase.main\"\ntable: t", "batch_size: {|OSI0120:1001|}", "batch_size", "must be at most 1000 (the allowed range is 1 to 1000), not 1001")]
    [InlineData("supabase.writer", "write", "connection: \"@supabase.main\"\ntable: t", "prefer: {|OSI0120:minimal|}", "prefer", "must be one of return=minimal, return=representation, resolution=merge-duplicates, resolution=ignore-duplicates, not 'minimal'")]
    [InlineData("mysql.writer", "write", "connection: \"@mysql.primary\"\ntable: t", "mode: {|OSI0120:merge|}", "mode", "must be one of append, replace, upsert, not 'merge'")]
    [InlineData("mysql.writer", "write", "connection: \"@mysql.primary\"\ntable: t", "upsert_keys: {|OSI0120:id|}", "upsert_keys", "must be a list, not the string 'id'")]
    [InlineData("mysql.writer", "write", "connection: \"@mysql.primary\"\ntable: t", "batch_size: {|OSI0120:0|}", "batch_size", "must be at least 1 (the allowed range is 1 to 100000), not 0")]
    // duckdb.processor.
    [InlineData("duckdb.processor", "transform", "x-note: none", "query: {|OSI0120:\"\"|}", "query", "must not be empty")]
    [InlineData("duckdb.processor", "transform", "x-note: none", "query: {|OSI0120:42|}", "query", "must be a string, not an integer (42)")]
    public void Analyze_ReportsOSI0120OnTheValue_WhenValueBreaksTheSchema(string component, string mode, string config, string line, string key, string problem)
    {
        var d = Assert.Single(OmlMarkup.Verify(Step(component, mode, config + "\n" + line)));

        Assert.Equal($"Configuration key '{key}' of component '{component}' {problem}", d.GetMessage());
        Assert.Equal("steps[0].config." + key, d.Path);
        Assert.Equal(OmlSeverity.Error, d.Severity);
    }

    [Theory]
    // Integers in every core-schema spelling, inside the range, and whole floats.
    [InlineData("mysql.extractor", "port: 3306")]
    [InlineData("mysql.extractor", "port: 1")]
    [InlineData("mysql.extractor", "port: 65535")]
    [InlineData("mysql.extractor", "port: +3306")]
    [InlineData("mysql.extractor", "port: 0x0CEA")]
    [InlineData("mysql.extractor", "port: 0o6272")]
    [InlineData("mysql.extractor", "port: 3306.0")]
    [InlineData("mysql.extractor", "port: 3.306e3")]
    // A null where the schema's default is null; lists without uniqueItems may repeat.
    [InlineData("mysql.extractor", "schema: ~")]
    [InlineData("mysql.extractor", "columns: [id, id]")]
    [InlineData("mysql.extractor", "echo: FALSE")]
    // Lengths count code points, not UTF-16 units; no minimum means empty is fine.
    [InlineData("filesystem.csv_writer", "delimiter: \"😀\"")]
    [InlineData("filesystem.csv_writer", "delimiter: \"\\t\"")]
    [InlineData("filesystem.csv_writer", "delimiter: \"\"")]
    [InlineData("filesystem.csv_writer", "encoding: latin-1\nnewline: crlf\nquoting: nonnumeric")]
    // Union types accept each member.
    [InlineData("filesystem.csv_extractor", "header: 0")]
    [InlineData("filesystem.csv_extractor", "header: false")]
    [InlineData("filesystem.csv_extractor", "parse_dates: [created_at, updated_at]")]
    [InlineData("filesystem.csv_extractor", "parse_dates: true")]
    [InlineData("filesystem.csv_extractor", "encoding: iso-8859-1\ndtype: {id: int}")]
    // Patterns and fractional ranges at their edges.
    [InlineData("supabase.extractor", "url: https://abc-123.supabase.co\nproject_id: abc-123")]
    [InlineData("graphql.extractor", "retry_delay: 0.1\ntimeout: 300")]
    [InlineData("graphql.extractor", "retry_delay: 60")]
    public void Analyze_IsQuiet_WhenValueFitsTheSchema(string component, string line)
    {
        var config = component switch
        {
            "mysql.extractor" => "connection: \"@mysql.primary\"",
            "filesystem.csv_writer" => "path: out.csv",
            "filesystem.csv_extractor" => "path: in.csv",
            "supabase.extractor" => "connection: \"@supabase.main\"\ntable: t",
            _ => "connection: \"@graphql.api\"\nquery: q",
        };
        var mode = component.EndsWith("writer", StringComparison.Ordinal) ? "write" : "read";

        OmlMarkup.Quiet(Step(component, mode, config + "\n" + line));
    }

    [Theory]
    // ${...} values are resolved at run time: their type, enum, pattern and length are not judged.
    [InlineData("mysql.extractor", "port: \"${MYSQL_PORT}\"")]
    [InlineData("mysql.extractor", "port: ${MYSQL_PORT}")]
    [InlineData("mysql.extractor", "port: \"${PARAM_PORT}\"")]
    [InlineData("mysql.extractor", "echo: \"${ECHO}\"")]
    [InlineData("mysql.extractor", "columns: \"${PARAM_COLUMNS}\"")]
    [InlineData("mysql.extractor", "table: \"customers_${RUN_DATE}\"")]
    [InlineData("filesystem.csv_writer", "newline: \"${NEWLINE}\"")]
    [InlineData("filesystem.csv_writer", "delimiter: \"${DELIMITER}\"")]
    [InlineData("filesystem.csv_writer", "chunk_size: ${PARAM_CHUNK}")]
    [InlineData("supabase.extractor", "url: \"${SUPABASE_URL}\"")]
    [InlineData("supabase.extractor", "limit: '${PARAM_LIMIT}'")]
    public void Analyze_SkipsTheValueCheck_WhenValueHoldsAReference(string component, string line)
    {
        Analyze_IsQuiet_WhenValueFitsTheSchema(component, line);
    }

    // ---- OSI0118: key columns of replace and upsert writes ------------------------------------

    [Theory]
    [InlineData("upsert")]
    [InlineData("replace")]
    public void Analyze_ReportsOSI0118OnTheWriteMode_WhenSupabaseWriterHasNoPrimaryKey(string writeMode)
    {
        var d = Assert.Single(OmlMarkup.Verify(Step(
            "supabase.writer", "write", "connection: \"@supabase.main\"\ntable: t\nwrite_mode: {|OSI0118:" + writeMode + "|}")));

        Assert.Equal($"'primary_key' is required when the write mode is '{writeMode}'; add the column(s) that identify a row", d.GetMessage());
        Assert.Equal("steps[0].config.primary_key", d.Path);
        Assert.Equal(OmlSeverity.Error, d.Severity);
    }

    [Fact]
    public void Analyze_ReadsTheLegacyModeKey_WhenSupabaseWriterHasNoWriteMode()
    {
        // Osiris falls back to 'mode' when 'write_mode' is absent; the key itself is not in the schema.
        OmlMarkup.Verify(Step("supabase.writer", "write", "connection: \"@supabase.main\"\ntable: t\n{|OSI0116:mode|}: {|OSI0118:upsert|}"));
    }

    [Theory]
    [InlineData("write_mode: upsert\nprimary_key: id")]
    [InlineData("write_mode: replace\nprimary_key: [id, tenant_id]")]
    [InlineData("write_mode: append")]
    [InlineData("primary_key: id")]
    public void Analyze_IsQuiet_WhenSupabaseWriterHasWhatItsWriteModeNeeds(string lines)
    {
        OmlMarkup.Quiet(Step("supabase.writer", "write", "connection: \"@supabase.main\"\ntable: t\n" + lines));
    }

    [Fact]
    public void Analyze_ReportsOSI0118ForUpsertKeys_WhenMysqlWriterUpsertsWithoutThem()
    {
        var d = Assert.Single(OmlMarkup.Verify(Step("mysql.writer", "write", "connection: \"@mysql.primary\"\ntable: t\nmode: {|OSI0118:upsert|}")));

        Assert.Equal("'upsert_keys' is required when the write mode is 'upsert'; add the column(s) that identify a row", d.GetMessage());
        Assert.Equal("steps[0].config.upsert_keys", d.Path);
    }

    [Theory]
    // mysql.writer follows its schema (OML-SPEC §1): upsert_keys for upsert, nothing for replace.
    [InlineData("mode: upsert\nupsert_keys: [id]")]
    [InlineData("mode: replace")]
    [InlineData("mode: append")]
    public void Analyze_IsQuiet_WhenMysqlWriterHasWhatItsModeNeeds(string lines)
    {
        OmlMarkup.Quiet(Step("mysql.writer", "write", "connection: \"@mysql.primary\"\ntable: t\n" + lines));
    }

    [Fact]
    public void Analyze_ReportsPrimaryKeyAsUnknown_WhenMysqlWriterUsesOsirisRuleInsteadOfItsSchema()
    {
        OmlMarkup.Verify(Step("mysql.writer", "write", "connection: \"@mysql.primary\"\ntable: t\nmode: {|OSI0118:upsert|}\n{|OSI0116:primary_key|}: [id]"));
    }

    [Fact]
    public void Analyze_ReportsOSI0118_WhenUnregisteredDuckdbWriterUpserts()
    {
        OmlMarkup.Verify(Step("{|OSI0110:duckdb.writer|}", "write", "write_mode: {|OSI0118:upsert|}"));
    }

    // ---- OSI0119: write modes of components without a schema ----------------------------------

    [Theory]
    [InlineData("write_mode: {|OSI0119:merge|}", "merge", "write_mode")]
    [InlineData("mode: {|OSI0119:overwrite|}", "overwrite", "mode")]
    [InlineData("write_mode: {|OSI0119:Append|}", "Append", "write_mode")]
    public void Analyze_ReportsOSI0119OnTheValue_WhenUnknownComponentHasUnknownWriteMode(string line, string writeMode, string key)
    {
        var d = OmlMarkup.Verify(Step("{|OSI0110:acme.writer|}", "write", line)).Single(x => x.Id == "OSI0119");

        Assert.Equal($"Unknown write mode '{writeMode}'; use append, replace, truncate or upsert", d.GetMessage());
        Assert.Equal("steps[0].config." + key, d.Path);
        Assert.Equal(OmlSeverity.Warning, d.Severity);
    }

    [Theory]
    [InlineData("write_mode: append")]
    [InlineData("write_mode: replace\nprimary_key: id")]
    [InlineData("write_mode: truncate")]
    [InlineData("mode: upsert")]
    [InlineData("write_mode: 5")]
    public void Analyze_IsQuietAboutTheWriteMode_WhenUnknownComponentUsesAKnownOne(string lines)
    {
        OmlMarkup.Verify(Step("{|OSI0110:acme.writer|}", "write", lines));
    }

    // ---- OSI0501 / OSI0502: overriding what a connection provides -----------------------------

    [Theory]
    [InlineData("mysql.extractor", "connection: \"@mysql.primary\"", "database", "shop")]
    [InlineData("mysql.extractor", "connection: \"@mysql.primary\"", "user", "admin")]
    [InlineData("mysql.extractor", "connection: \"@mysql.primary\"", "password", "\"${OTHER_PASSWORD}\"")]
    [InlineData("mysql.writer", "connection: \"@mysql.primary\"\ntable: t", "database", "other")]
    [InlineData("posthog.extractor", "connection: \"@posthog.main\"\ndata_type: events", "api_key", "phc_123")]
    [InlineData("posthog.extractor", "connection: \"@posthog.main\"\ndata_type: events", "project_id", "\"42\"")]
    [InlineData("supabase.extractor", "connection: \"@supabase.main\"\ntable: t", "key", "\"${SUPABASE_KEY}\"")]
    [InlineData("graphql.extractor", "connection: \"@graphql.api\"\nquery: q", "auth_token", "tok")]
    [InlineData("graphql.extractor", "connection: \"@graphql.api\"\nquery: q", "auth_username", "bob")]
    public void Analyze_ReportsOSI0501OnTheKey_WhenStepOverridesAForbiddenConnectionField(string component, string config, string key, string value)
    {
        var mode = component.EndsWith("writer", StringComparison.Ordinal) ? "write" : "read";
        var reference = config.Substring("connection: \"".Length, config.IndexOf('"', "connection: \"".Length) - "connection: \"".Length);

        var d = Assert.Single(OmlMarkup.Verify(Step(component, mode, config + "\n{|OSI0501:" + key + "|}: " + value)));

        Assert.Equal(
            $"'{key}' comes from connection '{reference}' and must not be overridden in the step (policy: forbidden); remove it here and change the connection instead",
            d.GetMessage());
        Assert.Equal("steps[0].config." + key, d.Path);
        Assert.Equal(OmlSeverity.Error, d.Severity);
    }

    [Fact]
    public void Analyze_ReportsOSI0502OnTheKey_WhenStepOverridesAFieldWithWarningPolicy()
    {
        var d = Assert.Single(OmlMarkup.Verify(Step(
            "graphql.extractor", "read", "connection: \"@graphql.api\"\nquery: q\n{|OSI0502:headers|}: {X-Trace: \"1\"}")));

        Assert.Equal("'headers' overrides the value that connection '@graphql.api' provides; prefer setting it in the connection", d.GetMessage());
        Assert.Equal("steps[0].config.headers", d.Path);
        Assert.Equal(OmlSeverity.Warning, d.Severity);
    }

    [Theory]
    // Fields whose policy is 'allowed' may be set next to a connection.
    [InlineData("mysql.extractor", "connection: \"@mysql.primary\"\nhost: replica.internal\nport: 3307\nschema: reporting")]
    [InlineData("supabase.extractor", "connection: \"@supabase.main\"\ntable: t\nurl: https://abc.supabase.co\nproject_id: abc")]
    [InlineData("posthog.extractor", "connection: \"@posthog.main\"\ndata_type: events\nregion: eu\ncustom_base_url: https://ph.example.com")]
    [InlineData("graphql.extractor", "connection: \"@graphql.api\"\nquery: q\nendpoint: https://api.example.com/graphql")]
    public void Analyze_IsQuiet_WhenStepOverridesAnAllowedConnectionField(string component, string config)
    {
        OmlMarkup.Quiet(Step(component, "read", config));
    }

    [Fact]
    public void Analyze_DoesNotReportOverrides_WhenStepHasNoConnection()
    {
        OmlMarkup.Quiet(Step("mysql.extractor", "read", "host: h\ndatabase: d\nuser: u\npassword: \"${MYSQL_PASSWORD}\""));
    }

    [Fact]
    public void Analyze_ReportsTheOverrideNotAnInlineSecret_WhenSecretIsWrittenNextToAConnection()
    {
        OmlMarkup.Verify(Step("mysql.extractor", "read", "connection: \"@mysql.primary\"\n{|OSI0501:password|}: hunter2"));
    }

    // ---- OSI0503: inline secrets ---------------------------------------------------------------

    [Theory]
    [InlineData("mysql.extractor", "host: h\ndatabase: d\nuser: u", "password: {|OSI0503:hunter2|}", "password", "PASSWORD")]
    [InlineData("mysql.writer", "host: h\ndatabase: d\nuser: u\ntable: t", "password: {|OSI0503:\"s3cret!\"|}", "password", "PASSWORD")]
    [InlineData("mysql.extractor", "host: h\ndatabase: d\nuser: u", "password: {|OSI0503:\"pre-${SUFFIX}\"|}", "password", "PASSWORD")]
    [InlineData("posthog.extractor", "project_id: \"1\"\ndata_type: events", "api_key: {|OSI0503:phc_live_123|}", "api_key", "API_KEY")]
    [InlineData("supabase.extractor", "table: t", "key: {|OSI0503:eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9|}", "key", "KEY")]
    [InlineData("supabase.writer", "table: t", "key: {|OSI0503:eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9|}", "key", "KEY")]
    [InlineData("graphql.extractor", "endpoint: e\nquery: q", "auth_token: {|OSI0503:ghp_abc|}", "auth_token", "AUTH_TOKEN")]
    [InlineData("graphql.extractor", "endpoint: e\nquery: q", "auth_username: {|OSI0503:bob|}", "auth_username", "AUTH_USERNAME")]
    // In a mapping the first literal value is reported, after any references.
    [InlineData("graphql.extractor", "endpoint: e\nquery: q", "headers: {Authorization: {|OSI0503:\"Bearer abc\"|}}", "headers", "HEADERS")]
    [InlineData("graphql.extractor", "endpoint: e\nquery: q", "headers: {X-Id: \"${ID}\", X-Key: {|OSI0503:k|}}", "headers", "HEADERS")]
    public void Analyze_ReportsOSI0503OnTheLiteral_WhenSecretIsWrittenInline(string component, string config, string line, string key, string envName)
    {
        var mode = component.EndsWith("writer", StringComparison.Ordinal) ? "write" : "read";

        var d = Assert.Single(OmlMarkup.Verify(Step(component, mode, config + "\n" + line)));

        Assert.Equal(
            $"'{key}' is a secret of component '{component}' and is written inline; move it to a connection and reference it with connection: \"@family.alias\", or read it from the environment with \"${{{component.Substring(0, component.IndexOf('.')).ToUpperInvariant()}_{envName}}}\"",
            d.GetMessage());
        Assert.Equal("steps[0].config." + key, d.Path);
        Assert.Equal(OmlSeverity.Warning, d.Severity);
    }

    [Theory]
    [InlineData("password: \"${MYSQL_PASSWORD}\"")]
    [InlineData("password: ${MYSQL_PASSWORD}")]
    [InlineData("password: \"  ${MYSQL_PASSWORD}  \"")]
    [InlineData("password: \"\"")]
    public void Analyze_IsQuiet_WhenSecretIsAReferenceOrEmpty(string line)
    {
        OmlMarkup.Quiet(Step("mysql.extractor", "read", "host: h\ndatabase: d\nuser: u\n" + line));
    }

    [Theory]
    [InlineData("headers: {}")]
    [InlineData("headers: {Authorization: \"${API_TOKEN}\"}")]
    public void Analyze_IsQuiet_WhenSecretMappingHoldsOnlyReferences(string line)
    {
        OmlMarkup.Quiet(Step("graphql.extractor", "read", "endpoint: e\nquery: q\n" + line));
    }

    [Fact]
    public void Analyze_ReportsTypeAndSecret_WhenSecretIsAnInlineNumber()
    {
        OmlMarkup.Verify(Step("mysql.extractor", "read", "host: h\ndatabase: d\nuser: u\npassword: {|OSI0120:{|OSI0503:12345|}|}"));
    }

    [Fact]
    public void Analyze_ReportsEachInlineSecret_WhenSeveralAreWritten()
    {
        var diagnostics = OmlMarkup.Verify(Step(
            "graphql.extractor",
            "read",
            "endpoint: e\nquery: q\nauth_token: {|OSI0503:t|}\nauth_username: {|OSI0503:u|}\nheaders: {Accept: text/json, Authorization: {|OSI0503:b|}}"));

        Assert.Equal(new[] { "auth_token", "auth_username", "headers" }, diagnostics.Select(d => d.Arguments[0]));
    }

    // ---- suspected engine bugs -----------------------------------------------------------------

    [Theory]
    [InlineData("port: {|OSI0120:0xFFFFFFFFFFFFFFFFF|}")]
    [InlineData("port: {|OSI0120:0o7777777777777777777777|}")]
    public void Analyze_ReportsOSI0120_WhenHexOrOctalIntegerIsFarAboveTheRange(string line)
    {
        var d = Assert.Single(OmlMarkup.Verify(Step("mysql.extractor", "read", "connection: \"@mysql.primary\"\n" + line)));

        Assert.Contains("must be at most 65535", d.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_DoesNotAskForAConnection_WhenConnectionProvidedKeyIsSetNextToOne()
    {
        var d = Assert.Single(OmlMarkup.Verify(Step(
            "filesystem.csv_extractor", "read", "connection: \"@filesystem.imports\"\npath: in.csv\n{|OSI0116:base_dir|}: /data")));

        Assert.DoesNotContain("reference one with connection", d.GetMessage(), StringComparison.Ordinal);
    }
}
