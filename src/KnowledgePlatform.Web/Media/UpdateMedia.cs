using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Media;

/// <summary>
/// Changes what an editor can change about an item: alt text, focal point (percent, 0–100) and folder.
/// A new focal point moves <see cref="MediaItem.Version"/> on, so crops get new URLs, and the old crops
/// are removed from the disk cache after the commit.
/// </summary>
public static class UpdateMedia
{
    public sealed record Command(Guid Id, string? AltText, int FocalX, int FocalY, Guid? FolderId, string Editor);

    public sealed class Handler(KnowledgeDbContext db, MediaStorage storage, TimeProvider clock)
    {
        public async Task<MediaItem> HandleAsync(Command command, CancellationToken ct)
        {
            var item = await db.Set<MediaItem>().SingleOrDefaultAsync(m => m.Id == command.Id, ct)
                ?? throw new MediaNotFoundException(command.Id);
            var errors = new ValidationErrors();
            var altText = string.IsNullOrWhiteSpace(command.AltText) ? null : command.AltText.Trim();
            if (item.IsImage && altText is null)
            {
                errors.Add(UploadMedia.AltTextField, UploadMedia.AltTextRequired);
            }

            if (altText is { Length: > 500 })
            {
                errors.Add(UploadMedia.AltTextField, "De alternatieve tekst mag maximaal 500 tekens lang zijn.");
            }

            if (command.FocalX is < 0 or > 100 || command.FocalY is < 0 or > 100)
            {
                errors.Add("Focal", "Het focuspunt moet binnen de afbeelding liggen (0 tot en met 100 procent).");
            }

            if (command.FolderId is { } folderId && !await db.Set<MediaFolder>().AnyAsync(f => f.Id == folderId, ct))
            {
                errors.Add("FolderId", "Deze map bestaat niet (meer). Kies een andere map.");
            }

            errors.ThrowIfAny();
            var before = MediaAudit.Snapshot(item);
            var focalMoved = item.FocalX != command.FocalX || item.FocalY != command.FocalY;
            var oldVersion = item.Version;
            item.AltText = altText;
            item.FolderId = command.FolderId;
            if (focalMoved && item.IsImage)
            {
                item.FocalX = command.FocalX;
                item.FocalY = command.FocalY;
                item.Version++;
            }

            item.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
            AuditLog.Record(db, command.Editor, "media.update", "media", item.Id.ToString(), before, MediaAudit.Snapshot(item));
            await db.SaveChangesAsync(ct);
            if (item.Version != oldVersion)
            {
                storage.DeleteDerivatives(item.Id, name => name.Contains($"-v{oldVersion}.", StringComparison.Ordinal));
            }

            return item;
        }
    }
}
