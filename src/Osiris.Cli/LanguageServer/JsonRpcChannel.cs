using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Osiris.Cli.LanguageServer;

/// <summary>
/// JSON-RPC 2.0 messages over a byte stream with the LSP base protocol's framing: a
/// <c>Content-Length</c> header, a blank line, then that many bytes of UTF-8 JSON. Messages are
/// <see cref="JsonNode"/> trees, which need no reflection (the tool is compiled ahead of time).
/// Reading is for one thread; writing is safe from any thread.
/// </summary>
internal sealed class JsonRpcChannel
{
    // A header line longer than this is not LSP framing; the stream is garbage or hostile.
    private const int MaxHeaderLine = 1024;
    private const int MaxMessageBytes = 64 * 1024 * 1024;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Stream _input;
    private readonly Stream _output;
    private readonly object _writeLock = new();
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _bufferStart;
    private int _bufferEnd;

    public JsonRpcChannel(Stream input, Stream output)
    {
        _input = input;
        _output = output;
    }

    /// <summary>The next message; null at the end of the input.</summary>
    /// <exception cref="InvalidDataException">The framing or the JSON is broken beyond recovery.</exception>
    public JsonObject? Read()
    {
        int? length = null;
        while (true)
        {
            var line = ReadHeaderLine();
            if (line is null)
            {
                return null;
            }

            if (line.Length == 0)
            {
                if (length is null)
                {
                    // Stray blank lines between messages are tolerated.
                    continue;
                }

                break;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && string.Equals(line[..colon].Trim(), "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(line[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 0 || n > MaxMessageBytes)
                {
                    throw new InvalidDataException($"bad Content-Length header '{line}'");
                }

                length = n;
            }
        }

        var body = ReadExactly(length!.Value);
        if (body is null)
        {
            return null;
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            // One broken message is answered with a parse error; the connection goes on.
            return new JsonObject { ["$parseError"] = ex.Message };
        }

        return node as JsonObject ?? new JsonObject { ["$parseError"] = "the message is not a JSON object" };
    }

    /// <summary>Writes one message, whole, with its header.</summary>
    public void Write(JsonObject message)
    {
        byte[] body;
        using (var buffer = new MemoryStream())
        {
            using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            {
                message.WriteTo(writer);
            }

            body = buffer.ToArray();
        }

        var header = Encoding.ASCII.GetBytes("Content-Length: " + body.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");
        lock (_writeLock)
        {
            _output.Write(header, 0, header.Length);
            _output.Write(body, 0, body.Length);
            _output.Flush();
        }
    }

    private string? ReadHeaderLine()
    {
        var line = new StringBuilder();
        while (true)
        {
            if (_bufferStart == _bufferEnd && !Fill())
            {
                return line.Length == 0 ? null : throw new InvalidDataException("the input ended inside a header");
            }

            var b = _buffer[_bufferStart++];
            if (b == (byte)'\n')
            {
                return line.ToString().TrimEnd('\r');
            }

            if (line.Length >= MaxHeaderLine)
            {
                throw new InvalidDataException("a header line is too long");
            }

            line.Append((char)b);
        }
    }

    private byte[]? ReadExactly(int length)
    {
        var result = new byte[length];
        var filled = 0;
        while (filled < length)
        {
            if (_bufferStart == _bufferEnd && !Fill())
            {
                return null;
            }

            var n = Math.Min(length - filled, _bufferEnd - _bufferStart);
            Array.Copy(_buffer, _bufferStart, result, filled, n);
            _bufferStart += n;
            filled += n;
        }

        return result;
    }

    private bool Fill()
    {
        _bufferStart = 0;
        _bufferEnd = _input.Read(_buffer, 0, _buffer.Length);
        return _bufferEnd > 0;
    }
}
