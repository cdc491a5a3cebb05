using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace KnowledgePlatform.Web.Pages;

[OutputCache(PolicyName = SiteSetup.PublicCachePolicy)]
public sealed class IndexModel(ContentReader reader, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ContentCard> Upcoming { get; private set; } = [];
    public IReadOnlyList<ContentCard> RecentEvents { get; private set; } = [];
    public IReadOnlyList<ContentCard> Reading { get; private set; } = [];
    public IReadOnlyList<ContentCard> Dossiers { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        Upcoming = await reader.UpcomingEventsAsync(now, 6, ct);
        // The demo's events all lie in the past: show the latest ones, so home is never empty.
        RecentEvents = await reader.RecentEventsAsync(now, Upcoming.Count >= 3 ? 3 : 6 - Upcoming.Count, ct);
        Reading = await reader.NewestAsync([ContentType.MeetingReport, ContentType.DossierArticle], 6, ct);
        Dossiers = await reader.NewestAsync([ContentType.Dossier], 3, ct);
    }
}
