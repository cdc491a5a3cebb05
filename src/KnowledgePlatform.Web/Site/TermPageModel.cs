using KnowledgePlatform.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Site;

/// <summary>
/// A theme's or region's page (/themas/{slug}, /regios/{slug}): its upcoming events first, then
/// everything else tagged with it, newest first and paged; Pages/Shared/_TermPage.cshtml renders it.
/// </summary>
public abstract class TermPageModel(ListingQuery lists, TimeProvider clock) : PageModel
{
    public TermInVocabulary Found { get; private set; } = null!;

    /// <summary>Shown on the first page only, so later pages are just the rest of the list.</summary>
    public IReadOnlyList<ContentCard> Upcoming { get; private set; } = [];

    public PageOf<ContentCard> Items { get; private set; } = null!;

    protected abstract string VocabularyAlias { get; }

    /// <summary>The overview of all themes or regions, for the breadcrumbs.</summary>
    public string OverviewUrl => ContentUrls.TermIndex(VocabularyAlias);

    public string OverviewHeading => TermIndexPageModel.HeadingOf(VocabularyAlias);

    /// <summary>The agenda filtered on this term: "/agenda?thema=jeugd".</summary>
    public string AgendaUrl => $"{AgendaFilter.Path}?{(VocabularyAlias == Vocabulary.RegionAlias ? AgendaFilter.RegionKey : AgendaFilter.ThemeKey)}={Uri.EscapeDataString(Found.Term.Slug)}";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (await lists.TermAsync(VocabularyAlias, slug, ct) is not { } found)
        {
            return NotFound();
        }

        Found = found;
        var now = clock.GetUtcNow().UtcDateTime;
        Items = await lists.TaggedAsync(found.Term.Key, now, Paging.Requested(Request.Query[Paging.QueryKey]), ct);
        if (!Items.Exists)
        {
            return NotFound();
        }

        Upcoming = Items.Number == 1 ? await lists.UpcomingTaggedAsync(found.Term.Key, now, ct) : [];
        var name = found.Term.Name;
        ViewData["Title"] = Items.Number > 1 ? $"{name} – pagina {Items.Number}" : name;
        ViewData["Description"] = $"Bijeenkomsten, verslagen en artikelen over {name}.";
        return Page();
    }
}
