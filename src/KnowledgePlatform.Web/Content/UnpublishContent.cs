using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Content;

/// <summary>
/// Takes an item offline (unpublished) or retires it (archived). Versions, the live projection and
/// redirects stay, so republishing restores the same URLs; public reads filter on status.
/// </summary>
public static class UnpublishContent
{
    public const string OutboxKind = "content.unpublished";

    public sealed record Command(Guid Key, string Editor, ContentStatus NewStatus = ContentStatus.Unpublished);

    public sealed class Handler(KnowledgeDbContext db, TimeProvider clock)
    {
        public Task<bool> HandleAsync(Command command, CancellationToken ct)
        {
            if (command.NewStatus is not (ContentStatus.Unpublished or ContentStatus.Archived))
            {
                throw ValidationFailedException.For("Status", "Kies 'offline' of 'gearchiveerd'.");
            }

            return db.InTransactionAsync(async () =>
            {
                var item = await db.ContentItems.SingleOrDefaultAsync(i => i.Key == command.Key, ct)
                    ?? throw new ContentNotFoundException(command.Key);
                if (item.Status == command.NewStatus)
                {
                    return false;
                }

                var now = clock.GetUtcNow().UtcDateTime;
                item.Status = command.NewStatus;
                item.UpdatedUtc = now;
                db.Outbox.Add(new OutboxMessage { Kind = OutboxKind, ContentKey = item.Key, CreatedUtc = now });
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
        }
    }
}
