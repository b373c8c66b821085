using System.Collections.Generic;

namespace Osiris.Oml.Export.Json;

/// <summary>
/// A JSON value as the embedded block needs it: objects keep their members in order (duplicates
/// included), numbers keep their text. Positions are offsets into the JSON text, for diagnostics.
/// </summary>
internal abstract class JsonNode
{
    /// <summary>Where the value starts in the text it was read from (0 for built values).</summary>
    public int Start { get; set; }

    /// <summary>Where it ends.</summary>
    public int End { get; set; }

    /// <summary>"an object", "a string", ... for messages.</summary>
    public abstract string Kind { get; }
}

/// <summary>An object, members in order.</summary>
internal sealed class JsonObject : JsonNode
{
    public List<KeyValuePair<string, JsonNode>> Members { get; } = new();

    public override string Kind => "an object";

    /// <summary>The first member named <paramref name="key"/>, or null.</summary>
    public JsonNode? this[string key]
    {
        get
        {
            foreach (var m in Members)
            {
                if (string.Equals(m.Key, key, System.StringComparison.Ordinal))
                {
                    return m.Value;
                }
            }

            return null;
        }
    }

    /// <summary>Adds a member and returns the object, for building.</summary>
    public JsonObject Add(string key, JsonNode value)
    {
        Members.Add(new KeyValuePair<string, JsonNode>(key, value));
        return this;
    }

    /// <summary>Adds a member unless <paramref name="value"/> is null.</summary>
    public JsonObject AddIf(string key, JsonNode? value)
    {
        if (value is not null)
        {
            Add(key, value);
        }

        return this;
    }
}

/// <summary>An array.</summary>
internal sealed class JsonArray : JsonNode
{
    public List<JsonNode> Items { get; } = new();

    public override string Kind => "an array";

    public JsonArray Add(JsonNode item)
    {
        Items.Add(item);
        return this;
    }
}

/// <summary>A string.</summary>
internal sealed class JsonString : JsonNode
{
    public JsonString(string value) => Value = value;

    public string Value { get; }

    public override string Kind => "a string";
}

/// <summary>A number, as written.</summary>
internal sealed class JsonNumber : JsonNode
{
    public JsonNumber(string text) => Text = text;

    public JsonNumber(long value) => Text = value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string Text { get; }

    public override string Kind => "a number";

    /// <summary>The value as a whole number, when it is one.</summary>
    public long? AsInt64()
        => long.TryParse(Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}

/// <summary>true or false.</summary>
internal sealed class JsonBool : JsonNode
{
    public JsonBool(bool value) => Value = value;

    public bool Value { get; }

    public override string Kind => "a boolean";
}

/// <summary>null.</summary>
internal sealed class JsonNull : JsonNode
{
    public override string Kind => "null";
}
