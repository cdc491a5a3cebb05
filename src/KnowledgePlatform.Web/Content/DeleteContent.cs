using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Content;

/// <summary>Removes an item with its versions, references and redirects.</summary>
public static class DeleteContent
{
    public const string OutboxKind = "content.deleted";

    public sealed record Command(Guid Key, string Editor);

    public sealed class Handler(KnowledgeDbContext db, TimeProvider clock)
    {
        public Task<bool> HandleAsync(Command command, CancellationToken ct) =>
            db.InTransactionAsync(async () =>
            {
                var item = await db.ContentItems.SingleOrDefaultAsync(i => i.Key == command.Key, ct);
                if (item is null)
                {
                    return false;
                }

                // Explicit deletes: SQLite only cascades when foreign keys are on for the connection.
                await db.ContentReferences.Where(r => r.SourceKey == item.Key).ExecuteDeleteAsync(ct);
                await db.SlugRedirects.Where(r => r.ContentKey == item.Key).ExecuteDeleteAsync(ct);
                await db.ContentVersions.Where(v => v.ContentKey == item.Key).ExecuteDeleteAsync(ct);
                db.ContentItems.Remove(item);
                db.Outbox.Add(new OutboxMessage { Kind = OutboxKind, ContentKey = item.Key, CreatedUtc = clock.GetUtcNow().UtcDateTime });
                await db.SaveChangesAsync(ct);
                return true;
            }, ct);
    }
}
