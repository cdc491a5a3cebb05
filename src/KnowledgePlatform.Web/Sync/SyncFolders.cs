namespace KnowledgePlatform.Web.Sync;

/// <summary>The folder per kind inside uSync/; import order follows dependencies.</summary>
public static class SyncFolders
{
    public const string Vocabularies = "vocabularies";
    public const string Organisations = "organisations";
    public const string People = "people";
    public const string Content = "content";
    public const string Media = "media";
    public const string Settings = "settings";
    public const string SettingsFile = "site.json";

    public static readonly string[] Items = [Vocabularies, Organisations, People, Media, Content];

    public static string FileFor(string root, string folder, Guid key) =>
        Path.Combine(root, folder, key.ToString("D") + ".json");

    /// <summary>The bytes of a media item: {key}.{ext} beside its {key}.json.</summary>
    public static string MediaBytes(string root, Guid key, string extension) =>
        Path.Combine(root, Media, $"{key:D}.{extension}");

    /// <summary>The bytes file of a media item in the folder, whatever its extension, or null.</summary>
    public static string? FindMediaBytes(string root, Guid key) =>
        Directory.Exists(Path.Combine(root, Media))
            ? Directory.EnumerateFiles(Path.Combine(root, Media), $"{key:D}.*").Where(f => !f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).FirstOrDefault()
            : null;

    /// <summary>Paths are reported relative to the uSync root, with forward slashes.</summary>
    public static string Display(string root, string path) =>
        Path.Combine(Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)), Path.GetRelativePath(root, path))
            .Replace(Path.DirectorySeparatorChar, '/');
}
