using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Logboek;

/// <summary>The audit trail for administrators: read-only, newest first, filtered by who, what, which item and when.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(KnowledgeDbContext db) : PageModel
{
    private const int PageSize = 200;

    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Target { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }

    public IReadOnlyList<string> Actions { get; private set; } = [];
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Actions = await db.AuditEntries.AsNoTracking().Select(a => a.Action).Distinct().OrderBy(a => a).ToListAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Actor))
        {
            query = query.Where(a => a.Actor.Contains(Actor.Trim()));
        }

        if (!string.IsNullOrWhiteSpace(Action))
        {
            query = query.Where(a => a.Action == Action);
        }

        if (!string.IsNullOrWhiteSpace(Target))
        {
            query = query.Where(a => a.TargetId == Target.Trim());
        }

        if (From is { } from)
        {
            var start = StartOfDayUtc(from);
            query = query.Where(a => a.AtUtc >= start);
        }

        if (To is { } to)
        {
            var end = StartOfDayUtc(to.AddDays(1));
            query = query.Where(a => a.AtUtc < end);
        }

        Entries = await query.OrderByDescending(a => a.Id).Take(PageSize).ToListAsync(ct);
    }

    private static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), DutchTime.Amsterdam);
}
