using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Events.Registrations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Aanmeldingen;

/// <summary>Events with registrations: counts per status, newest event first. Personal data, so Publish.</summary>
[Authorize(Policy = Policies.Publish)]
public sealed class IndexModel(KnowledgeDbContext db) : PageModel
{
    public sealed record Row(Guid Key, string Title, DateTime? StartUtc, int Confirmed, int Waitlisted, int Offered, int Cancelled, int Attended);

    public IReadOnlyList<Row> Events { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var counts = await db.Registrations().GroupBy(r => new { r.EventKey, r.Status })
            .Select(g => new { g.Key.EventKey, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var keys = counts.Select(c => c.EventKey).Distinct().ToList();
        var items = await db.ContentItems.AsNoTracking().Where(i => keys.Contains(i.Key))
            .Select(i => new { i.Key, Title = i.LiveTitle ?? i.Slug, i.LiveDateUtc }).ToListAsync(ct);
        int Count(Guid key, RegistrationStatus s) => counts.FirstOrDefault(c => c.EventKey == key && c.Status == s)?.Count ?? 0;
        Events =
        [
            .. items.OrderByDescending(i => i.LiveDateUtc).Select(i => new Row(i.Key, i.Title, i.LiveDateUtc,
                Count(i.Key, RegistrationStatus.Confirmed), Count(i.Key, RegistrationStatus.Waitlisted), Count(i.Key, RegistrationStatus.Offered),
                Count(i.Key, RegistrationStatus.Cancelled), Count(i.Key, RegistrationStatus.Attended))),
        ];
    }
}
