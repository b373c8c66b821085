using Osiris.Oml.Collections;
using static Osiris.Oml.Components.ConfigValueTypes;

namespace Osiris.Oml.Components;

/// <summary>
/// The components that ship with Osiris, as their specs (components/&lt;name&gt;/spec.yaml in the Osiris
/// repository, Apache-2.0) describe them: modes, configuration schema, connection-provided fields
/// with their override policy, and secrets. The spec versions are the ones the Osiris reference
/// validator used for the conformance corpus.
/// </summary>
internal static class BuiltInComponents
{
    public static readonly ComponentSpec[] All =
    {
        new(
            "duckdb.processor",
            "1.0.0",
            Arr(new[] { OmlMode.Transform }),
            Arr(new ConfigProperty[]
            {
                new("query", String) { MinLength = 1 },
            }),
            Arr(new[] { "query" }),
            EquatableArray<ConnectionField>.Empty,
            EquatableArray<string>.Empty),

        new(
            "filesystem.csv_extractor",
            "1.0.0",
            Arr(new[] { OmlMode.Read }),
            Arr(new ConfigProperty[]
            {
                new("connection", String),
                new("path", String) { MinLength = 1 },
                new("delimiter", String) { MaxLength = 1, Default = "\",\"" },
                new("encoding", String) { Enum = Arr(new[] { "utf-8", "utf-16", "ascii", "latin-1", "iso-8859-1" }), Default = "\"utf-8\"" },
                new("header", Boolean | Integer) { Default = "true" },
                new("columns", Array) { ItemTypes = String, UniqueItems = true },
                new("skip_rows", Integer) { Minimum = 0, Default = "0" },
                new("limit", Integer) { Minimum = 1 },
                new("parse_dates", Boolean | Array) { ItemTypes = String, Default = "false" },
                new("dtype", Object),
                new("na_values", Array) { ItemTypes = String, UniqueItems = true },
                new("chunk_size", Integer) { Minimum = 100, Maximum = 1000000, Default = "10000" },
                new("skip_blank_lines", Boolean) { Default = "true" },
                new("comment", String) { MaxLength = 1 },
                new("compression", String) { Enum = Arr(new[] { "infer", "gzip", "bz2", "zip", "xz" }), Default = "\"infer\"" },
            }),
            Arr(new[] { "path" }),
            Arr(new ConnectionField[] { new("base_dir", OverridePolicy.Allowed) }),
            EquatableArray<string>.Empty),

        new(
            "filesystem.csv_writer",
            "1.0.0",
            Arr(new[] { OmlMode.Write }),
            Arr(new ConfigProperty[]
            {
                new("path", String) { MinLength = 1 },
                new("delimiter", String) { MaxLength = 1, Default = "\",\"" },
                new("header", Boolean) { Default = "true" },
                new("encoding", String) { Enum = Arr(new[] { "utf-8", "utf-16", "ascii", "latin-1" }), Default = "\"utf-8\"" },
                new("newline", String) { Enum = Arr(new[] { "lf", "crlf" }), Default = "\"lf\"" },
                new("quoting", String) { Enum = Arr(new[] { "minimal", "all", "nonnumeric" }), Default = "\"minimal\"" },
                new("chunk_size", Integer) { Minimum = 1, Maximum = 100000, Default = "1000" },
                new("create_dirs", Boolean) { Default = "true" },
            }),
            Arr(new[] { "path" }),
            EquatableArray<ConnectionField>.Empty,
            EquatableArray<string>.Empty),

        new(
            "graphql.extractor",
            "1.0.0",
            Arr(new[] { OmlMode.Read }),
            Arr(new ConfigProperty[]
            {
                new("endpoint", String) { MinLength = 1 },
                new("query", String) { MinLength = 1 },
                new("variables", Object) { Default = "{}" },
                new("headers", Object) { Default = "{}" },
                new("auth_type", String) { Enum = Arr(new[] { "none", "bearer", "basic", "api_key" }), Default = "\"none\"" },
                new("auth_token", String),
                new("auth_username", String),
                new("auth_header_name", String) { Default = "\"X-API-Key\"" },
                new("timeout", Integer) { Minimum = 5, Maximum = 300, Default = "30" },
                new("max_retries", Integer) { Minimum = 0, Maximum = 10, Default = "3" },
                new("retry_delay", Number) { Minimum = 0.1, Maximum = 60.0, Default = "1.0" },
                new("pagination_enabled", Boolean) { Default = "false" },
                new("pagination_path", String) { Default = "\"data.pageInfo\"" },
                new("pagination_cursor_field", String) { Default = "\"endCursor\"" },
                new("pagination_has_next_field", String) { Default = "\"hasNextPage\"" },
                new("pagination_variable_name", String) { Default = "\"after\"" },
                new("max_pages", Integer) { Minimum = 0, Default = "0" },
                new("data_path", String) { Default = "\"data\"" },
                new("flatten_result", Boolean) { Default = "true" },
                new("validate_ssl", Boolean) { Default = "true" },
            }),
            Arr(new[] { "endpoint", "query" }),
            Arr(new ConnectionField[] { new("endpoint", OverridePolicy.Allowed), new("auth_token", OverridePolicy.Forbidden), new("auth_username", OverridePolicy.Forbidden), new("headers", OverridePolicy.Warning) }),
            Arr(new string[] { "auth_token", "auth_username", "headers" })),

        new(
            "mysql.extractor",
            "1.0.0",
            Arr(new[] { OmlMode.Read }),
            Arr(new ConfigProperty[]
            {
                new("host", String) { Default = "\"localhost\"" },
                new("port", Integer) { Minimum = 1, Maximum = 65535, Default = "3306" },
                new("database", String) { MinLength = 1 },
                new("user", String) { MinLength = 1 },
                new("password", String),
                new("table", String) { MinLength = 1 },
                new("schema", String) { Default = "null" },
                new("query", String),
                new("columns", Array) { ItemTypes = String },
                new("limit", Integer) { Minimum = 1 },
                new("offset", Integer) { Minimum = 0, Default = "0" },
                new("batch_size", Integer) { Minimum = 100, Maximum = 100000, Default = "10000" },
                new("pool_size", Integer) { Minimum = 1, Maximum = 20, Default = "5" },
                new("pool_recycle", Integer) { Minimum = 60, Default = "3600" },
                new("echo", Boolean) { Default = "false" },
            }),
            Arr(new[] { "host", "database", "user", "password" }),
            Arr(new ConnectionField[] { new("host", OverridePolicy.Allowed), new("port", OverridePolicy.Allowed), new("database", OverridePolicy.Forbidden), new("user", OverridePolicy.Forbidden), new("password", OverridePolicy.Forbidden), new("schema", OverridePolicy.Allowed) }),
            Arr(new string[] { "password" })),

        new(
            "mysql.writer",
            "1.0.0",
            Arr(new[] { OmlMode.Write }),
            Arr(new ConfigProperty[]
            {
                new("host", String) { Default = "\"localhost\"" },
                new("port", Integer) { Minimum = 1, Maximum = 65535, Default = "3306" },
                new("database", String) { MinLength = 1 },
                new("user", String) { MinLength = 1 },
                new("password", String),
                new("table", String) { MinLength = 1 },
                new("schema", String) { Default = "null" },
                new("mode", String) { Enum = Arr(new[] { "append", "replace", "upsert" }), Default = "\"append\"" },
                new("upsert_keys", Array) { ItemTypes = String },
                new("batch_size", Integer) { Minimum = 1, Maximum = 100000, Default = "1000" },
                new("create_table", Boolean) { Default = "false" },
                new("truncate_before", Boolean) { Default = "false" },
                new("pool_size", Integer) { Minimum = 1, Maximum = 20, Default = "5" },
                new("pool_recycle", Integer) { Minimum = 60, Default = "3600" },
                new("echo", Boolean) { Default = "false" },
            }),
            Arr(new[] { "host", "database", "user", "password", "table" }),
            Arr(new ConnectionField[] { new("host", OverridePolicy.Allowed), new("port", OverridePolicy.Allowed), new("database", OverridePolicy.Forbidden), new("user", OverridePolicy.Forbidden), new("password", OverridePolicy.Forbidden), new("schema", OverridePolicy.Allowed) }),
            Arr(new string[] { "password" })),

        new(
            "posthog.extractor",
            "1.1.0",
            Arr(new[] { OmlMode.Read }),
            Arr(new ConfigProperty[]
            {
                new("api_key", String) { MinLength = 1 },
                new("project_id", String) { MinLength = 1 },
                new("region", String) { Enum = Arr(new[] { "us", "eu", "self_hosted" }), Default = "\"us\"" },
                new("custom_base_url", String),
                new("data_type", String) { Enum = Arr(new[] { "events", "persons", "sessions", "person_distinct_ids" }) },
                new("event_types", Array) { ItemTypes = String },
                new("lookback_window_minutes", Integer) { Minimum = 5, Maximum = 60, Default = "15" },
                new("initial_since", String),
                new("page_size", Integer) { Minimum = 100, Maximum = 10000, Default = "1000" },
                new("deduplication_enabled", Boolean) { Default = "true" },
            }),
            Arr(new[] { "api_key", "project_id", "data_type" }),
            Arr(new ConnectionField[] { new("api_key", OverridePolicy.Forbidden), new("project_id", OverridePolicy.Forbidden), new("region", OverridePolicy.Allowed), new("custom_base_url", OverridePolicy.Allowed) }),
            Arr(new string[] { "api_key" })),

        new(
            "supabase.extractor",
            "1.0.0",
            Arr(new[] { OmlMode.Read }),
            Arr(new ConfigProperty[]
            {
                new("url", String) { Pattern = "^https://[a-zA-Z0-9-]+\\.supabase\\.co$" },
                new("key", String) { MinLength = 20 },
                new("project_id", String) { Pattern = "^[a-zA-Z0-9-]+$" },
                new("table", String) { MinLength = 1 },
                new("schema", String) { Default = "\"public\"" },
                new("select", String) { Default = "\"*\"" },
                new("filter", Object),
                new("order", String),
                new("limit", Integer) { Minimum = 1, Maximum = 1000, Default = "1000" },
                new("offset", Integer) { Minimum = 0, Default = "0" },
                new("timeout", Integer) { Minimum = 5, Maximum = 300, Default = "30" },
                new("retries", Integer) { Minimum = 0, Maximum = 10, Default = "3" },
                new("tables", Array) { ItemTypes = String },
            }),
            Arr(new[] { "key", "table" }),
            Arr(new ConnectionField[] { new("url", OverridePolicy.Allowed), new("project_id", OverridePolicy.Allowed), new("key", OverridePolicy.Forbidden) }),
            Arr(new string[] { "key" })),

        new(
            "supabase.writer",
            "1.0.0",
            Arr(new[] { OmlMode.Write }),
            Arr(new ConfigProperty[]
            {
                new("url", String) { Pattern = "^https://[a-zA-Z0-9-]+\\.supabase\\.co$" },
                new("key", String) { MinLength = 20 },
                new("project_id", String) { Pattern = "^[a-zA-Z0-9-]+$" },
                new("table", String) { MinLength = 1 },
                new("schema", String) { Default = "\"public\"" },
                new("write_mode", String) { Enum = Arr(new[] { "append", "replace", "upsert" }), Default = "\"append\"" },
                new("primary_key", String | Array) { ItemTypes = String },
                new("returning", String) { Default = "\"minimal\"" },
                new("create_if_missing", Boolean) { Default = "true" },
                new("batch_size", Integer) { Minimum = 1, Maximum = 1000, Default = "100" },
                new("timeout", Integer) { Minimum = 5, Maximum = 300, Default = "30" },
                new("retries", Integer) { Minimum = 0, Maximum = 10, Default = "3" },
                new("ddl_channel", String) { Enum = Arr(new[] { "auto", "http_sql", "psycopg2" }), Default = "\"auto\"" },
                new("prefer", String) { Enum = Arr(new[] { "return=minimal", "return=representation", "resolution=merge-duplicates", "resolution=ignore-duplicates" }), Default = "\"return=minimal\"" },
            }),
            Arr(new[] { "key", "table" }),
            Arr(new ConnectionField[] { new("url", OverridePolicy.Allowed), new("project_id", OverridePolicy.Allowed), new("key", OverridePolicy.Forbidden) }),
            Arr(new string[] { "key" })),
    };

    private static EquatableArray<T> Arr<T>(T[] items) => new(items);
}
