using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Editing;

/// <summary>The back-office list: every item by its latest version, with search, filters and sorting.</summary>
public sealed class ContentList(KnowledgeDbContext db)
{
    public sealed record Filter(ContentType? Type, ContentStatus? Status, Guid? Term, DateOnly? From, DateOnly? To, string? Q, string? Sort);

    public sealed record Row(Guid Key, ContentType Type, ContentStatus Status, string Title, int LatestVersion, int? LiveVersion,
        DateTime UpdatedUtc, string UpdatedBy, DateTime? DateUtc);

    public async Task<IReadOnlyList<Row>> ListAsync(Filter filter, int limit, CancellationToken ct)
    {
        var query = from i in db.ContentItems.AsNoTracking()
                    join v in db.ContentVersions.AsNoTracking() on new { K = i.Key, N = i.LatestVersion } equals new { K = v.ContentKey, N = v.Number }
                    select new { i, v };
        if (filter.Type is { } type)
        {
            query = query.Where(x => x.i.Type == type);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(x => x.i.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim().ToLowerInvariant();
#pragma warning disable CA1304, CA1311, CA1862 // translated to SQL lower(): case-insensitive on both providers
            query = query.Where(x => x.v.Title.ToLower().Contains(q) || x.v.Slug.Contains(q));
#pragma warning restore CA1304, CA1311, CA1862
        }

        if (filter.Term is { } term)
        {
            // The latest version's body names the term (JSON holds Guids in their "d" form).
            var text = term.ToString("d");
            query = query.Where(x => x.v.Body.Contains(text));
        }

        // Date: the event's date for events, else the last change; compared in UTC from Amsterdam days.
        if (filter.From is { } from)
        {
            var start = ContentFormMapping.At(from, null).UtcDateTime;
            query = query.Where(x => (x.i.LiveDateUtc ?? x.i.UpdatedUtc) >= start);
        }

        if (filter.To is { } to)
        {
            var end = ContentFormMapping.At(to.AddDays(1), null).UtcDateTime;
            query = query.Where(x => (x.i.LiveDateUtc ?? x.i.UpdatedUtc) < end);
        }

        query = filter.Sort switch
        {
            "titel" => query.OrderBy(x => x.v.Title),
            "datum" => query.OrderByDescending(x => x.i.LiveDateUtc ?? x.i.UpdatedUtc),
            "oudste" => query.OrderBy(x => x.i.UpdatedUtc),
            _ => query.OrderByDescending(x => x.i.UpdatedUtc),
        };
        return await query.Take(limit)
            .Select(x => new Row(x.i.Key, x.i.Type, x.i.Status, x.v.Title, x.i.LatestVersion, x.i.LiveVersion, x.i.UpdatedUtc, x.v.CreatedBy, x.i.LiveDateUtc))
            .ToListAsync(ct);
    }
}
