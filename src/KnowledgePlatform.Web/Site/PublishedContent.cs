using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Site;

/// <summary>
/// Cards and pages over a query of published items (start from <see cref="PublishedItems.Published"/>,
/// which keeps drafts, offline and archived items out of lists, counts and references alike).
/// </summary>
internal static class PublishedContent
{
    public static IQueryable<ContentCard> AsCards(this IQueryable<ContentItem> items) =>
        items.Select(i => new ContentCard(i.Key, i.Type, i.LiveTitle!, i.LiveSlug!, i.LiveSummary, i.LiveDateUtc, i.LiveEndUtc));

    /// <summary>One page of <paramref name="ordered"/>, counted in the database.</summary>
    public static async Task<PageOf<ContentCard>> PageAsync(this IQueryable<ContentItem> ordered, int number, CancellationToken ct)
    {
        var total = await ordered.CountAsync(ct);
        var items = number < 1 ? [] : await ordered.Skip((number - 1) * Paging.PageSize).Take(Paging.PageSize).AsCards().ToListAsync(ct);
        return new PageOf<ContentCard>(items, number, total);
    }
}
