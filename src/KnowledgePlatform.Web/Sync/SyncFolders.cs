namespace KnowledgePlatform.Web.Sync;

/// <summary>The folder per kind inside uSync/; import order follows dependencies.</summary>
public static class SyncFolders
{
    public const string Vocabularies = "vocabularies";
    public const string Organisations = "organisations";
    public const string People = "people";
    public const string Content = "content";
    public const string Settings = "settings";
    public const string SettingsFile = "site.json";

    public static readonly string[] Items = [Vocabularies, Organisations, People, Content];

    public static string FileFor(string root, string folder, Guid key) =>
        Path.Combine(root, folder, key.ToString("D") + ".json");

    /// <summary>Paths are reported relative to the uSync root, with forward slashes.</summary>
    public static string Display(string root, string path) =>
        Path.Combine(Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)), Path.GetRelativePath(root, path))
            .Replace(Path.DirectorySeparatorChar, '/');
}
