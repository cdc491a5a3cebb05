using System.Text.Json.Nodes;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Content;

/// <summary>What changed between two versions, field by field ("programme[1].title").</summary>
public static class CompareVersions
{
    public sealed record Query(Guid Key, int From, int To);

    public sealed record Change(string Path, string? Before, string? After);

    public sealed class Handler(KnowledgeDbContext db)
    {
        public async Task<IReadOnlyList<Change>> HandleAsync(Query query, CancellationToken ct)
        {
            var versions = await db.ContentVersions.AsNoTracking()
                .Where(v => v.ContentKey == query.Key && (v.Number == query.From || v.Number == query.To))
                .ToDictionaryAsync(v => v.Number, v => v.Body, ct);
            if (!versions.TryGetValue(query.From, out var from) || !versions.TryGetValue(query.To, out var to))
            {
                throw ValidationFailedException.For("Version", "Een van de versies bestaat niet.");
            }

            var before = Flatten(JsonNode.Parse(from));
            var after = Flatten(JsonNode.Parse(to));
            return [.. before.Keys.Union(after.Keys).Order(StringComparer.Ordinal)
                .Select(path => new Change(path, before.GetValueOrDefault(path), after.GetValueOrDefault(path)))
                .Where(c => c.Before != c.After)];
        }

        private static Dictionary<string, string?> Flatten(JsonNode? node)
        {
            var result = new Dictionary<string, string?>(StringComparer.Ordinal);
            Walk(node, "", result);
            return result;
        }

        private static void Walk(JsonNode? node, string path, Dictionary<string, string?> result)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var (name, child) in obj)
                    {
                        Walk(child, path.Length == 0 ? name : $"{path}.{name}", result);
                    }

                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        Walk(array[i], $"{path}[{i}]", result);
                    }

                    break;
                default:
                    result[path] = node?.ToString();
                    break;
            }
        }
    }
}
