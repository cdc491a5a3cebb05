namespace KnowledgePlatform.Web.Sync;

/// <summary>Everything read from a uSync folder, parsed and checked, before it touches the database.</summary>
public sealed class SyncSnapshot
{
    public List<Entry<VocabularyFile>> Vocabularies { get; } = [];
    public List<Entry<OrganisationFile>> Organisations { get; } = [];
    public List<Entry<PersonFile>> People { get; } = [];
    public List<Entry<MediaFile>> Media { get; } = [];
    public List<Entry<ContentFile>> Content { get; } = [];
    public SiteSettingsFile? Settings { get; set; }

    /// <summary>Files that say an item was deleted: {"key": "…", "deleted": true}.</summary>
    public List<Tombstone> Deleted { get; } = [];

    public sealed record Entry<T>(string Path, T File);

    public sealed record Tombstone(string Path, string Folder, Guid Key);
}

/// <summary>A file that cannot be imported, with the reason an editor can act on.</summary>
public sealed record SyncProblem(string Path, string Reason)
{
    public override string ToString() => $"{Path}: {Reason}";
}

public sealed class SyncFailedException(IReadOnlyList<SyncProblem> problems)
    : Exception("uSync cannot be imported:\n" + string.Join('\n', problems.Select(p => "  " + p)))
{
    public IReadOnlyList<SyncProblem> Problems { get; } = problems;
}
