using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Pages.Agenda;
using KnowledgePlatform.Web.Pages.Artikelen;
using KnowledgePlatform.Web.Pages.Dossiers;
using KnowledgePlatform.Web.Pages.Verslagen;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Inhoud;

/// <summary>
/// The latest version (draft or not) rendered by the public detail template of its type, in the
/// public layout, under /beheer: only signed-in editors reach it, it is never output-cached (no
/// [OutputCache] here; the public page model is only used as a view model), and the response says
/// no-store and noindex. The public page model is filled by the same method its own page uses.
/// </summary>
public sealed class VoorbeeldModel(KnowledgeDbContext db) : PageModel
{
    public Guid Key { get; private set; }
    public int Version { get; private set; }
    public bool IsLive { get; private set; }

    /// <summary>The public page's model, filled from the draft, and the partial that renders that page.</summary>
    public PageModel PublicPage { get; private set; } = null!;
    public string PublicPartial { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid key, CancellationToken ct)
    {
        var item = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.Key == key, ct);
        if (item is null)
        {
            return NotFound();
        }

        var body = ContentJson.DeserializeBody(await db.ContentVersions.AsNoTracking()
            .Where(v => v.ContentKey == key && v.Number == item.LatestVersion).Select(v => v.Body).SingleAsync(ct));
        (Key, Version, IsLive) = (key, item.LatestVersion, item.Status == ContentStatus.Published && item.LiveVersion == item.LatestVersion);
        // The page reads the live projection; show it the draft's.
        var draft = new ContentItem
        {
            Key = item.Key, Type = item.Type, Status = item.Status, Slug = body.Slug, LatestVersion = item.LatestVersion, LiveVersion = item.LiveVersion,
            CreatedUtc = item.CreatedUtc, UpdatedUtc = item.UpdatedUtc, PublishedUtc = item.PublishedUtc,
            LiveSlug = body.Slug, LiveTitle = body.Title, LiveSummary = body.Summary,
        };
        var shown = body switch
        {
            EventContent e => await ShowAsync<EventModel, EventContent>(draft, e, "/Pages/Agenda/_EventPage.cshtml", ct),
            MeetingReportContent r => await ShowAsync<ReportModel, MeetingReportContent>(draft, r, "/Pages/Verslagen/_ReportPage.cshtml", ct),
            DossierArticleContent a => await ShowAsync<ArticleModel, DossierArticleContent>(draft, a, "/Pages/Artikelen/_ArticlePage.cshtml", ct),
            DossierContent d => await ShowAsync<DossierModel, DossierContent>(draft, d, "/Pages/Dossiers/_DossierPage.cshtml", ct),
            _ => false, // newsletter issues have their own preview (Nieuwsbrief)
        };
        if (!shown)
        {
            return NotFound();
        }

        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        ViewData["Title"] = "Voorbeeld: " + body.Title;
        return Page();
    }

    private async Task<bool> ShowAsync<TModel, TBody>(ContentItem item, TBody body, string partial, CancellationToken ct)
        where TModel : Site.DetailPageModel<TBody>
        where TBody : ContentBody
    {
        var page = ActivatorUtilities.CreateInstance<TModel>(HttpContext.RequestServices);
        page.PageContext = PageContext; // shares this request's ViewData, so the layout gets the title and metadata
        await page.ShowAsync(item, body, ct);
        (PublicPage, PublicPartial) = (page, partial);
        return true;
    }
}
