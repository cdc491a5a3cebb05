using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Media.Imaging;
using KnowledgePlatform.Web.Media.Validation;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Media;

/// <summary>
/// A page of the library, newest first: for the back-office list and for the rich-text editor's image picker
/// (<c>ImagesOnly</c>). Returns contract records with ready-made URLs, never entities.
/// </summary>
public static class ListMedia
{
    public const int PageSize = 48;

    public sealed record Query(Guid? FolderId = null, string? Search = null, bool ImagesOnly = false, int Page = 1, bool DocumentsOnly = false);

    public sealed record Summary(
        Guid Id, string FileName, string OriginalName, string Kind, string ContentType, long Length, int? Width, int? Height,
        string? AltText, int FocalX, int FocalY, Guid? FolderId, string Url, string? ThumbnailUrl, string? SrcSet, DateTime UploadedUtc);

    public sealed record Page(IReadOnlyList<Summary> Items, int Total, int PageNumber, int PageSize);

    public sealed class Handler(KnowledgeDbContext db)
    {

        public async Task<Page> HandleAsync(Query query, CancellationToken ct)
        {
            var items = db.Set<MediaItem>().AsNoTracking();
            if (query.FolderId is { } folder)
            {
                items = items.Where(m => m.FolderId == folder);
            }

            if (query.ImagesOnly)
            {
                var images = Enum.GetValues<MediaFormat>().Where(f => f.IsImage()).ToList();
                items = items.Where(m => images.Contains(m.Format));
            }
            else if (query.DocumentsOnly)
            {
                items = items.Where(m => MediaFormats.Documents.Contains(m.Format));
            }

            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var term = query.Search.Trim().ToLowerInvariant();
                // Runs as SQL lower(...) on both providers; the culture-aware overloads have no translation.
#pragma warning disable CA1304, CA1311, CA1862
                items = items.Where(m => m.OriginalName.ToLower().Contains(term) || (m.AltText != null && m.AltText.ToLower().Contains(term)));
#pragma warning restore CA1304, CA1311, CA1862
            }

            var page = Math.Max(1, query.Page);
            var total = await items.CountAsync(ct);
            var rows = await items.OrderByDescending(m => m.UploadedUtc).ThenBy(m => m.Id)
                .Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
            return new Page([.. rows.Select(Summarize)], total, page, PageSize);
        }

        public async Task<Summary?> FindAsync(Guid id, CancellationToken ct) =>
            await db.Set<MediaItem>().AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct) is { } item ? Summarize(item) : null;
    }

    public static Summary Summarize(MediaItem m) => new(
        m.Id, m.FileName, m.OriginalName, m.Format.DisplayName(), m.Format.ContentType(), m.Length, m.Width, m.Height,
        m.AltText, m.FocalX, m.FocalY, m.FolderId, MediaUrls.Original(m),
        m.IsImage ? MediaUrls.Derivative(m, DerivativeSizes.Widths[0], DerivativeFormat.WebP) : null,
        m.IsImage ? MediaUrls.SrcSet(m, DerivativeFormat.WebP) : null,
        m.UploadedUtc);
}
