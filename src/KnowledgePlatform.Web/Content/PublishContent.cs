using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Content;

/// <summary>
/// Makes a version live in one transaction: the item's live projection, its references, a
/// redirect from the old slug, and the outbox record others react to.
/// </summary>
public static class PublishContent
{
    public const string OutboxKind = "content.published";

    /// <param name="Version">Null publishes the latest version.</param>
    /// <param name="FirstPublishedUtc">Keeps an imported item's original publication date.</param>
    public sealed record Command(Guid Key, string Editor, int? Version = null, DateTime? FirstPublishedUtc = null);

    public sealed class Handler(KnowledgeDbContext db, TimeProvider clock)
    {
        public Task<int> HandleAsync(Command command, CancellationToken ct) =>
            db.InTransactionAsync(() => PublishAsync(command, ct), ct);

        private async Task<int> PublishAsync(Command command, CancellationToken ct)
        {
            var item = await db.ContentItems.SingleOrDefaultAsync(i => i.Key == command.Key, ct)
                ?? throw new ContentNotFoundException(command.Key);
            var number = command.Version ?? item.LatestVersion;
            var version = await db.ContentVersions.SingleOrDefaultAsync(v => v.ContentKey == item.Key && v.Number == number, ct)
                ?? throw ValidationFailedException.For("Version", $"Versie {number} bestaat niet.");
            var body = ContentJson.DeserializeBody(version.Body);
            var now = clock.GetUtcNow().UtcDateTime;

            await MoveSlugAsync(item, body.Slug, now, ct);
            item.Status = ContentStatus.Published;
            item.LiveVersion = number;
            item.PublishedUtc = command.FirstPublishedUtc ?? item.PublishedUtc ?? now;

            item.LiveTitle = body.Title;
            item.LiveSummary = body.Summary;
            item.LiveDateUtc = body is EventContent e ? e.Start.UtcDateTime : item.PublishedUtc;
            item.LiveEndUtc = (body as EventContent)?.End?.UtcDateTime;
            item.LiveOnline = body is EventContent { OnlineUrl: var online } ? online is not null : null;
            item.LiveMonth = body is EventContent start ? ContentItem.MonthOf(start.Start.UtcDateTime) : null;
            item.UpdatedUtc = now;

            await db.ContentReferences.Where(r => r.SourceKey == item.Key).ExecuteDeleteAsync(ct);
            db.ContentReferences.AddRange(ContentReferences.From(body).Select(r => new ContentReference
            {
                SourceKey = item.Key,
                TargetKey = r.TargetKey,
                Kind = r.Kind,
                Position = r.Position,
                SourcePublishedUtc = item.PublishedUtc,
            }));
            db.Outbox.Add(new OutboxMessage { Kind = OutboxKind, ContentKey = item.Key, CreatedUtc = now });
            await db.SaveChangesAsync(ct);
            return number;
        }

        private async Task MoveSlugAsync(ContentItem item, string newSlug, DateTime now, CancellationToken ct)
        {
            // The new slug wins over any old redirect that still points elsewhere.
            await db.SlugRedirects.Where(r => r.Type == item.Type && r.OldSlug == newSlug).ExecuteDeleteAsync(ct);
            if (item.LiveSlug is { } oldSlug && oldSlug != newSlug)
            {
                db.SlugRedirects.Add(new SlugRedirect { Type = item.Type, OldSlug = oldSlug, ContentKey = item.Key, CreatedUtc = now });
            }

            item.LiveSlug = newSlug;
        }
    }
}
