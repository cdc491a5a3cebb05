namespace KnowledgePlatform.Web.Sync;

public enum SyncAction
{
    Unchanged,
    Create,
    Update,
    Rename,
    Delete,
}

/// <summary>One item in a plan: what an import would do to it, and why it is listed.</summary>
public sealed record SyncPlanEntry(string Folder, Guid Key, string Label, SyncAction Action, string Path, string? Detail = null)
{
    public override string ToString() =>
        $"{Action.ToString().ToLowerInvariant(),-9} {Folder}/{Key:D}  {Label}{(Detail is null ? "" : $"  ({Detail})")}";
}

public sealed record SyncPlan(IReadOnlyList<SyncPlanEntry> Entries, bool SettingsChanged)
{
    public IEnumerable<SyncPlanEntry> Changes => Entries.Where(e => e.Action != SyncAction.Unchanged);

    public int Count(SyncAction action) => Entries.Count(e => e.Action == action);

    public string Summary =>
        $"{Count(SyncAction.Create)} nieuw, {Count(SyncAction.Update)} gewijzigd, {Count(SyncAction.Rename)} hernoemd, " +
        $"{Count(SyncAction.Delete)} verwijderd, {Count(SyncAction.Unchanged)} ongewijzigd" +
        (SettingsChanged ? ", instellingen gewijzigd" : "");
}
