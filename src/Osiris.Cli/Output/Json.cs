using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Osiris.Cli.Output;

/// <summary>
/// JSON output without reflection (the tool is compiled ahead of time): an indented
/// <see cref="Utf8JsonWriter"/> with LF line ends and readable non-ASCII text, the same bytes on every OS.
/// </summary>
internal static class Json
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Indented = true,
            NewLine = "\n",
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
