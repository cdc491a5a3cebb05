namespace KnowledgePlatform.Web.Sync;

/// <summary>`Sync:*` settings.</summary>
public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>The uSync folder; relative paths are taken from the repository (or app) folder.</summary>
    public string Root { get; set; } = "uSync";

    /// <summary>Import uSync/ when the app starts on a database without content.</summary>
    public bool ImportOnEmptyDatabase { get; set; } = true;
}
