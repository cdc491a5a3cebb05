using KnowledgePlatform.Web.Content;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Site;

/// <summary>
/// A paged list of one kind of published item, newest first (/verslagen, /dossiers,
/// /nieuwsbrief); Pages/Shared/_Listing.cshtml renders it. A page past the end answers 404.
/// </summary>
public abstract class ListingPageModel(ListingQuery lists) : PageModel
{
    public PageOf<ContentCard> Items { get; private set; } = null!;

    protected abstract ContentType Type { get; }

    /// <summary>The h1, the breadcrumb and the title: "Verslagen".</summary>
    public abstract string Heading { get; }

    public abstract string Lead { get; }

    /// <summary>What the page says when there is nothing yet: "Er zijn nog geen verslagen.".</summary>
    public abstract string Empty { get; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Items = await lists.NewestAsync(Type, Paging.Requested(Request.Query[Paging.QueryKey]), ct);
        if (!Items.Exists)
        {
            return NotFound();
        }

        ViewData["Title"] = Items.Number > 1 ? $"{Heading} – pagina {Items.Number}" : Heading;
        ViewData["Description"] = Lead;
        return Page();
    }
}
