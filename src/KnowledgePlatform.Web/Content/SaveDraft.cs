using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Content;

/// <summary>
/// Saves an editor's work as a new version. The live version is untouched until it is published,
/// so editing a published item never changes what readers see.
/// </summary>
public static class SaveDraft
{
    /// <param name="Key">Null creates a new item; an unknown key creates it with that key (sync).</param>
    public sealed record Command(Guid? Key, ContentBody Body, string Editor, string? Note = null);

    public sealed record Result(Guid Key, int Version);

    public sealed class Handler(KnowledgeDbContext db, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Command command, CancellationToken ct)
        {
            var body = ContentNormalizer.Normalize(command.Body);
            var key = command.Key ?? Guid.NewGuid();
            await ContentValidator.ValidateAsync(db, key, body, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            var item = await db.ContentItems.SingleOrDefaultAsync(i => i.Key == key, ct);
            if (item is null)
            {
                item = new ContentItem { Key = key, Type = body.Type, Status = ContentStatus.Draft, Slug = body.Slug, CreatedUtc = now };
                db.ContentItems.Add(item);
            }
            else if (item.Type != body.Type)
            {
                throw ValidationFailedException.For("Type", "Het type van een bestaand item kan niet veranderen.");
            }

            item.LatestVersion++;
            item.Slug = body.Slug;
            item.UpdatedUtc = now;
            db.ContentVersions.Add(new ContentVersion
            {
                ContentKey = key,
                Number = item.LatestVersion,
                Title = body.Title,
                Slug = body.Slug,
                Body = ContentJson.Serialize(body),
                CreatedBy = command.Editor,
                CreatedUtc = now,
                Note = command.Note,
            });
            await db.SaveChangesAsync(ct);
            return new Result(key, item.LatestVersion);
        }
    }
}
