using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Editing;

/// <summary>
/// The editorial steps after saving, each audited in the same transaction: submit for review,
/// publish, unpublish/archive, delete, restore, schedule. Who may publish is decided by the caller
/// (the page checks the Publish policy); these only do the work.
/// </summary>
public sealed class Workflow(
    KnowledgeDbContext db, PublishContent.Handler publish, UnpublishContent.Handler unpublish, DeleteContent.Handler delete,
    RestoreVersion.Handler restore, TimeProvider clock)
{
    public Task SubmitAsync(Guid key, string editor, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var state = await StateAsync(key, ct);
        state.SubmittedUtc = clock.GetUtcNow().UtcDateTime;
        state.SubmittedBy = editor;
        AuditLog.Record(db, editor, "content.submit", "content", key.ToString(), null, new { submitted = true });
        await db.SaveChangesAsync(ct);
        return true;
    }, ct);

    public Task<int> PublishAsync(Guid key, string editor, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var before = await SnapshotAsync(key, ct);
        var version = await publish.HandleAsync(new PublishContent.Command(key, editor), ct);
        var state = await StateAsync(key, ct);
        (state.SubmittedUtc, state.SubmittedBy, state.PublishAtUtc) = (null, null, null);
        AuditLog.Record(db, editor, "content.publish", "content", key.ToString(), before, new { status = "Published", liveVersion = version });
        await db.SaveChangesAsync(ct);
        return version;
    }, ct);

    public Task UnpublishAsync(Guid key, string editor, ContentStatus status, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var before = await SnapshotAsync(key, ct);
        await unpublish.HandleAsync(new UnpublishContent.Command(key, editor, status), ct);
        var state = await StateAsync(key, ct);
        state.UnpublishAtUtc = null;
        AuditLog.Record(db, editor, status == ContentStatus.Archived ? "content.archive" : "content.unpublish", "content", key.ToString(), before, new { status = status.ToString() });
        await db.SaveChangesAsync(ct);
        return true;
    }, ct);

    public Task DeleteAsync(Guid key, string editor, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var before = await db.ContentVersions.AsNoTracking().Where(v => v.ContentKey == key).OrderByDescending(v => v.Number).Select(v => v.Body).FirstOrDefaultAsync(ct);
        await db.Set<EditorialState>().Where(s => s.ContentKey == key).ExecuteDeleteAsync(ct);
        await delete.HandleAsync(new DeleteContent.Command(key, editor), ct);
        AuditLog.Record(db, editor, "content.delete", "content", key.ToString(), before, null);
        await db.SaveChangesAsync(ct);
        return true;
    }, ct);

    public Task<SaveDraft.Result> RestoreAsync(Guid key, int version, string editor, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var result = await restore.HandleAsync(new RestoreVersion.Command(key, version, editor), ct);
        AuditLog.Record(db, editor, "content.restore", "content", key.ToString(), new { restoredFrom = version }, new { newVersion = result.Version });
        await db.SaveChangesAsync(ct);
        return result;
    }, ct);

    /// <summary>Sets or clears (null) the scheduled publish and unpublish moments.</summary>
    public Task ScheduleAsync(Guid key, DateTime? publishAtUtc, DateTime? unpublishAtUtc, string editor, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        if (publishAtUtc is { } p && unpublishAtUtc is { } u && u <= p)
        {
            throw ValidationFailedException.For("UnpublishAt", "Het offline halen moet na het publiceren liggen.");
        }

        var state = await StateAsync(key, ct);
        var before = new { publishAt = state.PublishAtUtc, unpublishAt = state.UnpublishAtUtc };
        (state.PublishAtUtc, state.UnpublishAtUtc, state.ScheduledBy, state.ClaimedUntilUtc) = (publishAtUtc, unpublishAtUtc, editor, null);
        AuditLog.Record(db, editor, "content.schedule", "content", key.ToString(), before, new { publishAt = publishAtUtc, unpublishAt = unpublishAtUtc });
        await db.SaveChangesAsync(ct);
        return true;
    }, ct);

    private async Task<EditorialState> StateAsync(Guid key, CancellationToken ct)
    {
        if (!await db.ContentItems.AnyAsync(i => i.Key == key, ct))
        {
            throw new ContentNotFoundException(key);
        }

        var state = await db.Set<EditorialState>().SingleOrDefaultAsync(s => s.ContentKey == key, ct);
        if (state is null)
        {
            state = new EditorialState { ContentKey = key };
            db.Add(state);
        }

        return state;
    }

    private Task<object?> SnapshotAsync(Guid key, CancellationToken ct) =>
        db.ContentItems.AsNoTracking().Where(i => i.Key == key)
            .Select(i => (object?)new { status = i.Status.ToString(), liveVersion = i.LiveVersion, latestVersion = i.LatestVersion, slug = i.LiveSlug })
            .SingleOrDefaultAsync(ct);
}
