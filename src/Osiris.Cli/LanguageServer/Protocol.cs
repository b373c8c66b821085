using System.Text.Json.Nodes;

namespace Osiris.Cli.LanguageServer;

/// <summary>The few LSP shapes the server reads and writes, as <see cref="JsonNode"/> helpers.</summary>
internal static class Protocol
{
    // JSON-RPC and LSP error codes.
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerNotInitialized = -32002;
    public const int RequestCancelled = -32800;

    // DiagnosticSeverity, CompletionItemKind, MarkupKind.
    public const int SeverityError = 1;
    public const int SeverityWarning = 2;
    public const int SeverityInformation = 3;
    public const int KindValue = 12;
    public const int KindProperty = 10;
    public const int KindModule = 9;
    public const int KindEnumMember = 20;

    public static Position ReadPosition(JsonNode? node)
        => new(node?["line"]?.GetValue<int>() ?? 0, node?["character"]?.GetValue<int>() ?? 0);

    public static JsonObject Position(Position position)
        => new() { ["line"] = position.Line, ["character"] = position.Character };

    /// <summary>The range of offsets [<paramref name="start"/>, <paramref name="end"/>) of the text <paramref name="lines"/> indexes.</summary>
    public static JsonObject Range(LineIndex lines, int start, int end)
        => new() { ["start"] = Position(lines.PositionOf(start)), ["end"] = Position(lines.PositionOf(end)) };

    public static JsonObject Response(JsonNode? id, JsonNode? result)
        => new() { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["result"] = result };

    public static JsonObject Error(JsonNode? id, int code, string message)
        => new() { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };

    public static JsonObject Notification(string method, JsonNode parameters)
        => new() { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters };

    public static JsonObject Request(int id, string method, JsonNode parameters)
        => new() { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters };

    public static string? String(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var s) ? s : null;

    public static int? Int(JsonNode? node) => node is JsonValue value && value.TryGetValue<int>(out var i) ? i : null;

    public static JsonArray Array(IEnumerable<JsonNode?> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
        {
            array.Add(item);
        }

        return array;
    }
}

/// <summary>file:// URIs and the full paths the engine and the project loader use.</summary>
internal static class Paths
{
    /// <summary>How paths compare: by case where the file system is case-insensitive (Windows, macOS).</summary>
    public static StringComparer Comparer { get; } = OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    /// <summary>The full path of a file: URI; null for other schemes (untitled:, git:).</summary>
    public static string? FromUri(string? uri)
    {
        if (uri is null || !Uri.TryCreate(uri, UriKind.Absolute, out var parsed) || !parsed.IsFile)
        {
            return null;
        }

        return Path.GetFullPath(parsed.LocalPath);
    }

    public static string ToUri(string path) => new Uri(path).AbsoluteUri;

    public static bool IsOml(string path) => path.EndsWith(".oml", StringComparison.OrdinalIgnoreCase);
}
