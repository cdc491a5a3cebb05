using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Media;

/// <summary>
/// Where a media item is used ("gebruikt op deze pagina's"): content whose live or latest version mentions
/// its id (rich-text images and links, file fields — every media URL contains the id), speakers whose photo
/// is it, and site settings (the logo). Older versions do not count: restoring one that used a deleted file
/// shows a broken image, which the editor sees in the preview.
/// </summary>
public static class MediaUsage
{
    public sealed record Use(string Kind, string Title, Guid? ContentKey, ContentType? ContentType, bool Live);

    public sealed class Handler(KnowledgeDbContext db)
    {
        public async Task<IReadOnlyList<Use>> HandleAsync(Guid mediaId, CancellationToken ct)
        {
            var needle = mediaId.ToString();
            var content = await (
                    from item in db.ContentItems.AsNoTracking()
                    join version in db.ContentVersions.AsNoTracking() on item.Key equals version.ContentKey
                    where (version.Number == item.LatestVersion || version.Number == item.LiveVersion) && version.Body.Contains(needle)
                    select new { item.Key, item.Type, version.Title, IsLive = version.Number == item.LiveVersion })
                .ToListAsync(ct);
            var uses = content
                .GroupBy(c => c.Key)
                .Select(g => new Use("content", g.OrderByDescending(c => c.IsLive).First().Title, g.Key, g.First().Type, g.Any(c => c.IsLive)))
                .ToList();

            var people = await db.People.AsNoTracking()
                .Where(p => p.PhotoUrl != null && p.PhotoUrl.Contains(needle))
                .Select(p => p.Name).ToListAsync(ct);
            uses.AddRange(people.Select(name => new Use("person", name, null, null, true)));

            var settings = await db.SiteSettings.AsNoTracking()
                .Where(s => s.Value.Contains(needle))
                .Select(s => s.Key).ToListAsync(ct);
            uses.AddRange(settings.Select(key => new Use("setting", "Site-instelling " + key, null, null, true)));
            return [.. uses.OrderBy(u => u.Title, StringComparer.CurrentCulture)];
        }
    }
}
