using KnowledgePlatform.Web.Accounts;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Infrastructure;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Nieuwsbrief.Abonnees;

/// <summary>Subscribers with filters (status, theme, region, address), counts per status and topic, and the CSV export. Personal data: Publish.</summary>
[Authorize(Policy = Policies.Publish)]
public sealed class IndexModel(SubscriberList list, NewsletterTopics topics, KnowledgeDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public SubscriberStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Thema { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Regio { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int Pagina { get; set; } = 1;

    public IReadOnlyList<Subscriber> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<Topic> Topics { get; private set; } = [];
    public IReadOnlyDictionary<SubscriberStatus, int> PerStatus { get; private set; } = new Dictionary<SubscriberStatus, int>();
    public IReadOnlyList<SubscriberList.TopicCount> PerTopic { get; private set; } = [];
    public int AllTopics { get; private set; }

    private SubscriberList.Filter Filter => new(Status, Thema, Regio, Q);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Topics = await topics.AllAsync(ct);
        (Rows, Total) = await list.PageAsync(Filter, Math.Max(1, Pagina), PageSize, ct);
        (PerStatus, PerTopic, AllTopics) = await list.CountsAsync(Topics, ct);
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var all = await topics.AllAsync(ct);
        var rows = await list.Query(Filter).OrderBy(s => s.Id).ToListAsync(ct);
        string Local(DateTime? utc) => utc is { } u ? DutchTime.ToAmsterdam(u).ToString("yyyy-MM-dd HH:mm", DutchTime.Culture) : "";
        IEnumerable<IReadOnlyList<string?>> lines = rows.Select(s => (IReadOnlyList<string?>)
        [
            s.Email, s.Name, StatusText(s.Status),
            s.AllTopics ? "" : SubscriberCsvRows.Names(s.TermKeys(), all, Vocabulary.ThemeAlias),
            s.AllTopics ? "" : SubscriberCsvRows.Names(s.TermKeys(), all, Vocabulary.RegionAlias),
            Local(s.CreatedUtc), Local(s.ConfirmedUtc), s.Source, s.BounceCount.ToString(DutchTime.Culture),
        ]);
        AuditLog.Record(db, User.Identity?.Name ?? "?", "subscribers.export", "subscribers", null, null, new { rows = rows.Count, status = Status?.ToString(), theme = Thema, region = Regio, q = Q });
        await db.SaveChangesAsync(ct);
        return File(SpreadsheetCsv.Write(lines.Prepend(SubscriberCsvRows.Header)), SpreadsheetCsv.ContentType, "abonnees.csv");
    }

    public static string StatusText(SubscriberStatus status) => status switch
    {
        SubscriberStatus.Pending => "nog niet bevestigd",
        SubscriberStatus.Active => "actief",
        SubscriberStatus.Paused => "gepauzeerd",
        SubscriberStatus.Unsubscribed => "afgemeld",
        SubscriberStatus.Bounced => "gestopt (bounces of klacht)",
        SubscriberStatus.Erased => "gewist",
        _ => status.ToString(),
    };
}
