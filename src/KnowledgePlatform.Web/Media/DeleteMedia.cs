using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Media;

/// <summary>
/// Removes a media item that nothing uses. The row goes first (in a transaction); the files follow once that
/// has committed — a failure in between leaves an unreferenced file, never a row without its file.
/// </summary>
public static class DeleteMedia
{
    public sealed record Command(Guid Id, string Actor);

    public sealed class Handler(KnowledgeDbContext db, MediaStorage storage, MediaUsage.Handler usage)
    {
        public async Task HandleAsync(Command command, CancellationToken ct)
        {
            var item = await db.Set<MediaItem>().SingleOrDefaultAsync(m => m.Id == command.Id, ct)
                ?? throw new MediaNotFoundException(command.Id);
            var uses = await usage.HandleAsync(item.Id, ct);
            if (uses.Count > 0)
            {
                throw ValidationFailedException.For("Id", InUseMessage(uses));
            }

            var original = storage.OriginalPath(item);
            await db.InTransactionAsync(async () =>
            {
                db.Remove(item);
                AuditLog.Record(db, command.Actor, "media.delete", "media", item.Id.ToString(), MediaAudit.Snapshot(item), null);
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
            MediaStorage.TryDelete(original);
            storage.DeleteDerivatives(item.Id);
        }
    }

    public static string InUseMessage(IReadOnlyList<MediaUsage.Use> uses)
    {
        var names = uses.Take(5).Select(u => $"‘{u.Title}’").ToList();
        var more = uses.Count > 5 ? $" en nog {uses.Count - 5} andere" : "";
        return $"Dit bestand wordt nog gebruikt op {string.Join(", ", names)}{more}. Haal het daar eerst weg; daarna kunt u het verwijderen.";
    }
}

public sealed class MediaNotFoundException(Guid id) : Exception($"Media item {id} does not exist.")
{
    public Guid Id { get; } = id;
}
