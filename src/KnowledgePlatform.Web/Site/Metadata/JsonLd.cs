using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace KnowledgePlatform.Web.Site.Metadata;

/// <summary>schema.org JSON-LD, serialized so it can be written raw inside a &lt;script&gt; element.</summary>
public static class JsonLd
{
    public const string Context = "https://schema.org";

    private static readonly JsonSerializerOptions Options = new()
    {
        // Dutch letters stay readable; the characters below are escaped by hand regardless.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>
    /// Inside &lt;script&gt; the HTML parser, not JSON, decides where the element ends: a title
    /// containing "&lt;/script&gt;" or "&lt;!--" would end or derail it. In JSON these characters can
    /// only occur inside strings, where a \u escape means the same, so escaping every one of them
    /// is always valid and does not depend on the encoder's defaults.
    /// </summary>
    public static string ForScript(JsonNode node) =>
        node.ToJsonString(Options)
            .Replace("<", "\\u003C", StringComparison.Ordinal)
            .Replace(">", "\\u003E", StringComparison.Ordinal)
            .Replace("&", "\\u0026", StringComparison.Ordinal)
            .Replace("\u2028", "\\u2028", StringComparison.Ordinal)
            .Replace("\u2029", "\\u2029", StringComparison.Ordinal);

    /// <summary>A schema.org object; properties with a null value are left out.</summary>
    public static JsonObject Thing(string type, params (string Name, JsonNode? Value)[] properties)
    {
        var thing = new JsonObject { ["@type"] = type };
        foreach (var (name, value) in properties)
        {
            if (value is not null && !(value is JsonArray { Count: 0 }))
            {
                thing[name] = value;
            }
        }

        return thing;
    }

    public static JsonNode? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : JsonValue.Create(value.Trim());

    public static JsonArray Array(IEnumerable<JsonNode> items) => new([.. items]);

    /// <summary>"2020-10-06T19:00:00+02:00": the instant with Amsterdam's offset, as readers saw it.</summary>
    public static JsonNode Instant(DateTimeOffset instant) => JsonValue.Create(
        Infrastructure.DutchTime.ToAmsterdam(instant).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture))!;

    public static JsonNode Date(DateTimeOffset instant) => JsonValue.Create(
        Infrastructure.DutchTime.ToAmsterdam(instant).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))!;
}
