using System.Text.Json;

namespace KnowledgePlatform.Web.Audit;

/// <summary>The readable difference between an entry's before and after: one line per changed top-level field.</summary>
public static class AuditDiff
{
    public sealed record Change(string Field, string? Before, string? After);

    public static IReadOnlyList<Change> Changes(string? before, string? after)
    {
        var old = Fields(before);
        var @new = Fields(after);
        return
        [
            .. old.Keys.Union(@new.Keys).Order(StringComparer.Ordinal)
                .Select(k => new Change(k, old.GetValueOrDefault(k), @new.GetValueOrDefault(k)))
                .Where(c => c.Before != c.After),
        ];
    }

    private static Dictionary<string, string> Fields(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return [];
        }

        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => Text(p.Value))
                : new() { ["waarde"] = Text(doc.RootElement) };
        }
        catch (JsonException)
        {
            return new() { ["waarde"] = json };
        }
    }

    private static string Text(JsonElement value)
    {
        var text = value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.GetRawText();
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
