using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Editing;

/// <summary>What an editor needs to see first: own drafts, waiting for review, scheduled, upcoming events, and past events still without a report.</summary>
public sealed class Dashboard(KnowledgeDbContext db, TimeProvider clock)
{
    public sealed record Line(Guid Key, ContentType Type, string Title, DateTime? WhenUtc, string? Who);

    public sealed record View(IReadOnlyList<Line> MyDrafts, IReadOnlyList<Line> ForReview, IReadOnlyList<Line> Scheduled,
        IReadOnlyList<Line> Upcoming, IReadOnlyList<Line> MissingReport);

    public async Task<View> LoadAsync(string editor, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var latest = from i in db.ContentItems.AsNoTracking()
                     join v in db.ContentVersions.AsNoTracking() on new { K = i.Key, N = i.LatestVersion } equals new { K = v.ContentKey, N = v.Number }
                     select new { i, v };
        var states = db.Set<EditorialState>().AsNoTracking();
        var events = new[] { ContentType.Event, ContentType.Workshop };

        var myDrafts = await latest.Where(x => x.v.CreatedBy == editor && (x.i.LiveVersion == null || x.i.LatestVersion > x.i.LiveVersion))
            .OrderByDescending(x => x.i.UpdatedUtc).Take(20).Select(x => new Line(x.i.Key, x.i.Type, x.v.Title, x.i.UpdatedUtc, null)).ToListAsync(ct);
        var forReview = await (from x in latest join s in states on x.i.Key equals s.ContentKey where s.SubmittedUtc != null orderby s.SubmittedUtc
                               select new Line(x.i.Key, x.i.Type, x.v.Title, s.SubmittedUtc, s.SubmittedBy)).Take(50).ToListAsync(ct);
        var scheduled = await (from x in latest join s in states on x.i.Key equals s.ContentKey
                               where s.PublishAtUtc != null || s.UnpublishAtUtc != null
                               orderby s.PublishAtUtc ?? s.UnpublishAtUtc
                               select new Line(x.i.Key, x.i.Type, x.v.Title, s.PublishAtUtc ?? s.UnpublishAtUtc, s.PublishAtUtc != null ? "publiceren" : "offline halen")).Take(50).ToListAsync(ct);
        var upcoming = await db.ContentItems.AsNoTracking()
            .Where(i => events.Contains(i.Type) && i.Status == ContentStatus.Published && i.LiveDateUtc >= now)
            .OrderBy(i => i.LiveDateUtc).Take(10).Select(i => new Line(i.Key, i.Type, i.LiveTitle ?? i.Slug, i.LiveDateUtc, null)).ToListAsync(ct);
        // Reports point at their event (ContentReference ReportedEvent, written on publish); drafts of reports count too.
        var since = now.AddYears(-1);
        var missing = await db.ContentItems.AsNoTracking()
            .Where(i => events.Contains(i.Type) && i.Status == ContentStatus.Published && i.LiveDateUtc < now && i.LiveDateUtc >= since)
            .Where(i => !db.ContentReferences.Any(r => r.TargetKey == i.Key && r.Kind == ReferenceKind.ReportedEvent))
            .OrderByDescending(i => i.LiveDateUtc).Take(20).Select(i => new Line(i.Key, i.Type, i.LiveTitle ?? i.Slug, i.LiveDateUtc, null)).ToListAsync(ct);
        var draftReports = await latest.Where(x => x.i.Type == ContentType.MeetingReport).Select(x => x.v.Body).ToListAsync(ct);
        missing = [.. missing.Where(m => !draftReports.Any(b => b.Contains(m.Key.ToString("d"), StringComparison.Ordinal)))];
        return new View(myDrafts, forReview, scheduled, upcoming, missing);
    }
}
