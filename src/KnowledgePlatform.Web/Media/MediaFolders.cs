using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Media;

/// <summary>Create and remove folders (one level). A folder with files in it is not removed.</summary>
public static class MediaFolders
{
    public sealed class Handler(KnowledgeDbContext db, TimeProvider clock)
    {
        public Task<List<MediaFolder>> ListAsync(CancellationToken ct) =>
            db.Set<MediaFolder>().AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct);

        public async Task<MediaFolder> CreateAsync(string? name, CancellationToken ct)
        {
            var trimmed = name?.Trim() ?? "";
            if (trimmed.Length is 0 or > 100)
            {
                throw ValidationFailedException.For("Name", "Geef de map een naam van 1 tot 100 tekens.");
            }

            if (await db.Set<MediaFolder>().AnyAsync(f => f.Name == trimmed, ct))
            {
                throw ValidationFailedException.For("Name", $"Er is al een map ‘{trimmed}’.");
            }

            var folder = new MediaFolder { Id = Guid.NewGuid(), Name = trimmed, CreatedUtc = clock.GetUtcNow().UtcDateTime };
            db.Add(folder);
            await db.SaveChangesAsync(ct);
            return folder;
        }

        public async Task DeleteAsync(Guid id, CancellationToken ct)
        {
            if (await db.Set<MediaItem>().AnyAsync(m => m.FolderId == id, ct))
            {
                throw ValidationFailedException.For("Folder", "Deze map bevat nog bestanden. Verplaats of verwijder die eerst.");
            }

            await db.Set<MediaFolder>().Where(f => f.Id == id).ExecuteDeleteAsync(ct);
        }
    }
}
