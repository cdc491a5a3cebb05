using System.Text.Json.Nodes;
using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Tests.Sync;

/// <summary>Edits a copy of the demo uSync folder the way an editor (or git) would.</summary>
public sealed class DemoFolder(string root)
{
    public Guid ChangeContent(string type, Func<string, string> change)
    {
        var path = ContentFile(type);
        File.WriteAllText(path, change(File.ReadAllText(path)));
        return KeyOf(path);
    }

    public (Guid Key, string OldSlug, string NewSlug) RenameSlug(string type, string newSlug)
    {
        var path = ContentFile(type);
        var json = JsonNode.Parse(File.ReadAllText(path))!;
        var oldSlug = json["content"]!["slug"]!.GetValue<string>();
        json["content"]!["slug"] = newSlug;
        File.WriteAllText(path, json.ToJsonString(ContentJson.Options) + "\n");
        return (KeyOf(path), oldSlug, newSlug);
    }

    public Guid AddPerson(string name)
    {
        var key = Guid.NewGuid();
        File.WriteAllText(Path.Combine(root, "people", $"{key:D}.json"),
            $$"""{ "key": "{{key:D}}", "slug": "{{Slugs.From(name)}}", "name": "{{name}}" }""");
        return key;
    }

    public Guid DeleteContent(string type)
    {
        var path = ContentFile(type);
        var key = KeyOf(path);
        File.WriteAllText(path, $$"""{ "key": "{{key:D}}", "deleted": true }""");
        return key;
    }

    public string Write(string folder, string fileName, string text)
    {
        var path = Path.Combine(root, folder, fileName);
        File.WriteAllText(path, text);
        return path;
    }

    public string ContentFile(string type) =>
        Directory.EnumerateFiles(Path.Combine(root, "content"), "*.json").Order(StringComparer.Ordinal)
            .First(f => File.ReadAllText(f).Contains($"\"type\": \"{type}\"", StringComparison.Ordinal));

    private static Guid KeyOf(string path) => Guid.Parse(Path.GetFileNameWithoutExtension(path));
}
